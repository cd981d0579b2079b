// Package bench measures storybot's search against SQLite FTS5 and a plain
// linear scan on generated news corpora of growing size: build rate, size on
// disk, memory, time to the first answer, and question latency, single
// threaded and with concurrent workers. `storybot bench` runs it.
package bench

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Config says what a run measures.
type Config struct {
	// Sizes are the corpus sizes, in passages.
	Sizes []int
	// Seed makes the corpora and the questions; the same seed, the same run.
	Seed uint64
	// Engines to measure; all of Engines when empty.
	Engines []string
	// Queries is the most questions of each kind timed per engine and size
	// (200 when 0); fewer when they take longer than Budget.
	Queries int
	// Budget is the time after which a kind of question stops being timed,
	// once 30 have been (5 s when 0).
	Budget time.Duration
	// Workers is how many goroutines ask at once in the concurrent runs
	// (2 when 0).
	Workers int
	// Dir is where the indexes are written; a new temporary folder when "".
	Dir string
	// Log, when set, is told what is being measured.
	Log io.Writer
	// Slowest is how many of the slowest questions of each kind a row
	// keeps (single-threaded runs only), to tell a slow tail that is the
	// same questions every run from one that is not.
	Slowest int
}

// Slow is one of the slowest questions of a run.
type Slow struct {
	// Kind is the run: ask, long, common or autocomplete.
	Kind     string  `json:"kind"`
	Question string  `json:"question"`
	MS       float64 `json:"ms"`
}

// Row is what was measured for one engine on one corpus. Times are in
// milliseconds; memory is resident memory (RSS from /proc/self/statm, after
// a GC that returns freed memory to the OS) gained by opening the engine.
type Row struct {
	Engine   string `json:"engine"`
	Passages int    `json:"passages"`
	// Queries is how many questions of each kind were timed.
	Queries int `json:"queries"`
	// BuildS is the build time in seconds; BuildPerS the passages a second.
	BuildS    float64 `json:"build_s"`
	BuildPerS float64 `json:"build_per_s"`
	// DiskBytes is the index on disk; RawBytes the passages' text.
	DiskBytes int64   `json:"disk_bytes"`
	RawBytes  int64   `json:"raw_bytes"`
	DiskRatio float64 `json:"disk_ratio"`
	// RSSBytes is the resident memory gained by opening the engine and
	// answering one question; RSSLoadedBytes after all the questions, which
	// touch the memory-mapped files. HeapBytes is the Go heap in use gained
	// by opening (SQLite's own allocator is outside it).
	RSSBytes       int64 `json:"rss_bytes"`
	RSSLoadedBytes int64 `json:"rss_loaded_bytes"`
	HeapBytes      int64 `json:"heap_bytes"`
	// FirstAnswerMS is the time from opening the index on disk to the first
	// answer.
	FirstAnswerMS float64 `json:"first_answer_ms"`
	// Ask is 2-3 word questions, Long questions of 10 words or more, Common
	// questions of very common words; single-threaded, then (the "2" keys)
	// with Workers asking at once.
	AskP50MS     float64 `json:"ask_p50_ms"`
	AskP99MS     float64 `json:"ask_p99_ms"`
	LongP50MS    float64 `json:"long_p50_ms"`
	LongP99MS    float64 `json:"long_p99_ms"`
	CommonP50MS  float64 `json:"common_p50_ms"`
	CommonP99MS  float64 `json:"common_p99_ms"`
	Ask2P50MS    float64 `json:"ask2_p50_ms"`
	Ask2P99MS    float64 `json:"ask2_p99_ms"`
	Long2P99MS   float64 `json:"long2_p99_ms"`
	Common2P99MS float64 `json:"common2_p99_ms"`
	// Ask2QPS is the questions a second answered by the workers together.
	Ask2QPS float64 `json:"ask2_qps"`
	// Hits is the average number of passages shown for a 2-3 word question.
	Hits float64 `json:"hits"`
	// Autocomplete is a question's autocomplete through bot.Handle
	// (storybot only).
	AutocompleteP50MS *float64 `json:"autocomplete_p50_ms,omitempty"`
	AutocompleteP99MS *float64 `json:"autocomplete_p99_ms,omitempty"`
	// Slowest are the slowest questions of each single-threaded run,
	// slowest first (Config.Slowest of each kind).
	Slowest []Slow `json:"slowest,omitempty"`
}

// Questions are the questions asked of a corpus.
type Questions struct {
	// Short are 2-3 word questions; Long have 10 words or more; Common are
	// made of the corpus's most frequent searchable words; Typed are half
	// typed questions, for autocomplete.
	Short, Long, Common, Typed []string
}

// MakeQuestions draws n questions of each kind from the generator's
// vocabulary, with its Zipf distribution, deterministically from the seed.
func MakeQuestions(seed uint64, n int) Questions {
	vocab := Vocabulary()
	r := rand.New(rand.NewPCG(seed^0x5eed, seed))
	zipf := rand.NewZipf(r, zipfS, zipfV, uint64(len(vocab)-1))
	content := func() string { return vocab[zipfContent(zipf)] }
	var common []string
	for _, w := range vocab {
		if !stopWords[w] && len(common) < 12 {
			common = append(common, w)
		}
	}
	openers := []string{"who", "what", "when", "which", "what about"}
	var q Questions
	for range n {
		words := []string{content(), content()}
		if r.IntN(2) == 0 {
			words = append(words, content())
		}
		q.Short = append(q.Short, openers[r.IntN(len(openers))]+" "+strings.Join(words, " ")+"?")

		long := []string{"what", "did"}
		for range 10 + r.IntN(5) {
			long = append(long, vocab[zipf.Uint64()])
		}
		q.Long = append(q.Long, strings.Join(long, " ")+"?")

		cw := []string{common[r.IntN(len(common))], common[r.IntN(len(common))]}
		if r.IntN(2) == 0 {
			cw = append(cw, common[r.IntN(len(common))])
		}
		q.Common = append(q.Common, strings.Join(cw, " "))

		last := words[len(words)-1]
		typed := strings.Join(words[:len(words)-1], " ") + " " + last[:(len(last)+1)/2]
		q.Typed = append(q.Typed, typed)
	}
	return q
}

// Run measures every engine on a corpus of every size, calling row as each
// is done, and returns the rows.
func Run(ctx context.Context, cfg Config, row func(Row)) ([]Row, error) {
	if len(cfg.Sizes) == 0 {
		return nil, fmt.Errorf("bench: no sizes")
	}
	if cfg.Queries <= 0 {
		cfg.Queries = 200
	}
	if cfg.Budget <= 0 {
		cfg.Budget = 5 * time.Second
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 2
	}
	if len(cfg.Engines) == 0 {
		cfg.Engines = Engines
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	for _, name := range cfg.Engines {
		if _, err := newEngine(name, 1); err != nil {
			return nil, err
		}
	}
	dir := cfg.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "storybot-bench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	qs := MakeQuestions(cfg.Seed, cfg.Queries)
	var rows []Row
	for _, size := range cfg.Sizes {
		fmt.Fprintf(cfg.Log, "bench: generating %d passages (seed %d)\n", size, cfg.Seed)
		c := Generate(cfg.Seed, size)
		// Every engine builds first; the generated corpus is then let go,
		// so that the questions are answered with the heap an engine's
		// process has, not the generator's passages too (some 45 MB of live heap at 100k,
		// which every garbage collection had to mark).
		built := make([]Row, len(cfg.Engines))
		for i, name := range cfg.Engines {
			fmt.Fprintf(cfg.Log, "bench: %s, %d passages: build\n", name, size)
			r, err := measureBuild(ctx, name, c, engineDir(dir, name, size))
			if err != nil {
				return rows, fmt.Errorf("bench: %s at %d passages: %w", name, size, err)
			}
			built[i] = r
		}
		c = nil
		// What the builds wrote goes to disk before any question: the
		// kernel's writeback of a fresh index otherwise competes with
		// the first questions for the two cores.
		syscall.Sync()
		for i, name := range cfg.Engines {
			fmt.Fprintf(cfg.Log, "bench: %s, %d passages: questions\n", name, size)
			r, err := measureQuestions(ctx, cfg, name, built[i], qs, engineDir(dir, name, size))
			os.RemoveAll(engineDir(dir, name, size))
			if err != nil {
				return rows, fmt.Errorf("bench: %s at %d passages: %w", name, size, err)
			}
			rows = append(rows, r)
			if row != nil {
				row(r)
			}
		}
	}
	return rows, nil
}

// engineDir is where an engine's index of a size is written.
func engineDir(dir, name string, size int) string {
	return filepath.Join(dir, name+"-"+strconv.Itoa(size))
}

// measureBuild builds an engine's index of the corpus in dir and
// measures the build.
func measureBuild(ctx context.Context, name string, c *Corpus, dir string) (Row, error) {
	r := Row{Engine: name, Passages: c.Passages, RawBytes: c.RawBytes}
	e, err := newEngine(name, 1)
	if err != nil {
		return r, err
	}
	freeMemory()
	start := time.Now()
	if err := e.build(ctx, c, dir); err != nil {
		return r, fmt.Errorf("build: %w", err)
	}
	r.BuildS = time.Since(start).Seconds()
	r.BuildPerS = float64(c.Passages) / r.BuildS
	if r.DiskBytes, err = dirSize(dir); err != nil {
		return r, err
	}
	r.DiskRatio = float64(r.DiskBytes) / float64(r.RawBytes)
	return r, nil
}

// measureQuestions opens the index an engine built in dir and measures
// its memory and its answers, adding them to the build's row.
func measureQuestions(ctx context.Context, cfg Config, name string, r Row, qs Questions, dir string) (Row, error) {
	e, err := newEngine(name, cfg.Workers)
	if err != nil {
		return r, err
	}
	rss0, heap0 := freeMemory()
	start := time.Now()
	if err := e.open(ctx, dir); err != nil {
		return r, fmt.Errorf("open: %w", err)
	}
	defer e.close()
	if _, err := e.ask(ctx, 0, qs.Short[0]); err != nil {
		return r, err
	}
	r.FirstAnswerMS = ms(time.Since(start))
	rss1, heap1 := freeMemory()
	r.RSSBytes, r.HeapBytes = max(rss1-rss0, 0), max(heap1-heap0, 0)

	// Warm up, as a server does in its first seconds.
	for i := range min(20, len(qs.Short)) {
		if _, err := e.ask(ctx, 0, qs.Long[i]); err != nil {
			return r, err
		}
	}
	ask := func(worker int, q string) (int, error) { return e.ask(ctx, worker, q) }
	short, err := timeQuestions(cfg, 1, qs.Short, ask)
	if err != nil {
		return r, err
	}
	r.Queries = len(short.lat)
	r.AskP50MS, r.AskP99MS = short.p(50), short.p(99)
	r.Slowest = append(r.Slowest, short.slowest("ask", cfg.Slowest)...)
	r.Hits = float64(short.hits) / float64(len(short.lat))
	long, err := timeQuestions(cfg, 1, qs.Long, ask)
	if err != nil {
		return r, err
	}
	r.LongP50MS, r.LongP99MS = long.p(50), long.p(99)
	r.Slowest = append(r.Slowest, long.slowest("long", cfg.Slowest)...)
	common, err := timeQuestions(cfg, 1, qs.Common, ask)
	if err != nil {
		return r, err
	}
	r.CommonP50MS, r.CommonP99MS = common.p(50), common.p(99)
	r.Slowest = append(r.Slowest, common.slowest("common", cfg.Slowest)...)

	short2, err := timeQuestions(cfg, cfg.Workers, qs.Short, ask)
	if err != nil {
		return r, err
	}
	r.Ask2P50MS, r.Ask2P99MS = short2.p(50), short2.p(99)
	r.Ask2QPS = float64(len(short2.lat)) / short2.wall.Seconds()
	long2, err := timeQuestions(cfg, cfg.Workers, qs.Long, ask)
	if err != nil {
		return r, err
	}
	r.Long2P99MS = long2.p(99)
	common2, err := timeQuestions(cfg, cfg.Workers, qs.Common, ask)
	if err != nil {
		return r, err
	}
	r.Common2P99MS = common2.p(99)

	if sb, ok := e.(*storybotEngine); ok {
		ac, err := timeQuestions(cfg, 1, qs.Typed, func(worker int, q string) (int, error) { return sb.autocomplete(ctx, worker, q) })
		if err != nil {
			return r, err
		}
		p50, p99 := ac.p(50), ac.p(99)
		r.AutocompleteP50MS, r.AutocompleteP99MS = &p50, &p99
		r.Slowest = append(r.Slowest, ac.slowest("autocomplete", cfg.Slowest)...)
	}
	rss2, _ := freeMemory()
	r.RSSLoadedBytes = max(rss2-rss0, 0)
	return r, nil
}

// timing is the latencies of a run of questions.
type timing struct {
	lat   []time.Duration // sorted
	hits  int
	wall  time.Duration
	asked []asked // in the order asked
}

// asked is one question and the time its answer took.
type asked struct {
	q string
	d time.Duration
}

// slowest returns the n slowest questions, slowest first.
func (t timing) slowest(kind string, n int) []Slow {
	if n <= 0 {
		return nil
	}
	byTime := slices.Clone(t.asked)
	slices.SortStableFunc(byTime, func(a, b asked) int { return cmp.Compare(b.d, a.d) })
	var out []Slow
	for _, a := range byTime[:min(n, len(byTime))] {
		out = append(out, Slow{Kind: kind, Question: a.q, MS: ms(a.d)})
	}
	return out
}

// p returns the q-th percentile latency in milliseconds (nearest rank).
func (t timing) p(q int) float64 {
	if len(t.lat) == 0 {
		return 0
	}
	i := (q*len(t.lat)+99)/100 - 1
	return ms(t.lat[min(max(i, 0), len(t.lat)-1)])
}

// timeQuestions asks the questions with workers goroutines at once, each
// question once, until all are asked or the budget is spent (after at
// least 30).
func timeQuestions(cfg Config, workers int, questions []string, ask func(worker int, q string) (int, error)) (timing, error) {
	var (
		mu    sync.Mutex
		t     timing
		first error
		next  int
	)
	start := time.Now()
	deadline := start.Add(cfg.Budget)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				if first != nil || next == len(questions) || (next >= 30 && time.Now().After(deadline)) {
					mu.Unlock()
					return
				}
				q := questions[next]
				next++
				mu.Unlock()
				s := time.Now()
				n, err := ask(w, q)
				d := time.Since(s)
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				t.lat = append(t.lat, d)
				t.asked = append(t.asked, asked{q, d})
				t.hits += n
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.wall = time.Since(start)
	slices.Sort(t.lat)
	return t, first
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

// freeMemory collects garbage, returns freed memory to the OS, and reports
// the resident set size (from /proc/self/statm; 0 where there is none) and
// the Go heap in use.
func freeMemory() (rss, heap int64) {
	runtime.GC()
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return residentBytes(), int64(m.HeapInuse)
}

// residentBytes reads the resident set size from /proc/self/statm.
func residentBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// dirSize is the bytes of the files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	return n, err
}
