package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/internal/fakediscord"
)

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// served is the real serve path (the code run calls) connected to a fake Discord.
type served struct {
	srv  *fakediscord.Server
	logs *syncBuffer
	stop func() error
}

func discordEnv(srv *fakediscord.Server) map[string]string {
	return map[string]string{
		"DISCORD_TOKEN":    srv.Token(),
		"DISCORD_APP_ID":   srv.ApplicationID(),
		"DISCORD_GUILD_ID": srv.GuildID(),
		"DISCORD_API_BASE": srv.URL(),
		// One member sends several commands in a row here.
		"STORYBOT_COOLDOWN": "0",
	}
}

// startServe runs `storybot serve` against srv until stop is called, and
// waits until the bot has synced its commands.
func startServe(t *testing.T, srv *fakediscord.Server, extra ...string) *served {
	t.Helper()
	env := discordEnv(srv)
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	before := len(srv.Requests())
	logs, done, stop := runInBackground(t, env, "serve")
	s := &served{srv: srv, logs: logs, stop: stop}
	// Synced: the bot listed the guild's commands after identifying.
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(logs.String(), "commands synced") {
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not sync commands in 20s; requests %v\nlogs:\n%s", srv.Requests()[before:], logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	return s
}

// runInBackground runs the program with args and env until the returned
// stop is called (also at the end of the test): stop cancels its context
// and waits up to 20 s for run to return, giving its error. done delivers
// run's error when it ends by itself.
func runInBackground(t *testing.T, env map[string]string, args ...string) (*syncBuffer, <-chan error, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"storybot"}, args...), func(k string) string { return env[k] }, strings.NewReader(""), &bytes.Buffer{}, logs)
	}()
	var once sync.Once
	var stopErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(20 * time.Second):
				stopErr = errors.New("serve did not stop within 20s")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { stop() })
	return logs, done, stop
}

// send sends an interaction and fails the test when the fake cannot.
func send(t *testing.T, srv *fakediscord.Server, i *discordgo.Interaction, opts ...fakediscord.InteractionOption) *fakediscord.Exchange {
	t.Helper()
	ex, err := srv.SendInteraction(i, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// clickOn presses a button of an exchange's reply.
func clickOn(t *testing.T, ex *fakediscord.Exchange, id string, opts ...fakediscord.InteractionOption) *fakediscord.Exchange {
	t.Helper()
	next, err := ex.Click(id, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return next
}

// final waits for the reply the user finally sees (past any progress
// edits of a deferred reply), and fails the test on anything the fake
// Discord rejected.
func final(t *testing.T, ex *fakediscord.Exchange) *discordgo.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	settled := func(e *fakediscord.Exchange) bool {
		if !e.Complete() {
			return false
		}
		m := e.Original()
		return m == nil || len(m.Embeds) == 0 || m.Embeds[0].Title != "Reindexing…"
	}
	if err := ex.WaitFor(ctx, settled); err != nil {
		t.Fatalf("no final reply: %v; rejections %v", err, ex.Rejections())
	}
	m, err := ex.Final(ctx)
	if err != nil {
		t.Fatalf("no final reply: %v; rejections %v", err, ex.Rejections())
	}
	if rej := ex.Rejections(); len(rej) > 0 {
		t.Errorf("the fake Discord rejected: %v", rej)
	}
	return m
}

func buttonID(t *testing.T, m *discordgo.Message, label string) string {
	t.Helper()
	for _, b := range fakediscord.Buttons(m) {
		if b.Label == label {
			return b.CustomID
		}
	}
	t.Fatalf("no %q button on %s", label, fakediscord.FormatMessage(m))
	return ""
}

const moderatorPerms = discordgo.PermissionManageGuild

// TestServeEndToEnd drives the real serve path and the real discordgo
// client through a fake Discord on 127.0.0.1.
func TestServeEndToEnd(t *testing.T) {
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)
	s := startServe(t, srv)
	member := fakediscord.WithMember("700000000000000001", discordgo.PermissionSendMessages)

	t.Run("synced commands have the right shape", func(t *testing.T) {
		cmds := srv.Commands(srv.GuildID())
		byName := map[string]*discordgo.ApplicationCommand{}
		for _, c := range cmds {
			byName[c.Name] = c
		}
		for _, name := range []string{"ask", "help", "sources", "reindex", "who-vetoes", "oil-cap", "parade"} {
			if byName[name] == nil {
				t.Errorf("no /%s among %d commands", name, len(cmds))
			}
		}
		ask := byName["ask"]
		if ask == nil || len(ask.Options) != 3 || ask.Options[0].Name != "question" || !ask.Options[0].Required || !ask.Options[0].Autocomplete || ask.Options[2].Name != "article" || !ask.Options[2].Autocomplete {
			t.Errorf("/ask options %+v", ask.Options)
		}
		if r := byName["reindex"]; r == nil || r.DefaultMemberPermissions == nil || *r.DefaultMemberPermissions != discordgo.PermissionManageGuild {
			t.Errorf("/reindex default_member_permissions: %+v", r)
		}
		if id, ok := srv.LastIdentify(); !ok || id.Intents != discordgo.IntentsNone {
			t.Errorf("identified with intents %v, want none", id.Intents)
		}
	})

	t.Run("who-vetoes answers with paragraph 11 first", func(t *testing.T) {
		m := final(t, send(t, srv, fakediscord.SlashCommand("who-vetoes"), member))
		if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Fields[0].Value, "paragraph 11") || !strings.Contains(m.Embeds[0].Fields[0].Value, "**veto power**") {
			t.Errorf("reply:\n%s", fakediscord.FormatMessage(m))
		}
	})

	t.Run("ask autocompletes and answers", func(t *testing.T) {
		ex := send(t, srv, fakediscord.Autocomplete("ask", "question", "crude oi"), member)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		r, err := ex.WaitResponse(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(r.Data.Choices) == 0 {
			t.Fatalf("autocomplete response %+v", r)
		}
		choice, _ := r.Data.Choices[0].Value.(string)
		m := final(t, send(t, srv, fakediscord.SlashCommand("ask", fakediscord.StringOption("question", choice)), member))
		if !strings.Contains(m.Embeds[0].Fields[0].Value, "paragraph 8") {
			t.Errorf("asking the suggestion %q:\n%s", choice, fakediscord.FormatMessage(m))
		}
	})

	t.Run("more pages by button and a stranger is refused", func(t *testing.T) {
		ex := send(t, srv, fakediscord.SlashCommand("ask", fakediscord.StringOption("question", "North Korea sanctions")), member)
		m := final(t, ex)
		page2 := final(t, clickOn(t, ex, buttonID(t, m, "More ▶")))
		if page2.Embeds[0].Fields[0].Name != "#4" {
			t.Errorf("page 2 starts at %s", page2.Embeds[0].Fields[0].Name)
		}
		stranger := clickOn(t, ex, buttonID(t, m, "More ▶"), fakediscord.WithMember("700000000000000009", discordgo.PermissionSendMessages))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		r, err := stranger.WaitResponse(ctx)
		if err != nil || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Data.Content, "Only the member who asked") {
			t.Errorf("stranger's click: %+v, %v", r, err)
		}
	})

	t.Run("private reply posted to the channel", func(t *testing.T) {
		ex := send(t, srv, fakediscord.SlashCommand("ask", fakediscord.StringOption("question", "who is the spokesman"), fakediscord.BooleanOption("private", true)), member)
		m := final(t, ex)
		if m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Fatal("private reply is public")
		}
		public := final(t, clickOn(t, ex, buttonID(t, m, "Post to channel")))
		if public.Flags&discordgo.MessageFlagsEphemeral != 0 || !strings.Contains(public.Content, "Shared by") || !strings.Contains(public.Embeds[0].Fields[0].Value, "Ned Price") {
			t.Errorf("posted:\n%s", fakediscord.FormatMessage(public))
		}
	})

	t.Run("reindex refused to a member and done for a moderator", func(t *testing.T) {
		m := final(t, send(t, srv, fakediscord.SlashCommand("reindex"), member))
		if !strings.Contains(m.Content, "Only moderators") || m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("member's /reindex:\n%s", fakediscord.FormatMessage(m))
		}
		ex := send(t, srv, fakediscord.SlashCommand("reindex"), fakediscord.WithMember("700000000000000002", moderatorPerms))
		m = final(t, ex)
		if ex.Response().Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || !strings.Contains(fakediscord.FormatMessage(m), "Index rebuilt") {
			t.Errorf("moderator's /reindex (response type %d):\n%s", ex.Response().Type, fakediscord.FormatMessage(m))
		}
	})

	t.Run("a dropped gateway is resumed", func(t *testing.T) {
		if n := srv.DropConnections(); n != 1 {
			t.Fatalf("dropped %d connections", n)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := srv.WaitResumed(ctx); err != nil {
			t.Fatal(err)
		}
		m := final(t, send(t, srv, fakediscord.SlashCommand("help"), member))
		if !strings.Contains(m.Embeds[0].Description, "/ask") {
			t.Errorf("help after resume:\n%s", fakediscord.FormatMessage(m))
		}
	})

	t.Run("clean shutdown", func(t *testing.T) {
		if err := s.stop(); err != nil {
			t.Fatalf("serve returned %v\n%s", err, s.logs.String())
		}
		logs := s.logs.String()
		for _, want := range []string{"connected to Discord", "user=storybot-fake", "commands synced", "count=16", "stopped"} {
			if !strings.Contains(logs, want) {
				t.Errorf("logs lack %q:\n%s", want, logs)
			}
		}
		if strings.Contains(logs, fakeToken) {
			t.Error("the token is in the logs")
		}
		if u := srv.UnknownRequests(); len(u) > 0 {
			t.Errorf("requests to routes the fake does not know: %v", u)
		}
	})

	t.Run("a restart with the same commands writes nothing", func(t *testing.T) {
		before := srv.CommandOverwrites()
		again := startServe(t, srv)
		if err := again.stop(); err != nil {
			t.Fatal(err)
		}
		if srv.CommandOverwrites() != before || !strings.Contains(again.logs.String(), "changed=false") {
			t.Errorf("overwrites %d -> %d; logs:\n%s", before, srv.CommandOverwrites(), again.logs.String())
		}
	})
}

func TestServeConfigErrors(t *testing.T) {
	secret := "c2VjcmV0.c2VjcmV0.bm90LWEtcmVhbC10b2tlbg"
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"missing token", map[string]string{}, "DISCORD_TOKEN is not set"},
		{"malformed token", map[string]string{"DISCORD_TOKEN": "not a token " + secret}, "DISCORD_TOKEN is malformed"},
		{"missing app id", map[string]string{"DISCORD_TOKEN": secret}, "DISCORD_APP_ID is not set"},
		{"malformed app id", map[string]string{"DISCORD_TOKEN": secret, "DISCORD_APP_ID": "12ab"}, "DISCORD_APP_ID is malformed"},
		{"malformed guild id", map[string]string{"DISCORD_TOKEN": secret, "DISCORD_APP_ID": "1180000000000000001", "DISCORD_GUILD_ID": "guild"}, "DISCORD_GUILD_ID is malformed"},
		{"bad api base", map[string]string{"DISCORD_TOKEN": secret, "DISCORD_APP_ID": "1180000000000000001", "DISCORD_API_BASE": "ftp://x/" + secret}, "DISCORD_API_BASE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // no .env
			_, stderr, err := runCmd(t, tt.env, "", "serve")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), secret) || strings.Contains(stderr, secret) {
				t.Errorf("the token leaked: %v / %s", err, stderr)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

// TestServeStopsOnSIGTERM runs the built binary as a child process and
// stops it with a real signal: it finishes and exits 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	bin := binary(t)
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "serve")
			cmd.Dir = t.TempDir()
			cmd.Env = append(os.Environ(), "STORYBOT_CORPUS=", "STORYBOT_INDEX=")
			for k, v := range discordEnv(srv) {
				cmd.Env = append(cmd.Env, k+"="+v)
			}
			var stderr syncBuffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(30 * time.Second)
			for !strings.Contains(stderr.String(), "commands synced") {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("no sync in 30s:\n%s", stderr.String())
				}
				time.Sleep(20 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Wait(); err != nil {
				t.Fatalf("exit: %v\n%s", err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "stopped") {
				t.Errorf("stderr:\n%s", stderr.String())
			}
		})
	}
}

func TestInflightFinishesThenRefuses(t *testing.T) {
	var f inflight
	if !f.start() {
		t.Fatal("refused before close")
	}
	closed := make(chan bool)
	go func() { closed <- f.close(5 * time.Second) }()
	select {
	case <-closed:
		t.Fatal("close returned while an interaction was in flight")
	case <-time.After(50 * time.Millisecond):
	}
	f.done()
	if !<-closed {
		t.Error("close timed out")
	}
	if f.start() {
		t.Error("a new interaction was taken after close")
	}
	var g inflight
	g.start()
	if g.close(10 * time.Millisecond) {
		t.Error("close reported done with work still running")
	}
}
