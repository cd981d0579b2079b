package index_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

// loadAll reads the story with every distractor: the shared three and our own three.
func loadAll(t testing.TB) *corpus.Corpus {
	t.Helper()
	c := loadEval(t)
	own, err := corpus.Load(os.DirFS("testdata/eval/own"))
	if err != nil {
		t.Fatal(err)
	}
	c.Articles = append(c.Articles, own.Articles...)
	return c
}

// TestQuality measures ranking and direct answers over the story and all
// six distractor articles, and holds them to what the method reaches now,
// so that no change makes them worse. The targets (issue 5) are higher:
// the shared questions all first, our own 95 % first and all in the top
// three, 80 % of the short answers right; no direct answer may be wrong.
func TestQuality(t *testing.T) {
	idx := build(t, loadAll(t).Articles, index.Options{})
	for _, set := range []struct {
		file       string
		top1, top3 float64
		answers    int // right short answers
	}{
		{"testdata/eval/questions.tsv", 19.0 / 20, 19.0 / 20, 16},
		{"testdata/eval/own-questions.tsv", 47.0 / 48, 48.0 / 48, 32},
		{"testdata/eval/probe-questions.tsv", 73.0 / 76, 76.0 / 76, 47},
		{"testdata/eval/probe2-questions.tsv", 47.0 / 50, 49.0 / 50, 39},
		{"testdata/eval/probe3-questions.tsv", 194.0 / 201, 198.0 / 201, 152},
		{"testdata/eval/probe4-questions.tsv", 256.0 / 278, 272.0 / 278, 141},
		{"testdata/eval/probe5-questions.tsv", 139.0 / 150, 147.0 / 150, 102},
		{"testdata/eval/probe6-questions.tsv", 115.0 / 122, 121.0 / 122, 85},
		{"testdata/eval/probe7-questions.tsv", 111.0 / 125, 122.0 / 125, 60},
		{"testdata/eval/probe8-questions.tsv", 195.0 / 204, 201.0 / 204, 159},
		{"testdata/eval/probe9-questions.tsv", 161.0 / 172, 170.0 / 172, 92},
	} {
		rep, err := idx.Evaluate(context.Background(), readQuestions(t, set.file))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s", set.file, rep)
		for _, m := range rep.Misses {
			t.Logf("  miss %q: rank %d, got %v", m.Question.Text, m.Rank, m.Got)
		}
		for _, m := range rep.WrongAnswers {
			t.Logf("  wrong answer %q: %q, want all of %q", m.Question.Text, m.Answer, m.Question.Answer)
		}
		n := float64(rep.Questions)
		if float64(rep.Top1) < set.top1*n-0.001 || float64(rep.Top3) < set.top3*n-0.001 {
			t.Errorf("%s: %s; want top1 >= %.0f%%, top3 >= %.0f%%", set.file, rep, 100*set.top1, 100*set.top3)
		}
		if rep.Right < set.answers {
			t.Errorf("%s: %d right short answers, want at least %d", set.file, rep.Right, set.answers)
		}
		if rep.Wrong > 0 {
			t.Errorf("%s: %d wrong direct answers; a wrong answer is worse than none", set.file, rep.Wrong)
		}
	}
}

// TestNoAnswerWhereArticlesAreSilent asks, over the story and all six
// distractors, questions that none of the articles answers (written while
// probing, before the changes they led to): a direct answer to any of
// them would be wrong, and a wrong answer is worse than none.
func TestNoAnswerWhereArticlesAreSilent(t *testing.T) {
	b, err := os.ReadFile("testdata/eval/unanswered.txt")
	if err != nil {
		t.Fatal(err)
	}
	var questions []string
	for _, q := range strings.Split(string(b), "\n") {
		if q = strings.TrimSpace(q); q != "" && !strings.HasPrefix(q, "#") {
			questions = append(questions, q)
		}
	}
	if len(questions) < 80 {
		t.Fatalf("read %d questions, want the 80 or more of the file", len(questions))
	}
	for _, tc := range []struct {
		name     string
		articles []corpus.Article
	}{
		{"all six distractors", loadAll(t).Articles},
		{"the shared three", loadEval(t).Articles},
	} {
		t.Run(tc.name, func(t *testing.T) {
			idx := build(t, tc.articles, index.Options{})
			for _, q := range questions {
				res, err := idx.Search(context.Background(), index.Query{Text: q})
				if err != nil {
					t.Fatal(err)
				}
				if res.Answer != "" {
					t.Errorf("%q: answer %q, want none", q, res.Answer)
				}
			}
		})
	}
}
