// Package corpustest makes corpora for tests and benchmarks: news-like
// articles generated deterministically from a seed.
package corpustest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/storybot/storybot/corpus"
)

// vocabulary is the generator's word list, most frequent first; words are
// drawn with a Zipf distribution over it, as in real text.
var vocabulary = strings.Fields(`
the of and to in a said on for that is with by was as it at from has
have be are its an will were which would not this but government officials
they their after over more new minister president two year percent first
also been talks last week country people one state security military
united nations council sanctions north south china russia japan korea
european union trade oil gas exports imports economy market prices bank
election vote parliament party opposition leader prime foreign ministry
defence army troops border missile nuclear test launch programme weapons
agreement deal summit meeting diplomats envoy ambassador resolution draft
statement spokesman reporters tuesday monday wednesday thursday friday
million billion dollars barrels tonnes growth inflation interest rates
police protest crisis refugees aid humanitarian health hospital vaccine
climate energy power plant coal solar wind emissions targets court judge
ruling law rights investigation report company shares investors profit
quarter analysts central capital city region province village residents
flood storm earthquake rescue workers strike union wages talks ceasefire
peace war attack forces rebels fighting civilians killed wounded hostages
`)

// Generate returns articles holding about n passages in all, each passage
// a paragraph of 20 to 80 words; the same seed gives the same corpus.
func Generate(seed uint64, n int) []corpus.Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(vocabulary)-1))
	const perArticle = 20
	var articles []corpus.Article
	for done := 0; done < n; {
		id := fmt.Sprintf("generated-%05d", len(articles)+1)
		a := corpus.Article{ID: id, File: id + ".txt", Title: fmt.Sprintf("Generated Article %d", len(articles)+1)}
		for p := 1; p <= perArticle && done < n; p++ {
			words := make([]string, 20+r.IntN(61))
			for i := range words {
				words[i] = vocabulary[zipf.Uint64()]
			}
			words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
			a.Passages = append(a.Passages, corpus.Passage{Paragraph: p, Part: 1, Text: strings.Join(words, " ") + "."})
			done++
		}
		articles = append(articles, a)
	}
	return articles
}
