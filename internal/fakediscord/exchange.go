package fakediscord

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// ErrDeleted is returned by Final when the bot deleted its reply.
var ErrDeleted = errors.New("fakediscord: the reply was deleted")

// Rejection is a request about an interaction that the fake refused, with
// Discord's error.
type Rejection struct {
	Method, Path string
	Status       int
	Code         int    // Discord's JSON error code, such as 50035
	Message      string // Discord's message, such as "Invalid Form Body"
	Detail       string // what exactly was wrong
}

// String describes the rejection in one line.
func (r Rejection) String() string {
	return r.Method + " " + r.Path + ": " + strconv.Itoa(r.Status) + " " + strconv.Itoa(r.Code) + " " + r.Detail
}

// Exchange is one interaction sent to the bot and everything the bot did
// about it: the callback, edits of the original response, follow-ups and the
// requests the fake rejected. Its methods are safe for concurrent use.
// Returned values are the Exchange's own records: read them, do not change
// them.
type Exchange struct {
	srv         *Server
	id, token   string
	interaction *discordgo.Interaction
	sentAt      time.Time
	// httpAnswered, for an interaction delivered over HTTP, is closed once
	// the endpoint's answer has been taken in.
	httpAnswered chan struct{}

	// guarded by srv.mu
	response   *discordgo.InteractionResponse
	original   *msgState // the message the response shows, nil before or for types 8 and 9
	complete   bool
	edits      []*discordgo.Message
	followups  []*msgState
	rejections []Rejection
}

// ID returns the interaction ID.
func (e *Exchange) ID() string { return e.id }

// Token returns the interaction token.
func (e *Exchange) Token() string { return e.token }

// Interaction returns the interaction as the bot received it, decoded by
// discordgo.
func (e *Exchange) Interaction() *discordgo.Interaction {
	i := *e.interaction
	return &i
}

// Response returns the bot's first callback, or nil before it.
func (e *Exchange) Response() *discordgo.InteractionResponse {
	e.srv.mu.Lock()
	defer e.srv.mu.Unlock()
	return e.response
}

// WaitResponse waits for the bot's first callback (POST
// /interactions/{id}/{token}/callback) that the fake accepted.
func (e *Exchange) WaitResponse(ctx context.Context) (*discordgo.InteractionResponse, error) {
	if err := e.WaitFor(ctx, func(e *Exchange) bool { return e.Response() != nil }); err != nil {
		return nil, e.waitErr("no interaction response", err)
	}
	return e.Response(), nil
}

// Edits returns the accepted edits of the original response (PATCH
// .../messages/@original), in order, each decoded from the request body: the
// fields an edit left out are zero. Original has the merged result.
func (e *Exchange) Edits() []*discordgo.Message {
	e.srv.mu.Lock()
	defer e.srv.mu.Unlock()
	return append([]*discordgo.Message(nil), e.edits...)
}

// WaitEdit waits for the first accepted edit of the original response and
// returns its body (see Edits).
func (e *Exchange) WaitEdit(ctx context.Context) (*discordgo.Message, error) {
	if err := e.WaitFor(ctx, func(e *Exchange) bool { return len(e.Edits()) > 0 }); err != nil {
		return nil, e.waitErr("no edit of the original response", err)
	}
	return e.Edits()[0], nil
}

// Followups returns the follow-up messages (POST /webhooks/{app}/{token}) as
// they now stand, edits included, in the order they were sent. A deleted
// follow-up is left out.
func (e *Exchange) Followups() []*discordgo.Message {
	e.srv.mu.Lock()
	defer e.srv.mu.Unlock()
	var out []*discordgo.Message
	for _, m := range e.followups {
		if !m.deleted {
			out = append(out, m.message(e.srv.botUser))
		}
	}
	return out
}

// Original returns the message the original response shows now: the reply
// of a type 4 callback, the "thinking" message of a type 5 (flag 128 set)
// until it is edited, or the clicked message for types 6 and 7; with every
// accepted edit applied. It is nil before the callback, for autocomplete and
// modal responses, and after the bot deleted it.
func (e *Exchange) Original() *discordgo.Message {
	e.srv.mu.Lock()
	defer e.srv.mu.Unlock()
	if e.original == nil || e.original.deleted {
		return nil
	}
	return e.original.message(e.srv.botUser)
}

// Complete reports whether the user sees a finished reply: a callback of type
// 4, 7, 8 or 9, or a deferred one (type 5 or 6) whose original response has
// since been edited or deleted. A follow-up does not complete a deferred
// reply: on Discord the "thinking" message would stay.
func (e *Exchange) Complete() bool {
	e.srv.mu.Lock()
	defer e.srv.mu.Unlock()
	return e.complete
}

// Final waits until the reply is complete (see Complete) and returns the
// message the user then sees: the callback's message, or the deferred reply
// as edited. It returns ErrDeleted when the bot deleted the reply, and an
// error for autocomplete and modal responses, which show no message. When ctx
// ends first, the error lists the bot's requests the fake rejected, which
// usually say why.
//
// A bot that edits its reply several times completes at the first edit; wait
// for a later state with WaitFor and Original.
func (e *Exchange) Final(ctx context.Context) (*discordgo.Message, error) {
	if err := e.WaitFor(ctx, (*Exchange).Complete); err != nil {
		return nil, e.waitErr("no final reply", err)
	}
	e.srv.mu.Lock()
	defer e.srv.mu.Unlock()
	switch {
	case e.original == nil:
		return nil, fmt.Errorf("fakediscord: response type %d shows no message", e.response.Type)
	case e.original.deleted:
		return nil, ErrDeleted
	}
	return e.original.message(e.srv.botUser), nil
}

// WaitFor waits until cond returns true, checking it now and after every
// event the fake records (on any exchange), so nothing is missed and nothing
// sleeps. cond may call the Exchange's methods.
func (e *Exchange) WaitFor(ctx context.Context, cond func(*Exchange) bool) error {
	return e.srv.waitUntil(ctx, func() bool { return cond(e) })
}

// Rejections returns the bot's requests about this interaction that the fake
// refused, such as an embed over Discord's limits or a second callback.
func (e *Exchange) Rejections() []Rejection {
	e.srv.mu.Lock()
	defer e.srv.mu.Unlock()
	return append([]Rejection(nil), e.rejections...)
}

// waitErr wraps a failed wait, naming the rejections.
func (e *Exchange) waitErr(what string, err error) error {
	rej := e.Rejections()
	if len(rej) == 0 {
		return fmt.Errorf("fakediscord: %s: %w", what, err)
	}
	lines := make([]string, len(rej))
	for i, r := range rej {
		lines[i] = r.String()
	}
	return fmt.Errorf("fakediscord: %s: %w; the fake rejected: %s", what, err, strings.Join(lines, "; "))
}

// Click presses the button with customID on the reply (Original) as the same
// user in the same channel, unless opts say otherwise, and returns the new
// exchange. It fails when the reply has no such button or it is disabled.
func (e *Exchange) Click(customID string, opts ...InteractionOption) (*Exchange, error) {
	msg := e.Original()
	if msg == nil {
		return nil, errors.New("fakediscord: no reply to click on")
	}
	b := FindButton(msg, customID)
	if b == nil {
		return nil, fmt.Errorf("fakediscord: the reply has no button %q (it has %v)", customID, buttonIDs(msg))
	}
	if b.Disabled {
		return nil, fmt.Errorf("fakediscord: button %q is disabled", customID)
	}
	i := ButtonClick(customID, msg)
	src := e.interaction
	i.GuildID, i.ChannelID, i.User = src.GuildID, src.ChannelID, src.User
	if src.Member != nil {
		m := *src.Member
		i.Member = &m
	}
	return e.srv.SendInteraction(i, opts...)
}

// FindButton returns the button with customID among the message's
// components, or nil.
func FindButton(m *discordgo.Message, customID string) *discordgo.Button {
	var found *discordgo.Button
	walkComponents(m.Components, func(c discordgo.MessageComponent) {
		if b, ok := asButton(c); ok && b.CustomID == customID && found == nil {
			found = b
		}
	})
	return found
}

// Buttons returns the message's buttons in order.
func Buttons(m *discordgo.Message) []*discordgo.Button {
	var out []*discordgo.Button
	walkComponents(m.Components, func(c discordgo.MessageComponent) {
		if b, ok := asButton(c); ok {
			out = append(out, b)
		}
	})
	return out
}

// buttonIDs lists the custom IDs of the message's buttons.
func buttonIDs(m *discordgo.Message) []string {
	var ids []string
	for _, b := range Buttons(m) {
		if b.CustomID != "" {
			ids = append(ids, b.CustomID)
		}
	}
	return ids
}

// asButton returns c as a button.
func asButton(c discordgo.MessageComponent) (*discordgo.Button, bool) {
	switch b := c.(type) {
	case *discordgo.Button:
		return b, true
	case discordgo.Button:
		return &b, true
	}
	return nil, false
}

// walkComponents calls fn on every component, depth first.
func walkComponents(comps []discordgo.MessageComponent, fn func(discordgo.MessageComponent)) {
	for _, c := range comps {
		if c == nil {
			continue
		}
		fn(c)
		switch c := c.(type) {
		case *discordgo.ActionsRow:
			walkComponents(c.Components, fn)
		case discordgo.ActionsRow:
			walkComponents(c.Components, fn)
		case *discordgo.Section:
			walkComponents(c.Components, fn)
			if c.Accessory != nil {
				walkComponents([]discordgo.MessageComponent{c.Accessory}, fn)
			}
		case *discordgo.Container:
			walkComponents(c.Components, fn)
		}
	}
}
