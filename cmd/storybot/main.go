// Command storybot answers questions about news stories: on Discord, in a
// local console, or from the command line. All wiring of the packages
// corpus, index and bot happens here.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "storybot:", err)
		}
		os.Exit(exitCode(err))
	}
}

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var ue *usageError
	if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

const usage = `storybot answers questions about news stories, with cited excerpts.

Usage:
  storybot ask [--json] [--limit N] [--corpus DIR] [--index PATH] QUESTION...
  storybot console [--json] [--corpus DIR] [--index PATH] [--member]
  storybot index [--corpus DIR] [--index PATH]
  storybot serve [--http ADDR] [--corpus DIR] [--index PATH]
  storybot commands sync [--corpus DIR] [--index PATH]
  storybot corpus add FILE [--replace] | remove ID | list [--corpus DIR]
  storybot eval FILE [--corpus DIR] [--article ID]
  storybot fake-discord [--addr HOST:PORT]
  storybot bench [--sizes 1000,10000,100000] [--json] [--seed N] [--chart FILE.svg]
  storybot loadgen --url http://127.0.0.1:PORT/interactions --key-seed HEX [--n N] [--concurrency C] [--duration D]

Configuration comes from the environment and an optional .env file:
STORYBOT_CORPUS (articles folder) and STORYBOT_INDEX (index on disk);
DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_GUILD_ID and DISCORD_API_BASE for
serve and commands; DISCORD_PUBLIC_KEY for serve --http (HTTP interactions
at ADDR/interactions, with /healthz and /metrics); STORYBOT_COOLDOWN and
STORYBOT_MAX_SEARCHES limit serve. With no corpus or index configured,
storybot answers from the story built into the binary.
`

// run is the whole program: main only calls it, so tests call it too.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return &usageError{"no command given"}
	}
	env, err := loadEnv(getenv)
	if err != nil {
		return err
	}
	cmd, rest := args[1], args[2:]
	switch cmd {
	case "ask":
		return runAsk(ctx, rest, env, stdout, stderr)
	case "console":
		return runConsole(ctx, rest, env, stdin, stdout, stderr)
	case "index":
		return runIndex(ctx, rest, env, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, env, stdout, stderr)
	case "commands":
		return runCommands(ctx, rest, env, stdout, stderr)
	case "corpus":
		return runCorpus(ctx, rest, env, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, env, stdout, stderr)
	case "fake-discord":
		return runFakeDiscord(ctx, rest, env, stdin, stdout, stderr)
	case "bench":
		return runBench(ctx, rest, env, stdout, stderr)
	case "loadgen":
		return runLoadgen(ctx, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return &usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}
