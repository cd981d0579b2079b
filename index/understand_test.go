package index_test

import (
	"context"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/corpus/corpustest"
	"github.com/storybot/storybot/index"
)

// TestUnderstanding checks each way a question's words are understood:
// synonyms and aliases (one word and several), acronyms, typos, question
// filler, direct answers and low confidence.
func TestUnderstanding(t *testing.T) {
	idx := build(t, loadEval(t).Articles, index.Options{})
	tests := []struct {
		name       string
		q          string
		wantFirst  int    // paragraph of the story first; 0 for any
		wantBold   string // in the first excerpt
		wantAnswer string
		wantFix    string // did you mean
		wantWeak   bool
	}{
		{"one-word synonym: ceiling finds restrictions", "ceiling on exports", 9, "**restrictions**", "", "", false},
		{"capital for country: Pyongyang finds North Korea", "Pyongyang ICBM launches", 4, "**ICBM launches**", "", "", false},
		{"several-word alias: DPRK finds its official name", "Democratic People's Republic of Korea spokesman", 3, "**Democratic People's Republic** of **Korea**", "", "", false},
		{"acronym that spells a stop word: US is kept", "US committed", 1, "**committed**", "", "", false},
		{"lower-case us is the US, not 'used'", "is the us committed to talks", 1, "**committed** to **talks**", "", "", false},
		{"the doer's noun: leads finds leader", "Who leads North Korea?", 2, "**North Korean leader**", "Kim Jong Un", "", false},
		{"adverbs are filler: still matches nothing", "Is the US still open to dialogue?", 3, "**open**", "", "", false},
		{"no longer is filler too, and sell abroad is export", "What goods would the North no longer be allowed to sell abroad?", 9, "**exports**", "mineral fuels and clocks", "", false},
		{"how often asks how many times", "How often did Kim and Trump meet?", 6, "**Trump**", "three", "", false},
		{"who spoke to someone: the pronoun's speaker", "Who spoke to the press about the ICBM launches?", 4, "**ICBM launches**", "Ned Price", "", false},
		{"preceded finds predecessor, and the name after it", "Who preceded Biden as president?", 6, "**Biden's predecessor**", "Donald Trump", "", false},
		{"no answer about a country the article never names", "How much oil does Japan import?", 8, "**crude oil**", "", "", false},
		{"Republic of Korea inside the DPRK's name is not South Korea", "Who is the president of South Korea?", 0, "", "", "", false},
		{"typo corrected, with did you mean", "crude oil imprt", 8, "**import**", "", "crude oil import", false},
		{"an English word no passage holds is no typo", "crude oil received", 8, "**crude oil**", "", "", false},
		{"a slip of the question word is read as it, with did you mean", "hw many ICBM launches", 4, "**ICBM launches**", "two", "how many ICBM launches", false},
		{"a slip of two question words is left alone", "hwo vetoes the resolution", 0, "", "", "", false},
		{"who got to do it: the doer of the verb after to", "Who got to see the draft?", 8, "**seen**", "AFP", "", false},
		{"filler words do not count", "can you please tell me how many ICBM launches", 4, "**ICBM launches**", "two", "", false},
		{"who answers with the names", "Who can veto the resolution?", 11, "**veto**", "China and Russia", "", false},
		{"how much answers with the range and its unit", "How much crude oil can North Korea import?", 8, "**crude oil North Korea**", "from four million to two million barrels", "", false},
		{"when answers with a relative date, and where in it", "When was the draft resolution presented?", 8, "**draft**", "earlier this month", "", false},
		{"no answer when the passage holds little of the question", "When was the zeppelin resolution presented?", 0, "", "", "", false},
		{"how many answers with the number", "How many members does the Security Council have?", 9, "**Security Council members**", "15", "", false},
		{"a question the story barely touches is weak", "bananas apples oranges grapes mangoes Korea", 0, "", "", "", true},
		{"a question with nothing in the story finds nothing, not weak", "football results from the weekend league", 0, "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := idx.Search(context.Background(), index.Query{Text: tt.q})
			if err != nil {
				t.Fatal(err)
			}
			if res.Weak != tt.wantWeak {
				t.Errorf("weak = %v (confidence %.2f), want %v", res.Weak, res.Confidence, tt.wantWeak)
			}
			if res.Answer != tt.wantAnswer {
				t.Errorf("answer %q, want %q", res.Answer, tt.wantAnswer)
			}
			if res.DidYouMean != tt.wantFix {
				t.Errorf("did you mean %q, want %q", res.DidYouMean, tt.wantFix)
			}
			if tt.wantFirst == 0 {
				return
			}
			if len(res.Hits) == 0 {
				t.Fatal("no hits")
			}
			h := res.Hits[0]
			if h.Article != story || h.Paragraph != tt.wantFirst {
				t.Errorf("first %s:%d, want paragraph %d", h.Article, h.Paragraph, tt.wantFirst)
			}
			if !strings.Contains(h.Excerpt, tt.wantBold) {
				t.Errorf("excerpt %q lacks %q", h.Excerpt, tt.wantBold)
			}
		})
	}
}

// TestSynonymHeavyQuestion asks a question of many words with many
// synonyms: it stays within Bleve's term-searcher limit and answers.
func TestSynonymHeavyQuestion(t *testing.T) {
	idx := build(t, loadEval(t).Articles, index.Options{})
	var words []string
	for _, g := range corpus.DefaultSynonyms() {
		words = append(words, g[0])
	}
	q := strings.Join(words, " ")
	res, err := idx.Search(context.Background(), index.Query{Text: q})
	if err != nil {
		t.Fatalf("%d-character question: %v", len(index.CapQuery(q)), err)
	}
	if len(res.Hits) == 0 {
		t.Error("no hits")
	}
}

// TestAskingSetsTheAnswerKind: a keyword query (a topic command's) gets a
// short answer of the kind its question asks for.
func TestAskingSetsTheAnswerKind(t *testing.T) {
	idx := build(t, loadEval(t).Articles, index.Options{})
	for _, tt := range []struct{ asking, want string }{
		{"", ""},
		{"Who can veto new UN sanctions?", "China and Russia"},
	} {
		res, err := idx.Search(context.Background(), index.Query{Text: "veto power", Asking: tt.asking})
		if err != nil {
			t.Fatal(err)
		}
		if res.Answer != tt.want {
			t.Errorf("asking %q: answer %q, want %q", tt.asking, res.Answer, tt.want)
		}
	}
}

// TestCommonWordsLeftToRanking: on a large index, a question's very common
// words do not fetch candidates when it has rarer ones, and still do when
// it has none.
func TestCommonWordsLeftToRanking(t *testing.T) {
	articles := corpustest.Generate(3, 6000)
	articles = append(articles, corpus.Article{ID: "zz", Title: "Airships", Passages: []corpus.Passage{
		{Paragraph: 1, Part: 1, Text: "The government said a zeppelin flew over the council."},
	}})
	idx := build(t, articles, index.Options{})
	ctx := context.Background()
	res, err := idx.Search(ctx, index.Query{Text: "government zeppelin"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Article != "zz" || res.Total > 5 {
		t.Errorf("rare and common word: %d matched, first %+v; want the zeppelin passage, few matches", res.Total, res.Hits)
	}
	if !strings.Contains(res.Hits[0].Excerpt, "**government**") {
		t.Errorf("the common word is not highlighted: %q", res.Hits[0].Excerpt)
	}
	res, err = idx.Search(ctx, index.Query{Text: "government council"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total < 300 {
		t.Errorf("common words only: %d matched, want them searched", res.Total)
	}
}

// TestSuggestIsQuick: a suggestion search corrects no typo and gives no
// direct answer.
func TestSuggestIsQuick(t *testing.T) {
	idx := build(t, loadEval(t).Articles, index.Options{})
	full, _ := idx.Search(context.Background(), index.Query{Text: "who vetoes imprt"})
	quick, _ := idx.Search(context.Background(), index.Query{Text: "who vetoes imprt", Suggest: true})
	if full.DidYouMean == "" || quick.DidYouMean != "" || quick.Answer != "" {
		t.Errorf("full: %q %q; quick: %q %q", full.DidYouMean, full.Answer, quick.DidYouMean, quick.Answer)
	}
	if len(quick.Hits) == 0 || quick.Hits[0].Paragraph != 11 {
		t.Errorf("quick hits %+v", quick.Hits)
	}
}

// TestWordForms ranks two passages that differ in how they hold a word of
// the question: the second must come first.
func TestWordForms(t *testing.T) {
	for _, tc := range []struct {
		name, first, second, question string
	}{
		// "import" ranks above "importer", all else equal
		{"own word above a derived one",
			"Japan, the largest coal importer in Asia, said it would cap purchases next year.",
			"The new rules cap how much coal a steel mill may import next year.",
			"coal import cap"},
		// "holders", which no passage holds, is found by hold's synonyms
		{"doer's noun found by its verb's synonyms",
			"Any new quota plan would face the threat of a veto.",
			"Brazil and Chile wield a veto over the fishing panel.",
			"veto holders"},
		// "nations" (countries) is no part of "United Nations"
		{"word not found inside another concept's name",
			"The United Nations praised the fishing deal.",
			"Several nations praised the fishing deal.",
			"Which nations praised the fishing deal?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := corpus.ParseArticle("two.txt", []byte(tc.first+"\n"+tc.second+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			idx := build(t, []corpus.Article{a}, index.Options{})
			res, err := idx.Search(context.Background(), index.Query{Text: tc.question})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].Paragraph != 2 {
				t.Fatalf("hits %+v, want paragraph 2 first", res.Hits)
			}
		})
	}
}
