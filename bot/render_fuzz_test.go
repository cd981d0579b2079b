package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
	"github.com/storybot/storybot/index"
)

// FuzzRender renders results of arbitrary text (escaped and bolded as the
// index does), titles, links and questions: the reply always stays within
// Discord's limits, with its ** markers balanced.
func FuzzRender(f *testing.F) {
	f.Add("who vetoes", "Title", "The **council** met.", "https://example.com/a", 3, 1)
	f.Add(strings.Repeat("x", 200), strings.Repeat("T*", 200), strings.Repeat("**a** \\** ", 300), "javascript:alert(1)", 30, 999)
	f.Add("`~|>", "](x)", "***b*** __u__ ||s|| > q", "", 1, 0)
	f.Fuzz(func(t *testing.T, question, title, text, url string, hits, paragraph int) {
		if !utf8.ValidString(question) || !utf8.ValidString(title) || !utf8.ValidString(text) || !utf8.ValidString(url) {
			return
		}
		// Bold the middle third of the words, as highlighting a match does.
		words := strings.Fields(text)
		a, z := len(words)/3, 2*len(words)/3
		excerpt := index.Escape(strings.Join(words[:a], " "))
		if z > a {
			excerpt += " **" + index.Escape(strings.Join(words[a:z], " ")) + "** "
		}
		excerpt += index.Escape(strings.Join(words[z:], " "))
		if hits < 0 || hits > 40 {
			hits = 40
		}
		var hs []index.Hit
		for r := 1; r <= hits; r++ {
			hs = append(hs, index.Hit{Rank: r, Article: "a", Title: title, URL: url, Paragraph: paragraph, Text: text, Excerpt: excerpt, Published: time.Date(2022, 4, 26, 0, 0, 0, 0, time.UTC)})
		}
		b := newBot(t, bot.Config{Engine: &fakeEngine{res: &index.Result{Total: uint64(hits), Hits: hs}}, Limit: hits + 1}, nil)
		i := ask(question)
		s := &bottest.Session{}
		b.Handle(context.Background(), s, i)
		final := s.Final(i.ID)
		if final == nil {
			t.Fatal("no reply")
		}
		checkLimits(t, final)
	})
}
