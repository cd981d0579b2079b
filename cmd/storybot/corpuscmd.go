package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/storybot/storybot/corpus"
)

// runCorpus handles `storybot corpus add|remove|list`: the same checks and
// atomic writes as /corpus on Discord, for moderators at a terminal. Run
// storybot index (or /reindex) afterwards to serve the change.
func runCorpus(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	const use = "corpus: usage: storybot corpus add FILE [--replace] | remove ID | list  [--corpus DIR]"
	if len(args) == 0 {
		return &usageError{use}
	}
	sub := args[0]
	fs := flag.NewFlagSet("corpus "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	addSourceFlags(fs, env, &src)
	replace := fs.Bool("replace", false, "replace an article with the same name")
	words, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if sub == "list" {
		c, err := src.loadCorpus()
		if err != nil {
			return err
		}
		for _, a := range c.Articles {
			fmt.Fprintf(stdout, "%s\t%s\t%d passages\n", a.ID, a.Title, len(a.Passages))
		}
		return nil
	}
	if src.corpusDir == "" {
		return &usageError{"corpus: no corpus folder: give --corpus DIR or set STORYBOT_CORPUS (the built-in story cannot change)"}
	}
	if len(words) != 1 {
		return &usageError{use}
	}
	switch sub {
	case "add":
		data, err := os.ReadFile(words[0])
		if err != nil {
			return fmt.Errorf("corpus add: %w", err)
		}
		a, err := corpus.WriteArticle(src.corpusDir, filepath.Base(words[0]), data, *replace)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added %s (%q, %d passages) to %s; run storybot index or /reindex to serve it\n", a.File, a.Title, len(a.Passages), src.corpusDir)
	case "remove":
		trashed, err := corpus.RemoveArticle(src.corpusDir, words[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed %s (kept as %s); run storybot index or /reindex to serve the change\n", words[0], trashed)
	default:
		return &usageError{use}
	}
	return nil
}
