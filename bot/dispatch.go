package bot

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/bwmarrin/discordgo"
)

// apology is what a user sees when something failed on our side.
const apology = "Sorry, something went wrong on our side while answering. Please try again in a moment."

// Handle answers one interaction through the session: it finds the command,
// checks moderator permissions, defers slow commands, runs the handler,
// recovers a panic, and turns errors into replies. It never panics.
func (b *Bot) Handle(ctx context.Context, s Session, i *discordgo.Interaction) {
	d := &dispatch{bot: b, s: s, i: i}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("handler panicked", "interaction", i.ID, "command", commandName(i), "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			d.send(&Reply{Content: apology, Ephemeral: true})
		}
	}()
	reply, err := d.run(ctx)
	if err != nil {
		var ue *UserError
		if errors.As(err, &ue) {
			reply = &Reply{Content: ue.Msg, Ephemeral: true}
		} else {
			b.log.Error("handler failed", "interaction", i.ID, "command", commandName(i), "err", err)
			reply = &Reply{Content: apology, Ephemeral: true}
		}
	}
	d.send(reply)
}

// dispatch is the state of one interaction being answered.
type dispatch struct {
	bot      *Bot
	s        Session
	i        *discordgo.Interaction
	deferred bool
	sent     bool
}

func commandName(i *discordgo.Interaction) string {
	if i.Type == discordgo.InteractionApplicationCommand || i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		if d, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok {
			return d.Name
		}
	}
	return ""
}

func (d *dispatch) run(ctx context.Context) (*Reply, error) {
	if d.i.Type != discordgo.InteractionApplicationCommand {
		return nil, userErrorf("storybot does not handle this kind of interaction.")
	}
	data, ok := d.i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return nil, userErrorf("This command arrived without its data; please try again.")
	}
	cmd, ok := d.bot.command(data.Name)
	if !ok {
		return nil, userErrorf("Unknown command /%s. Try /help.", data.Name)
	}
	if cmd.Moderator && !isModerator(d.i) {
		d.bot.log.Warn("moderator command refused", "interaction", d.i.ID, "command", data.Name, "user", userID(d.i))
		return nil, userErrorf("Only moderators (Manage Server permission) can use /%s.", data.Name)
	}
	r := newRequest(d.i, data)
	private, err := r.Bool(optPrivate)
	if err != nil {
		return nil, err
	}
	if cmd.Defer {
		flags := discordgo.MessageFlags(0)
		if private || cmd.Moderator {
			flags = discordgo.MessageFlagsEphemeral
		}
		err := d.s.InteractionRespond(d.i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: flags},
		})
		if err != nil {
			return nil, fmt.Errorf("defer /%s: %w", data.Name, err)
		}
		d.deferred = true
	}
	reply, err := cmd.Handle(ctx, r)
	if err != nil {
		return nil, err
	}
	if reply == nil {
		return nil, fmt.Errorf("/%s: handler returned no reply", data.Name)
	}
	if private {
		reply.Ephemeral = true
	}
	return reply, nil
}

// send delivers the reply: as the interaction response, or as an edit of the
// deferred one. Failures are logged with Discord's error code.
func (d *dispatch) send(r *Reply) {
	if d.sent {
		return
	}
	d.sent = true
	var err error
	if d.deferred {
		_, err = d.s.InteractionResponseEdit(d.i, r.edit())
	} else {
		err = d.s.InteractionRespond(d.i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: r.data(),
		})
	}
	if err != nil {
		attrs := []any{"interaction", d.i.ID, "command", commandName(d.i), "err", err}
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
	embeds := r.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	components := r.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{
		Content:         &r.Content,
		Embeds:          &embeds,
		Components:      &components,
		AllowedMentions: noMentions,
	}
}

// isModerator reports whether the interaction's member may moderate: the
// permissions Discord computed for the member in this channel hold Manage
// Server or Administrator. Outside a guild nobody is a moderator.
func isModerator(i *discordgo.Interaction) bool {
	return i.Member != nil && i.Member.Permissions&moderatorPerms != 0
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
