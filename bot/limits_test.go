package bot_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
	"github.com/storybot/storybot/index"
)

// clock is a settable time for the cooldown.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestCooldown(t *testing.T) {
	clk := &clock{now: time.Unix(1_700_000_000, 0)}
	var m bot.Metrics
	b := newBot(t, bot.Config{Limits: bot.Limits{Cooldown: 3 * time.Second, Now: clk.Now}, Observe: m.Observe}, nil)
	s := &bottest.Session{}
	n := 0
	reply := func(line, user string) *discordgo.InteractionResponseData {
		t.Helper()
		i := command(line, b, user)
		n++
		i.ID = "cd-" + string(rune('a'+n))
		b.Handle(context.Background(), s, i)
		return s.Final(i.ID)
	}
	isCooldown := func(d *discordgo.InteractionResponseData) bool {
		return d != nil && strings.Contains(d.Content, "You can ask again in") && d.Flags&discordgo.MessageFlagsEphemeral != 0
	}
	if r := reply("/ask question: who vetoes", asker); isCooldown(r) || len(r.Embeds) == 0 {
		t.Fatalf("first ask: %+v", r)
	}
	clk.add(time.Second)
	r := reply("/who-vetoes", asker)
	if !isCooldown(r) || !strings.Contains(r.Content, "in 2 seconds") {
		t.Errorf("topic command 1 s later: %+v", r)
	}
	if r := reply("/help", asker); isCooldown(r) {
		t.Errorf("/help is not rate limited: %+v", r)
	}
	if r := reply("/ask question: oil cap", "700000000000000099"); isCooldown(r) {
		t.Errorf("another member waits too: %+v", r)
	}
	mod := command("/ask question: who vetoes", b, asker)
	mod.ID = "cd-mod"
	mod.Member.Permissions = discordgo.PermissionManageGuild
	b.Handle(context.Background(), s, mod)
	if r := s.Final(mod.ID); isCooldown(r) {
		t.Errorf("moderators are exempt: %+v", r)
	}
	clk.add(2 * time.Second)
	if r := reply("/who-vetoes", asker); isCooldown(r) {
		t.Errorf("after the cooldown: %+v", r)
	}
	var out bytes.Buffer
	m.WriteTo(&out)
	if !strings.Contains(out.String(), `storybot_interactions_total{kind="command",command="who-vetoes",outcome="cooldown"} 1`) {
		t.Errorf("metrics:\n%s", out.String())
	}
}

// gateEngine blocks every search until released.
type gateEngine struct {
	bot.Engine
	entered chan struct{}
	release chan struct{}
}

func (g *gateEngine) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	g.entered <- struct{}{}
	<-g.release
	return g.Engine.Search(ctx, q)
}

func TestBusy(t *testing.T) {
	story, c := storyEngine(t)
	g := &gateEngine{Engine: story, entered: make(chan struct{}, 1), release: make(chan struct{})}
	b := newBot(t, bot.Config{Engine: g, Topics: c.Topics, Limits: bot.Limits{MaxSearches: 1, Cooldown: time.Hour}, DeferAfter: time.Minute}, nil)
	s := &bottest.Session{}
	first := command("/ask question: who vetoes", b, asker)
	first.ID = "busy-1"
	done := make(chan struct{})
	go func() { b.Handle(context.Background(), s, first); close(done) }()
	<-g.entered // the only slot is taken

	second := command("/who-vetoes", b, "700000000000000098")
	second.ID = "busy-2"
	start := time.Now()
	b.Handle(context.Background(), s, second)
	r := s.Final(second.ID)
	if r == nil || !strings.Contains(r.Content, "busy") || r.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("second search: %+v", r)
	}
	ac := autocomplete("ask", "question", "crude oil")
	b.Handle(context.Background(), s, ac)
	if resp := s.Response(ac.ID); resp == nil || len(resp.Data.Choices) != 0 {
		t.Errorf("autocomplete while busy: %+v", resp)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusals took %s; they must not wait", took)
	}
	close(g.release)
	<-done
	if r := s.Final(first.ID); r == nil || len(r.Embeds) == 0 {
		t.Errorf("first search: %+v", r)
	}
	// The slot is free again, and the member told "busy" may try again at
	// once: the refused search did not count for the cooldown.
	g.entered = make(chan struct{}, 1)
	third := command("/who-vetoes", b, "700000000000000098")
	third.ID = "busy-3"
	b.Handle(context.Background(), s, third)
	if r := s.Final(third.ID); r == nil || len(r.Embeds) == 0 {
		t.Errorf("after release: %+v", r)
	}
}

func TestMetricsText(t *testing.T) {
	var m bot.Metrics
	m.Observe("command", "ask", "ok", 30*time.Millisecond)
	m.Observe("command", "ask", "ok", 2*time.Second)
	m.Observe("autocomplete", "ask", "ok", time.Millisecond)
	m.HTTPStatus(401)
	var out bytes.Buffer
	if err := m.WriteTo(&out, bot.Gauge{Name: "storybot_index_passages", Help: "Passages.", Type: "gauge", Value: 24}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# TYPE storybot_interactions_total counter\n",
		`storybot_interactions_total{kind="command",command="ask",outcome="ok"} 2`,
		`storybot_interaction_duration_seconds_bucket{kind="command",le="0.05"} 1`,
		`storybot_interaction_duration_seconds_bucket{kind="command",le="2.5"} 2`,
		`storybot_interaction_duration_seconds_bucket{kind="command",le="+Inf"} 2`,
		`storybot_interaction_duration_seconds_count{kind="autocomplete"} 1`,
		`storybot_http_requests_total{code="401"} 1`,
		"# TYPE storybot_index_passages gauge\nstorybot_index_passages 24\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("metrics lack %q:\n%s", want, out.String())
		}
	}
}
