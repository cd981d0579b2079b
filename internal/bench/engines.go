package bench

import (
	"bufio"
	"container/heap"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/bwmarrin/discordgo"
	_ "modernc.org/sqlite" // the "sqlite" driver: SQLite with FTS5, in pure Go

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

// Engine names, as in the JSON lines.
const (
	Storybot = "storybot"
	FTS5     = "fts5"
	Scan     = "scan"
)

// Engines are the engines a run measures, in order.
var Engines = []string{Storybot, FTS5, Scan}

// engine is one search engine under measurement. ask must be safe for
// concurrent use by distinct workers.
type engine interface {
	// build indexes the corpus into dir (which does not exist yet) and
	// releases everything it opened.
	build(ctx context.Context, c *Corpus, dir string) error
	// open opens what build wrote.
	open(ctx context.Context, dir string) error
	// ask answers a question as the engine's user would see it (the five
	// best passages, highlighted) and returns how many it showed.
	ask(ctx context.Context, worker int, q string) (int, error)
	close() error
}

func newEngine(name string, workers int) (engine, error) {
	switch name {
	case Storybot:
		return &storybotEngine{workers: workers}, nil
	case FTS5:
		return &ftsEngine{}, nil
	case Scan:
		return &scanEngine{}, nil
	}
	return nil, fmt.Errorf("bench: unknown engine %q (want %s)", name, strings.Join(Engines, ", "))
}

// showHits is how many passages every engine returns and highlights: the
// three a /ask reply shows, as storybot's default, rounded up to five.
const showHits = 5

// storybotEngine is the real bot: index.Build on disk, index.Open, and every
// question a whole /ask through bot.Handle on a bottest.Session.
type storybotEngine struct {
	workers  int
	idx      *index.Index
	bot      *bot.Bot
	sessions []*bottest.Session
	seq      []int
}

func (e *storybotEngine) build(ctx context.Context, c *Corpus, dir string) error {
	idx, err := index.Build(ctx, c.Articles, dir, index.Options{Synonyms: corpus.DefaultSynonyms()})
	if err != nil {
		return err
	}
	return idx.Close()
}

func (e *storybotEngine) open(ctx context.Context, dir string) error {
	idx, err := index.Open(dir)
	if err != nil {
		return err
	}
	b, err := bot.New(bot.Config{Engine: idx, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		idx.Close()
		return err
	}
	e.idx, e.bot = idx, b
	e.sessions = make([]*bottest.Session, e.workers)
	for i := range e.sessions {
		e.sessions[i] = &bottest.Session{}
	}
	e.seq = make([]int, e.workers)
	return nil
}

func (e *storybotEngine) ask(ctx context.Context, worker int, q string) (int, error) {
	i := askInteraction(worker, e.next(worker), q)
	s := e.sessions[worker]
	s.Reset()
	e.bot.Handle(ctx, s, i)
	f := s.Final(i.ID)
	if f == nil {
		return 0, fmt.Errorf("storybot: no reply to %q", q)
	}
	if len(f.Embeds) == 0 {
		return 0, fmt.Errorf("storybot: reply to %q has no embed: %q", q, f.Content)
	}
	return len(f.Embeds[0].Fields), nil
}

// autocomplete answers a question's autocomplete through bot.Handle and
// returns how many choices it offered.
func (e *storybotEngine) autocomplete(ctx context.Context, worker int, typed string) (int, error) {
	i := &discordgo.Interaction{
		ID: fmt.Sprintf("ac-%d-%d", worker, e.next(worker)), Type: discordgo.InteractionApplicationCommandAutocomplete, Token: "t",
		Member: &discordgo.Member{User: &discordgo.User{ID: "7"}},
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: typed, Focused: true},
		}},
	}
	s := e.sessions[worker]
	s.Reset()
	e.bot.Handle(ctx, s, i)
	r := s.Response(i.ID)
	if r == nil || r.Data == nil {
		return 0, fmt.Errorf("storybot: no autocomplete answer to %q", typed)
	}
	return len(r.Data.Choices), nil
}

func (e *storybotEngine) next(worker int) int {
	e.seq[worker]++
	return e.seq[worker]
}

func askInteraction(worker, n int, q string) *discordgo.Interaction {
	return &discordgo.Interaction{
		ID: fmt.Sprintf("ask-%d-%d", worker, n), Type: discordgo.InteractionApplicationCommand, Token: "tok",
		Member: &discordgo.Member{User: &discordgo.User{ID: "7"}},
		Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: q},
		}},
	}
}

func (e *storybotEngine) close() error {
	if e.idx == nil {
		return nil
	}
	return e.idx.Close()
}

// stopWords are Bleve's English stop words, which storybot drops from
// questions; the other engines drop them too, so that all three search the
// same words.
var stopWords = func() analysis.TokenMap {
	m := analysis.NewTokenMap()
	if err := m.LoadBytes(en.EnglishStopWords); err != nil {
		panic(err)
	}
	return m
}()

// queryWords are a question's lower-case words without stop words, at most
// index.MaxTerms of them, each once.
func queryWords(q string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(q), notWordRune) {
		if stopWords[w] || seen[w] || len(out) == index.MaxTerms {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

// ftsEngine is SQLite FTS5 (modernc.org/sqlite): Porter stemming over the
// unicode61 tokenizer, questions as an OR of their words, ranked by bm25()
// and highlighted by snippet().
type ftsEngine struct {
	db   *sql.DB
	stmt *sql.Stmt
}

const ftsFile = "fts5.db"

func (e *ftsEngine) build(ctx context.Context, c *Corpus, dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, ftsFile))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range []string{
		"PRAGMA journal_mode=WAL",
		"PRAGMA synchronous=NORMAL",
		"CREATE VIRTUAL TABLE passages USING fts5(text, article UNINDEXED, paragraph UNINDEXED, tokenize='porter unicode61')",
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: %s: %w", s, err)
		}
	}
	var tx *sql.Tx
	var ins *sql.Stmt
	n := 0
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			if tx == nil {
				if tx, err = db.BeginTx(ctx, nil); err != nil {
					return err
				}
				if ins, err = tx.PrepareContext(ctx, "INSERT INTO passages(text, article, paragraph) VALUES (?, ?, ?)"); err != nil {
					tx.Rollback()
					return err
				}
			}
			if _, err := ins.ExecContext(ctx, p.Text, a.ID, p.Paragraph); err != nil {
				tx.Rollback()
				return fmt.Errorf("fts5: insert: %w", err)
			}
			if n++; n%1000 == 0 {
				if err := tx.Commit(); err != nil {
					return err
				}
				tx = nil
			}
		}
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	// What a user does once a read-mostly table is loaded: merge the
	// b-trees into one, and go back to a single database file.
	for _, s := range []string{"INSERT INTO passages(passages) VALUES('optimize')", "PRAGMA journal_mode=DELETE"} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("fts5: %s: %w", s, err)
		}
	}
	return nil
}

func (e *ftsEngine) open(ctx context.Context, dir string) error {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, ftsFile)+"?mode=ro")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	stmt, err := db.PrepareContext(ctx, `SELECT article, paragraph, snippet(passages, 0, '**', '**', '…', 64)
		FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT `+strconv.Itoa(showHits))
	if err != nil {
		db.Close()
		return fmt.Errorf("fts5: prepare: %w", err)
	}
	e.db, e.stmt = db, stmt
	return nil
}

// ftsQuery is the FTS5 query for a question: its words, quoted, OR-ed.
func ftsQuery(q string) string {
	words := queryWords(q)
	for i, w := range words {
		words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(words, " OR ")
}

func (e *ftsEngine) ask(ctx context.Context, _ int, q string) (int, error) {
	fq := ftsQuery(q)
	if fq == "" {
		return 0, nil
	}
	rows, err := e.stmt.QueryContext(ctx, fq)
	if err != nil {
		return 0, fmt.Errorf("fts5: %q: %w", fq, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var article, snippet string
		var paragraph int
		if err := rows.Scan(&article, &paragraph, &snippet); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}

func (e *ftsEngine) close() error {
	if e.db == nil {
		return nil
	}
	e.stmt.Close()
	return e.db.Close()
}

// scanEngine is the floor: the passages in memory as word ids, every
// question a linear pass over all of them counting the question's words,
// the best five highlighted.
type scanEngine struct {
	ids      map[string]int32
	passages [][]int32
	texts    []string
}

func (e *scanEngine) build(ctx context.Context, c *Corpus, dir string) error {
	// Nothing to build: the scan keeps the passages in memory. It writes
	// the raw text, one passage a line, which open loads.
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, scanFile))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, a := range c.Articles {
		for _, p := range a.Passages {
			fmt.Fprintln(w, strings.ReplaceAll(p.Text, "\n", " "))
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// scanFile holds the scan's passages.
const scanFile = "passages.txt"

func (e *scanEngine) open(ctx context.Context, dir string) error {
	f, err := os.Open(filepath.Join(dir, scanFile))
	if err != nil {
		return fmt.Errorf("scan: %w", err)
	}
	defer f.Close()
	e.ids = map[string]int32{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		text := sc.Text()
		words := strings.FieldsFunc(strings.ToLower(text), notWordRune)
		ids := make([]int32, len(words))
		for i, w := range words {
			id, ok := e.ids[w]
			if !ok {
				id = int32(len(e.ids))
				e.ids[w] = id
			}
			ids[i] = id
		}
		e.passages = append(e.passages, ids)
		e.texts = append(e.texts, text)
	}
	return sc.Err()
}

type scored struct {
	i, n int
}

type topN []scored

func (h topN) Len() int           { return len(h) }
func (h topN) Less(i, j int) bool { return h[i].n < h[j].n }
func (h topN) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *topN) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *topN) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (e *scanEngine) ask(ctx context.Context, _ int, q string) (int, error) {
	want := make([]bool, len(e.ids))
	words := map[string]bool{}
	for _, w := range queryWords(q) {
		words[w] = true
		if id, ok := e.ids[w]; ok {
			want[id] = true
		}
	}
	if len(words) == 0 {
		return 0, nil
	}
	h := make(topN, 0, showHits+1)
	for i, p := range e.passages {
		n := 0
		for _, id := range p {
			if want[id] {
				n++
			}
		}
		if n == 0 || (len(h) == showHits && n <= h[0].n) {
			continue
		}
		heap.Push(&h, scored{i, n})
		if len(h) > showHits {
			heap.Pop(&h)
		}
	}
	for _, s := range h {
		_ = highlightWords(e.texts[s.i], words)
	}
	return len(h), nil
}

// highlightWords bolds the words of text that are wanted.
func highlightWords(text string, want map[string]bool) string {
	var b strings.Builder
	last := 0
	inWord := -1
	flush := func(end int) {
		if inWord >= 0 && want[strings.ToLower(text[inWord:end])] {
			b.WriteString(text[last:inWord])
			b.WriteString("**")
			b.WriteString(text[inWord:end])
			b.WriteString("**")
			last = end
		}
		inWord = -1
	}
	for i, r := range text {
		if notWordRune(r) {
			flush(i)
		} else if inWord < 0 {
			inWord = i
		}
	}
	flush(len(text))
	b.WriteString(text[last:])
	return b.String()
}

func (e *scanEngine) close() error {
	e.ids, e.passages, e.texts = nil, nil, nil
	return nil
}
