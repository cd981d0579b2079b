package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

var update = flag.Bool("update", false, "rewrite the golden replies in testdata/golden")

// fixedMeta pins the index version so replies are stable.
type fixedMeta struct{ *index.Index }

func (f fixedMeta) Meta() index.Meta {
	m := f.Index.Meta()
	m.Version, m.Built = "testversion", time.Time{}
	return m
}

// storyEngine indexes the built-in story.
func storyEngine(t testing.TB) (bot.Engine, *corpus.Corpus) {
	t.Helper()
	c, err := corpus.Load(corpus.Default())
	if err != nil {
		t.Fatal(err)
	}
	idx, err := index.Build(context.Background(), c.Articles, "", index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return fixedMeta{idx}, c
}

func fixedSince(time.Time) time.Duration { return 1500 * time.Microsecond }

// newBot returns a bot on the story, logging into logs.
func newBot(t testing.TB, cfg bot.Config, logs *bytes.Buffer) *bot.Bot {
	t.Helper()
	if cfg.Engine == nil {
		engine, c := storyEngine(t)
		cfg.Engine, cfg.Topics = engine, c.Topics
	}
	if logs == nil {
		logs = &bytes.Buffer{}
	}
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	cfg.Since = fixedSince
	b, err := bot.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readInteraction(t testing.TB, path string) *discordgo.Interaction {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(data, &i); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &i
}

// TestGolden runs each interaction of testdata/interactions through the
// dispatcher and compares what the user finally sees with
// testdata/golden; go test -update rewrites the golden files.
func TestGolden(t *testing.T) {
	reindex := func(context.Context, func(string)) (string, error) {
		return "1 article added (north-korea-talks-sanctions)", nil
	}
	b := newBot(t, bot.Config{Reindex: reindex}, nil)
	files, err := filepath.Glob("testdata/interactions/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			i := readInteraction(t, file)
			s := &bottest.Session{}
			b.Handle(context.Background(), s, i)
			final := s.Final(i.ID)
			if final == nil {
				t.Fatal("no reply")
			}
			checkLimits(t, final)
			got, err := json.MarshalIndent(final, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./bot -update to create it)", err)
			}
			if string(got)+"\n" != string(want) {
				t.Errorf("reply differs from %s (go test ./bot -update rewrites it after review):\n%s", golden, got)
			}
		})
	}
}

// TestReplies checks what each golden file shows, so that rewriting them
// cannot silently accept a wrong reply.
func TestReplies(t *testing.T) {
	reindexed := false
	reindex := func(context.Context, func(string)) (string, error) { reindexed = true; return "done", nil }
	b := newBot(t, bot.Config{Reindex: reindex}, nil)
	tests := []struct {
		fixture   string
		ephemeral bool
		contains  []string
	}{
		{"who-vetoes", false, []string{"**China** and **Russia** both wield **veto power**", "paragraph 11", "passages matched"}},
		{"oil-cap", false, []string{"**crude oil**", "**two million barrels**", "paragraph 8"}},
		{"ask-crude-oil", false, []string{"how much crude oil can North Korea import?", "**crude oil North Korea**"}},
		{"ask-private", true, []string{"**spokesman**", "Ned Price"}},
		{"ask-no-match", false, []string{"No passage matches", "`/who-vetoes`"}},
		{"ask-typo", false, []string{"Did you mean: *how much crude oil can North Korea import?*?", "**Answer:** from four million to two million barrels", "**import**"}},
		{"ask-weak", false, []string{"No passage clearly answers this; here are the nearest ones."}},
		{"ask-stop-words", false, []string{"no words to search for"}},
		{"ask-markdown", false, []string{`\*\*veto\*\* \_power\_ \` + "`" + `\|\|\` + "`" + ` \> @everyone`, "**veto power**"}},
		{"ask-wrong-type", true, []string{"The option `question` must be text."}},
		{"ask-empty", true, []string{"Please type a question"}},
		{"help", true, []string{"/ask question:", "`/who-vetoes`", "`/oil-cap`"}},
		{"sources", false, []string{"North Korea Talks Sanctions", "11 paragraphs", "1 article · 11 passages · index testversion"}},
		{"reindex-member", true, []string{"Only moderators"}},
		{"reindex-dm", true, []string{"Only moderators"}},
		{"unknown-command", true, []string{"Unknown command /no-such-command"}},
		{"reindex-moderator", true, []string{"Index rebuilt", "done"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			i := readInteraction(t, filepath.Join("testdata", "interactions", tt.fixture+".json"))
			s := &bottest.Session{}
			reindexed = false
			b.Handle(context.Background(), s, i)
			final := s.Final(i.ID)
			if final == nil {
				t.Fatal("no reply")
			}
			if got := final.Flags&discordgo.MessageFlagsEphemeral != 0; got != tt.ephemeral {
				t.Errorf("ephemeral = %v, want %v", got, tt.ephemeral)
			}
			text := flatten(final)
			for _, want := range tt.contains {
				if !strings.Contains(text, want) {
					t.Errorf("reply lacks %q:\n%s", want, text)
				}
			}
			if final.AllowedMentions == nil || len(final.AllowedMentions.Parse) != 0 {
				if s.Events()[0].Response != nil && s.Events()[0].Response.Type == discordgo.InteractionResponseChannelMessageWithSource {
					t.Errorf("allowed mentions %+v: replies must ping nobody", final.AllowedMentions)
				}
			}
			if strings.HasPrefix(tt.fixture, "reindex-") && tt.fixture != "reindex-moderator" && reindexed {
				t.Error("a refused /reindex ran the reindex")
			}
		})
	}
}

// flatten joins every text of a reply.
func flatten(d *discordgo.InteractionResponseData) string {
	var b strings.Builder
	b.WriteString(d.Content + "\n")
	for _, e := range d.Embeds {
		b.WriteString(e.Title + "\n" + e.Description + "\n")
		for _, f := range e.Fields {
			b.WriteString(f.Name + "\n" + f.Value + "\n")
		}
		if e.Footer != nil {
			b.WriteString(e.Footer.Text + "\n")
		}
	}
	return b.String()
}

// checkLimits fails the test when a reply breaks one of Discord's limits or
// leaves a bold pair open.
func checkLimits(t testing.TB, d *discordgo.InteractionResponseData) {
	t.Helper()
	n := func(s string) int { return len([]rune(s)) }
	if n(d.Content) > 2000 {
		t.Errorf("content is %d characters, over 2000", n(d.Content))
	}
	if len(d.Embeds) > 10 {
		t.Errorf("%d embeds, over 10", len(d.Embeds))
	}
	total := 0
	for _, e := range d.Embeds {
		total += n(e.Title) + n(e.Description)
		if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
			t.Errorf("embed over a limit: title %d, description %d, fields %d", n(e.Title), n(e.Description), len(e.Fields))
		}
		for _, f := range e.Fields {
			total += n(f.Name) + n(f.Value)
			if n(f.Name) > 256 || n(f.Value) > 1024 || f.Name == "" || f.Value == "" {
				t.Errorf("field name %d, value %d characters", n(f.Name), n(f.Value))
			}
			balanced(t, f.Value)
		}
		if e.Footer != nil {
			total += n(e.Footer.Text)
			if n(e.Footer.Text) > 2048 {
				t.Errorf("footer %d characters", n(e.Footer.Text))
			}
		}
		balanced(t, e.Description)
	}
	if total > 6000 {
		t.Errorf("embeds total %d characters, over 6000", total)
	}
	balanced(t, d.Content)
}

// balanced fails when s has an odd number of unescaped ** markers.
func balanced(t testing.TB, s string) {
	t.Helper()
	count := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case strings.HasPrefix(s[i:], "**"):
			count++
			i++
		}
	}
	if count%2 != 0 {
		t.Errorf("unbalanced bold in %q", s)
	}
}

// fakeEngine answers every search with a canned result, or panics.
type fakeEngine struct {
	res   *index.Result
	err   error
	panic bool
}

func (f *fakeEngine) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	if f.panic {
		panic("boom")
	}
	return f.res, f.err
}
func (f *fakeEngine) Articles() []index.Article { return nil }
func (f *fakeEngine) Meta() index.Meta          { return index.Meta{} }

func ask(question string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "42", Type: discordgo.InteractionApplicationCommand, Token: "tok",
		Member: &discordgo.Member{User: &discordgo.User{ID: "7"}},
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: question},
		}},
	}
}

func TestDispatchFailures(t *testing.T) {
	tests := []struct {
		name     string
		engine   *fakeEngine
		session  *bottest.Session
		wantText string // in the reply
		wantLog  string // in the logs
	}{
		{"panic is recovered with an apology", &fakeEngine{panic: true}, &bottest.Session{}, "Sorry, something went wrong", "interaction=42"},
		{"engine error becomes an apology and is logged", &fakeEngine{err: errors.New("disk on fire")}, &bottest.Session{}, "Sorry, something went wrong", "disk on fire"},
		{"session error is logged with its code", &fakeEngine{res: &index.Result{}}, &bottest.Session{Err: &discordgo.RESTError{Message: &discordgo.APIErrorMessage{Code: 10062, Message: "Unknown interaction"}}}, "", "code=10062"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			b := newBot(t, bot.Config{Engine: tt.engine}, &logs)
			i := ask("anything")
			b.Handle(context.Background(), tt.session, i)
			if tt.wantText != "" {
				final := tt.session.Final(i.ID)
				if final == nil || !strings.Contains(final.Content, tt.wantText) || final.Flags&discordgo.MessageFlagsEphemeral == 0 {
					t.Errorf("reply %+v, want an ephemeral %q", final, tt.wantText)
				}
			}
			if !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("logs lack %q:\n%s", tt.wantLog, logs.String())
			}
		})
	}
}

func TestDeferredCommandIsEditedIn(t *testing.T) {
	b := newBot(t, bot.Config{Reindex: func(context.Context, func(string)) (string, error) { return "rebuilt", nil }}, nil)
	i := readInteraction(t, "testdata/interactions/reindex-moderator.json")
	s := &bottest.Session{}
	b.Handle(context.Background(), s, i)
	ev := s.Events()
	if len(ev) != 2 || ev[0].Kind != "respond" || ev[0].Response.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || ev[1].Kind != "edit" {
		t.Fatalf("events %+v, want a deferred response then an edit", ev)
	}
	if ev[0].Response.Data.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("deferred flags %v, want ephemeral only", ev[0].Response.Data.Flags)
	}
	if got := (*ev[1].Edit.Embeds)[0].Description; got != "rebuilt" {
		t.Errorf("edited description %q", got)
	}
}

func TestRenderStaysWithinLimits(t *testing.T) {
	long := strings.Repeat("The **council** met again and again. ", 400)
	var hits []index.Hit
	for r := 1; r <= 30; r++ {
		hits = append(hits, index.Hit{Rank: r, Article: "a", Title: strings.Repeat("Long title ", 40), URL: "https://example.com/" + strings.Repeat("x", 300), Paragraph: r, Text: long, Excerpt: long, Published: time.Date(2022, 4, 26, 0, 0, 0, 0, time.UTC)})
	}
	res := &index.Result{Total: 30, Hits: hits}
	b := newBot(t, bot.Config{Engine: &fakeEngine{res: res}, Limit: 30}, nil)
	i := ask(strings.Repeat("council ", 24))
	s := &bottest.Session{}
	b.Handle(context.Background(), s, i)
	final := s.Final(i.ID)
	if final == nil || len(final.Embeds) != 1 || len(final.Embeds[0].Fields) == 0 {
		t.Fatalf("reply %+v", final)
	}
	checkLimits(t, final)
	for _, f := range final.Embeds[0].Fields {
		if !strings.Contains(f.Value, "paragraph") || !strings.Contains(f.Value, "26 April 2022") {
			t.Errorf("field lost its citation: %q", f.Value)
		}
	}
}

func TestNewRefusesTopicClash(t *testing.T) {
	engine, _ := storyEngine(t)
	topics := []corpus.Topic{{Name: "ask", Description: "d", Query: "q", File: "topics.ini", Line: 7}}
	_, err := bot.New(bot.Config{Engine: engine, Topics: topics})
	if err == nil || !strings.Contains(err.Error(), "topics.ini:7") {
		t.Fatalf("err = %v, want a clash naming topics.ini:7", err)
	}
}

func TestCommandsHaveValidDefinitions(t *testing.T) {
	b := newBot(t, bot.Config{}, nil)
	names := map[string]bool{}
	for _, c := range b.Commands() {
		if !corpus.ValidName(c.Name) || names[c.Name] {
			t.Errorf("bad or duplicate name %q", c.Name)
		}
		names[c.Name] = true
		if n := len([]rune(c.Description)); n < 1 || n > 100 {
			t.Errorf("/%s description is %d characters", c.Name, n)
		}
	}
	for _, want := range []string{"ask", "help", "sources", "reindex", "who-vetoes", "oil-cap"} {
		if !names[want] {
			t.Errorf("no /%s", want)
		}
	}
	for _, c := range b.Commands() {
		if c.Name == "reindex" && (c.DefaultMemberPermissions == nil || *c.DefaultMemberPermissions != discordgo.PermissionManageGuild) {
			t.Errorf("/reindex default_member_permissions = %v, want Manage Server", c.DefaultMemberPermissions)
		}
	}
}

func ExampleBot_Handle() {
	c, _ := corpus.Load(corpus.Default())
	idx, _ := index.Build(context.Background(), c.Articles, "", index.Options{})
	defer idx.Close()
	b, _ := bot.New(bot.Config{Engine: idx, Topics: c.Topics, Since: fixedSince})
	i, _ := bottest.ParseCommand("/ask who can veto the resolution?", b.Commands(), bottest.Member{UserID: "1"})
	s := &bottest.Session{}
	b.Handle(context.Background(), s, i)
	fmt.Println(bottest.Text(s.Final(i.ID), false))
	// Output:
	// == who can veto the resolution? ==
	// **Answer:** China and Russia
	//
	// #1
	//    China and Russia both wield **veto** power on the Security Council although the two countries have agreed to some past UN sanctions after growing exasperated with North Korea.
	//    — North Korea Talks Sanctions, paragraph 11
	//
	// #2
	//    The **resolution**, presented to all 15 Security Council members, would also impose restrictions on new exports by North Korea including of mineral fuels and clocks.
	//    — North Korea Talks Sanctions, paragraph 9
	//
	// #3
	//    But a diplomat said that China, North Korea's closest ally, and Russia, whose relations with the West have rapidly deteriorated over the Ukraine invasion, have so far refused any discussion on the draft **resolution**.
	//    — North Korea Talks Sanctions, paragraph 10
	//
	// (4 passages matched · 1.5 ms)
	// [More ▶]
}
