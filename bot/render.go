package bot

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/index"
)

// Discord's limits on messages and embeds, in characters.
const (
	limitContent     = 2000
	limitTitle       = 256
	limitDescription = 4096
	limitFields      = 25
	limitFieldName   = 256
	limitFieldValue  = 1024
	limitFooter      = 2048
	limitEmbedsTotal = 6000
)

// Embed colours.
const (
	colorOK      = 0x2f80ed
	colorNothing = 0x9b9b9b
)

// ellipsis marks text that was cut.
const ellipsis = "…"

// answer renders search results as one embed: the question as title, a
// field per excerpt with its citation, and a footer with the number of
// matches and the time taken.
func (b *Bot) answer(title string, res *index.Result, took time.Duration) *Reply {
	e := &discordgo.MessageEmbed{
		Title:  clip(index.Escape(title), limitTitle),
		Color:  colorOK,
		Footer: &discordgo.MessageEmbedFooter{Text: footer(res.Total, took)},
	}
	if len(res.Hits) == 0 {
		e.Color = colorNothing
		e.Description = clip(b.nothingFound(res), limitDescription)
		return &Reply{Embeds: []*discordgo.MessageEmbed{e}}
	}
	hits := res.Hits[:min(len(res.Hits), limitFields)]
	// Share what is left of the 6,000 characters between the fields.
	budget := limitEmbedsTotal - runes(e.Title) - runes(e.Footer.Text)
	for _, h := range hits {
		budget -= runes(fieldName(h))
	}
	each := min(limitFieldValue, budget/len(hits))
	for _, h := range hits {
		cite := citation(h)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  fieldName(h),
			Value: clip(h.Excerpt, each-runes(cite)-1) + "\n" + cite,
		})
	}
	return &Reply{Embeds: []*discordgo.MessageEmbed{e}}
}

// nothingFound explains an empty result and suggests topic commands.
func (b *Bot) nothingFound(res *index.Result) string {
	var sb strings.Builder
	if len(res.Terms) == 0 {
		sb.WriteString("Your question has no words to search for (only words like *who*, *what* or *the*). Try naming what it is about.")
	} else {
		sb.WriteString("No passage matches your question.")
	}
	if topics := b.topicNames(); len(topics) > 0 {
		sb.WriteString(" You could try a topic command: ")
		for i, t := range topics[:min(len(topics), 6)] {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("`/" + t + "`")
		}
		sb.WriteString(", or `/help`.")
	} else {
		sb.WriteString(" See `/help`.")
	}
	return sb.String()
}

func fieldName(h index.Hit) string {
	return clip(fmt.Sprintf("%d. %s, ¶%d", h.Rank, index.Escape(h.Title), h.Paragraph), limitFieldName)
}

// citation names the source of an excerpt: the article (linked when its URL
// is known), the paragraph, and the date when known.
func citation(h index.Hit) string {
	title := index.Escape(h.Title)
	if runes(title) > 120 {
		title = clip(title, 120)
	}
	var sb strings.Builder
	sb.WriteString("— ")
	if h.URL != "" {
		fmt.Fprintf(&sb, "[%s](<%s>)", title, h.URL)
	} else {
		fmt.Fprintf(&sb, "*%s*", title)
	}
	fmt.Fprintf(&sb, ", paragraph %d", h.Paragraph)
	if !h.Published.IsZero() {
		sb.WriteString(", " + h.Published.Format("2 January 2006"))
	}
	return sb.String()
}

func footer(total uint64, took time.Duration) string {
	noun := "passages"
	if total == 1 {
		noun = "passage"
	}
	return fmt.Sprintf("%d %s matched · %s", total, noun, formatDuration(took))
}

// formatDuration prints a duration in milliseconds, to one decimal under 10 ms.
func formatDuration(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	if ms < 10 {
		return fmt.Sprintf("%.1f ms", ms)
	}
	return fmt.Sprintf("%.0f ms", ms)
}

// renderSources lists the articles of the index.
func (b *Bot) renderSources(articles []index.Article, meta index.Meta) *Reply {
	var sb strings.Builder
	for _, a := range articles {
		line := "• **" + index.Escape(a.Title) + "**"
		if a.URL != "" {
			line = "• [" + index.Escape(a.Title) + "](<" + a.URL + ">)"
		}
		if a.Source != "" {
			line += ", " + index.Escape(a.Source)
		}
		if !a.Published.IsZero() {
			line += ", " + a.Published.Format("2 January 2006")
		}
		line += fmt.Sprintf(" — %d paragraphs\n", a.Paragraphs)
		if runes(sb.String())+runes(line) > limitDescription-40 {
			fmt.Fprintf(&sb, "…and more (%d articles in all)", len(articles))
			break
		}
		sb.WriteString(line)
	}
	return &Reply{Embeds: []*discordgo.MessageEmbed{{
		Title:       "Sources",
		Description: sb.String(),
		Color:       colorOK,
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d articles · %d passages · index %s", len(articles), meta.Passages, meta.Version)},
	}}}
}

// renderHelp explains the commands.
func (b *Bot) renderHelp() *Reply {
	var sb strings.Builder
	sb.WriteString("Ask about the news stories this server follows, and get the paragraphs that answer, best first, with the matching words in **bold** and where each comes from.\n\n")
	sb.WriteString("`/ask question: …` — ask in your own words; add `private: True` to see the answer alone.\n")
	sb.WriteString("`/sources` — the articles I answer from.\n")
	sb.WriteString("`/reindex` — moderators: rebuild the index from the corpus folder.\n")
	if len(b.cfg.Topics) > 0 {
		sb.WriteString("\n**Topics**\n")
		for _, t := range b.cfg.Topics {
			line := "`/" + t.Name + "` — " + index.Escape(t.Description) + "\n"
			if runes(sb.String())+runes(line) > limitDescription-20 {
				sb.WriteString("…")
				break
			}
			sb.WriteString(line)
		}
	}
	return &Reply{Embeds: []*discordgo.MessageEmbed{{
		Title:       "storybot help",
		Description: sb.String(),
		Color:       colorOK,
	}}, Ephemeral: true}
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// clip shortens Discord markdown to at most max characters. It cuts after a
// sentence when one ends in the second half, else between words, and never
// inside a bold pair or an escape; a cut text ends with an ellipsis.
func clip(s string, max int) string {
	if runes(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	limit := max - runes(ellipsis)
	bold := false
	n := 0                 // characters kept so far
	safe := 0              // byte offset of the last cut point outside bold
	word, sentence := 0, 0 // byte offsets of the last word and sentence ends outside bold
	sentenceN := 0         // characters before sentence
	for i := 0; i < len(s); {
		unit := unitLen(s[i:])
		width := utf8.RuneCountInString(s[i : i+unit])
		if n+width > limit {
			break
		}
		if !bold && s[i] == ' ' && i > 0 {
			word = i
			if endsSentence(s[:i]) {
				sentence, sentenceN = i, n
			}
		}
		if s[i:i+unit] == "**" {
			bold = !bold
		}
		n += width
		i += unit
		if !bold {
			safe = i
		}
	}
	cut := safe
	switch {
	case sentence > 0 && sentenceN >= limit/2:
		cut = sentence
	case word > 0:
		cut = word
	}
	return strings.TrimRight(s[:cut], " ") + ellipsis
}

// unitLen is the length in bytes of the markdown unit s starts with: an
// escape with its character, a bold marker, or one character.
func unitLen(s string) int {
	if s[0] == '\\' && len(s) > 1 {
		_, w := utf8.DecodeRuneInString(s[1:])
		return 1 + w
	}
	if strings.HasPrefix(s, "**") {
		return 2
	}
	_, w := utf8.DecodeRuneInString(s)
	return w
}

// endsSentence reports whether s ends a sentence: a full stop, question or
// exclamation mark, maybe followed by a closing quote or bold marker.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'*”’)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}
