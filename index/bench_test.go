package index_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/corpus/corpustest"
	"github.com/storybot/storybot/index"
)

// Benchmarks: go test ./index -run '^$' -bench . -benchmem

func storyArticles(b *testing.B) []corpus.Article {
	c, err := corpus.Load(corpus.Default())
	if err != nil {
		b.Fatal(err)
	}
	return c.Articles
}

func BenchmarkBuild(b *testing.B) {
	for _, bc := range []struct {
		name     string
		articles func(*testing.B) []corpus.Article
	}{
		{"story", storyArticles},
		{"generated-10k", func(*testing.B) []corpus.Article { return corpustest.Generate(1, 10_000) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			articles := bc.articles(b)
			passages := 0
			for _, a := range articles {
				passages += len(a.Passages)
			}
			b.ResetTimer()
			for b.Loop() {
				idx, err := index.Build(context.Background(), articles, "", index.Options{})
				if err != nil {
					b.Fatal(err)
				}
				idx.Close()
			}
			b.ReportMetric(float64(passages)*float64(b.N)/b.Elapsed().Seconds(), "passages/s")
		})
	}
}

func BenchmarkSearch(b *testing.B) {
	questions := []string{"who vetoes", "How much crude oil could North Korea import under the draft?", "security council sanctions", "What did Kim vow at the parade?"}
	for _, bc := range []struct {
		name     string
		articles func(*testing.B) []corpus.Article
	}{
		{"story", storyArticles},
		{"generated-10k", func(*testing.B) []corpus.Article { return corpustest.Generate(1, 10_000) }},
	} {
		idx, err := index.Build(context.Background(), bc.articles(b), "", index.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for qi, q := range questions {
			b.Run(fmt.Sprintf("%s/q%d", bc.name, qi+1), func(b *testing.B) {
				for b.Loop() {
					if _, err := idx.Search(context.Background(), index.Query{Text: q, Limit: 5}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		idx.Close()
	}
}
