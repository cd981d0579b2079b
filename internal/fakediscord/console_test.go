package fakediscord_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/internal/fakediscord"
)

func TestConsoleDrivesTheBot(t *testing.T) {
	t.Parallel()
	srv := startFake(t, fakediscord.WithConsoleTimeout(10*time.Second))
	errs := make(handlerErrors, 10)
	s := openSession(t, srv, func(s *discordgo.Session) { s.AddHandler(answer(errs)) })
	if _, err := s.ApplicationCommandBulkOverwrite(s.State.User.ID, srv.GuildID(), askCommands); err != nil {
		t.Fatal(err)
	}
	input := strings.Join([]string{
		"help",
		"/ask question: how much oil limit: 2",
		"/ask how much gas",
		"click more",
		"/ask question: ratio: what is it private: yes",
		"/ask limit: x question: q",
		"/ask",
		"/nope",
		"/ask questoin: typo",
		"hello",
		"click nothing",
		"as mod",
		"/who-vetoes",
		"quit",
		"/ask question: never shown",
	}, "\n")
	var out bytes.Buffer
	if err := srv.Console(testCtx(t), strings.NewReader(input), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"/ask question:<string> [limit:<integer>] [private:<boolean>]  Ask the corpus a question",
		"Q: how much oil (limit 2) from " + fakediscord.DefaultUserID,
		"  ## Answer\n  Oil: 500,000 barrels\n  * Source\n    Chapter 7\n  -- 1 of 2\n",
		"[More: click more] [Docs -> https://example.com]",
		"Q: how much gas (limit 3)",
		"More after more by " + fakediscord.DefaultUserID,
		"(only you can see this)\nQ: ratio: what is it (limit 3)",
		`"x" is not an integer`,
		"missing required option question",
		"? unknown command /nope; try /ask, /who-vetoes",
		"unknown option questoin",
		"? commands start with /",
		`has no button "nothing"`,
		"now acting as mod",
		"(only you can see this)\nChina vetoes",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(got, "never shown") {
		t.Errorf("console went on after quit")
	}
	if t.Failed() {
		t.Logf("console output:\n%s", got)
	}
	errs.check(t)
}

func TestConsoleReportsMissingReplies(t *testing.T) {
	t.Parallel()
	srv := startFake(t, fakediscord.WithConsoleTimeout(50*time.Millisecond))
	s := restOnly(t, srv) // a gateway client that never answers
	if _, err := s.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", askCommands); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := srv.Console(testCtx(t), strings.NewReader("/who-vetoes\n"), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "! no reply within 50ms") {
		t.Errorf("output:\n%s", out.String())
	}

	lonely := startFake(t)
	out.Reset()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := lonely.Console(ctx, strings.NewReader("/ask\n"), &out); err != context.Canceled {
		t.Errorf("cancelled console returned %v", err)
	}
}

func TestConsoleUploadsFiles(t *testing.T) {
	t.Parallel()
	srv := startFake(t, fakediscord.WithConsoleTimeout(10*time.Second))
	got := make(chan string, 1)
	s := openSession(t, srv, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			d := ic.ApplicationCommandData()
			a := d.Resolved.Attachments[d.GetOption("file").Value.(string)]
			got <- a.Filename
			_ = s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "got " + a.Filename},
			})
		})
	})
	_, err := s.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", []*discordgo.ApplicationCommand{{
		Name: "upload", Description: "Upload a file",
		Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionAttachment, Name: "file", Description: "The file", Required: true}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(path, []byte("once"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := srv.Console(testCtx(t), strings.NewReader("/upload file: "+path+"\n"), &out); err != nil {
		t.Fatal(err)
	}
	if name := <-got; name != "story.txt" || !strings.Contains(out.String(), "got story.txt") {
		t.Errorf("bot saw %q; output:\n%s", name, out.String())
	}
}
