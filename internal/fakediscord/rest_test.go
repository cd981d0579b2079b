package fakediscord_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/fakediscord"
)

// restOnly returns a discordgo session for REST calls, not connected to the
// gateway, and a hand-driven gateway client that receives the interactions.
func restOnly(t *testing.T, srv *fakediscord.Server) *discordgo.Session {
	t.Helper()
	s, err := bot.NewDiscordSession(srv.Token(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	dial(t, srv).identify(srv.Token())
	return s
}

// restCode returns the Discord error code of a REST error, or 0.
func restCode(err error) int {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Message != nil {
		return rest.Message.Code
	}
	return 0
}

func TestWebhookRoutes(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	s := restOnly(t, srv)
	ctx := testCtx(t)
	ex, err := srv.SendInteraction(fakediscord.SlashCommand("ask"))
	if err != nil {
		t.Fatal(err)
	}
	i := ex.Interaction()
	text := func(s string) *string { return &s }

	if _, err := s.InteractionResponse(i); restCode(err) != 10008 {
		t.Errorf("GET @original before the callback: %v, want 10008", err)
	}
	if _, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "early"}); restCode(err) != 10015 {
		t.Errorf("follow-up before the callback: %v, want 10015", err)
	}
	if err := s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	thinking := ex.Original()
	if thinking == nil || thinking.Flags&(1<<7) == 0 {
		t.Errorf("deferred original %+v, want the loading flag", thinking)
	}
	f, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "follow"})
	if err != nil || f.ID == "" {
		t.Fatalf("follow-up: %v %v", f, err)
	}
	if ex.Complete() {
		t.Errorf("a follow-up completed the deferred reply")
	}
	if _, err := s.FollowupMessageEdit(i, f.ID, &discordgo.WebhookEdit{Content: text("follow, edited")}); err != nil {
		t.Fatal(err)
	}
	if fs := ex.Followups(); len(fs) != 1 || fs[0].Content != "follow, edited" {
		t.Errorf("follow-ups %v", fs)
	}
	edited, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: text("final")})
	if err != nil || edited.Content != "final" {
		t.Fatalf("edit: %v %v", edited, err)
	}
	if msg, err := ex.Final(ctx); err != nil || msg.Content != "final" {
		t.Errorf("Final: %v %v", msg, err)
	}
	// An edit that leaves content out keeps it.
	embeds := []*discordgo.MessageEmbed{{Title: "t"}}
	if _, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Embeds: &embeds}); err != nil {
		t.Fatal(err)
	}
	if o := ex.Original(); o.Content != "final" || len(o.Embeds) != 1 || len(ex.Edits()) != 2 || ex.Edits()[1].Content != "" {
		t.Errorf("after an embeds-only edit: %q %v, edits %v", o.Content, o.Embeds, ex.Edits())
	}
	if _, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: text(strings.Repeat("x", 2001))}); restCode(err) != 50035 {
		t.Errorf("overlong edit: %v, want 50035", err)
	}
	if err := s.InteractionResponseDelete(i); err != nil {
		t.Fatal(err)
	}
	if _, err := ex.Final(ctx); !errors.Is(err, fakediscord.ErrDeleted) {
		t.Errorf("Final after delete: %v", err)
	}

	wrongApp := *i
	wrongApp.AppID = "1"
	if _, err := s.InteractionResponse(&wrongApp); restCode(err) != 10015 {
		t.Errorf("wrong application: %v, want 10015", err)
	}
	wrongToken := *i
	wrongToken.Token = "nope"
	if _, err := s.InteractionResponse(&wrongToken); restCode(err) != 50027 {
		t.Errorf("wrong token: %v, want 50027", err)
	}
	if err := s.InteractionRespond(&wrongToken, &discordgo.InteractionResponse{Type: 4}); restCode(err) != 10062 {
		t.Errorf("callback with a wrong token: %v, want 10062", err)
	}
	if u := srv.UnknownRequests(); len(u) != 0 {
		t.Errorf("unknown requests: %v", u)
	}
}

func TestLateCallbackIsUnknownInteraction(t *testing.T) {
	t.Parallel()
	srv := startFake(t, fakediscord.WithInteractionDeadline(time.Millisecond))
	s := restOnly(t, srv)
	ex, err := srv.SendInteraction(fakediscord.SlashCommand("ask"))
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	err = s.InteractionRespond(ex.Interaction(), &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "late"},
	})
	if restCode(err) != 10062 {
		t.Fatalf("late callback: %v, want 10062", err)
	}
	if r := ex.Rejections(); len(r) != 1 || !strings.Contains(r[0].Detail, "deadline") {
		t.Errorf("rejections %v", r)
	}
}

func TestUnknownRoutesAreRecorded(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	s, err := bot.NewDiscordSession(srv.Token(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Guild("123")
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response.StatusCode != http.StatusNotFound {
		t.Fatalf("GET guild: %v, want 404", err)
	}
	if _, err := s.ApplicationCommands("999", ""); restCode(err) != 10002 {
		t.Errorf("commands of another application: %v, want 10002", err)
	}
	u := srv.UnknownRequests()
	if len(u) != 1 || u[0].Method != "GET" || u[0].Path != "/api/v9/guilds/123" {
		t.Errorf("unknown requests %v", u)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].String() != "GET /api/v9/guilds/123 404" {
		t.Errorf("requests %v", reqs)
	}
}

func TestOtherBotRoutes(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	s, err := bot.NewDiscordSession(srv.Token(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.GatewayBot()
	if err != nil || !strings.HasPrefix(g.URL, "ws://127.0.0.1:") || g.Shards != 1 || g.SessionStartLimit.MaxConcurrency != 1 {
		t.Errorf("gateway/bot: %+v %v", g, err)
	}
	app, err := s.Application("@me")
	if err != nil || app.ID != srv.ApplicationID() {
		t.Errorf("applications/@me: %+v %v", app, err)
	}
	m, err := s.ChannelMessageSend("555", "hello channel")
	if err != nil || m.ID == "" || m.Author == nil || m.Author.ID != srv.ApplicationID() {
		t.Errorf("channel message: %+v %v", m, err)
	}
	if got := srv.ChannelMessages("555"); len(got) != 1 || got[0].Content != "hello channel" {
		t.Errorf("recorded %v", got)
	}
	if _, err := s.ChannelMessageSend("555", ""); restCode(err) != 50006 {
		t.Errorf("empty channel message: %v, want 50006", err)
	}

	stranger, err := bot.NewDiscordSession("other-token", srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stranger.ChannelMessageSend("555", "x"); err == nil || !strings.Contains(err.Error(), "401") {
		t.Errorf("wrong token posted: %v", err)
	}
}

func TestFilesInRepliesBecomeAttachments(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	s := restOnly(t, srv)
	ex, err := srv.SendInteraction(fakediscord.SlashCommand("export"))
	if err != nil {
		t.Fatal(err)
	}
	err = s.InteractionRespond(ex.Interaction(), &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Files: []*discordgo.File{{Name: "result.csv", ContentType: "text/csv", Reader: bytes.NewReader([]byte("a,b\n"))}},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	msg, err := ex.Final(testCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(msg.Attachments) != 1 || msg.Attachments[0].Filename != "result.csv" {
		t.Fatalf("attachments %+v", msg.Attachments)
	}
	resp, err := http.Get(msg.Attachments[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != "a,b\n" || resp.Header.Get("Content-Type") != "text/csv" {
		t.Errorf("served %q as %q", body, resp.Header.Get("Content-Type"))
	}
}

func TestWaitForSeesEveryChange(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	s := restOnly(t, srv)
	ex, err := srv.SendInteraction(fakediscord.SlashCommand("progress"))
	if err != nil {
		t.Fatal(err)
	}
	i := ex.Interaction()
	go func() {
		_ = s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
		for _, step := range []string{"searching", "ranking", "done"} {
			_, _ = s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &step})
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = ex.WaitFor(ctx, func(e *fakediscord.Exchange) bool {
		o := e.Original()
		return o != nil && o.Content == "done"
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ex.Edits()); n != 3 {
		t.Errorf("%d edits, want 3", n)
	}
}
