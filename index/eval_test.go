package index_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/storybot/storybot/index"
)

// TestReadQuestions reads each column's forms, and refuses malformed lines
// with their line number.
func TestReadQuestions(t *testing.T) {
	for _, tt := range []struct {
		name, line string
		want       index.EvalQuestion
		err        string
	}{
		{"paragraphs of the default article", "Who vetoes?\t11,10", index.EvalQuestion{Text: "Who vetoes?", Passages: []index.Cite{{story, 11}, {story, 10}}, Line: 2}, ""},
		{"paragraphs of a named article", "how far did it fly\tjapan-protests-launch:4", index.EvalQuestion{Text: "how far did it fly", Passages: []index.Cite{{"japan-protests-launch", 4}}, Line: 2}, ""},
		{"an article named before a paragraph holds for those after it", "who won\tsecurity-council-myanmar:1,5", index.EvalQuestion{Text: "who won", Passages: []index.Cite{{"security-council-myanmar", 1}, {"security-council-myanmar", 5}}, Line: 2}, ""},
		{"paragraphs of the default article or another", "how much oil\t8,opec-output-cap:1,2", index.EvalQuestion{Text: "how much oil", Passages: []index.Cite{{story, 8}, {"opec-output-cap", 1}, {"opec-output-cap", 2}}, Line: 2}, ""},
		{"answer words", "Who vetoes?\t11\tChina|Russia", index.EvalQuestion{Text: "Who vetoes?", Passages: []index.Cite{{story, 11}}, Answer: []string{"China", "Russia"}, Line: 2}, ""},
		{"a dash: no answer is right", "who is the president of france\t10\t-", index.EvalQuestion{Text: "who is the president of france", Passages: []index.Cite{{story, 10}}, NoAnswer: true, Line: 2}, ""},
		{"no paragraphs", "Who vetoes?", index.EvalQuestion{}, "x.tsv:2: want question TAB paragraphs"},
		{"a paragraph that is no number", "Who vetoes?\televen", index.EvalQuestion{}, `x.tsv:2: bad paragraph "eleven"`},
		{"paragraph 0", "Who vetoes?\t0", index.EvalQuestion{}, `x.tsv:2: bad paragraph "0"`},
		{"a colon with no article", "Who vetoes?\t:11", index.EvalQuestion{}, "x.tsv:2: no article"},
		{"a colon with no article after a paragraph", "Who vetoes?\t11,:10", index.EvalQuestion{}, "x.tsv:2: no article"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			qs, err := index.ReadQuestions(strings.NewReader("# comment\n"+tt.line+"\n\n"), "x.tsv", story)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(qs) != 1 {
				t.Fatalf("read %d questions, want 1", len(qs))
			}
			q, w := qs[0], tt.want
			if q.Text != w.Text || !slices.Equal(q.Passages, w.Passages) ||
				!slices.Equal(q.Answer, w.Answer) || q.NoAnswer != w.NoAnswer || q.Line != w.Line {
				t.Errorf("got %+v, want %+v", q, w)
			}
		})
	}
}

// TestEvaluateCountsAnswers counts a question of another article ranked
// first, a right short answer, and an answer to a question marked as
// having none as wrong.
func TestEvaluateCountsAnswers(t *testing.T) {
	idx := build(t, loadEval(t).Articles, index.Options{})
	qs, err := index.ReadQuestions(strings.NewReader(
		"When did Japan lodge the protest?\tjapan-protests-launch:1\tSunday\n"+
			"Who can veto the resolution?\t11\tChina|Russia\n"+
			"Who can veto the resolution?\t11\t-\n"), "x.tsv", story)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := idx.Evaluate(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 3 || rep.Asked != 2 || rep.Right != 2 || rep.Wrong != 1 {
		t.Errorf("%d questions, %d asked, %d right, %d wrong; want 3, 2, 2, 1", rep.Questions, rep.Asked, rep.Right, rep.Wrong)
	}
	if rep.Top1 < 2 {
		t.Errorf("%d first, want at least the Japan question and one veto question: %v", rep.Top1, rep.Misses)
	}
	if len(rep.WrongAnswers) != 1 || !rep.WrongAnswers[0].Question.NoAnswer {
		t.Errorf("wrong answers %+v, want the veto question marked as having none", rep.WrongAnswers)
	}
}

// TestEvaluateAnyArticleCounts ranks a question first when a paragraph of
// any article it names comes first, and not when none does.
func TestEvaluateAnyArticleCounts(t *testing.T) {
	idx := build(t, loadEval(t).Articles, index.Options{})
	for _, tt := range []struct {
		name, line string
		top1       int
	}{
		{"first when the other article's paragraph leads", "Who can veto the resolution?\tjapan-protests-launch:1," + story + ":11", 1},
		{"first when the default article's paragraph leads", "Who can veto the resolution?\t11,japan-protests-launch:1", 1},
		{"missed when no named paragraph leads", "Who can veto the resolution?\tjapan-protests-launch:1,2", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			qs, err := index.ReadQuestions(strings.NewReader(tt.line), "x.tsv", story)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := idx.Evaluate(context.Background(), qs)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Top1 != tt.top1 {
				t.Errorf("top1 = %d, want %d (misses %+v)", rep.Top1, tt.top1, rep.Misses)
			}
		})
	}
}
