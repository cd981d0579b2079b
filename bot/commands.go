package bot

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/corpus"
)

// Command is one slash command: its definition as Discord sees it, beside
// the handler that answers it.
type Command struct {
	// Def is the definition synced to Discord.
	Def *discordgo.ApplicationCommand
	// Handle answers the command. It returns the reply, a *UserError for a
	// problem the user can fix, or another error for anything else.
	Handle func(ctx context.Context, r *Request) (*Reply, error)
	// Moderator commands need the Manage Server permission, checked on the
	// server from the interaction, whatever Discord's settings say.
	Moderator bool
	// Defer marks slow commands: the dispatcher acknowledges them at once
	// and edits the reply in when the handler returns.
	Defer bool
}

// Reply is what a handler answers; the dispatcher sends it.
type Reply struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	// Ephemeral replies are seen by the asker only.
	Ephemeral bool
	// Update replaces the message a button was on instead of posting a new one.
	Update bool
}

// UserError is a problem the user can fix; its message is shown to them.
type UserError struct{ Msg string }

func (e *UserError) Error() string { return e.Msg }

// userErrorf returns a *UserError with a formatted message.
func userErrorf(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// Moderator permission bits: Manage Server, or Administrator.
const moderatorPerms = discordgo.PermissionManageGuild | discordgo.PermissionAdministrator

// Names of the bot's own commands and options.
const (
	cmdAsk     = "ask"
	cmdHelp    = "help"
	cmdSources = "sources"
	cmdReindex = "reindex"
	cmdCorpus  = "corpus"

	optQuestion = "question"
	optPrivate  = "private"
	optArticle  = "article"

	// maxQuestionLen is the longest /ask question Discord lets a user type;
	// it fits an embed title, where paging reads it back.
	maxQuestionLen = 200
)

func ptr[T any](v T) *T { return &v }

// privateOption is the optional flag that makes a reply ephemeral.
func privateOption() *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionBoolean,
		Name:        optPrivate,
		Description: "Show the answer to you only",
	}
}

// builtins is the bot's own part of the command table.
func (b *Bot) builtins() []Command {
	cmds := []Command{
		{
			Def: &discordgo.ApplicationCommand{
				Name:        cmdAsk,
				Description: "Ask a question about the stories; get the passages that answer it",
				Options: []*discordgo.ApplicationCommandOption{
					{
						Type:         discordgo.ApplicationCommandOptionString,
						Name:         optQuestion,
						Description:  "Your question, in your own words",
						Required:     true,
						MaxLength:    maxQuestionLen,
						Autocomplete: true,
					},
					privateOption(),
					{
						Type:         discordgo.ApplicationCommandOptionString,
						Name:         optArticle,
						Description:  "Search one article only",
						Autocomplete: true,
					},
				},
			},
			Handle: b.ask,
		},
		{
			Def: &discordgo.ApplicationCommand{
				Name:        cmdSources,
				Description: "List the articles storybot answers from",
			},
			Handle: b.sources,
		},
		{
			Def: &discordgo.ApplicationCommand{
				Name:        cmdHelp,
				Description: "How to use storybot",
			},
			Handle: b.help,
		},
	}
	return append(cmds, b.moderationCommands()...)
}

// topicCommand makes the command for one topic of the topics file.
func (b *Bot) topicCommand(t corpus.Topic) Command {
	return Command{
		Def: &discordgo.ApplicationCommand{
			Name:        t.Name,
			Description: t.Description,
			Options:     []*discordgo.ApplicationCommandOption{privateOption()},
		},
		Handle: func(ctx context.Context, r *Request) (*Reply, error) {
			private, err := r.Bool(optPrivate)
			if err != nil {
				return nil, err
			}
			return b.results(ctx, userID(r.Interaction), search{Topic: t.Name}, private)
		},
	}
}

func (b *Bot) ask(ctx context.Context, r *Request) (*Reply, error) {
	q, err := r.String(optQuestion)
	if err != nil {
		return nil, err
	}
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, userErrorf("Please type a question, for example `/ask question: who can veto the resolution?`")
	}
	if n := utf8.RuneCountInString(q); n > maxQuestionLen {
		return nil, userErrorf("Your question is %d characters long; please keep it to %d.", n, maxQuestionLen)
	}
	article, err := r.String(optArticle)
	if err != nil {
		return nil, err
	}
	if article != "" {
		id, ok := b.findArticle(article)
		if !ok {
			return nil, userErrorf("I have no article %q; pick one from the list, or see `/sources`.", article)
		}
		article = id
	}
	private, err := r.Bool(optPrivate)
	if err != nil {
		return nil, err
	}
	return b.results(ctx, userID(r.Interaction), search{Question: q, Article: article}, private)
}

// findArticle finds an article by id, or by its exact title.
func (b *Bot) findArticle(s string) (string, bool) {
	for _, a := range b.cfg.Engine.Articles() {
		if a.ID == s || strings.EqualFold(a.Title, s) {
			return a.ID, true
		}
	}
	return "", false
}

func (b *Bot) sources(ctx context.Context, r *Request) (*Reply, error) {
	return b.renderSources(b.cfg.Engine.Articles(), b.cfg.Engine.Meta()), nil
}

func (b *Bot) help(ctx context.Context, r *Request) (*Reply, error) {
	return b.renderHelp(), nil
}

// Request is one command invocation, with safe access to its options.
type Request struct {
	// Interaction is the interaction as Discord sent it.
	Interaction *discordgo.Interaction
	// Sub is the subcommand invoked, or "".
	Sub      string
	data     discordgo.ApplicationCommandInteractionData
	options  map[string]*discordgo.ApplicationCommandInteractionDataOption
	session  Session
	progress func(*Reply)
}

func newRequest(i *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData) *Request {
	r := &Request{Interaction: i, data: data, options: map[string]*discordgo.ApplicationCommandInteractionDataOption{}}
	opts := data.Options
	if len(opts) == 1 && opts[0] != nil && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		r.Sub, opts = opts[0].Name, opts[0].Options
	}
	for _, o := range opts {
		if o != nil {
			r.options[o.Name] = o
		}
	}
	return r
}

// Progress shows an interim reply while a deferred command works; the
// dispatcher edits the deferred response with it.
func (r *Request) Progress(reply *Reply) {
	if r.progress != nil {
		r.progress(reply)
	}
}

// Attachment returns an attachment option's file, nil when it was not given.
func (r *Request) Attachment(name string) (*discordgo.MessageAttachment, error) {
	o, ok := r.options[name]
	if !ok {
		return nil, nil
	}
	id, ok := o.Value.(string)
	if o.Type != discordgo.ApplicationCommandOptionAttachment || !ok {
		return nil, userErrorf("The option `%s` must be a file.", name)
	}
	if r.data.Resolved != nil {
		if a, ok := r.data.Resolved.Attachments[id]; ok && a != nil {
			return a, nil
		}
	}
	return nil, userErrorf("The file for `%s` did not arrive; please attach it again.", name)
}

// String returns a string option, "" when it was not given. An option of
// another type is a user error, never a panic.
func (r *Request) String(name string) (string, error) {
	o, ok := r.options[name]
	if !ok {
		return "", nil
	}
	s, ok := o.Value.(string)
	if o.Type != discordgo.ApplicationCommandOptionString || !ok {
		return "", userErrorf("The option `%s` must be text.", name)
	}
	return s, nil
}

// Bool returns a boolean option, false when it was not given.
func (r *Request) Bool(name string) (bool, error) {
	o, ok := r.options[name]
	if !ok {
		return false, nil
	}
	v, ok := o.Value.(bool)
	if o.Type != discordgo.ApplicationCommandOptionBoolean || !ok {
		return false, userErrorf("The option `%s` must be true or false.", name)
	}
	return v, nil
}

// User returns who sent the interaction, in a guild or in a DM.
func (r *Request) User() *discordgo.User {
	if m := r.Interaction.Member; m != nil && m.User != nil {
		return m.User
	}
	if r.Interaction.User != nil {
		return r.Interaction.User
	}
	return &discordgo.User{}
}
