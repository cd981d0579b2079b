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

// minFieldLen is the fewest characters an excerpt's field gets.
const minFieldLen = 400

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
	var lead []string
	if res.DidYouMean != "" {
		lead = append(lead, "Did you mean: *"+index.Escape(res.DidYouMean)+"*?")
	}
	if len(res.Hits) == 0 {
		e.Color = colorNothing
		e.Description = clip(strings.Join(append(lead, b.nothingFound(res)), "\n"), limitDescription)
		return &Reply{Embeds: []*discordgo.MessageEmbed{e}}
	}
	switch {
	case res.Weak:
		e.Color = colorNothing
		lead = append(lead, "No passage clearly answers this; here are the nearest ones.")
	case res.Answer != "" && res.Hits[0].Rank == 1:
		lead = append(lead, "**Answer:** "+index.Escape(res.Answer))
	}
	e.Description = clip(strings.Join(lead, "\n"), 600)
	// Share what is left of the 6,000 characters between the fields, showing
	// fewer excerpts rather than excerpts too short to read.
	budget := limitEmbedsTotal - runes(e.Title) - runes(e.Footer.Text) - runes(e.Description)
	n := max(1, min(len(res.Hits), limitFields, budget/minFieldLen))
	each := min(limitFieldValue, budget/n-len("#00"))
	for _, h := range res.Hits[:n] {
		cite := citation(h, each/2)
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
		for _, t := range topics {
			sb.WriteString("`/" + t + "`, ")
		}
		sb.WriteString("or `/help`.")
	} else {
		sb.WriteString(" See `/help`.")
	}
	return sb.String()
}

// fieldName is a hit's rank; its citation closes the field's value.
func fieldName(h index.Hit) string {
	return fmt.Sprintf("#%d", h.Rank)
}

// citation names the source of an excerpt in at most max characters: the
// article (linked when its URL is known and fits), the paragraph, and the
// date when known.
func citation(h index.Hit, max int) string {
	title := clip(index.Escape(h.Title), 120)
	where := fmt.Sprintf(", paragraph %d", h.Paragraph)
	if !h.Published.IsZero() {
		where += ", " + h.Published.Format("2 January 2006")
	}
	if u := linkable(h.URL); u != "" && title != "" {
		if linked := fmt.Sprintf("— [%s](<%s>)%s", title, u, where); runes(linked) <= max {
			return linked
		}
	}
	if title == "" {
		return clip("— "+strings.TrimPrefix(where, ", "), max)
	}
	return clip(fmt.Sprintf("— *%s*%s", title, where), max)
}

// urlEscaper percent-encodes the characters that would let a URL break
// out of a masked link or start markdown.
var urlEscaper = strings.NewReplacer("*", "%2A", "_", "%5F", "~", "%7E", "|", "%7C", "`", "%60",
	"<", "%3C", ">", "%3E", "(", "%28", ")", "%29", "[", "%5B", "]", "%5D", " ", "%20", "\n", "%0A", "\\", "%5C")

// linkable returns a URL fit for a masked link: http or https only, with
// markdown characters percent-encoded; "" for anything else.
func linkable(u string) string {
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return ""
	}
	return urlEscaper.Replace(u)
}

func footer(total uint64, took time.Duration) string {
	return fmt.Sprintf("%s matched · %s", plural(int(total), "passage"), formatDuration(took))
}

// plural counts a noun: "1 passage", "2 passages".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
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
		if u := linkable(a.URL); u != "" {
			line = "• [" + index.Escape(a.Title) + "](<" + u + ">)"
		}
		if a.Source != "" {
			line += ", " + index.Escape(a.Source)
		}
		if !a.Published.IsZero() {
			line += ", " + a.Published.Format("2 January 2006")
		}
		line += " — " + plural(a.Paragraphs, "paragraph") + "\n"
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
		Footer:      &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%s · %s · index %s", plural(len(articles), "article"), plural(meta.Passages, "passage"), meta.Version)},
	}}}
}

// renderHelp explains the commands.
func (b *Bot) renderHelp() *Reply {
	var sb strings.Builder
	sb.WriteString("Ask about the news stories this server follows, and get the paragraphs that answer, best first, with the matching words in **bold** and where each comes from.\n\n")
	sb.WriteString("`/ask question: …` — ask in your own words; add `private: True` to see the answer alone.\n")
	sb.WriteString("`/sources` — the articles I answer from.\n")
	sb.WriteString("`/reindex` — moderators: rebuild the index from the corpus folder.\n")
	if len(b.Topics()) > 0 {
		sb.WriteString("\n**Topics**\n")
		for _, t := range b.Topics() {
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
		if !bold && s[i] == ' ' && i > 0 {
			word = i
			if endsSentence(s[:i]) {
				sentence, sentenceN = i, n
			}
		}
		unit := unitLen(s[i:])
		width := utf8.RuneCountInString(s[i : i+unit])
		if n+width > limit {
			break
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
