package bot

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

// Session is the part of a Discord session the bot calls. A
// *discordgo.Session satisfies it; so does bottest.Session.
type Session interface {
	InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(i *discordgo.Interaction, edit *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ApplicationCommands(appID, guildID string, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
	ApplicationCommandBulkOverwrite(appID, guildID string, commands []*discordgo.ApplicationCommand, options ...discordgo.RequestOption) ([]*discordgo.ApplicationCommand, error)
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

var _ Session = (*discordgo.Session)(nil)

// Engine is the search engine the bot answers from; *index.Index is one.
type Engine interface {
	Search(ctx context.Context, q index.Query) (*index.Result, error)
	Articles() []index.Article
	Meta() index.Meta
}

var _ Engine = (*index.Index)(nil)

// Config holds what a Bot needs.
type Config struct {
	// Engine answers the searches. Required.
	Engine Engine
	// Topics are the topic commands of the corpus.
	Topics []corpus.Topic
	// Reindex, when set, rebuilds the index for /reindex and /corpus, and
	// says what changed. It reports progress as it goes. An error that a
	// moderator can act on (a bad file, a reindex already running) is a
	// *UserError.
	Reindex func(ctx context.Context, progress func(string)) (string, error)
	// ModeratorRoles are role IDs whose members may moderate, besides
	// members with the Manage Server permission.
	ModeratorRoles []string
	// AuditChannel, when set, is the channel ID where moderator actions are
	// posted; they are logged in any case.
	AuditChannel string
	// CorpusDir is the corpus folder /corpus writes to; "" when the corpus
	// is the built-in story, which cannot change.
	CorpusDir string
	// HTTPClient downloads attachments; http.DefaultClient when nil. Give it
	// the Discord session's client, so a fake Discord serves them too.
	HTTPClient *http.Client
	// Logger receives the bot's logs; slog.Default() when nil.
	Logger *slog.Logger
	// Since measures elapsed time for reply footers; time.Since when nil.
	// Tests set it to get stable replies.
	Since func(time.Time) time.Duration
	// Limit is how many excerpts a reply shows; 3 when 0.
	Limit int
	// DeferAfter is how long a handler may run before the dispatcher
	// acknowledges the interaction and edits the reply in later, well inside
	// Discord's 3 seconds; one second when 0.
	DeferAfter time.Duration
	// Limits are the cooldown and the cap on concurrent searches; off when
	// zero.
	Limits Limits
	// Observe, when set, is told of every interaction answered: its kind
	// (command, autocomplete, component), the command ("" when unknown), the
	// outcome (ok, user_error, cooldown, busy, error, panic) and the time
	// taken. Metrics hang on it.
	Observe func(kind, command, outcome string, took time.Duration)
}

// Bot answers Discord interactions from a search engine.
type Bot struct {
	cfg Config
	log *slog.Logger
	lim *limiter

	mu       sync.RWMutex // guards what SetTopics changes
	topics   []corpus.Topic
	commands []Command
	byName   map[string]*Command
}

// New checks the configuration and builds the command table. Topics whose
// names clash with the bot's own commands are refused, naming file and line.
func New(cfg Config) (*Bot, error) {
	if cfg.Engine == nil {
		return nil, fmt.Errorf("bot: no search engine")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Since == nil {
		cfg.Since = time.Since
	}
	if cfg.Limit <= 0 {
		cfg.Limit = 3
	}
	if cfg.DeferAfter <= 0 {
		cfg.DeferAfter = time.Second
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = http.DefaultClient
	}
	lim := newLimiter(cfg.Limits)
	if cfg.Limits.MaxSearches > 0 {
		cfg.Engine = &limitedEngine{Engine: cfg.Engine, lim: lim}
	}
	b := &Bot{cfg: cfg, log: cfg.Logger, lim: lim}
	if err := b.SetTopics(cfg.Topics); err != nil {
		return nil, err
	}
	return b, nil
}

// SetTopics replaces the topic commands, as after a reindex changed the
// topics file. Topics whose names clash with the bot's own commands are
// refused, naming file and line, and the old set stays. Sync the commands
// to Discord afterwards.
func (b *Bot) SetTopics(topics []corpus.Topic) error {
	commands := b.builtins()
	byName := map[string]*Command{}
	for _, c := range commands {
		byName[c.Def.Name] = nil
	}
	for _, t := range topics {
		if _, clash := byName[t.Name]; clash {
			return fmt.Errorf("bot: %s:%d: topic command /%s clashes with the bot's own /%s", t.File, t.Line, t.Name, t.Name)
		}
		byName[t.Name] = nil
		commands = append(commands, b.topicCommand(t))
	}
	for i := range commands {
		byName[commands[i].Def.Name] = &commands[i]
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.topics, b.commands, b.byName = topics, commands, byName
	return nil
}

// BuiltinNames are the names of the bot's own commands, which topic
// commands may not take.
func BuiltinNames() []string {
	var names []string
	for _, c := range (&Bot{}).builtins() {
		names = append(names, c.Def.Name)
	}
	return names
}

// Commands returns the definitions of every command, for syncing with
// Discord and for parsing console input.
func (b *Bot) Commands() []*discordgo.ApplicationCommand {
	b.mu.RLock()
	defer b.mu.RUnlock()
	defs := make([]*discordgo.ApplicationCommand, 0, len(b.commands))
	for _, c := range b.commands {
		defs = append(defs, c.Def)
	}
	return defs
}

// command returns the command with the given name.
func (b *Bot) command(name string) (*Command, bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	c, ok := b.byName[name]
	return c, ok && c != nil
}

// Topics returns the current topic commands.
func (b *Bot) Topics() []corpus.Topic {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.topics
}

// topicNames lists the topic commands, for suggestions.
func (b *Bot) topicNames() []string {
	var names []string
	for _, t := range b.Topics() {
		names = append(names, t.Name)
	}
	slices.Sort(names)
	return names
}
