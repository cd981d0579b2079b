package index

import (
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
