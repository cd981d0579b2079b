package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"

	"github.com/storybot/storybot/internal/bench"
)

// runBench measures storybot, SQLite FTS5 and a linear scan on generated
// corpora of the given sizes and prints a table, or JSON lines.
func runBench(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "1000,10000,100000", "corpus sizes in passages, comma-separated (k and M suffixes allowed)")
	asJSON := fs.Bool("json", false, "print one JSON object a line per engine and size")
	seed := fs.Uint64("seed", 1, "seed of the corpora and questions")
	chart := fs.String("chart", "", "write an SVG chart of p99 latency and build rate to this file")
	engines := fs.String("engines", strings.Join(bench.Engines, ","), "engines to measure, comma-separated")
	queries := fs.Int("queries", 200, "questions of each kind timed per engine and size")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof)")
	slowest := fs.Int("slowest", 0, "list the N slowest questions of each kind (single-threaded runs) after the table")
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(words) > 0 {
		return &usageError{fmt.Sprintf("bench: unexpected argument %q", words[0])}
	}
	if *slowest < 0 {
		return &usageError{"bench: --slowest must not be negative"}
	}
	cfg := bench.Config{Seed: *seed, Queries: *queries, Log: stderr, Slowest: *slowest}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := parseSize(s)
		if err != nil {
			return &usageError{fmt.Sprintf("bench: --sizes: %v", err)}
		}
		cfg.Sizes = append(cfg.Sizes, n)
	}
	for _, e := range strings.Split(*engines, ",") {
		if e = strings.TrimSpace(e); e != "" {
			cfg.Engines = append(cfg.Engines, e)
		}
	}
	for _, e := range cfg.Engines {
		if !contains(bench.Engines, e) {
			return &usageError{fmt.Sprintf("bench: unknown engine %q (want %s)", e, strings.Join(bench.Engines, ", "))}
		}
	}
	if *queries < 1 {
		return &usageError{"bench: --queries must be at least 1"}
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	// The engines answer as a serving process does, with its heap floor.
	defer keepGCFloor(env)()
	var row func(bench.Row)
	if *asJSON {
		row = func(r bench.Row) { bench.WriteJSON(stdout, []bench.Row{r}) }
	}
	rows, err := bench.Run(ctx, cfg, row)
	if err != nil {
		return err
	}
	if !*asJSON {
		if err := bench.WriteTable(stdout, rows); err != nil {
			return err
		}
		if err := bench.WriteSlowest(stdout, rows); err != nil {
			return err
		}
	}
	if *chart != "" {
		f, err := os.Create(*chart)
		if err != nil {
			return err
		}
		if err := bench.WriteSVG(f, rows); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

// parseSize reads a corpus size: 1000, 10k or 1M.
func parseSize(s string) (int, error) {
	s = strings.TrimSpace(s)
	mult := 1
	switch {
	case strings.HasSuffix(s, "k"), strings.HasSuffix(s, "K"):
		mult, s = 1000, s[:len(s)-1]
	case strings.HasSuffix(s, "M"), strings.HasSuffix(s, "m"):
		mult, s = 1_000_000, s[:len(s)-1]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 10_000_000/mult {
		return 0, fmt.Errorf("bad size %q (want 1 to 10M passages)", s)
	}
	return n * mult, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
