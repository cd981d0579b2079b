package bot

import (
	"context"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/index"
)

// Discord's limits on autocomplete answers.
const (
	maxChoices   = 25
	maxChoiceLen = 100
)

// suggestHits is how many passages autocomplete looks at for phrases.
const suggestHits = 8

// autocomplete suggests values for the option being typed: for a question,
// topic questions that match the words typed so far, then phrases from the
// passages that match them; for an article, the titles that match.
func (b *Bot) autocomplete(ctx context.Context, data discordgo.ApplicationCommandInteractionData) []*discordgo.ApplicationCommandOptionChoice {
	var focused *discordgo.ApplicationCommandInteractionDataOption
	opts := data.Options
	if len(opts) == 1 && opts[0] != nil && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		opts = opts[0].Options
	}
	for _, o := range opts {
		if o != nil && o.Focused {
			focused = o
		}
	}
	if focused == nil {
		return nil
	}
	typed, _ := focused.Value.(string)
	typed = strings.TrimSpace(typed)
	if utf8.RuneCountInString(typed) > maxQuestionLen {
		typed = string([]rune(typed)[:maxQuestionLen])
	}
	c := choices{seen: map[string]bool{}}
	switch {
	case focused.Name == optArticle:
		for _, a := range b.cfg.Engine.Articles() {
			if typed == "" || containsFold(a.Title, typed) || strings.Contains(a.ID, strings.ToLower(typed)) {
				c.add(a.Title, a.ID)
			}
		}
	case focused.Name == optQuestion:
		words := strings.FieldsFunc(strings.ToLower(typed), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		for _, t := range b.Topics() {
			if matchesWords(strings.ToLower(t.Description+" "+t.Name), words) {
				c.add(t.Description, t.Description)
			}
		}
		if len(words) > 0 {
			res, err := b.cfg.Engine.Search(ctx, index.Query{Text: typed, Limit: suggestHits, Suggest: true})
			if errors.Is(err, ErrBusy) {
				return nil // no choices rather than a wait
			}
			if err != nil {
				b.log.Warn("autocomplete search failed", "err", err)
			} else {
				for _, h := range res.Hits {
					p := phrase(h)
					c.add(p, p)
				}
			}
		}
	}
	return c.list
}

// choices collects distinct autocomplete choices within Discord's limits.
type choices struct {
	list []*discordgo.ApplicationCommandOptionChoice
	seen map[string]bool
}

func (c *choices) add(name, value string) {
	name, value = cut(name, maxChoiceLen), cut(value, maxChoiceLen)
	if name == "" || value == "" || c.seen[value] || len(c.list) >= maxChoices {
		return
	}
	c.seen[value] = true
	c.list = append(c.list, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: value})
}

// matchesWords reports whether every typed word starts a word of s; the
// last word may be half typed.
func matchesWords(s string, words []string) bool {
	fields := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for _, w := range words {
		found := false
		for _, f := range fields {
			if strings.HasPrefix(f, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// phrase is the sentence of a hit that holds its first match, in at most
// maxChoiceLen characters, as plain text.
func phrase(h index.Hit) string {
	text := h.Text
	at := 0
	if len(h.Matches) > 0 {
		at = h.Matches[0].Start
	}
	start := 0
	for _, end := range []string{". ", "? ", "! "} {
		if i := strings.LastIndex(text[:at], end); i >= 0 && i+2 > start {
			start = i + 2
		}
	}
	return cut(strings.TrimSpace(text[start:]), maxChoiceLen)
}

// cut shortens plain text to at most n characters at a word boundary.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	if i := strings.LastIndex(string(r), " "); i > n/2 {
		return strings.TrimRight(string(r)[:i], " ,;:") + ellipsis
	}
	return string(r) + ellipsis
}
