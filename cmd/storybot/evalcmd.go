package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/storybot/storybot/index"
)

// runEval asks an eval file's questions and prints top-1, top-3, MRR, the
// direct answers right and wrong, and each miss.
func runEval(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	addSourceFlags(fs, env, &src)
	article := fs.String("article", "north-korea-talks-sanctions", "the article whose paragraphs the file's second column numbers")
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(words) != 1 {
		return &usageError{"eval: usage: storybot eval FILE [--corpus DIR] [--article ID]"}
	}
	f, err := os.Open(words[0])
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	qs, err := index.ReadQuestions(f, words[0], *article)
	if err != nil {
		return err
	}
	lib, err := openLibrary(ctx, src, newLogger(stderr, env))
	if err != nil {
		return err
	}
	defer lib.Close()
	for _, q := range qs {
		for _, c := range q.Passages {
			if _, ok := lib.Current().Article(c.Article); !ok {
				if c.Article == *article {
					return fmt.Errorf("eval: the corpus has no article %q (set --article)", *article)
				}
				return fmt.Errorf("eval: %s:%d: the corpus has no article %q", words[0], q.Line, c.Article)
			}
		}
	}
	rep, err := lib.Current().Evaluate(ctx, qs)
	if err != nil {
		return err
	}
	for _, m := range rep.Misses {
		want := make([]string, len(m.Question.Passages))
		for i, c := range m.Question.Passages {
			want[i] = c.String()
			if c.Article == *article {
				want[i] = strconv.Itoa(c.Paragraph)
			}
		}
		fmt.Fprintf(stdout, "miss %q: want %s, rank %d, got %s\n", m.Question.Text, strings.Join(want, ","), m.Rank, strings.Join(m.Got[:min(len(m.Got), 5)], " "))
	}
	for _, m := range rep.WrongAnswers {
		if m.Question.NoAnswer {
			fmt.Fprintf(stdout, "wrong answer %q: %q, want none (the articles do not say)\n", m.Question.Text, m.Answer)
			continue
		}
		fmt.Fprintf(stdout, "wrong answer %q: %q, want all of %q\n", m.Question.Text, m.Answer, m.Question.Answer)
	}
	fmt.Fprintln(stdout, rep)
	return nil
}
