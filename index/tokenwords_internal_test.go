package index

import (
	"context"
	"slices"
	"testing"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/corpus/corpustest"
)

// TestTokenWordsSameAsText analyses every passage both ways, off its
// tokens in the passage file and from its text, and wants the same words
// and terms: the evaluation articles, generated passages, and words the
// tokenizer joins across tokens or that send a passage to the text.
func TestTokenWordsSameAsText(t *testing.T) {
	arts := append(evalArticles(t), corpustest.Generate(3, 300)...)
	odd := []struct {
		text string
		fast bool // read off the tokens
	}{
		{"The U.S. said Korea's 4,600 km and 3.5 or 1;2 don't fly.", true},
		{"A.B.C: x:y, 'quoted' words'' and ..trailing.. dots.", true},
		{"Ten-year-old e-mail at 09:30, 2,000,000 barrels; 1'000.", true},
		{"Double  spaces,\ttabs and a newline-free end", true},
		{"9.a and a.9 and 9'9 and a'a and a,b and 9,9.", true},
		{"Pyongyang’s curly apostrophe goes to the text.", false},
		{"snake_case goes to the text too.", false},
		{"Café au lait.", false},
	}
	var ps []corpus.Passage
	for i, o := range odd {
		ps = append(ps, corpus.Passage{Paragraph: i + 1, Text: o.text})
	}
	arts = append(arts, corpus.Article{ID: "odd", Title: "Odd words", Passages: ps})
	x, err := Build(context.Background(), arts, t.TempDir()+"/ix", Options{Synonyms: corpus.DefaultSynonyms()})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	x.prepareTokenWords(x.passages.dict) // at once, not in the background
	fast := 0
	for n := range x.meta.Passages {
		_, text, ids, err := x.passages.getTokens(n, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, plain, _ := x.passages.get(n); plain != text {
			t.Fatalf("passage %d: getTokens spells %q, get %q", n, text, plain)
		}
		b := analysisBufs.Get().(*analysisBuf)
		toks, words, ok := x.analyzeTokensInto(b, ids, text)
		wantToks, wantWords := x.analyzeWordsInto(b, text)
		for _, o := range odd {
			if o.text == text && o.fast != ok {
				t.Errorf("%q: read off its tokens %v, want %v", text, ok, o.fast)
			}
		}
		if ok {
			fast++
			if !slices.Equal(toks, wantToks) {
				t.Errorf("passage %d %q: terms\n%v\nwant\n%v", n, text, toks, wantToks)
			}
			if !slices.Equal(words, wantWords) {
				t.Errorf("passage %d %q: words\n%v\nwant\n%v", n, text, words, wantWords)
			}
		}
		b.release()
	}
	if want := x.meta.Passages - 3; fast != want {
		t.Errorf("%d passages read off their tokens, want %d (all but the three non-ASCII ones)", fast, want)
	}
}

// BenchmarkCandidateAnalysis analyses 20 passages of the evaluation
// articles, as a search's candidates are, both ways.
func BenchmarkCandidateAnalysis(b *testing.B) {
	x, err := Build(context.Background(), evalArticles(b), b.TempDir()+"/ix", Options{Synonyms: corpus.DefaultSynonyms()})
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	texts := make([]string, 20)
	ids := make([][]uint32, 20)
	for n := range texts {
		_, texts[n], ids[n], _ = x.passages.getTokens(n, nil)
	}
	x.prepareTokenWords(x.passages.dict)
	for _, way := range []string{"tokens", "text"} {
		b.Run(way, func(b *testing.B) {
			for b.Loop() {
				buf := analysisBufs.Get().(*analysisBuf)
				for n, text := range texts {
					if way == "tokens" {
						if _, _, ok := x.analyzeTokensInto(buf, ids[n], text); !ok {
							b.Fatalf("passage %d not read off its tokens", n)
						}
					} else {
						x.analyzeWordsInto(buf, text)
					}
				}
				buf.release()
			}
		})
	}
}
