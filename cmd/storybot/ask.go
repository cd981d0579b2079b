package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/storybot/storybot/index"
)

// askResult is one result of `ask --json`; the field set is a contract
// other tools rely on.
type askResult struct {
	Rank      int     `json:"rank"`
	Article   string  `json:"article"`
	Title     string  `json:"title"`
	Paragraph int     `json:"paragraph"`
	Score     float64 `json:"score"`
	Text      string  `json:"text"`
	Excerpt   string  `json:"excerpt"`
}

// askOutput is what `ask --json` prints.
type askOutput struct {
	Query   string      `json:"query"`
	TookMS  float64     `json:"took_ms"`
	Results []askResult `json:"results"`
	// Answer is a short direct answer from the best passage; "" when none.
	Answer string `json:"answer"`
	// Weak is true when no passage clearly answers: the results are the nearest.
	Weak bool `json:"weak"`
	// DidYouMean is the question with misspelt words corrected, if any.
	DidYouMean string `json:"did_you_mean,omitempty"`
}

func runAsk(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	addSourceFlags(fs, env, &src)
	asJSON := fs.Bool("json", false, "print one JSON object")
	limit := fs.Int("limit", index.DefaultLimit, fmt.Sprintf("how many passages to show (1-%d)", index.MaxLimit))
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(words, " "))
	if question == "" {
		return &usageError{"ask: no question given; try: storybot ask who can veto the resolution"}
	}
	if *limit < 1 || *limit > index.MaxLimit {
		return &usageError{fmt.Sprintf("ask: --limit must be between 1 and %d", index.MaxLimit)}
	}
	lib, err := openLibrary(ctx, src, newLogger(stderr, env))
	if err != nil {
		return err
	}
	defer lib.Close()
	res, err := lib.Search(ctx, index.Query{Text: question, Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		out := askOutput{Query: res.Query, TookMS: float64(res.Took.Microseconds()) / 1000, Results: []askResult{},
			Answer: res.Answer, Weak: res.Weak, DidYouMean: res.DidYouMean}
		for _, h := range res.Hits {
			out.Results = append(out.Results, askResult{
				Rank: h.Rank, Article: h.Article, Title: h.Title, Paragraph: h.Paragraph,
				Score: h.Score, Text: h.Text, Excerpt: h.Excerpt,
			})
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	if res.DidYouMean != "" {
		fmt.Fprintf(stdout, "Did you mean: %s\n", res.DidYouMean)
	}
	if len(res.Hits) == 0 {
		fmt.Fprintf(stdout, "No passage matches %q.\n", res.Query)
		return nil
	}
	if res.Answer != "" {
		fmt.Fprintf(stdout, "Answer: %s\n\n", res.Answer)
	}
	if res.Weak {
		fmt.Fprintln(stdout, "No passage clearly answers this; the nearest ones:")
	}
	for _, h := range res.Hits {
		fmt.Fprintf(stdout, "%d. %s, paragraph %d (score %.3f)\n   %s\n\n", h.Rank, h.Title, h.Paragraph, h.Score, h.Excerpt)
	}
	noun := "passages"
	if res.Total == 1 {
		noun = "passage"
	}
	fmt.Fprintf(stdout, "%d %s matched in %.1f ms\n", res.Total, noun, float64(res.Took.Microseconds())/1000)
	return nil
}
