package index

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// EvalQuestion is a question with the paragraphs that answer it.
type EvalQuestion struct {
	// Text is the question.
	Text string
	// Passages are the paragraphs that answer it; any one counts.
	Passages []Cite
	// Answer holds the words a right short answer contains, when one is expected.
	Answer []string
	// NoAnswer reports that the articles do not say: any short answer is wrong.
	NoAnswer bool
	// Line is the question's line in its file.
	Line int
}

// ReadQuestions reads an eval file: one question a line, as
// "question TAB paragraphs [TAB short answer words separated by |]". The
// paragraphs are comma-separated and 1-based, in the given article until
// one is prefixed by another article's id and a colon, which then holds for
// the numbers after it: "japan-protests-launch:4,5" is two paragraphs of
// that article, "8,opec-output-cap:1" paragraph 8 of the given article or
// paragraph 1 of the other. A short answer of "-" says the articles do not
// give one, so that any answer is wrong. Blank lines and lines starting
// with # are skipped.
func ReadQuestions(r io.Reader, name, article string) ([]EvalQuestion, error) {
	var qs []EvalQuestion
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 || strings.TrimSpace(cols[0]) == "" {
			return nil, fmt.Errorf("index: %s:%d: want question TAB paragraphs", name, line)
		}
		q := EvalQuestion{Text: strings.TrimSpace(cols[0]), Line: line}
		in := article
		for _, f := range strings.Split(cols[1], ",") {
			if i := strings.LastIndexByte(f, ':'); i >= 0 {
				if in = strings.TrimSpace(f[:i]); in == "" {
					return nil, fmt.Errorf("index: %s:%d: no article before %q", name, line, f[i:])
				}
				f = f[i+1:]
			}
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				return nil, fmt.Errorf("index: %s:%d: bad paragraph %q", name, line, f)
			}
			q.Passages = append(q.Passages, Cite{in, n})
		}
		answer := ""
		if len(cols) > 2 {
			answer = strings.TrimSpace(cols[2])
		}
		switch answer {
		case "":
		case "-":
			q.NoAnswer = true
		default:
			for _, w := range strings.Split(answer, "|") {
				q.Answer = append(q.Answer, strings.TrimSpace(w))
			}
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("index: read %s: %w", name, err)
	}
	return qs, nil
}

// Cite names one paragraph of one article.
type Cite struct {
	// Article is the article's id.
	Article string
	// Paragraph is the paragraph's 1-based number in the article.
	Paragraph int
}

// String returns the citation as an eval file writes it: "article:paragraph".
func (c Cite) String() string { return fmt.Sprintf("%s:%d", c.Article, c.Paragraph) }

// EvalReport sums up how well an index ranks the answering paragraphs.
type EvalReport struct {
	// Questions is how many questions were asked.
	Questions int
	// Top1 and Top3 count the questions answered first, and within the first three.
	Top1, Top3 int
	// MRR is the mean reciprocal rank of the first answering passage.
	MRR float64
	// Misses are the questions not answered first.
	Misses []EvalMiss
	// Asked counts the questions that expect a short answer; Right the
	// direct answers that hold all its words, Wrong those that do not and
	// any answer to a question the articles do not answer (no answer
	// counts as neither).
	Asked, Right, Wrong int
	// WrongAnswers are the questions answered wrongly, with the answer given.
	WrongAnswers []EvalMiss
}

// EvalMiss is a question whose answer was not ranked first.
type EvalMiss struct {
	Question EvalQuestion
	// Rank is where the first answering passage came, 0 when not in the top Depth.
	Rank int
	// Got are the article ids and paragraphs of the hits, best first.
	Got []string
	// Answer is the direct answer given.
	Answer string
}

// EvalDepth is how many hits an evaluation looks at for each question.
const EvalDepth = 10

// Evaluate asks every question and reports where the answering paragraph ranks.
func (x *Index) Evaluate(ctx context.Context, qs []EvalQuestion) (EvalReport, error) {
	var rep EvalReport
	for _, q := range qs {
		res, err := x.Search(ctx, Query{Text: q.Text, Limit: EvalDepth})
		if err != nil {
			return rep, err
		}
		rep.Questions++
		rank := 0
		var got []string
		for i, h := range res.Hits {
			at := Cite{h.Article, h.Paragraph}
			got = append(got, at.String())
			if rank == 0 && slices.Contains(q.Passages, at) {
				rank = i + 1
			}
		}
		if rank == 1 {
			rep.Top1++
		}
		if rank >= 1 && rank <= 3 {
			rep.Top3++
		}
		if rank > 0 {
			rep.MRR += 1 / float64(rank)
		}
		if rank != 1 {
			rep.Misses = append(rep.Misses, EvalMiss{Question: q, Rank: rank, Got: got, Answer: res.Answer})
		}
		if q.NoAnswer && res.Answer != "" {
			rep.Wrong++
			rep.WrongAnswers = append(rep.WrongAnswers, EvalMiss{Question: q, Rank: rank, Got: got, Answer: res.Answer})
		}
		if len(q.Answer) > 0 {
			rep.Asked++
			switch {
			case res.Answer == "":
			case holdsAll(res.Answer, q.Answer):
				rep.Right++
			default:
				rep.Wrong++
				rep.WrongAnswers = append(rep.WrongAnswers, EvalMiss{Question: q, Rank: rank, Got: got, Answer: res.Answer})
			}
		}
	}
	if rep.Questions > 0 {
		rep.MRR /= float64(rep.Questions)
	}
	return rep, nil
}

// holdsAll reports whether answer contains every word, ignoring case.
func holdsAll(answer string, words []string) bool {
	a := strings.ToLower(answer)
	for _, w := range words {
		if !strings.Contains(a, strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// String is the report's figure line: top-1, top-3 and MRR, and the
// direct answers when any were expected.
func (r EvalReport) String() string {
	pct := func(n int) float64 {
		if r.Questions == 0 {
			return 0
		}
		return 100 * float64(n) / float64(r.Questions)
	}
	line := fmt.Sprintf("top1=%d/%d (%.0f%%) top3=%d/%d (%.0f%%) mrr=%.3f",
		r.Top1, r.Questions, pct(r.Top1), r.Top3, r.Questions, pct(r.Top3), r.MRR)
	if r.Asked > 0 {
		line += fmt.Sprintf("; answers %d/%d right (%.0f%%), %d wrong", r.Right, r.Asked, 100*float64(r.Right)/float64(r.Asked), r.Wrong)
	}
	return line
}
