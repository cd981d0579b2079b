package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/storybot/storybot/index"
)

// progressMin is the corpus size from which a terminal shows a progress bar.
const progressMin = 5000

// runIndex builds a new index version in the store at --index and makes it
// current. A bot serving from the same store picks it up by itself.
func runIndex(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("index", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	addSourceFlags(fs, env, &src)
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(words) > 0 {
		return &usageError{fmt.Sprintf("index: unexpected argument %q", words[0])}
	}
	if src.indexPath == "" {
		return &usageError{"index: no index path: give --index PATH or set STORYBOT_INDEX"}
	}
	start := time.Now()
	c, err := src.loadCorpus()
	if err != nil {
		return err
	}
	store, err := index.OpenStore(src.indexPath)
	if err != nil {
		return err
	}
	opts := index.Options{Synonyms: c.Synonyms}
	if isTerminal(stderr) && c.Passages() >= progressMin {
		opts.Progress = progressBar(stderr)
	}
	prev, _ := store.Current()
	idx, err := store.Build(ctx, c.Articles, opts, nil)
	if errors.Is(err, index.ErrBuilding) {
		return fmt.Errorf("index: another build of %s is running; try again when it is done", src.indexPath)
	}
	if err != nil {
		return err
	}
	meta := idx.Meta()
	if err := idx.Close(); err != nil {
		return err
	}
	// Keep the version a running bot may still serve until it picks up
	// this one (it then removes the old itself); remove anything older.
	if err := store.Cleanup(prev); err != nil {
		fmt.Fprintf(stderr, "storybot: index: removing old versions: %v\n", err)
	}
	fmt.Fprintf(stdout, "indexed %d articles, %d passages into %s in %s (version %s)\n",
		len(c.Articles), meta.Passages, src.indexPath, time.Since(start).Round(time.Millisecond), meta.Version)
	return nil
}

// progressBar draws a one-line bar on a terminal.
func progressBar(w io.Writer) func(done, total int) {
	return func(done, total int) {
		const width = 30
		filled := width * done / max(total, 1)
		fmt.Fprintf(w, "\r[%s%s] %3d%% %d/%d passages", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), 100*done/max(total, 1), done, total)
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}
