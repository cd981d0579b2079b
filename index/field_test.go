package index

import (
	"maps"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"

	"github.com/storybot/storybot/corpus/corpustest"
)

// TestPassageDocumentAsMapped checks that passageDocument gives Bleve the
// same fields, options, lengths and term frequencies as the mapping makes
// of a passageDoc.
func TestPassageDocumentAsMapped(t *testing.T) {
	m, err := newMapping(BM25)
	if err != nil {
		t.Fatal(err)
	}
	bi, err := bleve.NewUsing("", m, "scorch", "scorch", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	an, err := analyzerOf(bi)
	if err != nil {
		t.Fatal(err)
	}
	ma, ok := an.(*memoAnalyzer)
	if !ok {
		t.Fatalf("analyser %T, want *memoAnalyzer", an)
	}
	keyword := keywordAnalyzer(bi)
	if keyword == nil {
		t.Fatal("no keyword analyser")
	}
	texts := []string{
		"The US and the U.S. said it was the IT of WHO: 3.5% of 1,000,000 don't, at 3:30.",
		"Officials' statements were made; children saw men flee (again) and leaders led.",
		"Café owners in São Paulo said the naïve plan failed.", // not ASCII: Bleve's own analysis
		"x_y under_score words",
		"",
		"the of and to a in", // stop words only
	}
	for _, a := range corpustest.Generate(7, 300) {
		for _, p := range a.Passages {
			texts = append(texts, p.Text)
		}
	}
	for i, text := range texts {
		want := document.NewDocument("1")
		if err := m.MapDocument(want, passageDoc{Text: text, Article: "art-1"}); err != nil {
			t.Fatal(err)
		}
		got := passageDocument("1", text, "art-1", ma, keyword)
		if len(got.Fields) != len(want.Fields) || len(got.CompositeFields) != len(want.CompositeFields) {
			t.Fatalf("text %d: %d fields and %d composite, want %d and %d", i, len(got.Fields), len(got.CompositeFields), len(want.Fields), len(want.CompositeFields))
		}
		for k, wf := range want.Fields {
			gf := got.Fields[k]
			wf.Analyze()
			gf.Analyze()
			if gf.Name() != wf.Name() || gf.Options() != wf.Options() || gf.EncodedFieldType() != wf.EncodedFieldType() ||
				string(gf.Value()) != string(wf.Value()) || gf.NumPlainTextBytes() != wf.NumPlainTextBytes() || len(gf.ArrayPositions()) != len(wf.ArrayPositions()) {
				t.Fatalf("text %d field %d: %s %v %c %q, want %s %v %c %q", i, k, gf.Name(), gf.Options(), gf.EncodedFieldType(), gf.Value(), wf.Name(), wf.Options(), wf.EncodedFieldType(), wf.Value())
			}
			if gf.AnalyzedLength() != wf.AnalyzedLength() {
				t.Fatalf("text %d field %s: length %d, want %d", i, wf.Name(), gf.AnalyzedLength(), wf.AnalyzedLength())
			}
			gq, wq := gf.AnalyzedTokenFrequencies(), wf.AnalyzedTokenFrequencies()
			if !slices.Equal(slices.Sorted(maps.Keys(gq)), slices.Sorted(maps.Keys(wq))) {
				t.Fatalf("text %d field %s: terms %v, want %v", i, wf.Name(), slices.Sorted(maps.Keys(gq)), slices.Sorted(maps.Keys(wq)))
			}
			for term, w := range wq {
				g := gq[term]
				if string(g.Term) != string(w.Term) || g.Frequency() != w.Frequency() || len(g.Locations) != len(w.Locations) {
					t.Fatalf("text %d field %s term %q: %q x%d (%d locations), want %q x%d (%d)", i, wf.Name(), term, g.Term, g.Frequency(), len(g.Locations), w.Term, w.Frequency(), len(w.Locations))
				}
			}
		}
	}
}
