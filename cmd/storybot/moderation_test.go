package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/index"
	"github.com/storybot/storybot/internal/fakediscord"
)

// corpusCopy copies testdata/corpus (the story and one more article) into a
// new folder a test may change.
func corpusCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	os.MkdirAll(dir, 0o755)
	for _, name := range []string{"north-korea-talks-sanctions.txt", "japan-protests-launch.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	topics, err := os.ReadFile(filepath.Join("..", "..", "corpus", "topics.ini"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "topics.ini"), topics, 0o644)
	return dir
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

const (
	modRole      = "1190000000000000001"
	auditChannel = "1190000000000000002"
	modID        = "700000000000000002"
	memberID     = "700000000000000001"
)

func TestModeratorsEndToEnd(t *testing.T) {
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)
	dir := corpusCopy(t)
	store := filepath.Join(t.TempDir(), "index")
	startServe(t, srv, "STORYBOT_CORPUS", dir, "STORYBOT_INDEX", store,
		"STORYBOT_MODERATOR_ROLES", modRole, "STORYBOT_AUDIT_CHANNEL", auditChannel)
	mod := fakediscord.WithMember(modID, moderatorPerms)
	member := fakediscord.WithMember(memberID, discordgo.PermissionSendMessages)
	roleMod := fakediscord.WithMember("700000000000000003", discordgo.PermissionSendMessages, modRole)

	add := func(t *testing.T, who fakediscord.InteractionOption, name string, data []byte, replace bool) *discordgo.Message {
		t.Helper()
		opts := []*discordgo.ApplicationCommandInteractionDataOption{fakediscord.AttachmentOption("file", srv.AddAttachment(name, data))}
		if replace {
			opts = append(opts, fakediscord.BooleanOption("replace", true))
		}
		return final(t, send(t, srv, fakediscord.SlashCommand("corpus", fakediscord.SubcommandOption("add", opts...)), who))
	}
	ask := func(t *testing.T, q string) string {
		t.Helper()
		m := final(t, send(t, srv, fakediscord.SlashCommand("ask", fakediscord.StringOption("question", q)), member))
		return fakediscord.FormatMessage(m)
	}

	t.Run("members are refused, with or without a moderator role", func(t *testing.T) {
		before := listDir(t, dir)
		for _, cmd := range []*discordgo.Interaction{
			fakediscord.SlashCommand("reindex"),
			fakediscord.SlashCommand("corpus", fakediscord.SubcommandOption("list")),
		} {
			m := final(t, send(t, srv, cmd, member))
			if !strings.Contains(m.Content, "Only moderators") {
				t.Errorf("member: %s", fakediscord.FormatMessage(m))
			}
		}
		m := add(t, member, "sneaky.txt", []byte("Sneaky paragraph.\n"), false)
		if !strings.Contains(m.Content, "Only moderators") || !slices.Equal(listDir(t, dir), before) {
			t.Errorf("a member's upload: %s; folder %v", fakediscord.FormatMessage(m), listDir(t, dir))
		}
		m = final(t, send(t, srv, fakediscord.SlashCommand("corpus", fakediscord.SubcommandOption("list")), roleMod))
		if !strings.Contains(fakediscord.FormatMessage(m), "North Korea Talks Sanctions") {
			t.Errorf("a member with the moderator role: %s", fakediscord.FormatMessage(m))
		}
	})

	t.Run("an upload is checked, written and indexed", func(t *testing.T) {
		article := "---\ntitle: Seoul Hosts Envoys\npublished: 2022-04-28\n---\nEnvoys from Seoul and Tokyo met in a windowless conference room.\nThey discussed the zeppelin festival.\n"
		m := add(t, mod, "Seoul Envoys.TXT", []byte(article), false)
		text := fakediscord.FormatMessage(m)
		if !strings.Contains(text, "Added Seoul Hosts Envoys") || !strings.Contains(text, "1 article added (seoul-envoys)") {
			t.Errorf("reply: %s", text)
		}
		if _, err := os.Stat(filepath.Join(dir, "seoul-envoys.txt")); err != nil {
			t.Error(err)
		}
		if got := ask(t, "zeppelin festival"); !strings.Contains(got, "Seoul Hosts Envoys") {
			t.Errorf("the new article is not searchable: %s", got)
		}
		msgs := srv.ChannelMessages(auditChannel)
		if len(msgs) == 0 || !strings.Contains(msgs[len(msgs)-1].Content, "corpus add") && !strings.Contains(msgs[len(msgs)-2].Content, "corpus add") {
			t.Errorf("audit channel: %v", msgs)
		}
	})

	t.Run("bad uploads change nothing", func(t *testing.T) {
		big := bytes.Repeat([]byte("A long line of text about sanctions.\n"), 40000)
		tests := []struct {
			name, file string
			data       []byte
			want       string
		}{
			{"binary", "binary.txt", []byte("text\x00\x01\x02 more"), "binary"},
			{"not utf-8", "latin1.txt", []byte("caf\xe9 au lait\n"), "UTF-8"},
			{"too large", "big.txt", big, "bytes"},
			{"bad front matter", "front.md", []byte("---\ntitle: x\nwhen: yesterday\n---\nText.\n"), "front.md:3"},
			{"empty", "empty.txt", []byte("\n\n"), "empty"},
			{"wrong extension", "virus.exe", []byte("MZ"), ".txt"},
			{"exists already", "north-korea-talks-sanctions.txt", []byte("A new text.\n"), "replace: True"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := listDir(t, dir)
				m := add(t, mod, tt.file, tt.data, false)
				text := fakediscord.FormatMessage(m)
				if !strings.Contains(text, tt.want) {
					t.Errorf("reply lacks %q: %s", tt.want, text)
				}
				if got := listDir(t, dir); !slices.Equal(got, before) {
					t.Errorf("folder changed: %v -> %v", before, got)
				}
			})
		}
	})

	t.Run("path tricks stay inside the corpus folder", func(t *testing.T) {
		outside := filepath.Dir(dir)
		before := listDir(t, outside)
		m := add(t, mod, "../../escape.txt", []byte("An escaped paragraph about kites.\n"), false)
		if got := listDir(t, outside); !slices.Equal(got, before) {
			t.Errorf("wrote outside the corpus folder: %v -> %v (%s)", before, got, fakediscord.FormatMessage(m))
		}
		for _, name := range listDir(t, dir) {
			if strings.Contains(name, "..") {
				t.Errorf("file %q in the corpus folder", name)
			}
		}
	})

	t.Run("replace keeps the old text in the trash, remove takes it out", func(t *testing.T) {
		m := add(t, mod, "seoul-envoys.txt", []byte("Envoys talked about a velodrome instead.\n"), true)
		if !strings.Contains(fakediscord.FormatMessage(m), "1 changed") {
			t.Errorf("replace: %s", fakediscord.FormatMessage(m))
		}
		if got := ask(t, "zeppelin festival"); strings.Contains(got, "Seoul") {
			t.Errorf("the replaced text is still served: %s", got)
		}
		trash := listDir(t, filepath.Join(dir, ".trash"))
		if len(trash) == 0 {
			t.Error("nothing in the trash after a replace")
		}
		rm := final(t, send(t, srv, fakediscord.SlashCommand("corpus", fakediscord.SubcommandOption("remove", fakediscord.StringOption("article", "seoul-envoys"))), mod))
		if !strings.Contains(fakediscord.FormatMessage(rm), "1 removed") {
			t.Errorf("remove: %s", fakediscord.FormatMessage(rm))
		}
		if got := ask(t, "velodrome"); !strings.Contains(got, "No passage matches") {
			t.Errorf("a removed article is still served: %s", got)
		}
	})

	t.Run("a bad file fails the reindex, names file and line, and the old index serves", func(t *testing.T) {
		bad := filepath.Join(dir, "broken.txt")
		os.WriteFile(bad, []byte("fine\nbad \xff byte\n"), 0o644)
		defer os.Remove(bad)
		m := final(t, send(t, srv, fakediscord.SlashCommand("reindex"), mod))
		if text := fakediscord.FormatMessage(m); !strings.Contains(text, "broken.txt:2") || !strings.Contains(text, "old index keeps serving") {
			t.Errorf("reply: %s", text)
		}
		if got := ask(t, "Hokkaido shelter"); !strings.Contains(got, "Japan Protests Launch") {
			t.Errorf("old index not serving: %s", got)
		}
	})

	t.Run("changed topic commands are synced to Discord", func(t *testing.T) {
		f, _ := os.OpenFile(filepath.Join(dir, "topics.ini"), os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("\n[hokkaido]\ndescription = Where were residents told to take shelter?\nquery = residents Hokkaido shelter\n")
		f.Close()
		before := srv.CommandOverwrites()
		m := final(t, send(t, srv, fakediscord.SlashCommand("reindex"), roleMod))
		if text := fakediscord.FormatMessage(m); !strings.Contains(text, "topic commands changed and were synced") {
			t.Errorf("reply: %s", text)
		}
		if srv.CommandOverwrites() != before+1 {
			t.Errorf("overwrites %d -> %d", before, srv.CommandOverwrites())
		}
		found := false
		for _, c := range srv.Commands(srv.GuildID()) {
			found = found || c.Name == "hokkaido"
		}
		if !found {
			t.Error("/hokkaido not synced")
		}
		h := final(t, send(t, srv, fakediscord.SlashCommand("hokkaido"), member))
		if !strings.Contains(fakediscord.FormatMessage(h), "Hokkaido") {
			t.Errorf("/hokkaido: %s", fakediscord.FormatMessage(h))
		}
	})

	t.Run("storybot index beside the bot is picked up", func(t *testing.T) {
		os.WriteFile(filepath.Join(dir, "late.txt"), []byte("A late article about a submarine regatta.\n"), 0o644)
		env := map[string]string{"STORYBOT_CORPUS": dir, "STORYBOT_INDEX": store}
		if out, _, err := runCmd(t, env, "", "index"); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(ask(t, "submarine regatta"), "Late") {
			if time.Now().After(deadline) {
				t.Fatal("the bot did not pick up the new index in 10s")
			}
			time.Sleep(200 * time.Millisecond)
		}
		// The old version is removed just after the swap that made the
		// answer visible: give it a moment.
		for v := versions(t, store); len(v) != 1; v = versions(t, store) {
			if time.Now().After(deadline) {
				t.Errorf("versions left in the store: %v", v)
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

func versions(t *testing.T, store string) []string {
	var out []string
	for _, n := range listDir(t, store) {
		if strings.HasPrefix(n, "v-") {
			out = append(out, n)
		}
	}
	return out
}

// TestReindexUnderLoad sends a steady stream of /ask through the fake
// Discord while reindexing 20 times, and counts failed or empty answers.
func TestReindexUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("20 reindexes")
	}
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)
	dir := corpusCopy(t)
	startServe(t, srv, "STORYBOT_CORPUS", dir, "STORYBOT_INDEX", filepath.Join(t.TempDir(), "index"))
	member := fakediscord.WithMember(memberID, discordgo.PermissionSendMessages)
	questions := []string{"who can veto the resolution", "how much crude oil", "Hokkaido shelter", "Kim Jong Un parade"}

	stop := make(chan struct{})
	var mu sync.Mutex
	var latencies []time.Duration
	var failures []string
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				start := time.Now()
				ex, err := srv.SendInteraction(fakediscord.SlashCommand("ask", fakediscord.StringOption("question", questions[(n+w)%len(questions)])), member)
				var m *discordgo.Message
				if err == nil {
					ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
					m, err = ex.Final(ctx)
					cancel()
				}
				took := time.Since(start)
				mu.Lock()
				switch {
				case err != nil:
					failures = append(failures, err.Error())
				case len(m.Embeds) == 0 || len(m.Embeds[0].Fields) == 0:
					failures = append(failures, "empty: "+fakediscord.FormatMessage(m))
				default:
					latencies = append(latencies, took)
				}
				mu.Unlock()
			}
		}()
	}
	mod := fakediscord.WithMember(modID, moderatorPerms)
	for r := range 20 {
		m := final(t, send(t, srv, fakediscord.SlashCommand("reindex"), mod))
		if !strings.Contains(fakediscord.FormatMessage(m), "Index rebuilt") {
			t.Fatalf("reindex %d: %s", r+1, fakediscord.FormatMessage(m))
		}
	}
	close(stop)
	wg.Wait()
	if len(failures) > 0 {
		t.Errorf("%d failed or empty answers of %d, first: %s", len(failures), len(failures)+len(latencies), failures[0])
	}
	if len(latencies) < 20 {
		t.Fatalf("only %d answers during 20 reindexes", len(latencies))
	}
	slices.Sort(latencies)
	p := func(q float64) time.Duration { return latencies[int(q*float64(len(latencies)-1))] }
	t.Logf("/ask during 20 reindexes: %d answers, 0 failed; latency p50 %v, p99 %v, max %v", len(latencies), p(0.5), p(0.99), latencies[len(latencies)-1])
}

// TestLibraryRebuildRules checks, without Discord, one rebuild at a time
// and the rollback when a new index fails validation.
func TestLibraryRebuildRules(t *testing.T) {
	ctx := context.Background()
	dir := corpusCopy(t)
	for _, where := range []string{"memory", "store"} {
		t.Run(where, func(t *testing.T) {
			src := source{corpusDir: dir}
			if where == "store" {
				src.indexPath = filepath.Join(t.TempDir(), "index")
			}
			lib, err := openLibrary(ctx, src, slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil)))
			if err != nil {
				t.Fatal(err)
			}
			defer lib.Close()
			before := lib.Meta().Version

			t.Run("a second rebuild while one runs is asked to wait", func(t *testing.T) {
				release := make(chan struct{})
				entered := make(chan struct{})
				lib.check = func(*index.Index) error { close(entered); <-release; return nil }
				done := make(chan error)
				go func() { _, err := lib.Reindex(ctx, func(string) {}); done <- err }()
				<-entered
				_, err := lib.Reindex(ctx, func(string) {})
				var ue *bot.UserError
				if !errors.As(err, &ue) || !strings.Contains(ue.Msg, "already running") {
					t.Errorf("second reindex: %v", err)
				}
				close(release)
				if err := <-done; err != nil {
					t.Fatal(err)
				}
				lib.check = nil
			})
			t.Run("a new index failing validation is rolled back", func(t *testing.T) {
				serving := lib.Meta().Version
				if serving == before {
					t.Fatal("the first rebuild did not swap")
				}
				lib.check = func(*index.Index) error { return fmt.Errorf("probe found nothing") }
				defer func() { lib.check = nil }()
				_, err := lib.Reindex(ctx, func(string) {})
				if err == nil || !strings.Contains(err.Error(), "probe found nothing") || !strings.Contains(err.Error(), "old index keeps serving") {
					t.Fatalf("err = %v", err)
				}
				if lib.Meta().Version != serving {
					t.Error("the failed index was swapped in")
				}
				res, err := lib.Search(ctx, index.Query{Text: "veto"})
				if err != nil || len(res.Hits) == 0 {
					t.Errorf("old index: %v, %v", res, err)
				}
				if where == "store" {
					if v := versions(t, src.indexPath); len(v) != 1 {
						t.Errorf("versions after rollback: %v", v)
					}
				}
			})
		})
	}
}

// TestLibraryRebuildsAnOldIndex checks that an index written before the
// passage file is built again at start, not refused.
func TestLibraryRebuildsAnOldIndex(t *testing.T) {
	ctx := context.Background()
	src := source{corpusDir: corpusCopy(t), indexPath: filepath.Join(t.TempDir(), "index")}
	log := slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))
	lib, err := openLibrary(ctx, src, log)
	if err != nil {
		t.Fatal(err)
	}
	old := lib.Meta().Version
	lib.Close()
	store, err := index.OpenStore(src.indexPath)
	if err != nil {
		t.Fatal(err)
	}
	cur, err := store.Current()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(src.indexPath, cur, "storybot.passages")); err != nil {
		t.Fatal(err)
	}
	lib, err = openLibrary(ctx, src, log)
	if err != nil {
		t.Fatalf("opening an old index: %v", err)
	}
	defer lib.Close()
	if lib.Meta().Version == old {
		t.Error("the old index was not built again")
	}
}
