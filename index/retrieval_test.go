package index

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
)

// TestRetrievalLeavesOutUnneeded shows which concepts a large index
// retrieves by: the commonest ones whose weights add up to less than the
// rarest one's are left to the ranking; a small index retrieves by all.
func TestRetrievalLeavesOutUnneeded(t *testing.T) {
	mk := func(word string, df uint64, weight float64) concept {
		return concept{words: word, df: df, weight: weight, alts: []alt{{terms: []string{word}, phrase: []string{word}, weight: 1}}}
	}
	q := &question{concepts: []concept{
		mk("arrival", 900, 4.7), // the rarest
		mk("chiefs", 2500, 3.7), // with fire, 5.9 > 4.7: needed
		mk("fire", 4000, 3.2),   // alone, 3.2 < 4.7: not needed
		mk("unknown", 0, 11.5),  // no passage holds it
	}}
	for _, tc := range []struct {
		name     string
		passages int
		want     []string
		left     []string
	}{
		{"large index: the commonest left out", 100000, []string{"arrival", "chiefs"}, []string{"fire"}},
		{"small index: every concept", 1000, []string{"arrival", "chiefs", "fire"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := &Index{meta: Meta{Passages: tc.passages}, lex: newLexicon(nil, nil)}
			b, err := json.Marshal(x.retrieval(q, ""))
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			for _, w := range tc.want {
				if !strings.Contains(got, `"`+w+`"`) {
					t.Errorf("retrieval %s lacks %q", got, w)
				}
			}
			for _, w := range tc.left {
				if strings.Contains(got, `"`+w+`"`) {
					t.Errorf("retrieval %s holds %q", got, w)
				}
			}
		})
	}
}

// TestPhraseWithSynonymWord finds names of several words, whether or not
// one of their words has synonyms: Bleve 2.6.3's phrase search finds no
// phrase holding such a word ("atomic" is a synonym of "nuclear").
func TestPhraseWithSynonymWord(t *testing.T) {
	syn := [][]string{{"International Atomic Energy Agency", "IAEA"}, {"nuclear", "atomic"}}
	x := buildArticle(t, "iaea.txt", []string{
		"The board of the International Atomic Energy Agency met.",
		"The agency's energy experts met the board.",
		"Nuclear inspectors left.",
	}, Options{Synonyms: syn})
	for _, tc := range []struct {
		name, question string
		want           int // the paragraph first, 0 for none
	}{
		{"the name with a synonym word", "International Atomic Energy Agency", 1},
		{"its acronym finds the name", "IAEA", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), Query{Text: tc.question})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].Paragraph != tc.want {
				t.Errorf("%q: hits %v, want paragraph %d first", tc.question, res.Hits, tc.want)
			}
		})
	}
}

// TestAcronymInCapitals finds an acronym asked in capitals only where a
// passage writes it so: "UN" is not the "Un" of "Kim Jong Un".
func TestAcronymInCapitals(t *testing.T) {
	x := buildArticle(t, "un.txt", []string{
		"Kim Jong Un met envoys.",
		"Officials said the UN would send several envoys to the capital next week after the talks.",
	}, Options{})
	res, err := x.Search(context.Background(), Query{Text: "UN envoys"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Paragraph != 2 {
		t.Errorf("hits %v, want paragraph 2 first", res.Hits)
	}
}

// TestRetrievalLeavesOutCommonSynonyms shows the synonyms a large index
// expands a question's word with: a synonym held by more than one passage
// in commonShare is left to the ranking; a small index lets Bleve expand
// the word with all of them.
func TestRetrievalLeavesOutCommonSynonyms(t *testing.T) {
	build := func(passages int) *Index {
		t.Helper()
		var articles []corpus.Article
		var lines []string
		for i := range passages {
			switch {
			case i%5 == 0: // a fifth of the passages: common
				lines = append(lines, fmt.Sprintf("Officials were willing to talk on day %d.", i))
			case i%50 == 1:
				lines = append(lines, fmt.Sprintf("The border crossing will open on day %d.", i))
			case i%100 == 2:
				lines = append(lines, fmt.Sprintf("The crews were ready on day %d.", i))
			default:
				lines = append(lines, fmt.Sprintf("Nothing happened on day %d.", i))
			}
			if len(lines) == 100 || i == passages-1 {
				a, err := corpus.ParseArticle(fmt.Sprintf("a%03d.txt", len(articles)), []byte(strings.Join(lines, "\n")))
				if err != nil {
					t.Fatal(err)
				}
				articles = append(articles, a)
				lines = nil
			}
		}
		x, err := Build(context.Background(), articles, "", Options{Synonyms: [][]string{{"open", "willing", "ready"}}})
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, tc := range []struct {
		name     string
		passages int
		want     map[string][]string // nil: Bleve finds them itself
	}{
		{"large index: the common synonym left out", commonFrom, map[string][]string{"open": {"readi"}}},
		{"small index: Bleve's own", 1000, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := build(tc.passages)
			defer x.Close()
			ctx := context.Background()
			q := x.analyse(ctx, x.reader, "open crossing", false)
			got := x.retrievalSynonyms(ctx, q, x.retrieval(q, ""))
			if tc.want == nil {
				if got != nil {
					t.Errorf("synonyms %v, want Bleve's own", got)
				}
				return
			}
			if !reflect.DeepEqual(map[string][]string(got[fieldText]), tc.want) || len(got) != 1 {
				t.Errorf("synonyms %v, want %v in field %s", got, tc.want, fieldText)
			}
			res, err := x.Search(ctx, Query{Text: "open crossing"})
			if err != nil || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, "open") {
				t.Errorf("search: %v %v", res, err)
			}
		})
	}
}

// TestTermCountRemembered checks that the counts an index remembers are
// those its reader gives, for terms held and not held.
func TestTermCountRemembered(t *testing.T) {
	x := buildArticle(t, "a.txt", []string{"Envoys met.", "The envoys left.", "Nobody came."}, Options{})
	ctx := context.Background()
	for _, tc := range []struct {
		term string
		want uint64
	}{{"envoi", 2}, {"leav", 1}, {"absent", 0}} { // "left" is read as "leave"
		for range 2 { // read, then remembered
			if got := x.docFreq(ctx, x.reader, []string{tc.term}); got != tc.want {
				t.Errorf("docFreq(%q) = %d, want %d", tc.term, got, tc.want)
			}
		}
		x.dfMu.RLock()
		n, ok := x.dfs[tc.term]
		x.dfMu.RUnlock()
		if !ok || n != tc.want {
			t.Errorf("remembered %q: %d %v, want %d", tc.term, n, ok, tc.want)
		}
	}
}

// TestNameWithAbbreviatedWord finds a name of several words that the
// question writes with a synonym of one of them ("state dept" for "State
// Department"), as the name itself.
func TestNameWithAbbreviatedWord(t *testing.T) {
	syn := [][]string{{"United States", "US", "State Department"}, {"department", "dept"}, {"nation", "state"}}
	x := buildArticle(t, "dept.txt", []string{
		"State Department spokesman Ned Price spoke on Monday.",
		"The department of agriculture said the nation's farms were fine.",
	}, Options{Synonyms: syn})
	for _, tc := range []struct {
		name, q string
		want    string // the entry found at the start, "" for none
	}{
		{"a synonym of one word", "state dept spokesman", "State Department"},
		{"the name as written", "state department spokesman", "State Department"},
		{"words of no name", "agriculture dept", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, e, _ := x.lex.matchSynonymous(termsOf(x.tokens(tc.q)))
			if got := e.text; got != tc.want || (n == 0) != (tc.want == "") {
				t.Errorf("matchSynonymous(%q) = %d, %q; want %q", tc.q, n, got, tc.want)
			}
		})
	}
	res, err := x.Search(context.Background(), Query{Text: "state dept spokesman"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !strings.HasPrefix(res.Hits[0].Excerpt, "**State Department") {
		t.Errorf("hits %v: want the name marked whole in paragraph 1", res.Hits)
	}
}
