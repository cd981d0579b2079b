package bot_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
)

func moderatorCommand(name string, sub *discordgo.ApplicationCommandInteractionDataOption, perms int64, roles ...string) *discordgo.Interaction {
	data := discordgo.ApplicationCommandInteractionData{Name: name}
	if sub != nil {
		data.Options = []*discordgo.ApplicationCommandInteractionDataOption{sub}
	}
	return &discordgo.Interaction{
		ID: "mod-" + name + strings.Join(roles, ""), Type: discordgo.InteractionApplicationCommand, Token: "t",
		Member: &discordgo.Member{User: &discordgo.User{ID: "900000000000000001", Username: "mod"}, Permissions: perms, Roles: roles},
		Data:   data,
	}
}

func TestModeratorRolesAndAudit(t *testing.T) {
	calls := 0
	reindex := func(ctx context.Context, progress func(string)) (string, error) {
		calls++
		progress("Read 2 files.")
		progress("Indexed 10 of 20 passages.") // within 2 s: not shown
		return "1 article added", nil
	}
	b := newBot(t, bot.Config{Reindex: reindex, ModeratorRoles: []string{"555"}, AuditChannel: "777"}, nil)
	tests := []struct {
		name    string
		perms   int64
		roles   []string
		allowed bool
	}{
		{"manage server may", discordgo.PermissionManageGuild, nil, true},
		{"administrator may", discordgo.PermissionAdministrator, nil, true},
		{"moderator role may", 0, []string{"111", "555"}, true},
		{"other roles may not", discordgo.PermissionSendMessages, []string{"111"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls = 0
			s := &bottest.Session{}
			i := moderatorCommand("reindex", nil, tt.perms, tt.roles...)
			b.Handle(context.Background(), s, i)
			final := s.Final(i.ID)
			if !tt.allowed {
				if calls != 0 || !strings.Contains(final.Content, "Only moderators") {
					t.Errorf("refused member ran a reindex (%d) or got %+v", calls, final)
				}
				return
			}
			if calls != 1 || len(final.Embeds) == 0 || final.Embeds[0].Description != "1 article added" {
				t.Fatalf("reindex calls %d, reply %+v", calls, final)
			}
			var progress, audits int
			for _, e := range s.Events() {
				if e.Kind == bottest.KindEdit && (*e.Edit.Embeds)[0].Title == "Reindexing…" {
					progress++
				}
				if e.Kind == bottest.KindChannel && e.ChannelID == "777" && strings.Contains(e.Message.Content, "**reindex** by <@900000000000000001>") {
					audits++
				}
			}
			if progress != 1 {
				t.Errorf("%d progress edits, want 1 (the second came within 2 s)", progress)
			}
			if audits != 2 {
				t.Errorf("%d audit posts, want 2 (started, done)", audits)
			}
		})
	}
}

func TestCorpusAdd(t *testing.T) {
	files := map[string]string{
		"/good.txt":   "Envoys met in Geneva to talk about fisheries.\n",
		"/binary.txt": "a\x00b",
	}
	cdn := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(body))
	}))
	defer cdn.Close()
	dir := t.TempDir()
	reindexed := 0
	reindex := func(context.Context, func(string)) (string, error) { reindexed++; return "1 article added (good)", nil }
	b := newBot(t, bot.Config{Reindex: reindex, CorpusDir: dir, HTTPClient: cdn.Client()}, nil)
	upload := func(name, path string, size int) *discordgo.InteractionResponseData {
		i := moderatorCommand("corpus", &discordgo.ApplicationCommandInteractionDataOption{
			Name: "add", Type: discordgo.ApplicationCommandOptionSubCommand,
			Options: []*discordgo.ApplicationCommandInteractionDataOption{{Name: "file", Type: discordgo.ApplicationCommandOptionAttachment, Value: "a1"}},
		}, discordgo.PermissionManageGuild)
		data := i.Data.(discordgo.ApplicationCommandInteractionData)
		data.Resolved = &discordgo.ApplicationCommandInteractionDataResolved{Attachments: map[string]*discordgo.MessageAttachment{
			"a1": {ID: "a1", Filename: name, URL: cdn.URL + path, Size: size},
		}}
		i.Data = data
		s := &bottest.Session{}
		b.Handle(context.Background(), s, i)
		return s.Final(i.ID)
	}
	tests := []struct {
		name, file, path string
		size             int
		want             string
		written          string
	}{
		{"a good file is written and indexed", "Good.txt", "/good.txt", 40, "Added Good", "good.txt"},
		{"a binary file is refused", "binary.txt", "/binary.txt", 3, "binary", ""},
		{"a file over the limit is refused before download", "big.txt", "/good.txt", 2 << 20, "at most", ""},
		{"a failed download is an apology", "gone.txt", "/gone.txt", 10, "Sorry", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := reindexed
			reply := upload(tt.file, tt.path, tt.size)
			text := reply.Content
			if len(reply.Embeds) > 0 {
				text += reply.Embeds[0].Title
			}
			if !strings.Contains(text, tt.want) {
				t.Errorf("reply %q lacks %q", text, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if tt.written != "" {
				if _, err := os.Stat(filepath.Join(dir, tt.written)); err != nil || reindexed != before+1 {
					t.Errorf("written %v, reindexed %d times", err, reindexed-before)
				}
			} else if reindexed != before || len(entries) > 1 {
				t.Errorf("a refused upload reindexed (%d) or wrote: %v", reindexed-before, entries)
			}
		})
	}
}

func TestCorpusWithoutFolder(t *testing.T) {
	b := newBot(t, bot.Config{Reindex: func(context.Context, func(string)) (string, error) { return "", nil }}, nil)
	s := &bottest.Session{}
	i := moderatorCommand("corpus", &discordgo.ApplicationCommandInteractionDataOption{
		Name: "remove", Type: discordgo.ApplicationCommandOptionSubCommand,
		Options: []*discordgo.ApplicationCommandInteractionDataOption{{Name: "article", Type: discordgo.ApplicationCommandOptionString, Value: "x"}},
	}, discordgo.PermissionManageGuild)
	b.Handle(context.Background(), s, i)
	if f := s.Final(i.ID); !strings.Contains(f.Content, "No corpus folder is configured") {
		t.Errorf("reply %+v", f)
	}
}

func TestSetTopics(t *testing.T) {
	b := newBot(t, bot.Config{}, nil)
	builtins := len(b.Commands()) - len(b.Topics())
	topics := b.Topics()[:2]
	if err := b.SetTopics(topics); err != nil {
		t.Fatal(err)
	}
	if got, want := len(b.Commands()), builtins+2; got != want {
		t.Errorf("%d commands after SetTopics, want %d", got, want)
	}
	s := &bottest.Session{}
	i := moderatorCommand("who-vetoes", nil, 0)
	// who-vetoes is not among the first two topics any more: unknown now.
	if topics[0].Name != "who-vetoes" && topics[1].Name != "who-vetoes" {
		b.Handle(context.Background(), s, i)
		if f := s.Final(i.ID); !strings.Contains(f.Content, "Unknown command") {
			t.Errorf("a removed topic still answers: %+v", f)
		}
	}
	bad := append(topics, topics[0])
	bad[2].Name = "help"
	if err := b.SetTopics(bad); err == nil {
		t.Error("a topic named help was accepted")
	}
	if len(b.Topics()) != 2 {
		t.Error("a refused topic set replaced the old one")
	}
}
