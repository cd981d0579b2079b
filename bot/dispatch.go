package bot

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// apology is what a user sees when something failed on our side.
const apology = "Sorry, something went wrong on our side while answering. Please try again in a moment."

// panicError is a handler's panic, caught.
type panicError struct {
	value any
	stack []byte
}

func (p *panicError) Error() string { return fmt.Sprintf("panic: %v", p.value) }

// Handle answers one interaction through the session: slash commands,
// autocomplete and button clicks. It checks moderator permissions, defers
// work that takes longer than a second (or is known to be slow), recovers
// panics, and turns errors into replies: a *UserError becomes an ephemeral
// message, anything else is logged and the user gets a short apology. It
// never panics.
func (b *Bot) Handle(ctx context.Context, s Session, i *discordgo.Interaction) {
	d := &dispatch{bot: b, s: s, i: i}
	if b.cfg.Observe != nil {
		start := time.Now()
		defer func() { b.cfg.Observe(d.kind(), d.commandName(), d.result(), time.Since(start)) }()
	}
	defer func() {
		if p := recover(); p != nil {
			d.fail(&panicError{p, debug.Stack()})
		}
	}()
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		d.autocomplete(ctx)
	case discordgo.InteractionApplicationCommand:
		d.command(ctx)
	case discordgo.InteractionMessageComponent:
		d.component(ctx)
	default:
		d.fail(userErrorf("storybot does not handle this kind of interaction."))
	}
}

// dispatch is the state of one interaction being answered.
type dispatch struct {
	bot *Bot
	s   Session
	i   *discordgo.Interaction
	mu  sync.Mutex // orders progress edits and the final reply
	// deferredAs is the type of the deferred response sent, or 0.
	deferredAs discordgo.InteractionResponseType
	sent       bool
	// outcome is how the interaction ended, for metrics; "" is ok.
	outcome string
}

func (d *dispatch) command(ctx context.Context) {
	data, ok := d.i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		d.fail(userErrorf("This command arrived without its data; please try again."))
		return
	}
	cmd, ok := d.bot.command(data.Name)
	if !ok {
		d.fail(userErrorf("Unknown command /%s. Try /help.", data.Name))
		return
	}
	if cmd.Moderator && !d.bot.isModerator(d.i) {
		d.bot.log.Warn("moderator command refused", "interaction", d.i.ID, "command", data.Name, "user", userID(d.i))
		d.fail(userErrorf("Only moderators (Manage Server permission) can use /%s.", data.Name))
		return
	}
	var counted time.Time // when the cooldown counted this command
	if d.searches(data.Name) && !d.bot.isModerator(d.i) {
		wait, at := d.bot.lim.allow(userID(d.i))
		if wait > 0 {
			d.outcome = "cooldown"
			d.fail(userErrorf("%s", cooldownMessage(wait)))
			return
		}
		counted = at
	}
	r := newRequest(d.i, data)
	r.session = d.s
	r.progress = d.progress
	private, err := r.Bool(optPrivate)
	if err != nil {
		d.fail(err)
		return
	}
	flags := discordgo.MessageFlags(0)
	if private || cmd.Moderator {
		flags = discordgo.MessageFlagsEphemeral
	}
	deferred := &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags},
	}
	reply, err := d.within(ctx, cmd.Defer, deferred, func(ctx context.Context) (*Reply, error) { return cmd.Handle(ctx, r) })
	if errors.Is(err, ErrBusy) {
		d.bot.lim.refund(userID(d.i), counted) // "try again" must not meet the cooldown
	}
	d.finish(reply, err)
}

func (d *dispatch) component(ctx context.Context) {
	data, ok := d.i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		d.fail(userErrorf("This button arrived without its data; please try again."))
		return
	}
	st, err := decodePageState(data.CustomID)
	if err != nil {
		d.bot.log.Warn("bad custom_id", "interaction", d.i.ID, "err", err)
		d.fail(userErrorf("This button no longer works; please ask again."))
		return
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	if st.Action == actionPost {
		deferred = &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	}
	reply, err := d.within(ctx, false, deferred, func(ctx context.Context) (*Reply, error) { return d.bot.component(ctx, d.i, st) })
	d.finish(reply, err)
}

func (d *dispatch) autocomplete(ctx context.Context) {
	data, ok := d.i.Data.(discordgo.ApplicationCommandInteractionData)
	var list []*discordgo.ApplicationCommandOptionChoice
	if ok {
		list = d.bot.autocomplete(ctx, data)
	}
	if list == nil {
		list = []*discordgo.ApplicationCommandOptionChoice{}
	}
	d.sent = true
	err := d.s.InteractionRespond(d.i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: list},
	})
	d.logSendError(err)
}

// within runs the handler on the caller's goroutine. When now is set, it
// first sends the deferred response; otherwise a timer sends it if the
// handler is still running after DeferAfter, and the reply is edited in
// later. Most questions take well under a millisecond, so no goroutine is
// started and waited for: handing every interaction to another goroutine
// and back cost a thread wake-up each. A panic in the handler comes back as
// an error.
func (d *dispatch) within(ctx context.Context, now bool, deferred *discordgo.InteractionResponse, h func(context.Context) (*Reply, error)) (reply *Reply, err error) {
	if now {
		d.sendDeferred(deferred)
	} else {
		t := time.AfterFunc(d.bot.cfg.DeferAfter, func() { d.sendDeferred(deferred) })
		defer t.Stop()
	}
	defer func() {
		if p := recover(); p != nil {
			reply, err = nil, &panicError{p, debug.Stack()}
		}
	}()
	return h(ctx)
}

// progress edits the deferred response with an interim reply.
func (d *dispatch) progress(r *Reply) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.deferredAs == 0 || d.sent {
		return
	}
	_, err := d.s.InteractionResponseEdit(d.i, r.edit())
	d.logSendError(err)
}

// sendDeferred sends the deferred response, unless the reply went first
// (the timer can fire as the handler returns).
func (d *dispatch) sendDeferred(r *discordgo.InteractionResponse) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.sent || d.deferredAs != 0 {
		return
	}
	if err := d.s.InteractionRespond(d.i, r); err != nil {
		d.logSendError(err)
		return
	}
	d.deferredAs = r.Type
}

// finish sends the handler's reply, or maps its error to one.
func (d *dispatch) finish(reply *Reply, err error) {
	if err == nil && reply == nil {
		err = errors.New("handler returned no reply")
	}
	if err != nil {
		d.fail(err)
		return
	}
	d.send(reply)
}

// fail answers an error: a user error with its message, anything else with
// an apology after logging it with the interaction's id.
func (d *dispatch) fail(err error) {
	var ue *UserError
	var pe *panicError
	switch {
	case errors.Is(err, ErrBusy):
		d.setOutcome("busy")
	case errors.As(err, &ue):
		d.setOutcome("user_error")
	case errors.As(err, &pe):
		d.setOutcome("panic")
	default:
		d.setOutcome("error")
	}
	switch {
	case errors.As(err, &ue):
		d.send(&Reply{Content: ue.Msg, Ephemeral: true})
		return
	case errors.As(err, &pe):
		d.bot.log.Error("handler panicked", "interaction", d.i.ID, "command", interactionName(d.i), "panic", fmt.Sprint(pe.value), "stack", string(pe.stack))
	default:
		d.bot.log.Error("handler failed", "interaction", d.i.ID, "command", interactionName(d.i), "err", err)
	}
	d.send(&Reply{Content: apology, Ephemeral: true})
}

// send delivers a reply: as the interaction response; as an edit of the
// deferred one; or, for an ephemeral note after a deferred button update
// (which must not replace the results), as an ephemeral follow-up.
func (d *dispatch) send(r *Reply) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.sent {
		return
	}
	d.sent = true
	var err error
	switch {
	case d.deferredAs == discordgo.InteractionResponseDeferredMessageUpdate && !r.Update:
		_, err = d.s.FollowupMessageCreate(d.i, true, r.followup())
	case d.deferredAs != 0:
		_, err = d.s.InteractionResponseEdit(d.i, r.edit())
	case r.Update:
		err = d.s.InteractionRespond(d.i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: r.data()})
	default:
		err = d.s.InteractionRespond(d.i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: r.data()})
	}
	d.logSendError(err)
}

// logSendError logs a failed call to Discord with its error code.
func (d *dispatch) logSendError(err error) {
	if err == nil {
		return
	}
	attrs := []any{"interaction", d.i.ID, "command", interactionName(d.i), "err", err}
	var rest *discordgo.RESTError
	if errors.As(err, &rest) {
		if rest.Message != nil {
			attrs = append(attrs, "code", rest.Message.Code)
		}
		if rest.Response != nil {
			attrs = append(attrs, "status", rest.Response.StatusCode)
		}
	}
	d.bot.log.Error("reply failed", attrs...)
}

// interactionName names an interaction for logs: its command or custom_id.
func interactionName(i *discordgo.Interaction) string {
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		return d.Name
	case discordgo.MessageComponentInteractionData:
		return d.CustomID
	}
	return ""
}

// noMentions keeps article text and questions from pinging anyone.
var noMentions = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

// data is the reply as an interaction response. Empty lists are sent as []
// rather than null, since discordgo does not omit them.
func (r *Reply) data() *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content:         r.Content,
		Embeds:          r.Embeds,
		Components:      r.Components,
		AllowedMentions: noMentions,
	}
	if d.Embeds == nil {
		d.Embeds = []*discordgo.MessageEmbed{}
	}
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{}
	}
	if r.Ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

func (r *Reply) edit() *discordgo.WebhookEdit {
	d := r.data()
	return &discordgo.WebhookEdit{
		Content:         &d.Content,
		Embeds:          &d.Embeds,
		Components:      &d.Components,
		AllowedMentions: noMentions,
	}
}

func (r *Reply) followup() *discordgo.WebhookParams {
	d := r.data()
	return &discordgo.WebhookParams{
		Content:         d.Content,
		Embeds:          d.Embeds,
		Components:      d.Components,
		Flags:           d.Flags,
		AllowedMentions: noMentions,
	}
}

func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}
