package index

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/storybot/storybot/corpus/corpustest"
)

func sameTokens(a, b analysis.TokenStream) bool {
	return slices.EqualFunc(a, b, func(x, y *analysis.Token) bool {
		return string(x.Term) == string(y.Term) && x.Start == y.Start && x.End == y.End && x.Position == y.Position && x.Type == y.Type
	})
}

// TestWordTokenizerSameAsUnicode checks the ASCII fast path against Bleve's
// unicode tokenizer on random strings of the characters its rules are
// about, and on generated passages.
func TestWordTokenizerSameAsUnicode(t *testing.T) {
	u := unicodetok.NewUnicodeTokenizer()
	w := wordTokenizer{unicode: u}
	check := func(s string) {
		t.Helper()
		got, want := w.Tokenize([]byte(s)), u.Tokenize([]byte(s))
		if !sameTokens(got, want) {
			t.Fatalf("%q: fast %v, unicode %v", s, got, want)
		}
		var words [][3]int
		eachWord(s, []byte(s), func(start, end, pos int) { words = append(words, [3]int{start, end, pos}) })
		if len(words) != len(want) {
			t.Fatalf("%q: eachWord gives %d words, want %d", s, len(words), len(want))
		}
		for i, tok := range want {
			if words[i] != [3]int{tok.Start, tok.End, tok.Position} {
				t.Fatalf("%q: eachWord word %d %v, want %v", s, i, words[i], tok)
			}
		}
	}
	const alphabet = "aZq09.:,;'\" -!?()\n\r\t\v/%$&_@#+=e1"
	r := rand.New(rand.NewPCG(1, 2))
	for range 300_000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		check(string(b))
	}
	for c := range 128 {
		check(string([]byte{'a', byte(c), 'b'}))
		check(string([]byte{'1', byte(c), '2'}))
		check(string([]byte{byte(c)}))
	}
	for _, s := range []string{"U.S. officials", "3.5% of 1,000,000", "don't", "3:30", "e.g. this", "a1.2b", "1.a", "café", "x_y", ""} {
		check(s)
	}
	for _, a := range corpustest.Generate(5, 500) {
		for _, p := range a.Passages {
			check(p.Text)
		}
	}
}
