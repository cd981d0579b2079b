package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/storybot/storybot/internal/fakediscord"
)

// fakeToken is the bot token the local fake Discord expects: shaped like a
// real one, so serve's checks pass.
const fakeToken = "ZmFrZS1ib3Q.ZmFrZQ.c3Rvcnlib3QtZmFrZS1kaXNjb3Jk"

// runFakeDiscord starts a fake Discord for trying the bot locally, and
// turns the lines typed on stdin into slash commands sent to the bot.
func runFakeDiscord(ctx context.Context, args []string, env func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fake-discord", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	srv, err := fakediscord.Start(fakediscord.WithAddr(*addr), fakediscord.WithToken(fakeToken))
	if err != nil {
		return fmt.Errorf("fake-discord: %w", err)
	}
	defer srv.Close()
	fmt.Fprintf(stdout, `fake Discord listening on %s
Start the bot in another terminal with:
  DISCORD_API_BASE=%s DISCORD_TOKEN=%s DISCORD_APP_ID=%s DISCORD_GUILD_ID=%s go run ./cmd/storybot serve
then type slash commands here (/help, /who-vetoes, /ask question: ...), "click CUSTOM_ID" to press a button,
"as mod" or "as user" to change who you are, and "quit" to stop.
`, srv.URL(), srv.URL(), srv.Token(), srv.ApplicationID(), srv.GuildID())
	return srv.Console(ctx, stdin, stdout)
}
