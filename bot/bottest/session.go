// Package bottest provides a recording fake of the Discord session the bot
// talks to, like net/http/httptest does for HTTP handlers: tests and the
// local console drive the bot's real dispatcher through it. It also turns
// console lines into interactions and replies into terminal text.
package bottest

import (
	"fmt"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// Event is one call the bot made on the session.
type Event struct {
	// Kind is "respond" or "edit".
	Kind string
	// Interaction is the interaction the call answered.
	Interaction *discordgo.Interaction
	// Response is set for "respond".
	Response *discordgo.InteractionResponse
	// Edit is set for "edit".
	Edit *discordgo.WebhookEdit
}

// Session records what the bot sends, as a Discord session would receive
// it. Its zero value is ready to use; it is safe for concurrent use.
type Session struct {
	mu     sync.Mutex
	events []Event
	// Err, when set, is returned by every call, to test failure paths.
	Err error
}

// InteractionRespond records an interaction response.
func (s *Session) InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, _ ...discordgo.RequestOption) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return s.Err
	}
	for _, e := range s.events {
		if e.Kind == "respond" && e.Interaction.ID == i.ID {
			return fmt.Errorf("bottest: interaction %s already acknowledged", i.ID)
		}
	}
	s.events = append(s.events, Event{Kind: "respond", Interaction: i, Response: r})
	return nil
}

// InteractionResponseEdit records an edit of the original response.
func (s *Session) InteractionResponseEdit(i *discordgo.Interaction, edit *discordgo.WebhookEdit, _ ...discordgo.RequestOption) (*discordgo.Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Err != nil {
		return nil, s.Err
	}
	responded := false
	for _, e := range s.events {
		responded = responded || (e.Kind == "respond" && e.Interaction.ID == i.ID)
	}
	if !responded {
		return nil, fmt.Errorf("bottest: edit of interaction %s before any response", i.ID)
	}
	s.events = append(s.events, Event{Kind: "edit", Interaction: i, Edit: edit})
	return &discordgo.Message{ID: "m-" + i.ID, Content: deref(edit.Content)}, nil
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
// response's data, with any later edits applied. It is nil when the bot
// sent nothing.
func (s *Session) Final(interactionID string) *discordgo.InteractionResponseData {
	s.mu.Lock()
	defer s.mu.Unlock()
	var final *discordgo.InteractionResponseData
	for _, e := range s.events {
		if e.Interaction.ID != interactionID {
			continue
		}
		switch e.Kind {
		case "respond":
			final = &discordgo.InteractionResponseData{}
			if e.Response.Data != nil {
				d := *e.Response.Data
				final = &d
			}
		case "edit":
			if final == nil {
				continue
			}
			if e.Edit.Content != nil {
				final.Content = *e.Edit.Content
			}
			if e.Edit.Embeds != nil {
				final.Embeds = *e.Edit.Embeds
			}
			if e.Edit.Components != nil {
				final.Components = *e.Edit.Components
			}
		}
	}
	return final
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
