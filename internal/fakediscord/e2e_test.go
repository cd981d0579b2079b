package fakediscord_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/fakediscord"
)

// startFake starts a fake Discord that is closed when the test ends.
func startFake(t *testing.T, opts ...fakediscord.Option) *fakediscord.Server {
	t.Helper()
	srv := fakediscord.New(append([]fakediscord.Option{fakediscord.WithLogf(t.Logf)}, opts...)...)
	t.Cleanup(srv.Close)
	return srv
}

// openSession opens a real discordgo session on the fake, closed before the
// fake when the test ends. setup runs before Open, to add handlers.
func openSession(t *testing.T, srv *fakediscord.Server, setup func(*discordgo.Session)) *discordgo.Session {
	t.Helper()
	s, err := bot.NewDiscordSession(srv.Token(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(s)
	}
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// testCtx returns a context that ends with the test or after 15 s.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// handlerErrors collects errors from discordgo handlers, which run in their
// own goroutines.
type handlerErrors chan error

func (h handlerErrors) report(err error) {
	if err != nil {
		select {
		case h <- err:
		default:
		}
	}
}

func (h handlerErrors) check(t *testing.T) {
	t.Helper()
	for {
		select {
		case err := <-h:
			t.Errorf("handler: %v", err)
		default:
			return
		}
	}
}

var askCommands = []*discordgo.ApplicationCommand{
	{
		Name:        "ask",
		Description: "Ask the corpus a question",
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "What to ask", Required: true, Autocomplete: true},
			{Type: discordgo.ApplicationCommandOptionInteger, Name: "limit", Description: "How many excerpts"},
			{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private", Description: "Only for me"},
		},
	},
	{Name: "who-vetoes", Description: "Who vetoes what"},
}

// answer is the test bot: it answers /ask at once with an embed and a
// button, /who-vetoes with a deferred reply and an edit, the button by
// updating the message, and autocomplete with choices.
func answer(errs handlerErrors) func(*discordgo.Session, *discordgo.InteractionCreate) {
	return func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		i := ic.Interaction
		switch i.Type {
		case discordgo.InteractionApplicationCommand:
			data := i.ApplicationCommandData()
			switch data.Name {
			case "ask":
				q := data.GetOption("question").StringValue()
				limit := int64(3)
				if o := data.GetOption("limit"); o != nil {
					limit = o.IntValue()
				}
				var flags discordgo.MessageFlags
				if o := data.GetOption("private"); o != nil && o.BoolValue() {
					flags = discordgo.MessageFlagsEphemeral
				}
				errs.report(s.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{
						Content: fmt.Sprintf("Q: %s (limit %d) from %s", q, limit, i.Member.User.ID),
						Flags:   flags,
						Embeds: []*discordgo.MessageEmbed{{
							Title:       "Answer",
							Description: "Oil: 500,000 barrels",
							Fields:      []*discordgo.MessageEmbedField{{Name: "Source", Value: "Chapter 7"}},
							Footer:      &discordgo.MessageEmbedFooter{Text: "1 of 2"},
						}},
						Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
							discordgo.Button{Label: "More", Style: discordgo.PrimaryButton, CustomID: "more"},
							discordgo.Button{Label: "Docs", Style: discordgo.LinkButton, URL: "https://example.com"},
						}}},
					},
				}))
			case "who-vetoes":
				errs.report(s.InteractionRespond(i, &discordgo.InteractionResponse{
					Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
					Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
				}))
				content := "China vetoes"
				_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content})
				errs.report(err)
			default:
				errs.report(fmt.Errorf("unexpected command %q", data.Name))
			}
		case discordgo.InteractionMessageComponent:
			d := i.MessageComponentData()
			if i.Message == nil || len(i.Message.Components) == 0 {
				errs.report(errors.New("button click without the message and its components"))
			}
			errs.report(s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseUpdateMessage,
				Data: &discordgo.InteractionResponseData{Content: "More after " + d.CustomID + " by " + i.Member.User.ID},
			}))
		case discordgo.InteractionApplicationCommandAutocomplete:
			focused := ""
			for _, o := range i.ApplicationCommandData().Options {
				if o.Focused {
					focused = o.StringValue()
				}
			}
			errs.report(s.InteractionRespond(i, &discordgo.InteractionResponse{
				Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{
					{Name: focused + " oil", Value: focused + " oil"},
				}},
			}))
		}
	}
}

func TestOpenReachesReadyWithNoIntents(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	s := openSession(t, srv, nil)
	ctx := testCtx(t)
	if err := srv.WaitReady(ctx); err != nil {
		t.Fatal(err)
	}
	if s.State.User == nil || s.State.User.ID != srv.ApplicationID() || !s.State.User.Bot {
		t.Errorf("READY user %+v, want the bot %s", s.State.User, srv.ApplicationID())
	}
	if s.State.Application == nil || s.State.Application.ID != srv.ApplicationID() {
		t.Errorf("READY application %+v, want %s", s.State.Application, srv.ApplicationID())
	}
	id, ok := srv.LastIdentify()
	if !ok || id.Intents != discordgo.IntentsNone {
		t.Errorf("identify %v with intents %d, want none", ok, id.Intents)
	}
	if id.Token != "" {
		t.Errorf("LastIdentify keeps the token")
	}
	me, err := s.User("@me")
	if err != nil || me.ID != srv.ApplicationID() {
		t.Errorf("GET /users/@me: %v, %v", me, err)
	}
	if n := srv.Identifies(); n != 1 {
		t.Errorf("%d identifies, want 1", n)
	}
	if err := ctxWait(ctx, func() bool { return srv.Heartbeats() > 0 }); err != nil {
		t.Errorf("no heartbeat acknowledged: %v", err)
	}
	if u := srv.UnknownRequests(); len(u) != 0 {
		t.Errorf("unknown requests: %v", u)
	}
}

// ctxWait polls cond for values the fake does not notify about.
func ctxWait(ctx context.Context, cond func() bool) error {
	for !cond() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
	return nil
}

func TestCommandSync(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	s := openSession(t, srv, nil)
	app := s.State.User.ID

	global, err := s.ApplicationCommandBulkOverwrite(app, "", askCommands)
	if err != nil {
		t.Fatal(err)
	}
	if len(global) != 2 || global[0].ID == "" || global[0].Version == "" || global[0].ApplicationID != app {
		t.Fatalf("overwrite answered %+v", global)
	}
	back, err := s.ApplicationCommands(app, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 || back[0].Name != "ask" || back[1].Name != "who-vetoes" || len(back[0].Options) != 3 {
		t.Fatalf("read back %+v", back)
	}
	again, err := s.ApplicationCommandBulkOverwrite(app, "", askCommands)
	if err != nil {
		t.Fatal(err)
	}
	if again[0].ID != global[0].ID || again[0].Version != global[0].Version {
		t.Errorf("unchanged command got a new ID or version: %s/%s then %s/%s", global[0].ID, global[0].Version, again[0].ID, again[0].Version)
	}
	guild, err := s.ApplicationCommandBulkOverwrite(app, srv.GuildID(), askCommands[:1])
	if err != nil {
		t.Fatal(err)
	}
	if guild[0].GuildID != srv.GuildID() {
		t.Errorf("guild command has guild %q", guild[0].GuildID)
	}
	if n := srv.CommandOverwrites(); n != 3 {
		t.Errorf("%d overwrites, want 3", n)
	}
	if n, m := len(srv.Commands("")), len(srv.Commands(srv.GuildID())); n != 2 || m != 1 {
		t.Errorf("stored %d global and %d guild commands, want 2 and 1", n, m)
	}

	opt := func(mod func(*discordgo.ApplicationCommandOption)) []*discordgo.ApplicationCommand {
		o := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: "q", Description: "question"}
		mod(o)
		return []*discordgo.ApplicationCommand{{Name: "ask", Description: "Ask", Options: []*discordgo.ApplicationCommandOption{o}}}
	}
	bad := []struct {
		name string
		cmds []*discordgo.ApplicationCommand
	}{
		{"uppercase_name_rejected", []*discordgo.ApplicationCommand{{Name: "Ask", Description: "Ask"}}},
		{"space_in_name_rejected", []*discordgo.ApplicationCommand{{Name: "ask me", Description: "Ask"}}},
		{"missing_description_rejected", []*discordgo.ApplicationCommand{{Name: "ask"}}},
		{"long_description_rejected", []*discordgo.ApplicationCommand{{Name: "ask", Description: strings.Repeat("d", 101)}}},
		{"duplicate_command_rejected", []*discordgo.ApplicationCommand{{Name: "ask", Description: "a"}, {Name: "ask", Description: "b"}}},
		{"autocomplete_with_choices_rejected", opt(func(o *discordgo.ApplicationCommandOption) {
			o.Autocomplete = true
			o.Choices = []*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: "a"}}
		})},
		{"26_choices_rejected", opt(func(o *discordgo.ApplicationCommandOption) {
			for i := range 26 {
				o.Choices = append(o.Choices, &discordgo.ApplicationCommandOptionChoice{Name: fmt.Sprint(i), Value: fmt.Sprint(i)})
			}
		})},
		{"long_choice_value_rejected", opt(func(o *discordgo.ApplicationCommandOption) {
			o.Choices = []*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: strings.Repeat("v", 101)}}
		})},
		{"option_without_description_rejected", opt(func(o *discordgo.ApplicationCommandOption) { o.Description = "" })},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.CommandOverwrites()
			_, err := s.ApplicationCommandBulkOverwrite(app, "", tt.cmds)
			var rest *discordgo.RESTError
			if !errors.As(err, &rest) || rest.Message == nil || rest.Message.Code != 50035 {
				t.Fatalf("got %v, want a 50035 Invalid Form Body", err)
			}
			if srv.CommandOverwrites() != before || len(srv.Commands("")) != 2 {
				t.Errorf("a rejected overwrite changed the commands")
			}
		})
	}
}

func TestInteractionsReachTheBotAndItsRepliesAreRecorded(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	errs := make(handlerErrors, 10)
	s := openSession(t, srv, func(s *discordgo.Session) { s.AddHandler(answer(errs)) })
	if _, err := s.ApplicationCommandBulkOverwrite(s.State.User.ID, "", askCommands); err != nil {
		t.Fatal(err)
	}
	ctx := testCtx(t)

	t.Run("reply_with_embed_and_button", func(t *testing.T) {
		ex, err := srv.SendInteraction(fakediscord.SlashCommand("ask",
			fakediscord.StringOption("question", "how much oil"),
			fakediscord.AnyOption("limit", "2"), // typed as an integer from the synced definition
		))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := ex.WaitResponse(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || len(resp.Data.Components) != 1 {
			t.Errorf("response %+v", resp)
		}
		msg, err := ex.Final(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := "Q: how much oil (limit 2) from " + fakediscord.DefaultUserID; msg.Content != want {
			t.Errorf("content %q, want %q", msg.Content, want)
		}
		if len(msg.Embeds) != 1 || msg.Embeds[0].Fields[0].Value != "Chapter 7" || msg.Embeds[0].Footer.Text != "1 of 2" {
			t.Errorf("embeds %+v", msg.Embeds)
		}
		if b := fakediscord.FindButton(msg, "more"); b == nil || b.Label != "More" {
			t.Errorf("no More button in %+v", msg.Components)
		}
		if msg.Flags&discordgo.MessageFlagsEphemeral != 0 {
			t.Errorf("public reply is ephemeral")
		}

		moderator := "1180000000000000099"
		click, err := ex.Click("more", fakediscord.WithMember(moderator, discordgo.PermissionManageGuild))
		if err != nil {
			t.Fatal(err)
		}
		updated, err := click.Final(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := "More after more by " + moderator; updated.Content != want || updated.ID != msg.ID {
			t.Errorf("after the click: %q on message %s, want %q on %s", updated.Content, updated.ID, want, msg.ID)
		}
		if got := click.Interaction().Member.Permissions; got != discordgo.PermissionManageGuild {
			t.Errorf("clicker permissions %d", got)
		}
		if _, err := ex.Click("nope"); err == nil {
			t.Errorf("clicking a missing button worked")
		}
	})

	t.Run("deferred_reply_then_edit", func(t *testing.T) {
		ex, err := srv.SendInteraction(fakediscord.SlashCommand("who-vetoes"))
		if err != nil {
			t.Fatal(err)
		}
		msg, err := ex.Final(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if msg.Content != "China vetoes" || msg.Flags&discordgo.MessageFlagsEphemeral == 0 || msg.Flags&(1<<7) != 0 {
			t.Errorf("final %q flags %b, want the ephemeral edit, no longer loading", msg.Content, msg.Flags)
		}
		if r := ex.Response(); r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Errorf("response type %d", r.Type)
		}
		edit, err := ex.WaitEdit(ctx)
		if err != nil || edit.Content != "China vetoes" || len(ex.Edits()) != 1 {
			t.Errorf("edits %v, %v", ex.Edits(), err)
		}
		got, err := s.InteractionResponse(ex.Interaction())
		if err != nil || got.Content != "China vetoes" {
			t.Errorf("GET @original: %v, %v", got, err)
		}
	})

	t.Run("autocomplete_choices", func(t *testing.T) {
		ex, err := srv.SendInteraction(fakediscord.Autocomplete("ask", "question", "how mu"))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := ex.WaitResponse(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(resp.Data.Choices) != 1 || resp.Data.Choices[0].Name != "how mu oil" {
			t.Errorf("choices %+v", resp.Data.Choices)
		}
		if _, err := ex.Final(ctx); err == nil {
			t.Errorf("Final of an autocomplete gave a message")
		}
	})

	t.Run("ephemeral_reply_for_stranger", func(t *testing.T) {
		ex, err := srv.SendInteraction(fakediscord.SlashCommand("ask",
			fakediscord.StringOption("question", "q"), fakediscord.BooleanOption("private", true)),
			fakediscord.WithMember("1180000000000000077", 0))
		if err != nil {
			t.Fatal(err)
		}
		msg, err := ex.Final(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if msg.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.HasSuffix(msg.Content, "1180000000000000077") {
			t.Errorf("got %q flags %b", msg.Content, msg.Flags)
		}
	})

	t.Run("second_callback_rejected", func(t *testing.T) {
		ex, err := srv.SendInteraction(fakediscord.SlashCommand("ask", fakediscord.StringOption("question", "q")))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ex.Final(ctx); err != nil {
			t.Fatal(err)
		}
		err = s.InteractionRespond(ex.Interaction(), &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "again"},
		})
		var rest *discordgo.RESTError
		if !errors.As(err, &rest) || rest.Message == nil || rest.Message.Code != 40060 {
			t.Errorf("second callback: %v, want 40060", err)
		}
		if r := ex.Rejections(); len(r) != 1 || r[0].Code != 40060 {
			t.Errorf("rejections %v", r)
		}
	})

	errs.check(t)
	if u := srv.UnknownRequests(); len(u) != 0 {
		t.Errorf("unknown requests: %v", u)
	}
}

func TestRepliesOverDiscordLimitsAreRejected(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	replies := make(chan *discordgo.InteractionResponse, 1)
	results := make(chan error, 1)
	openSession(t, srv, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			results <- s.InteractionRespond(ic.Interaction, <-replies)
		})
	})
	ctx := testCtx(t)
	msg := func(d discordgo.InteractionResponseData) *discordgo.InteractionResponse {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &d}
	}
	row := func(bs ...discordgo.MessageComponent) []discordgo.MessageComponent {
		return []discordgo.MessageComponent{discordgo.ActionsRow{Components: bs}}
	}
	btn := func(id string) discordgo.Button {
		return discordgo.Button{Label: "b", Style: discordgo.PrimaryButton, CustomID: id}
	}
	tests := []struct {
		name     string
		resp     *discordgo.InteractionResponse
		wantCode int
	}{
		{"empty_message_gets_50006", msg(discordgo.InteractionResponseData{}), 50006},
		{"content_over_2000_gets_50035", msg(discordgo.InteractionResponseData{Content: strings.Repeat("x", 2001)}), 50035},
		{"embed_description_over_4096_gets_50035", msg(discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("x", 4097)}}}), 50035},
		{"embeds_over_6000_in_total_gets_50035", msg(discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{
			{Description: strings.Repeat("x", 4000)}, {Description: strings.Repeat("y", 2001)}}}), 50035},
		{"empty_field_value_gets_50035", msg(discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{Title: "t", Fields: []*discordgo.MessageEmbedField{{Name: "n"}}}}}), 50035},
		{"duplicate_custom_id_gets_50035", msg(discordgo.InteractionResponseData{Content: "c", Components: row(btn("a"), btn("a"))}), 50035},
		{"six_buttons_in_a_row_gets_50035", msg(discordgo.InteractionResponseData{Content: "c", Components: row(btn("1"), btn("2"), btn("3"), btn("4"), btn("5"), btn("6"))}), 50035},
		{"custom_id_over_100_gets_50035", msg(discordgo.InteractionResponseData{Content: "c", Components: row(btn(strings.Repeat("i", 101)))}), 50035},
		{"autocomplete_answer_to_a_command_gets_50035", &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "a", Value: "a"}}}}, 50035},
		{"deferred_with_flags_other_than_ephemeral_gets_50035", &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsSuppressEmbeds}}, 50035},
		{"reply_at_the_limits_accepted", msg(discordgo.InteractionResponseData{Content: strings.Repeat("é", 2000),
			Components: row(btn("1"), btn("2"), btn("3"), btn("4"), btn(strings.Repeat("i", 100)))}), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			replies <- tt.resp
			ex, err := srv.SendInteraction(fakediscord.SlashCommand("anything"))
			if err != nil {
				t.Fatal(err)
			}
			err = <-results
			if tt.wantCode == 0 {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				if _, err := ex.Final(ctx); err != nil {
					t.Fatal(err)
				}
				return
			}
			var rest *discordgo.RESTError
			if !errors.As(err, &rest) || rest.Message == nil || rest.Message.Code != tt.wantCode {
				t.Fatalf("got %v, want code %d", err, tt.wantCode)
			}
			if ex.Response() != nil || len(ex.Rejections()) != 1 {
				t.Errorf("rejected reply recorded: %v %v", ex.Response(), ex.Rejections())
			}
			short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
			defer cancel()
			if _, err := ex.Final(short); err == nil || !strings.Contains(err.Error(), "rejected") {
				t.Errorf("Final error %v does not name the rejection", err)
			}
		})
	}
}

func TestDroppedGatewayResumes(t *testing.T) {
	t.Parallel()
	srv := startFake(t, fakediscord.WithInteractionDeadline(10*time.Second))
	errs := make(handlerErrors, 10)
	openSession(t, srv, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			errs.report(s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "pong " + ic.ApplicationCommandData().Name},
			}))
		})
	})
	ctx := testCtx(t)
	send := func(name string) {
		t.Helper()
		ex, err := srv.SendInteraction(fakediscord.SlashCommand(name))
		if err != nil {
			t.Fatal(err)
		}
		msg, err := ex.Final(ctx)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if msg.Content != "pong "+name {
			t.Errorf("%s: got %q", name, msg.Content)
		}
	}
	send("before")

	if n := srv.DropConnections(); n != 1 {
		t.Fatalf("dropped %d connections, want 1", n)
	}
	// Sent while the bot is away: replayed when it resumes.
	send("during")
	if err := srv.WaitResumed(ctx); err != nil {
		t.Fatal(err)
	}
	send("after")

	if r, i := srv.Resumes(), srv.Identifies(); r != 1 || i != 1 {
		t.Errorf("%d resumes and %d identifies, want 1 and 1", r, i)
	}
	errs.check(t)
}

func TestAuthentication(t *testing.T) {
	t.Parallel()
	srv := startFake(t, fakediscord.WithToken("right-token"))
	tests := []struct {
		name  string
		token string
		call  func(*discordgo.Session) error
	}{
		{"gateway_refuses_wrong_token", "wrong-token", (*discordgo.Session).Open},
		{"rest_refuses_wrong_token", "wrong-token", func(s *discordgo.Session) error { _, err := s.User("@me"); return err }},
		{"rest_accepts_right_token", "right-token", func(s *discordgo.Session) error { _, err := s.User("@me"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := bot.NewDiscordSession(tt.token, srv.URL())
			if err != nil {
				t.Fatal(err)
			}
			err = tt.call(s)
			if tt.token == srv.Token() {
				if err != nil {
					t.Errorf("refused the right token: %v", err)
				}
				return
			}
			if err == nil {
				_ = s.Close()
				t.Fatal("accepted a wrong token")
			}
			if strings.Contains(err.Error(), tt.token) {
				t.Errorf("error shows the token: %v", err)
			}
		})
	}
	if n := srv.Identifies(); n != 0 {
		t.Errorf("%d identifies accepted", n)
	}
}

func TestDirectMessageInteraction(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	got := make(chan *discordgo.Interaction, 1)
	openSession(t, srv, func(s *discordgo.Session) {
		s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			got <- ic.Interaction
			_ = s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseChannelMessageWithSource,
				Data: &discordgo.InteractionResponseData{Content: "hi"},
			})
		})
	})
	if _, err := srv.SendInteraction(fakediscord.SlashCommand("ask"), fakediscord.WithDMUser("42")); err != nil {
		t.Fatal(err)
	}
	i := <-got
	if i.Member != nil || i.User == nil || i.User.ID != "42" || i.GuildID != "" {
		t.Errorf("DM interaction: member %v user %v guild %q", i.Member, i.User, i.GuildID)
	}
}
