package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/corpus"
)

// Options and subcommands of /corpus.
const (
	subAdd    = "add"
	subRemove = "remove"
	subList   = "list"

	optFile    = "file"
	optReplace = "replace"
)

// progressEvery is the least time between two progress edits of a reply.
const progressEvery = 2 * time.Second

// manageServer is the default_member_permissions of moderator commands.
var manageServer = ptr(int64(discordgo.PermissionManageGuild))

// guildOnly keeps moderator commands out of DMs.
var guildOnly = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}

// moderationCommands are the commands that change the corpus and the index.
func (b *Bot) moderationCommands() []Command {
	return []Command{
		{
			Def: &discordgo.ApplicationCommand{
				Name:                     cmdReindex,
				Description:              "Rebuild the search index from the corpus folder (moderators)",
				DefaultMemberPermissions: manageServer,
				Contexts:                 guildOnly,
			},
			Handle:    b.reindex,
			Moderator: true,
			Defer:     true,
		},
		{
			Def: &discordgo.ApplicationCommand{
				Name:                     cmdCorpus,
				Description:              "Add, remove or list the articles (moderators)",
				DefaultMemberPermissions: manageServer,
				Contexts:                 guildOnly,
				Options: []*discordgo.ApplicationCommandOption{
					{
						Type: discordgo.ApplicationCommandOptionSubCommand, Name: subAdd,
						Description: "Add an article from a .txt or .md file, then reindex",
						Options: []*discordgo.ApplicationCommandOption{
							{Type: discordgo.ApplicationCommandOptionAttachment, Name: optFile, Description: "The article: .txt (a paragraph a line) or .md", Required: true},
							{Type: discordgo.ApplicationCommandOptionBoolean, Name: optReplace, Description: "Replace an article with the same name"},
						},
					},
					{
						Type: discordgo.ApplicationCommandOptionSubCommand, Name: subRemove,
						Description: "Remove an article (kept in the corpus trash), then reindex",
						Options: []*discordgo.ApplicationCommandOption{
							{Type: discordgo.ApplicationCommandOptionString, Name: optArticle, Description: "The article", Required: true, Autocomplete: true},
						},
					},
					{Type: discordgo.ApplicationCommandOptionSubCommand, Name: subList, Description: "List the articles of the corpus"},
				},
			},
			Handle:    b.corpusCommand,
			Moderator: true,
			Defer:     true,
		},
	}
}

func (b *Bot) reindex(ctx context.Context, r *Request) (*Reply, error) {
	b.audit(r, "reindex", "started")
	reply, err := b.rebuild(ctx, r, "Index rebuilt")
	if err != nil {
		b.audit(r, "reindex", "failed: "+err.Error())
		return nil, err
	}
	b.audit(r, "reindex", reply.Embeds[0].Description)
	return reply, nil
}

// rebuild runs the configured reindex, showing its progress in the reply.
func (b *Bot) rebuild(ctx context.Context, r *Request, title string) (*Reply, error) {
	if b.cfg.Reindex == nil {
		return nil, userErrorf("Reindexing is not available: this bot serves a fixed index.")
	}
	start := time.Now()
	var mu sync.Mutex
	var last time.Time
	progress := func(msg string) {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(last) < progressEvery {
			return
		}
		last = time.Now()
		r.Progress(&Reply{Embeds: []*discordgo.MessageEmbed{{Title: "Reindexing…", Description: clip(msg, limitDescription), Color: colorNothing}}})
	}
	summary, err := b.cfg.Reindex(ctx, progress)
	if err != nil {
		return nil, err
	}
	return &Reply{Embeds: []*discordgo.MessageEmbed{{
		Title:       title,
		Description: clip(summary, limitDescription),
		Footer:      &discordgo.MessageEmbedFooter{Text: "took " + formatDuration(b.cfg.Since(start))},
		Color:       colorOK,
	}}}, nil
}

func (b *Bot) corpusCommand(ctx context.Context, r *Request) (*Reply, error) {
	switch r.Sub {
	case subList:
		return b.renderSources(b.cfg.Engine.Articles(), b.cfg.Engine.Meta()), nil
	case subAdd, subRemove:
		if b.cfg.CorpusDir == "" {
			return nil, userErrorf("No corpus folder is configured (STORYBOT_CORPUS), so the articles cannot change: this bot answers from its built-in story.")
		}
		if r.Sub == subAdd {
			return b.corpusAdd(ctx, r)
		}
		return b.corpusRemove(ctx, r)
	}
	return nil, userErrorf("Use `/corpus add`, `/corpus remove` or `/corpus list`.")
}

func (b *Bot) corpusAdd(ctx context.Context, r *Request) (*Reply, error) {
	att, err := r.Attachment(optFile)
	if err != nil {
		return nil, err
	}
	if att == nil {
		return nil, userErrorf("Attach the article as `file`.")
	}
	replace, err := r.Bool(optReplace)
	if err != nil {
		return nil, err
	}
	if _, err := corpus.SafeName(att.Filename); err != nil {
		return nil, userErrorf("The file name %q cannot be used: %v", att.Filename, err)
	}
	if att.Size > corpus.MaxFileSize {
		return nil, userErrorf("%s is %d bytes; articles may be at most %d bytes.", att.Filename, att.Size, corpus.MaxFileSize)
	}
	data, err := b.download(ctx, att.URL, corpus.MaxFileSize)
	if err != nil {
		return nil, err
	}
	a, err := corpus.WriteArticle(b.cfg.CorpusDir, att.Filename, data, replace)
	switch {
	case errors.Is(err, corpus.ErrExists):
		return nil, userErrorf("An article with that name exists already. To replace it, run `/corpus add` again with `replace: True`.")
	case err != nil:
		b.audit(r, "corpus add", fmt.Sprintf("refused %s: %v", att.Filename, err))
		return nil, userErrorf("%s was not added: %v", att.Filename, err)
	}
	b.audit(r, "corpus add", fmt.Sprintf("%s (%q, %d passages, replace=%v)", a.File, a.Title, len(a.Passages), replace))
	return b.rebuild(ctx, r, fmt.Sprintf("Added %s", a.Title))
}

func (b *Bot) corpusRemove(ctx context.Context, r *Request) (*Reply, error) {
	name, err := r.String(optArticle)
	if err != nil {
		return nil, err
	}
	id, ok := b.findArticle(name)
	if !ok {
		id = strings.ToLower(strings.TrimSpace(name))
	}
	trashed, err := corpus.RemoveArticle(b.cfg.CorpusDir, id)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, userErrorf("There is no article %q in the corpus folder; see `/corpus list`.", name)
	case err != nil:
		return nil, userErrorf("%q was not removed: %v", name, err)
	}
	b.audit(r, "corpus remove", fmt.Sprintf("%s (kept as %s)", id, trashed))
	return b.rebuild(ctx, r, "Removed "+id)
}

// download fetches an attachment, refusing more than max bytes.
func (b *Bot) download(ctx context.Context, url string, max int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, userErrorf("The attachment's address is not valid.")
	}
	resp, err := b.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download attachment: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download attachment: HTTP %s", resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("download attachment: %w", err)
	}
	if int64(len(data)) > max {
		return nil, userErrorf("The file is over %d bytes, the most an article may have.", max)
	}
	return data, nil
}

// audit records a moderator action: who, what, when. It is logged, and
// posted to the audit channel when one is configured.
func (b *Bot) audit(r *Request, action, detail string) {
	u := r.User()
	b.log.Info("audit", "user", u.Username, "user_id", u.ID, "action", action, "detail", detail, "interaction", r.Interaction.ID)
	if b.cfg.AuditChannel == "" || r.session == nil {
		return
	}
	msg := clip(fmt.Sprintf("**%s** by <@%s> at <t:%d:f>: %s", action, u.ID, time.Now().Unix(), detail), limitContent)
	if _, err := r.session.ChannelMessageSendComplex(b.cfg.AuditChannel, &discordgo.MessageSend{Content: msg, AllowedMentions: noMentions}); err != nil {
		b.log.Error("audit post failed", "channel", b.cfg.AuditChannel, "err", err)
	}
}

// isModerator reports whether the interaction's member may moderate: the
// permissions Discord computed for the member in this channel hold Manage
// Server or Administrator, or the member has a moderator role. Outside a
// guild nobody is a moderator.
func (b *Bot) isModerator(i *discordgo.Interaction) bool {
	if i.Member == nil {
		return false
	}
	if i.Member.Permissions&moderatorPerms != 0 {
		return true
	}
	for _, role := range i.Member.Roles {
		if slices.Contains(b.cfg.ModeratorRoles, role) {
			return true
		}
	}
	return false
}
