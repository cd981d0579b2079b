package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/storybot/storybot/index"
)

// progressMin is the corpus size from which a terminal shows a progress bar.
const progressMin = 5000

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
	opts := index.Options{}
	if isTerminal(stderr) && c.Passages() >= progressMin {
		opts.Progress = progressBar(stderr)
	}
	// Build beside the old index, then swap it in by renames.
	dir := filepath.Dir(filepath.Clean(src.indexPath))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, "."+filepath.Base(src.indexPath)+".new-")
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "index")
	idx, err := index.Build(ctx, c.Articles, built, opts)
	if err != nil {
		return err
	}
	meta := idx.Meta()
	if err := idx.Close(); err != nil {
		return err
	}
	if err := replaceDir(built, src.indexPath, tmp); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "indexed %d articles, %d passages into %s in %s (version %s)\n",
		len(c.Articles), meta.Passages, src.indexPath, time.Since(start).Round(time.Millisecond), meta.Version)
	return nil
}

// replaceDir moves src to dst, first moving an existing dst aside into
// scratch, so dst is at every moment either the old index or the new one.
func replaceDir(src, dst, scratch string) error {
	if _, err := os.Stat(dst); err == nil {
		if err := os.Rename(dst, filepath.Join(scratch, "old")); err != nil {
			return fmt.Errorf("index: move old index aside: %w", err)
		}
	}
	if err := os.Rename(src, dst); err != nil {
		return fmt.Errorf("index: move new index into place: %w", err)
	}
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
