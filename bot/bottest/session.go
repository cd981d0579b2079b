// Package bottest provides a recording fake of the Discord session the bot
// talks to, like net/http/httptest does for HTTP handlers: tests and the
// local console drive the bot's real dispatcher through it. It also turns
// console lines into interactions and replies into terminal text.
package bottest

import (
	"fmt"
	"strconv"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// Kinds of recorded events.
const (
	KindRespond  = "respond"
	KindEdit     = "edit"
	KindFollowup = "followup"
	KindChannel  = "channel"
)

// Event is one call the bot made on the session.
type Event struct {
	// Kind is KindRespond, KindEdit or KindFollowup.
	Kind string
	// Interaction is the interaction the call answered.
	Interaction *discordgo.Interaction
	// Response is set for KindRespond.
	Response *discordgo.InteractionResponse
	// Edit is set for KindEdit.
	Edit *discordgo.WebhookEdit
	// Followup is set for KindFollowup.
	Followup *discordgo.WebhookParams
	// ChannelID and Message are set for KindChannel, a message posted to a channel.
	ChannelID string
	Message   *discordgo.MessageSend
}

// Session records what the bot sends, as a Discord session would receive
// it, and keeps application commands as Discord would. Its zero value is
// ready to use; it is safe for concurrent use.
type Session struct {
	mu       sync.Mutex
	events   []Event
	commands map[string][]*discordgo.ApplicationCommand // by guild ID, "" for global
	// Overwrites counts bulk overwrites of commands.
	Overwrites int
	// Err, when set, is returned by every call, to test failure paths.
	Err error
}

// InteractionRespond records an interaction response. A second response to
// one interaction fails, as on Discord.
func (s *Session) InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	if s.responded(i.ID) {
		return fmt.Errorf("bottest: interaction %s has already been acknowledged", i.ID)
	}
	s.events = append(s.events, Event{Kind: KindRespond, Interaction: i, Response: r})
	return nil
}

func (s *Session) responded(id string) bool {
	for _, e := range s.events {
		if e.Kind == KindRespond && e.Interaction.ID == id {
			return true
		}
	}
	return false
}

// InteractionResponseEdit records an edit of the original response.
func (s *Session) InteractionResponseEdit(i *discordgo.Interaction, edit *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	if !s.responded(i.ID) {
		return nil, fmt.Errorf("bottest: edit of interaction %s before any response", i.ID)
	}
	s.events = append(s.events, Event{Kind: KindEdit, Interaction: i, Edit: edit})
	return &discordgo.Message{ID: "m-" + i.ID, Content: deref(edit.Content)}, nil
}

// FollowupMessageCreate records a follow-up message.
func (s *Session) FollowupMessageCreate(i *discordgo.Interaction, _ bool, data *discordgo.WebhookParams, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	if !s.responded(i.ID) {
		return nil, fmt.Errorf("bottest: follow-up to interaction %s before any response", i.ID)
	}
	s.events = append(s.events, Event{Kind: KindFollowup, Interaction: i, Followup: data})
	return &discordgo.Message{ID: "f-" + strconv.Itoa(len(s.events)), Content: data.Content, Flags: data.Flags}, nil
}

// ChannelMessageSendComplex records a message posted to a channel.
func (s *Session) ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	s.events = append(s.events, Event{Kind: KindChannel, Interaction: &discordgo.Interaction{}, ChannelID: channelID, Message: data})
	return &discordgo.Message{ID: "c-" + strconv.Itoa(len(s.events)), ChannelID: channelID, Content: data.Content}, nil
}

// ApplicationCommands returns the commands stored for the guild ("" for global).
func (s *Session) ApplicationCommands(_, guildID string, _ ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	return append([]*discordgo.ApplicationCommand(nil), s.commands[guildID]...), nil
}

// ApplicationCommandBulkOverwrite replaces the commands stored for the guild.
func (s *Session) ApplicationCommandBulkOverwrite(appID, guildID string, cmds []*discordgo.ApplicationCommand, _ ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	if s.commands == nil {
		s.commands = map[string][]*discordgo.ApplicationCommand{}
	}
	var stored []*discordgo.ApplicationCommand
	for n, c := range cmds {
		cc := *c
		cc.ID, cc.ApplicationID, cc.GuildID, cc.Version = strconv.Itoa(n+1), appID, guildID, "1"
		stored = append(stored, &cc)
	}
	s.commands[guildID] = stored
	s.Overwrites++
	return stored, nil
}

// Events returns every recorded call, in order.
func (s *Session) Events() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Event(nil), s.events...)
}

// Reset forgets the recorded calls.
func (s *Session) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.events = nil
}

// Final returns what the user finally sees for the interaction: the
// response's data with any later edits applied, or, when the response only
// acknowledged a button (a deferred update), the last follow-up. It is nil
// when the bot sent nothing.
func (s *Session) Final(interactionID string) *discordgo.InteractionResponseData {
	s.mu.Lock()
	defer s.mu.Unlock()
	var final *discordgo.InteractionResponseData
	for _, e := range s.events {
		if e.Interaction.ID != interactionID {
			continue
		}
		switch e.Kind {
		case KindRespond:
			final = &discordgo.InteractionResponseData{}
			if e.Response.Data != nil {
				d := *e.Response.Data
				final = &d
			}
		case KindEdit:
			if e.Edit.Content != nil {
				final.Content = *e.Edit.Content
			}
			if e.Edit.Embeds != nil {
				final.Embeds = *e.Edit.Embeds
			}
			if e.Edit.Components != nil {
				final.Components = *e.Edit.Components
			}
		case KindFollowup:
			f := e.Followup
			final = &discordgo.InteractionResponseData{Content: f.Content, Embeds: f.Embeds, Components: f.Components, Flags: f.Flags, AllowedMentions: f.AllowedMentions}
		}
	}
	return final
}

// Response returns the first response to the interaction, or nil.
func (s *Session) Response(interactionID string) *discordgo.InteractionResponse {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.events {
		if e.Kind == KindRespond && e.Interaction.ID == interactionID {
			return e.Response
		}
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
