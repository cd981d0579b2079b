package index

import (
	"cmp"
	"context"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
)

// buildArticle indexes one article of the given paragraphs in memory and
// closes the index when the test ends.
func buildArticle(t testing.TB, file string, paragraphs []string, opts Options) *Index {
	t.Helper()
	a, err := corpus.ParseArticle(file, []byte(strings.Join(paragraphs, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	x, err := Build(context.Background(), []corpus.Article{a}, "", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func TestCompareIDsOrdersAsDocumentIDs(t *testing.T) {
	hits := []Hit{
		{Article: "a", Paragraph: 2, Part: 1},
		{Article: "a", Paragraph: 10, Part: 0},
		{Article: "a", Paragraph: 10, Part: 2},
		{Article: "a-b", Paragraph: 1},
		{Article: "a.b", Paragraph: 1},
		{Article: "a0", Paragraph: 1},
		{Article: "ab", Paragraph: 3},
		{Article: "b", Paragraph: 1},
		{Article: "", Paragraph: 1},
	}
	sign := func(n int) int { return cmp.Compare(n, 0) }
	for _, a := range hits {
		for _, b := range hits {
			want := strings.Compare(docID(a.Article, a.Paragraph, a.Part), docID(b.Article, b.Paragraph, b.Part))
			if got := compareIDs(a, b); sign(got) != sign(want) {
				t.Errorf("compareIDs(%v, %v) = %d, want the sign of %d", a, b, got, want)
			}
		}
	}
}
