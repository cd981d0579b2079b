package index_test

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/index"
)

// FuzzSearch throws any text at the query builder: a search never fails,
// never panics, and its hits are whole passages with their bold spans
// inside the text.
func FuzzSearch(f *testing.F) {
	idx := build(f, loadEval(f).Articles, index.Options{})
	for _, s := range []string{"who vetoes", "+veto -china text:x /.*/ ~2 ^5", "US U.S. u.s", "\x00\xff", "North Korea's DPRK", "from four million to two million"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := idx.Search(context.Background(), index.Query{Text: q, Limit: 3})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if utf8.ValidString(q) && utf8.RuneCountInString(res.Query) > index.MaxQueryLen {
			t.Fatalf("searched %d characters", utf8.RuneCountInString(res.Query))
		}
		for _, h := range res.Hits {
			for _, s := range h.Matches {
				if s.Start < 0 || s.End > len(h.Text) || s.Start >= s.End {
					t.Fatalf("span %v outside %q", s, h.Text)
				}
			}
		}
	})
}
