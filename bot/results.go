package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

// search is what a results reply searches for: a topic command's query, or
// a member's question, from an offset.
type search struct {
	Topic    string // a topic command's name; "" for a question
	Question string
	Article  string // the article a question is scoped to
	Offset   int
}

// topic returns the topic command with the given name.
func (b *Bot) topic(name string) (corpus.Topic, bool) {
	for _, t := range b.Topics() {
		if t.Name == name {
			return t, true
		}
	}
	return corpus.Topic{}, false
}

// results runs a search and renders one page of it, with buttons to page
// through the rest and, on a private reply, to post it to the channel.
func (b *Bot) results(ctx context.Context, asker string, s search, private bool) (*Reply, error) {
	title, q := s.Question, index.Query{Text: s.Question, Article: s.Article}
	if s.Topic != "" {
		t, ok := b.topic(s.Topic)
		if !ok {
			return nil, userErrorf("The topic command /%s no longer exists; see `/help`.", s.Topic)
		}
		title, q = t.Description, index.Query{Text: t.Query, Article: t.Article, Asking: t.Description}
	}
	q.Limit, q.Offset = b.cfg.Limit, s.Offset
	start := time.Now()
	res, err := b.cfg.Engine.Search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	if len(res.Hits) == 0 && s.Offset > 0 && res.Total > 0 {
		// The index shrank under a late page: start again from the top.
		s.Offset = 0
		return b.results(ctx, asker, s, private)
	}
	reply := b.answer(title, res, b.cfg.Since(start))
	reply.Ephemeral = private
	reply.Components = b.buttons(asker, s, res, private)
	return reply, nil
}

// buttons returns the row under a results reply: Previous and More while
// there are other pages, and Post to channel on a private reply.
func (b *Bot) buttons(asker string, s search, res *index.Result, private bool) []discordgo.MessageComponent {
	if asker == "" {
		return nil
	}
	state := pageState{Asker: asker, Version: b.cfg.Engine.Meta().Version, Topic: s.Topic, Article: s.Article}
	var row []discordgo.MessageComponent
	add := func(action, label string, offset int, style discordgo.ButtonStyle) {
		st := state
		st.Action, st.Offset = action, offset
		id, err := st.encode()
		if err != nil || !versionPattern.MatchString(st.Version) {
			b.log.Warn("button left out", "label", label, "err", err)
			return
		}
		row = append(row, discordgo.Button{Label: label, Style: style, CustomID: id})
	}
	if s.Offset > 0 {
		add(actionPage, "◀ Previous", max(0, s.Offset-b.cfg.Limit), discordgo.SecondaryButton)
	}
	if next := s.Offset + len(res.Hits); uint64(next) < res.Total && next <= index.MaxOffset {
		add(actionPage, "More ▶", next, discordgo.SecondaryButton)
	}
	if private && len(res.Hits) > 0 {
		add(actionPost, "Post to channel", s.Offset, discordgo.PrimaryButton)
	}
	if len(row) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// component answers a click on a results button.
func (b *Bot) component(ctx context.Context, i *discordgo.Interaction, st pageState) (*Reply, error) {
	if clicker := userID(i); clicker != st.Asker {
		return nil, userErrorf("Only the member who asked can use these buttons. Ask your own with `/ask`.")
	}
	s := search{Topic: st.Topic, Article: st.Article, Offset: st.Offset}
	if s.Topic == "" {
		q, err := questionOf(i.Message)
		if err != nil {
			return nil, err
		}
		s.Question = q
	}
	private := st.Action == actionPage && i.Message != nil && i.Message.Flags&discordgo.MessageFlagsEphemeral != 0
	reply, err := b.results(ctx, st.Asker, s, private)
	if err != nil {
		return nil, err
	}
	if st.Version != b.cfg.Engine.Meta().Version {
		reply.Content = "The articles were reindexed since you asked: these results are fresh."
	}
	switch st.Action {
	case actionPage:
		reply.Update = true
	case actionPost:
		reply.Ephemeral = false
		reply.Content = strings.TrimSpace(fmt.Sprintf("Shared by <@%s>. %s", st.Asker, reply.Content))
	}
	return reply, nil
}

// questionOf reads a question back from the title of the results message a
// button was on: the title is the question, escaped.
func questionOf(m *discordgo.Message) (string, error) {
	if m == nil || len(m.Embeds) == 0 || m.Embeds[0].Title == "" {
		return "", userErrorf("I could not read the question from this message; please ask again.")
	}
	title := m.Embeds[0].Title
	if strings.HasSuffix(title, ellipsis) {
		return "", userErrorf("This question was too long to page through; please ask again with fewer words.")
	}
	return unescape(title), nil
}

// unescape undoes index.Escape.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
