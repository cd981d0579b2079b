package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/storybot/storybot/corpus/corpustest"
)

// TestMemoAnalyzerSameTokens checks that remembering each word's term gives
// exactly the tokens of the plain filter chain.
func TestMemoAnalyzerSameTokens(t *testing.T) {
	an, err := newAnalyzer(nil, registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	ma := an.(*memoAnalyzer)
	texts := []string{
		"The U.S. and US officials met WHO and IT staff; the UN's envoy's remarks.",
		"Men saw the children who had seen 3.5% growth, didn't they? Running runs ran.",
		"Ünïcödé wörds, 中文文本, emoji 🙂 and numbers 1,000,000 and 3:30 pm.",
		"", "   ", "IT it It iT", "Alliance's alliances' ALLIANCE",
	}
	for _, a := range corpustest.Generate(3, 300) {
		for _, p := range a.Passages {
			texts = append(texts, p.Text)
		}
	}
	for round := range 2 { // the second round reads the memo
		for _, text := range texts {
			plain := (&analysis.DefaultAnalyzer{Tokenizer: unicodetok.NewUnicodeTokenizer(), TokenFilters: ma.TokenFilters}).Analyze([]byte(text))
			memo := ma.Analyze([]byte(text))
			if !slices.EqualFunc(plain, memo, func(a, b *analysis.Token) bool {
				return string(a.Term) == string(b.Term) && a.Start == b.Start && a.End == b.End && a.Position == b.Position
			}) {
				t.Fatalf("round %d, %q: memo %v, plain %v", round, text, memo, plain)
			}
		}
	}
}

// TestAnalyzeWordsSameAsAnalyzer checks the one-pass analysis of a
// candidate passage against the analyser and the plain tokenizer.
func TestAnalyzeWordsSameAsAnalyzer(t *testing.T) {
	an, err := newAnalyzer(nil, registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	x := &Index{analyzer: an}
	texts := []string{
		"The U.S. and US officials met WHO and IT staff; the UN's envoy's remarks.",
		"Men saw the children who had seen 3.5% growth, didn't they? Running runs ran.",
		"Ünïcödé wörds, 中文文本, emoji 🙂 and numbers 1,000,000 and 3:30 pm.", "", " . ",
	}
	for _, a := range corpustest.Generate(4, 300) {
		for _, p := range a.Passages {
			texts = append(texts, p.Text)
		}
	}
	for _, text := range texts {
		toks, words := x.analyzeWords(text)
		if want := tokensOf(an, text); !slices.Equal(toks, want) {
			t.Fatalf("%q: tokens %v, want %v", text, toks, want)
		}
		if want := rawWords(text); !slices.Equal(words, want) {
			t.Fatalf("%q: words %v, want %v", text, words, want)
		}
	}
}

// TestWillingIsNotWill keeps "willing" from Porter's stemmer, which makes
// "will" of it, a word a fifth of news passages hold.
func TestWillingIsNotWill(t *testing.T) {
	an, err := newAnalyzer(nil, registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	terms := func(text string) []string {
		var out []string
		for _, tk := range tokensOf(an, text) {
			out = append(out, tk.term)
		}
		return out
	}
	willing, will := terms("willing"), terms("will")
	if len(willing) != 1 || len(will) == 1 && willing[0] == will[0] {
		t.Errorf("willing %v, will %v: want two different terms", willing, will)
	}
	if got := terms("willing ready"); len(got) != 2 || got[0] != "willing" || got[1] != "readi" {
		t.Errorf("willing ready: %v, want [willing readi] (only willing kept whole)", got)
	}
}
