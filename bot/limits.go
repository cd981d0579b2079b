package bot

import (
	"context"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/index"
)

// Limits protect the bot from bursts: a per-user cooldown on searching
// commands and a cap on searches running at once. Their zero values turn
// them off.
type Limits struct {
	// Cooldown is how long a member waits between two /ask or topic
	// commands. Moderators are exempt: they are few, trusted, and need to
	// check answers quickly after a reindex. Buttons and autocomplete are
	// not counted (the search cap bounds them).
	Cooldown time.Duration
	// MaxSearches caps the searches running at once, over every command,
	// button and autocomplete. Past it a command gets an ephemeral "busy"
	// reply (and does not count for the cooldown) and autocomplete no
	// choices, at once: nothing queues.
	MaxSearches int
	// Now tells the time for the cooldown; time.Now when nil.
	Now func() time.Time
}

// ErrBusy is the reply when every search slot is taken.
var ErrBusy = &UserError{Msg: "storybot is busy answering other questions; please try again in a moment."}

// limiter enforces Limits.
type limiter struct {
	cfg Limits
	sem chan struct{} // nil: no cap

	mu    sync.Mutex
	last  map[string]time.Time // user ID -> last accepted search command
	sweep time.Time
}

func newLimiter(l Limits) *limiter {
	if l.Now == nil {
		l.Now = time.Now
	}
	lim := &limiter{cfg: l, last: map[string]time.Time{}}
	if l.MaxSearches > 0 {
		lim.sem = make(chan struct{}, l.MaxSearches)
	}
	return lim
}

// allow records a search command by user and says how long they still have
// to wait when it comes too soon (0: go ahead), and when it was counted.
func (l *limiter) allow(user string) (time.Duration, time.Time) {
	if l.cfg.Cooldown <= 0 || user == "" {
		return 0, time.Time{}
	}
	now := l.cfg.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if last, ok := l.last[user]; ok {
		if wait := l.cfg.Cooldown - now.Sub(last); wait > 0 {
			return wait, time.Time{}
		}
	}
	l.last[user] = now
	// Forget users whose cooldown is over, now and then, so the map holds
	// only the members active in the last cooldown.
	if now.Sub(l.sweep) > l.cfg.Cooldown && len(l.last) > 1024 {
		for u, t := range l.last {
			if now.Sub(t) >= l.cfg.Cooldown {
				delete(l.last, u)
			}
		}
		l.sweep = now
	}
	return 0, now
}

// refund forgets a command counted at the given time, as when it found the
// bot busy: the member may try again at once.
func (l *limiter) refund(user string, at time.Time) {
	if at.IsZero() {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.last[user].Equal(at) {
		delete(l.last, user)
	}
}

// acquire takes a search slot without waiting; release gives it back.
func (l *limiter) acquire() bool {
	if l.sem == nil {
		return true
	}
	select {
	case l.sem <- struct{}{}:
		return true
	default:
		return false
	}
}

func (l *limiter) release() {
	if l.sem != nil {
		<-l.sem
	}
}

// cooldownMessage says how long to wait, in whole seconds rounded up.
func cooldownMessage(wait time.Duration) string {
	s := int(math.Ceil(wait.Seconds()))
	if s < 1 {
		s = 1
	}
	unit := "seconds"
	if s == 1 {
		unit = "second"
	}
	return fmt.Sprintf("Easy there! You can ask again in %d %s.", s, unit)
}

// limitedEngine takes a search slot for every search.
type limitedEngine struct {
	Engine
	lim *limiter
}

// Search runs the search when a slot is free, and returns ErrBusy at once
// otherwise.
func (e *limitedEngine) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	if !e.lim.acquire() {
		return nil, ErrBusy
	}
	defer e.lim.release()
	return e.Engine.Search(ctx, q)
}

// searches reports whether the command runs a search the cooldown counts:
// /ask or a topic command.
func (d *dispatch) searches(name string) bool {
	if name == cmdAsk {
		return true
	}
	_, ok := d.bot.topic(name)
	return ok
}

func (d *dispatch) setOutcome(o string) {
	if d.outcome == "" {
		d.outcome = o
	}
}

// result is the outcome for metrics.
func (d *dispatch) result() string {
	if d.outcome == "" {
		return "ok"
	}
	return d.outcome
}

// kind names the interaction's type for metrics.
func (d *dispatch) kind() string {
	switch d.i.Type {
	case discordgo.InteractionApplicationCommand:
		return "command"
	case discordgo.InteractionApplicationCommandAutocomplete:
		return "autocomplete"
	case discordgo.InteractionMessageComponent:
		return "component"
	}
	return "other"
}

// commandName is the command for metrics: a known command's name, so the
// label's values stay bounded; "" otherwise (and for buttons).
func (d *dispatch) commandName() string {
	data, ok := d.i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return ""
	}
	if _, ok := d.bot.command(data.Name); !ok {
		return ""
	}
	return data.Name
}
