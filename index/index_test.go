package index_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/corpus/corpustest"
	"github.com/storybot/storybot/index"
)

const story = "north-korea-talks-sanctions"

// loadEval reads the story and the distractor articles of testdata/eval.
func loadEval(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(os.DirFS("testdata/eval/corpus"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func build(t testing.TB, articles []corpus.Article, opts index.Options) *index.Index {
	t.Helper()
	if opts.Synonyms == nil {
		opts.Synonyms = corpus.DefaultSynonyms()
	}
	idx, err := index.Build(context.Background(), articles, "", opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	return idx
}

func readQuestions(t testing.TB, name string) []index.EvalQuestion {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := index.ReadQuestions(f, name, story)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// TestSharedEval asks the 20 shared questions over the story plus the
// distractors, with both scoring models, and holds the kept model (BM25) to
// 19 of 20 first and all 20 in the top three.
func TestSharedEval(t *testing.T) {
	c := loadEval(t)
	qs := readQuestions(t, "testdata/eval/questions.tsv")
	if len(qs) != 20 {
		t.Fatalf("read %d questions, want 20", len(qs))
	}
	reports := map[string]index.EvalReport{}
	for _, model := range []string{index.BM25, index.TFIDF} {
		idx := build(t, c.Articles, index.Options{Scoring: model})
		rep, err := idx.Evaluate(context.Background(), qs)
		if err != nil {
			t.Fatal(err)
		}
		reports[model] = rep
		t.Logf("%-6s %s", model, rep)
		for _, m := range rep.Misses {
			t.Logf("  miss %q: rank %d, got %v", m.Question.Text, m.Rank, m.Got)
		}
	}
	bm25 := reports[index.BM25]
	if bm25.Top1 < 19 || bm25.Top3 < 20 {
		t.Errorf("bm25: %s; want top1 >= 19/20 and top3 = 20/20", bm25)
	}
	if tfidf := reports[index.TFIDF]; tfidf.MRR > bm25.MRR {
		t.Errorf("tf-idf (%s) beats the default bm25 (%s): make it the default", tfidf, bm25)
	}
}

func TestSearch(t *testing.T) {
	c := loadEval(t)
	idx := build(t, c.Articles, index.Options{})
	ctx := context.Background()
	tests := []struct {
		name      string
		q         index.Query
		wantFirst string // "article:paragraph" of the first hit, "article:" for any paragraph, "" for no hits
		wantBold  string // a markdown fragment the first excerpt holds
	}{
		{"stemming finds veto from vetoes", index.Query{Text: "who vetoes"}, story + ":11", "**veto**"},
		{"irregular verb finds seen from saw", index.Query{Text: "who saw it, AFP?"}, story + ":8", "**seen** by **AFP**"},
		{"neighbouring words are bolded as one", index.Query{Text: "crude oil"}, story + ":8", "**crude oil**"},
		{"query syntax is plain text", index.Query{Text: `+veto -china text:russia /.*/ power~2 ^5`}, story + ":11", "**veto power**"},
		{"stop words alone match nothing", index.Query{Text: "who is the what"}, "", ""},
		{"punctuation alone matches nothing", index.Query{Text: "?!* :: //"}, "", ""},
		{"article filter keeps other articles out", index.Query{Text: "sanctions", Article: "eu-sanctions-package"}, "eu-sanctions-package:", "**sanctions**"},
		{"unknown article finds nothing", index.Query{Text: "sanctions", Article: "no-such-article"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := idx.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantFirst == "" {
				if len(res.Hits) != 0 || res.Total != 0 {
					t.Fatalf("got %d hits (total %d), want none", len(res.Hits), res.Total)
				}
				return
			}
			if len(res.Hits) == 0 {
				t.Fatalf("no hits, want %s first", tt.wantFirst)
			}
			h := res.Hits[0]
			got := h.Article + ":" + itoa(h.Paragraph)
			if strings.HasSuffix(tt.wantFirst, ":") { // any paragraph of that article
				got = h.Article + ":"
			}
			if got != tt.wantFirst {
				t.Errorf("first hit %s, want %s", got, tt.wantFirst)
			}
			if !strings.Contains(h.Excerpt, tt.wantBold) {
				t.Errorf("excerpt %q lacks %q", h.Excerpt, tt.wantBold)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestSearchResultFields(t *testing.T) {
	c := loadEval(t)
	idx := build(t, c.Articles, index.Options{})
	res, err := idx.Search(context.Background(), index.Query{Text: "closest ally", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Hits[0]
	a, ok := c.Article(story)
	if !ok {
		t.Fatal("no story in the eval corpus")
	}
	want := a.Passages[9].Text
	if h.Article != story || h.Paragraph != 10 || h.Part != 1 || h.Rank != 1 || h.Text != want || h.Title == "" || h.Score <= 0 {
		t.Errorf("hit = %+v; want rank 1, story paragraph 10 with its text, a title and a score", h)
	}
	if !slices.Contains(res.Terms, "closest") || !slices.Contains(res.Terms, "alli") || res.Total == 0 || res.Took <= 0 {
		t.Errorf("result terms %v, total %d, took %v", res.Terms, res.Total, res.Took)
	}
}

func TestSearchOrder(t *testing.T) {
	// Passages with the same text score the same: reading order breaks the tie.
	var articles []corpus.Article
	for _, id := range []string{"b-article", "a-article"} {
		a := corpus.Article{ID: id, Title: id}
		for p := 1; p <= 3; p++ {
			a.Passages = append(a.Passages, corpus.Passage{Paragraph: p, Part: 1, Text: "The same sentence about tariffs."})
		}
		articles = append(articles, a)
	}
	idx := build(t, articles, index.Options{})
	var got []string
	for page := 0; page < 3; page++ {
		res, err := idx.Search(context.Background(), index.Query{Text: "tariffs", Limit: 2, Offset: 2 * page})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			got = append(got, h.Article+":"+itoa(h.Paragraph)+":"+itoa(h.Rank))
		}
	}
	want := "a-article:1:1 a-article:2:2 a-article:3:3 b-article:1:4 b-article:2:5 b-article:3:6"
	if strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

func TestSearchCapsLongQuestions(t *testing.T) {
	idx := build(t, loadEval(t).Articles, index.Options{})
	long := strings.Repeat("veto ", 10000) + "zebra"
	res, err := idx.Search(context.Background(), index.Query{Text: long})
	if err != nil {
		t.Fatal(err)
	}
	if len([]rune(res.Query)) > index.MaxQueryLen {
		t.Errorf("searched %d characters, want at most %d", len([]rune(res.Query)), index.MaxQueryLen)
	}
	if strings.Contains(res.Query, "zebra") {
		t.Error("the words past the cap were searched")
	}
	if len(res.Hits) == 0 {
		t.Error("a capped question found nothing")
	}
}

func TestOpenOnDisk(t *testing.T) {
	c := loadEval(t)
	path := filepath.Join(t.TempDir(), "idx")
	built, err := index.Build(context.Background(), c.Articles, path, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	meta := built.Meta()
	if err := built.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := index.Build(context.Background(), c.Articles, path, index.Options{}); err == nil {
		t.Error("building over an existing index succeeded")
	}
	idx, err := index.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if idx.Meta() != meta {
		t.Errorf("meta after open %+v, want %+v", idx.Meta(), meta)
	}
	if n, err := idx.Count(); err != nil || n != uint64(c.Passages()) {
		t.Errorf("count %d, %v; want %d", n, err, c.Passages())
	}
	if a, ok := idx.Article(story); !ok || a.Paragraphs != 11 || a.Passages != 11 {
		t.Errorf("article %+v, %v", a, ok)
	}
	res, err := idx.Search(context.Background(), index.Query{Text: "veto"})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Paragraph != 11 {
		t.Fatalf("search after open: %+v, %v", res, err)
	}
	idx.Close()
	if _, err := idx.Search(context.Background(), index.Query{Text: "veto"}); !errors.Is(err, index.ErrClosed) {
		t.Errorf("search after close: %v, want ErrClosed", err)
	}
}

func TestOpenFails(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk")
	os.Mkdir(junk, 0o755)
	os.WriteFile(filepath.Join(junk, "index_meta.json"), []byte("{not json"), 0o644)
	tests := []struct{ name, path string }{
		{"missing folder is an error", filepath.Join(dir, "missing")},
		{"folder that is no index is an error", junk},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			idx, err := index.Open(tt.path)
			if err == nil {
				idx.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(err.Error(), tt.path) {
				t.Errorf("error %q does not name the path", err)
			}
		})
	}
}

func TestBuildUnknownScoring(t *testing.T) {
	_, err := index.Build(context.Background(), corpustest.Generate(1, 5), "", index.Options{Scoring: "pagerank"})
	if err == nil || !strings.Contains(err.Error(), "pagerank") {
		t.Errorf("err = %v, want one naming the unknown model", err)
	}
}

func TestBuildProgress(t *testing.T) {
	var calls [][2]int
	build(t, corpustest.Generate(7, 2500), index.Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if len(calls) != 3 || calls[2] != [2]int{2500, 2500} {
		t.Errorf("progress calls %v, want three batches ending at 2500/2500", calls)
	}
}

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := index.Build(ctx, corpustest.Generate(1, 10), path, index.Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a cancelled build left %s behind", path)
	}
}
