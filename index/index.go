// Package index is storybot's search engine: it indexes the passages of a
// corpus in Bleve (scorch engine, English analysis with stemming, BM25) and
// answers questions with ranked hits, each highlighted as Discord markdown
// and carrying what a citation needs. Bleve stays behind this package's own
// small API: Build, Open, Search, Close.
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/storybot/storybot/corpus"
)

// Scoring models a new index can rank with.
const (
	// BM25 is Okapi BM25, the default: it saturates term frequency and
	// normalises for passage length.
	BM25 = "bm25"
	// TFIDF is Bleve's classic TF-IDF.
	TFIDF = "tf-idf"
)

// Field names in the Bleve documents. A document's id is its passage
// number in the passage file (see passages.go), which holds its text and
// place; Bleve stores nothing but that id.
const (
	fieldText    = "text"
	fieldArticle = "article"
)

// Keys of what the index keeps besides its documents.
var (
	keyArticles = []byte("storybot.articles")
	keyMeta     = []byte("storybot.meta")
	keySynonyms = []byte("storybot.synonyms")
)

// synonymSource and synonymCollection name the synonyms in Bleve.
const (
	synonymSource     = "storybot_synonyms"
	synonymCollection = "synonyms"
)

// batchSize is how many passages go into one Bleve batch while building.
const batchSize = 1000

// ErrClosed is returned by the methods of an Index after Close.
var ErrClosed = errors.New("index: closed")

// Index is a searchable, read-only index of a corpus's passages.
type Index struct {
	mu       sync.RWMutex
	bi       bleve.Index
	analyzer analysis.Analyzer
	path     string
	articles []Article
	byID     map[string]*Article
	meta     Meta
	lex      *lexicon
	titles   map[string][]token // analysed article titles
	reader   bleveindex.IndexReader
	passages *passages
	// dfs remembers how many passages hold a term (see termCount).
	dfMu sync.RWMutex
	dfs  map[string]uint64
	// bm25Table is bm25Once's table.
	bm25Made  sync.Once
	bm25Table []float64
	// tokenWordsTable is the analysis of the passage file's dictionary
	// (prepareTokenWords), nil until it is made.
	tokenWordsTable atomic.Pointer[[]tokenWord]
	// byBleve makes every search retrieve through Bleve's search, as a
	// small index does (tests compare the two ways).
	byBleve bool
	// nameTitles keeps passages' titles of names, by passage number
	// (titlesOf), as they are first read.
	nameTitles memo[int, map[string]map[string][]int]
	// nounModifiers keeps, by passage number and noun, the words before
	// the noun (modifiersOf), as they are first read.
	nounModifiers memo[nounAt, []string]
}

// Article describes one indexed article, for citations and listings.
type Article struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Source    string    `json:"source,omitempty"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Passages is how many passages of the article are indexed.
	Passages int `json:"passages"`
	// Paragraphs is how many paragraphs the article has.
	Paragraphs int `json:"paragraphs"`
}

// Meta describes an index as a whole.
type Meta struct {
	// Version identifies one build of an index: the time it was built, in
	// nanoseconds since the Unix epoch, in base 36.
	Version string `json:"version"`
	// Built is when the index was built.
	Built time.Time `json:"built"`
	// Scoring is the scoring model, BM25 or TFIDF.
	Scoring string `json:"scoring"`
	// Passages is how many passages the index holds.
	Passages int `json:"passages"`
	// SynonymDocs is how many synonym definitions Bleve holds beside them.
	SynonymDocs int `json:"synonym_docs,omitempty"`
	// AvgTokens is the average length of a passage, in words.
	AvgTokens float64 `json:"avg_tokens,omitempty"`
	// Analysis is the version of the text analysis the index was built
	// with; Open refuses an index built with another (ErrOldIndex).
	Analysis int `json:"analysis,omitempty"`
}

// analysisVersion is the version of the text analysis (see analysis.go):
// raised whenever a change makes the terms of an index built before it
// differ from the terms of a question analysed now. 2: "US" is an acronym,
// not "us" (nor "used"). 3: no term vectors (positions) in the index; an
// index built with them would still answer, but is rebuilt to drop them.
// 4: "willing" is no longer stemmed to "will".
const analysisVersion = 4

// Options tune how an index is built.
type Options struct {
	// Scoring is the scoring model, BM25 (the default) or TFIDF.
	Scoring string
	// Progress, when set, is called after each batch with the passages
	// indexed so far and the total.
	Progress func(done, total int)
	// Version names the build; a fresh one from the clock when empty.
	Version string
	// Synonyms are groups of words or phrases that mean the same, such as
	// corpus.Corpus.Synonyms. One-word entries go to Bleve's synonym
	// support; entries of several words are matched as phrases.
	Synonyms [][]string
}

// passageDoc is the document Bleve indexes for one passage.
type passageDoc struct {
	Text    string `json:"text"`
	Article string `json:"article"`
}

// newMapping returns the index mapping: passages with English analysis.
func newMapping(scoring string) (*mapping.IndexMappingImpl, error) {
	switch scoring {
	case "":
		scoring = BM25
	case BM25, TFIDF:
	default:
		return nil, fmt.Errorf("index: unknown scoring model %q (want %q or %q)", scoring, BM25, TFIDF)
	}

	// Nothing is stored in Bleve: the text and place of a passage are in
	// the passage file.
	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzerName
	text.Store = false
	// No positions: several-word alternatives are retrieved as all their
	// words, and the ranking checks the order on its own tokens.
	text.IncludeTermVectors = false
	text.DocValues = false
	text.SynonymSource = synonymSource
	text.IncludeInAll = false // nothing searches Bleve's catch-all field

	article := bleve.NewKeywordFieldMapping() // for searches within one article
	article.Store = false
	article.IncludeTermVectors = false // a term query needs no positions
	article.DocValues = false
	article.IncludeInAll = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text)
	doc.AddFieldMappingsAt(fieldArticle, article)
	// No catch-all field either, not even an empty one: Bleve would still
	// build it for every passage.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerName
	m.DefaultField = fieldText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.ScoringModel = scoring
	if err := m.AddSynonymSource(synonymSource, map[string]any{"collection": synonymCollection, "analyzer": analyzerName}); err != nil {
		return nil, fmt.Errorf("index: synonym source: %w", err)
	}
	return m, nil
}

// passageID is the Bleve document id of passage number n.
func passageID(n int) string { return strconv.Itoa(n) }

// passageNumber reads a Bleve document id written by passageID.
func passageNumber(id string) (int, bool) {
	n, err := strconv.Atoi(id)
	return n, err == nil && n >= 0
}

// docID names a passage by its place. Ids sort in reading order, which
// makes them the tie-break for equal scores.
func docID(article string, paragraph, part int) string {
	return fmt.Sprintf("%s/%05d/%03d", article, paragraph, part)
}

// Build indexes the articles. With an empty path the index lives in memory;
// otherwise it is written to path, which must not exist yet.
func Build(ctx context.Context, articles []corpus.Article, path string, opts Options) (*Index, error) {
	m, err := newMapping(opts.Scoring)
	if err != nil {
		return nil, err
	}
	if path != "" {
		if _, err := os.Stat(path); err == nil {
			return nil, fmt.Errorf("index: build %s: already exists", path)
		}
	}
	bi, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", describe(path), err)
	}
	if opts.Version == "" {
		opts.Version = formatVersion(time.Now())
	}
	idx, err := fill(ctx, bi, path, articles, m.ScoringModel, opts)
	if err != nil {
		bi.Close()
		if path != "" {
			os.RemoveAll(path)
		}
		return nil, err
	}
	idx.path = path
	return idx, nil
}

func describe(path string) string {
	if path == "" {
		return "in memory"
	}
	return path
}

// batchWorkers is how many batches are handed to Bleve at once while
// building: Bleve analyses a batch on all cores, but builds its segment and
// waits for it to be written on the caller's goroutine, so batches in
// flight together keep the cores busy.
const batchWorkers = 3

// fill writes the passages into a new Bleve index and the passage file, and
// the article table into the Bleve index.
func fill(ctx context.Context, bi bleve.Index, path string, articles []corpus.Article, scoring string, opts Options) (*Index, error) {
	total := 0
	for _, a := range articles {
		total += len(a.Passages)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
		done     int
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	type job struct {
		batch    *bleve.Batch
		passages int
	}
	batches := make(chan job)
	var wg sync.WaitGroup
	for range batchWorkers {
		wg.Go(func() {
			for j := range batches {
				if ctx.Err() != nil {
					continue
				}
				if err := bi.Batch(j.batch); err != nil {
					fail(fmt.Errorf("index: write batch: %w", err))
					continue
				}
				mu.Lock()
				done += j.passages
				if opts.Progress != nil && firstErr == nil {
					opts.Progress(min(done, total), total)
				}
				mu.Unlock()
			}
		})
	}
	finish := func() error {
		close(batches)
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		if firstErr != nil {
			return firstErr
		}
		return nil
	}
	inBatch := 0
	send := func(b *bleve.Batch) bool {
		n := inBatch
		inBatch = 0
		select {
		case batches <- job{b, n}:
			return true
		case <-ctx.Done():
			return false
		}
	}

	// The passage file is coded beside the Bleve batches, on a core Bleve
	// leaves idle while it waits for its writes; passages are numbered in
	// corpus order by both.
	pw := newPassageWriter()
	words := 0
	coded := make(chan struct{})
	go func() {
		defer close(coded)
		for ai, a := range articles {
			if ctx.Err() != nil {
				return
			}
			for _, p := range a.Passages {
				words += countWords(p.Text)
				pw.add(ai, p.Paragraph, p.Part, p.Text)
			}
		}
	}()
	defer func() { <-coded }()
	an, err := analyzerOf(bi)
	if err != nil {
		finish()
		return nil, err
	}
	// Passages are analysed in one pass (passageDocument) with storybot's
	// analyser; with another, as the mapping says.
	indexPassage := func(b *bleve.Batch, id, text, article string) error {
		return b.Index(id, passageDoc{Text: text, Article: article})
	}
	if ma, ok := an.(*memoAnalyzer); ok {
		if keyword := keywordAnalyzer(bi); keyword != nil {
			indexPassage = func(b *bleve.Batch, id, text, article string) error {
				return b.IndexAdvanced(passageDocument(id, text, article, ma, keyword))
			}
		}
	}
	table := make([]Article, 0, len(articles))
	batch := bi.NewBatch()
	n := 0
	for _, a := range articles {
		info := Article{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: a.Published, Passages: len(a.Passages)}
		for _, p := range a.Passages {
			info.Paragraphs = max(info.Paragraphs, p.Paragraph)
			id := passageID(n)
			n++
			if err := indexPassage(batch, id, p.Text, a.ID); err != nil {
				finish()
				return nil, fmt.Errorf("index: %s paragraph %d: %w", a.File, p.Paragraph, err)
			}
			inBatch++
			if batch.Size() >= batchSize {
				if !send(batch) {
					break
				}
				batch = bi.NewBatch()
			}
		}
		table = append(table, info)
		if ctx.Err() != nil {
			break
		}
	}
	if err := ctx.Err(); err != nil {
		if ferr := finish(); ferr != nil && !errors.Is(ferr, context.Canceled) {
			return nil, ferr
		}
		return nil, fmt.Errorf("index: build: %w", err)
	}
	// One-word synonyms go to Bleve's synonym support.
	lex := newLexicon(opts.Synonyms, func(s string) []token { return tokensOf(an, s) })
	synonymDocs := 0
	for i, g := range lex.oneWordGroups() {
		def := &bleve.SynonymDefinition{Synonyms: g}
		if err := batch.IndexSynonym(fmt.Sprintf("synonyms/%05d", i), synonymCollection, def); err != nil {
			finish()
			return nil, fmt.Errorf("index: synonyms %q: %w", g, err)
		}
		synonymDocs++
	}
	if batch.Size() > 0 {
		send(batch)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index: build: %w", err)
	}
	<-coded
	if err := pw.check(); err != nil {
		return nil, err
	}
	encoded := pw.encode()
	if path != "" {
		if err := writePassages(path, encoded); err != nil {
			return nil, err
		}
	}
	ps, err := readPassages(encoded, len(table))
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	meta := Meta{
		Version:     opts.Version,
		Built:       now,
		Scoring:     scoring,
		Passages:    total,
		SynonymDocs: synonymDocs,
		AvgTokens:   float64(words) / float64(max(total, 1)),
		Analysis:    analysisVersion,
	}
	if err := putJSON(bi, keyArticles, table); err != nil {
		return nil, err
	}
	if err := putJSON(bi, keyMeta, meta); err != nil {
		return nil, err
	}
	if err := putJSON(bi, keySynonyms, opts.Synonyms); err != nil {
		return nil, err
	}
	return newIndex(bi, table, meta, opts.Synonyms, ps)
}

func formatVersion(t time.Time) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	n := uint64(t.UnixNano())
	var b []byte
	for n > 0 {
		b = append([]byte{digits[n%36]}, b...)
		n /= 36
	}
	return string(b)
}

func putJSON(bi bleve.Index, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("index: encode %s: %w", key, err)
	}
	if err := bi.SetInternal(key, data); err != nil {
		return fmt.Errorf("index: store %s: %w", key, err)
	}
	return nil
}

func getJSON(bi bleve.Index, key []byte, v any) error {
	data, err := bi.GetInternal(key)
	if err != nil {
		return fmt.Errorf("index: read %s: %w", key, err)
	}
	if data == nil {
		return fmt.Errorf("index: %s missing: not a storybot index", key)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("index: decode %s: %w", key, err)
	}
	return nil
}

// analyzerOf returns the index's analyser.
func analyzerOf(bi bleve.Index) (analysis.Analyzer, error) {
	im, ok := bi.Mapping().(*mapping.IndexMappingImpl)
	if !ok {
		return nil, errors.New("index: unexpected mapping type")
	}
	an := im.AnalyzerNamed(analyzerName)
	if an == nil {
		return nil, errors.New("index: analyzer storybot_en not registered")
	}
	return an, nil
}

// keywordAnalyzer returns the analyser of the article field, nil if the
// mapping has none.
func keywordAnalyzer(bi bleve.Index) analysis.Analyzer {
	im, ok := bi.Mapping().(*mapping.IndexMappingImpl)
	if !ok {
		return nil
	}
	return im.AnalyzerNamed(keyword.Name)
}

func newIndex(bi bleve.Index, table []Article, meta Meta, synonyms [][]string, ps *passages) (*Index, error) {
	if ps.len() != meta.Passages {
		return nil, fmt.Errorf("index: %w: %d passages, the index has %d", errPassages, ps.len(), meta.Passages)
	}
	an, err := analyzerOf(bi)
	if err != nil {
		return nil, err
	}
	idx := &Index{bi: bi, analyzer: an, articles: table, meta: meta, byID: make(map[string]*Article, len(table)), titles: map[string][]token{}, passages: ps}
	for i := range idx.articles {
		a := &idx.articles[i]
		idx.byID[a.ID] = a
		idx.titles[a.ID] = tokensOf(an, a.Title)
	}
	idx.lex = newLexicon(synonyms, idx.tokens)
	// The index does not change once built: one reader serves every
	// question's term statistics.
	adv, err := bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index: reader: %w", err)
	}
	if idx.reader, err = adv.Reader(); err != nil {
		return nil, fmt.Errorf("index: reader: %w", err)
	}
	go idx.prepareTokenWords(ps.dict)
	return idx, nil
}

// titleTokens returns the analysed title of an article.
func (x *Index) titleTokens(article string) []token { return x.titles[article] }

// Open opens an index that Build wrote to path.
func Open(path string) (*Index, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	bi, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": "5s"})
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	var table []Article
	var meta Meta
	var synonyms [][]string
	if data, err := bi.GetInternal(keySynonyms); err == nil && data != nil {
		if err := json.Unmarshal(data, &synonyms); err != nil {
			bi.Close()
			return nil, fmt.Errorf("index: open %s: synonyms: %w", path, err)
		}
	}
	if err := getJSON(bi, keyArticles, &table); err != nil {
		bi.Close()
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	if err := getJSON(bi, keyMeta, &meta); err != nil {
		bi.Close()
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	if meta.Analysis != analysisVersion {
		bi.Close()
		return nil, fmt.Errorf("index: open %s: analysis version %d, want %d: %w", path, meta.Analysis, analysisVersion, ErrOldIndex)
	}
	ps, err := loadPassages(path, len(table))
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	idx, err := newIndex(bi, table, meta, synonyms, ps)
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	idx.path = path
	return idx, nil
}

// Close releases the index. Searches after Close fail with ErrClosed.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.bi == nil {
		return nil
	}
	x.reader.Close()
	err := x.bi.Close()
	x.bi = nil
	if perr := x.passages.close(); perr != nil && err == nil {
		err = perr
	}
	if err != nil {
		return fmt.Errorf("index: close %s: %w", describe(x.path), err)
	}
	return nil
}

// Meta describes the index: its version, when it was built, its scoring
// model and its size.
func (x *Index) Meta() Meta { return x.meta }

// Articles lists the indexed articles in corpus order.
func (x *Index) Articles() []Article {
	return append([]Article(nil), x.articles...)
}

// Article returns the indexed article with the given id.
func (x *Index) Article(id string) (Article, bool) {
	a, ok := x.byID[id]
	if !ok {
		return Article{}, false
	}
	return *a, true
}

// samplePassage returns the text of one stored passage.
func (x *Index) samplePassage(ctx context.Context) (string, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.bi == nil {
		return "", ErrClosed
	}
	if x.passages.len() == 0 {
		return "", errors.New("no passage stored")
	}
	_, text, err := x.passages.get(0)
	return text, err
}

// Count returns how many passages the index holds, read from Bleve.
func (x *Index) Count() (uint64, error) {
	n, err := x.docCount()
	if err != nil {
		return 0, err
	}
	return n - uint64(x.meta.SynonymDocs), nil
}

// docCount is Bleve's document count: passages and synonym definitions.
func (x *Index) docCount() (uint64, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.bi == nil {
		return 0, ErrClosed
	}
	n, err := x.bi.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index: count: %w", err)
	}
	return n, nil
}

// countWords counts the words of text as strings.Fields does, without
// making the slice.
func countWords(text string) int {
	n, in := 0, false
	for _, r := range text {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
