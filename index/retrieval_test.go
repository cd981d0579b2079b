package index

import (
	"encoding/json"
	"strings"
	"testing"
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
