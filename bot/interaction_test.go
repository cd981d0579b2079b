package bot_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
	"github.com/storybot/storybot/index"
)

// swappable lets a test change the index under the bot, as a reindex does.
type swappable struct {
	bot.Engine
	version string
}

func (s *swappable) Meta() index.Meta {
	m := s.Engine.Meta()
	m.Version = s.version
	return m
}

const asker = "700000000000000001"

var clicks atomic.Int64

func command(line string, b *bot.Bot, user string) *discordgo.Interaction {
	i, err := bottest.ParseCommand(line, b.Commands(), bottest.Member{UserID: user})
	if err != nil {
		panic(err)
	}
	return i
}

// click presses the button with the label on the message a reply became.
func click(t *testing.T, reply *discordgo.InteractionResponseData, label, user string) *discordgo.Interaction {
	t.Helper()
	var id string
	for _, row := range reply.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if btn := c.(discordgo.Button); btn.Label == label {
				id = btn.CustomID
			}
		}
	}
	if id == "" {
		t.Fatalf("no %q button in %+v", label, reply.Components)
	}
	if len(id) > 100 {
		t.Errorf("custom_id %q is over 100 characters", id)
	}
	return &discordgo.Interaction{
		ID: fmt.Sprintf("click-%d", clicks.Add(1)), Type: discordgo.InteractionMessageComponent, Token: "t",
		Member:  &discordgo.Member{User: &discordgo.User{ID: user}},
		Message: &discordgo.Message{ID: "m1", Embeds: reply.Embeds, Components: reply.Components, Flags: reply.Flags},
		Data:    discordgo.MessageComponentInteractionData{CustomID: id, ComponentType: discordgo.ButtonComponent},
	}
}

func fieldParagraphs(d *discordgo.InteractionResponseData) []string {
	var out []string
	for _, f := range d.Embeds[0].Fields {
		out = append(out, f.Name+" "+f.Value[strings.LastIndex(f.Value, "paragraph"):])
	}
	return out
}

func TestPaging(t *testing.T) {
	story, c := storyEngine(t)
	engine := &swappable{Engine: story, version: "v1"}
	b := newBot(t, bot.Config{Engine: engine, Topics: c.Topics}, nil)
	s := &bottest.Session{}
	first := command("/ask question: North Korea sanctions", b, asker)
	b.Handle(context.Background(), s, first)
	page1 := s.Final(first.ID)
	if got := fieldParagraphs(page1); len(got) != 3 || !strings.HasPrefix(got[0], "#1") {
		t.Fatalf("page 1: %v", got)
	}

	t.Run("more shows the next page in place", func(t *testing.T) {
		i := click(t, page1, "More ▶", asker)
		b.Handle(context.Background(), s, i)
		if r := s.Response(i.ID); r == nil || r.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("response %+v, want an update of the message", r)
		}
		page2 := s.Final(i.ID)
		got := fieldParagraphs(page2)
		if len(got) == 0 || !strings.HasPrefix(got[0], "#4") {
			t.Fatalf("page 2: %v", got)
		}
		back := click(t, page2, "◀ Previous", asker)
		b.Handle(context.Background(), s, back)
		if again := fieldParagraphs(s.Final(back.ID)); strings.Join(again, "|") != strings.Join(fieldParagraphs(page1), "|") {
			t.Errorf("previous gave %v, want page 1 %v", again, fieldParagraphs(page1))
		}
	})
	t.Run("a stranger's click is refused privately", func(t *testing.T) {
		i := click(t, page1, "More ▶", "700000000000000002")
		b.Handle(context.Background(), s, i)
		final := s.Final(i.ID)
		if r := s.Response(i.ID); r.Type != discordgo.InteractionResponseChannelMessageWithSource || final.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(final.Content, "Only the member who asked") {
			t.Errorf("response %+v / %+v", r, final)
		}
	})
	t.Run("a click after a reindex says the results are fresh", func(t *testing.T) {
		engine.version = "v2"
		defer func() { engine.version = "v1" }()
		i := click(t, page1, "More ▶", asker)
		b.Handle(context.Background(), s, i)
		if final := s.Final(i.ID); !strings.Contains(final.Content, "reindexed since you asked") || len(final.Embeds) == 0 {
			t.Errorf("reply %+v", final)
		}
	})
	t.Run("a forged custom_id is refused", func(t *testing.T) {
		i := click(t, page1, "More ▶", asker)
		i.Data = discordgo.MessageComponentInteractionData{CustomID: "m|zz|v1|-5|t:../../etc"}
		b.Handle(context.Background(), s, i)
		if final := s.Final(i.ID); final.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(final.Content, "no longer works") {
			t.Errorf("reply %+v", final)
		}
	})
}

func TestPrivateReplyPostToChannel(t *testing.T) {
	b := newBot(t, bot.Config{}, nil)
	s := &bottest.Session{}
	i := command("/who-vetoes private: true", b, asker)
	b.Handle(context.Background(), s, i)
	private := s.Final(i.ID)
	if private.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatal("private reply is not ephemeral")
	}
	post := click(t, private, "Post to channel", asker)
	b.Handle(context.Background(), s, post)
	r := s.Response(post.ID)
	public := s.Final(post.ID)
	if r.Type != discordgo.InteractionResponseChannelMessageWithSource || public.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Fatalf("post: response type %d flags %d, want a public new message", r.Type, public.Flags)
	}
	if !strings.Contains(public.Content, "Shared by <@"+asker+">") || len(public.AllowedMentions.Parse) != 0 {
		t.Errorf("post content %q, mentions %+v", public.Content, public.AllowedMentions)
	}
	if got, want := fieldParagraphs(public), fieldParagraphs(private); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("posted %v, want the private results %v", got, want)
	}
	for _, row := range public.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if c.(discordgo.Button).Label == "Post to channel" {
				t.Error("a public message offers Post to channel")
			}
		}
	}
}

func autocomplete(cmd, focused, value string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: "ac-" + focused + value, Type: discordgo.InteractionApplicationCommandAutocomplete, Token: "t",
		Member: &discordgo.Member{User: &discordgo.User{ID: asker}},
		Data: discordgo.ApplicationCommandInteractionData{Name: cmd, Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: focused, Type: discordgo.ApplicationCommandOptionString, Value: value, Focused: true},
		}},
	}
}

func TestAutocomplete(t *testing.T) {
	b := newBot(t, bot.Config{}, nil)
	tests := []struct {
		name, option, typed string
		want                string // a choice name that must be offered; "" for none at all
		min                 int
	}{
		{"empty question offers topic questions", "question", "", "Who can veto new UN sanctions on North Korea?", 10},
		{"half-typed word matches topic questions", "question", "vet", "Who can veto new UN sanctions on North Korea?", 1},
		{"words find phrases from the passages", "question", "crude oil", "A draft Security Council resolution presented earlier this month by the United States and seen by…", 1},
		{"nonsense offers nothing", "question", "zzzqqq", "", 0},
		{"article titles", "article", "korea", "North Korea Talks Sanctions", 1},
		{"huge input is cut, not refused", "question", strings.Repeat("veto ", 500), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &bottest.Session{}
			i := autocomplete("ask", tt.option, tt.typed)
			b.Handle(context.Background(), s, i)
			r := s.Response(i.ID)
			if r == nil || r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("response %+v, want an autocomplete result", r)
			}
			choices := r.Data.Choices
			if len(choices) > 25 || len(choices) < tt.min {
				t.Fatalf("%d choices", len(choices))
			}
			found := tt.want == ""
			for _, c := range choices {
				v, _ := c.Value.(string)
				if n := len([]rune(c.Name)); n < 1 || n > 100 || len([]rune(v)) > 100 {
					t.Errorf("choice %q over Discord's limits", c.Name)
				}
				found = found || c.Name == tt.want
			}
			if !found {
				t.Errorf("choices %v lack %q", names(choices), tt.want)
			}
			if tt.want == "" && tt.min == 0 && tt.typed == "zzzqqq" && len(choices) != 0 {
				t.Errorf("choices %v, want none", names(choices))
			}
		})
	}
}

func names(cs []*discordgo.ApplicationCommandOptionChoice) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func TestAskScopedToArticle(t *testing.T) {
	b := newBot(t, bot.Config{}, nil)
	s := &bottest.Session{}
	ok := command("/ask question: veto article: north-korea-talks-sanctions", b, asker)
	b.Handle(context.Background(), s, ok)
	if f := s.Final(ok.ID); len(f.Embeds) == 0 || len(f.Embeds[0].Fields) == 0 {
		t.Errorf("scoped ask: %+v", f)
	}
	bad := command("/ask question: veto article: no-such", b, asker)
	b.Handle(context.Background(), s, bad)
	if f := s.Final(bad.ID); f.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(f.Content, `no article "no-such"`) {
		t.Errorf("unknown article: %+v", f)
	}
}

// slowEngine takes its time, to test deferral.
type slowEngine struct {
	bot.Engine
	delay time.Duration
}

func (s slowEngine) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	time.Sleep(s.delay)
	return s.Engine.Search(ctx, q)
}

func TestSlowWorkIsDeferred(t *testing.T) {
	story, c := storyEngine(t)
	tests := []struct {
		name      string
		delay     time.Duration
		wantFirst discordgo.InteractionResponseType
		events    int
	}{
		{"fast answer is sent at once", 0, discordgo.InteractionResponseChannelMessageWithSource, 1},
		{"slow answer is deferred then edited in", 200 * time.Millisecond, discordgo.InteractionResponseDeferredChannelMessageWithSource, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBot(t, bot.Config{Engine: slowEngine{story, tt.delay}, Topics: c.Topics, DeferAfter: 50 * time.Millisecond}, nil)
			s := &bottest.Session{}
			i := command("/who-vetoes", b, asker)
			b.Handle(context.Background(), s, i)
			ev := s.Events()
			if len(ev) != tt.events || ev[0].Response.Type != tt.wantFirst {
				t.Fatalf("events %+v", ev)
			}
			if f := s.Final(i.ID); len(f.Embeds) == 0 || !strings.Contains(f.Embeds[0].Fields[0].Value, "**veto power**") {
				t.Errorf("final %+v", f)
			}
		})
	}
}

func TestSync(t *testing.T) {
	b := newBot(t, bot.Config{}, nil)
	s := &bottest.Session{}
	for round, want := range []bool{true, false, false} {
		wrote, err := b.Sync(s, "app", "guild")
		if err != nil {
			t.Fatal(err)
		}
		if wrote != want {
			t.Errorf("round %d: wrote = %v, want %v", round, wrote, want)
		}
	}
	if s.Overwrites != 1 {
		t.Errorf("%d overwrites, want 1", s.Overwrites)
	}
	// A changed topic set is written again.
	engine, c := storyEngine(t)
	b2 := newBot(t, bot.Config{Engine: engine, Topics: c.Topics[:3]}, nil)
	if wrote, err := b2.Sync(s, "app", "guild"); err != nil || !wrote {
		t.Errorf("changed commands: wrote %v, %v", wrote, err)
	}
	if cmds, _ := s.ApplicationCommands("app", "guild"); len(cmds) != len(b2.Commands()) {
		t.Errorf("%d commands stored, want %d", len(cmds), len(b2.Commands()))
	}
}
