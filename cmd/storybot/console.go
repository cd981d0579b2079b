package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/term"

	"github.com/storybot/storybot/bot/bottest"
)

func runConsole(ctx context.Context, args []string, env func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("console", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	addSourceFlags(fs, env, &src)
	asJSON := fs.Bool("json", false, "print each reply as the interaction response JSON, one a line")
	member := fs.Bool("member", false, "act as a member without moderator permissions")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	log := newLogger(stderr, env)
	lib, err := openLibrary(ctx, src, log)
	if err != nil {
		return err
	}
	defer lib.Close()
	b, err := wireBot(lib, src, env, log, nil, nil)
	if err != nil {
		return err
	}
	perms := int64(discordgo.PermissionManageGuild)
	if *member {
		perms = discordgo.PermissionSendMessages
	}
	interactive := isTerminal(stdin)
	if interactive && !*asJSON {
		fmt.Fprintln(stdout, "storybot console: type /help, /ask question: …, or a topic command; Ctrl-D to quit.")
	}
	c := &bottest.Console{
		Bot:    b,
		JSON:   *asJSON,
		Bold:   interactive && isTerminal(stdout),
		Member: bottest.Member{UserID: "1000", Username: "console", Permissions: perms},
	}
	return c.Run(ctx, stdin, stdout)
}

func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
