package index

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits on what a search takes.
const (
	// MaxQueryLen is the most characters of a question that are searched;
	// the rest is ignored.
	MaxQueryLen = 300
	// MaxTerms is the most distinct terms of a question that are searched.
	MaxTerms = 32
	// DefaultLimit is how many hits a search returns when Query.Limit is 0.
	DefaultLimit = 5
	// MaxLimit is the most hits one search returns.
	MaxLimit = 50
	// MaxOffset is the deepest a search pages.
	MaxOffset = 1000
)

// Boosts of the parts of a question's query, relative to one content word.
const (
	// pairBoost weighs two question words found side by side in a passage,
	// so phrase and proximity matches rank above scattered words.
	pairBoost = 1.0
	// maxGap is the most words that may stand between two question words
	// for them to count as close.
	maxGap = 2
)

// Query is one search.
type Query struct {
	// Text is the user's question, as typed. It is analysed as plain words,
	// never parsed as query syntax.
	Text string
	// Article, when set, limits the search to the article with this id.
	Article string
	// Limit is how many hits to return: DefaultLimit when 0, at most MaxLimit.
	Limit int
	// Offset skips that many hits, for paging.
	Offset int
}

// Result is the answer to a Query.
type Result struct {
	// Query is the text searched, after capping to MaxQueryLen.
	Query string
	// Terms are the analysed terms that were searched for.
	Terms []string
	// Total is how many passages matched.
	Total uint64
	// Took is how long the search took, highlighting included.
	Took time.Duration
	// Hits are the passages returned, best first.
	Hits []Hit
}

// Hit is one passage that matched, with what a citation needs.
type Hit struct {
	// Rank is the 1-based position of the hit in the whole result list.
	Rank int
	// Article is the id of the passage's article.
	Article string
	// Title is the article's title.
	Title string
	// URL links to the article, when known.
	URL string
	// Published is the article's date; zero when unknown.
	Published time.Time
	// Paragraph is the 1-based paragraph number in the article.
	Paragraph int
	// Part is the 1-based part of a paragraph split for length.
	Part int
	// Score is the relevance score; higher is better.
	Score float64
	// Text is the whole passage as plain text.
	Text string
	// Matches are the byte ranges of Text that matched the question.
	Matches []Span
	// Excerpt is Text as Discord markdown with the matches in bold and
	// every other markdown character escaped.
	Excerpt string
}

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// CapQuery shortens text to at most MaxQueryLen characters, cutting at a
// word boundary where there is one.
func CapQuery(text string) string {
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) <= MaxQueryLen {
		return text
	}
	cut := 0
	for i := range text {
		if utf8.RuneCountInString(text[:i]) > MaxQueryLen {
			break
		}
		cut = i
	}
	if sp := strings.LastIndexAny(text[:cut], " \t\n"); sp > 0 {
		cut = sp
	}
	return strings.TrimSpace(text[:cut])
}

// token is one analysed word of a text.
type token struct {
	term       string
	start, end int
	pos        int
}

func (x *Index) tokens(text string) []token {
	ts := x.analyze(text)
	out := make([]token, 0, len(ts))
	for _, t := range ts {
		out = append(out, token{term: string(t.Term), start: t.Start, end: t.End, pos: t.Position})
	}
	return out
}

// markdownToSpace turns the markdown a user may paste into a question into
// spaces, so "_power_" or "**veto**" search for the word.
var markdownToSpace = strings.NewReplacer("_", " ", "*", " ", "~", " ", "`", " ", "|", " ")

// plan is the Bleve query for a question, with the terms it searches.
type plan struct {
	terms []string
	q     query.Query
}

// plan turns a question into a Bleve query. The question is analysed like
// the passages (lower case, stop words out, stems), and never parsed as
// query syntax: each term is a term query, so "+", "field:", "/re/" and "~"
// are plain text that the analyser drops or keeps as words.
func (x *Index) plan(text, article string) plan {
	toks := x.tokens(markdownToSpace.Replace(text))
	var terms []string
	seen := map[string]bool{}
	for _, t := range toks {
		if !seen[t.term] && len(terms) < MaxTerms {
			seen[t.term] = true
			terms = append(terms, t.term)
		}
	}
	if len(terms) == 0 {
		return plan{}
	}
	// Every content word counts, and the more of them a passage holds the
	// better: the disjunction's coordination factor scales its score by the
	// share of the question's words it matched.
	var words []query.Query
	for _, term := range terms {
		tq := query.NewTermQuery(term)
		tq.SetField(fieldText)
		words = append(words, tq)
	}
	// Consecutive content words of the question that stand close together
	// in a passage add a bonus on top, outside the coordination: the full
	// pairBoost when side by side, less the further apart (up to maxGap
	// words between), so phrase and proximity matches rank above scattered
	// words without outweighing a passage that holds more of the question.
	var pairs []query.Query
	seenPair := map[[2]string]bool{}
	for i := 1; i < len(toks) && len(pairs) < MaxTerms; i++ {
		a, b := toks[i-1].term, toks[i].term
		key := [2]string{a, b}
		if a == b || seenPair[key] {
			continue
		}
		seenPair[key] = true
		for gap := 0; gap <= maxGap; gap++ {
			phrase := append(append([]string{a}, make([]string, gap)...), b)
			pq := query.NewPhraseQuery(phrase, fieldText)
			pq.SetBoost(pairBoost / float64(gap+1))
			pairs = append(pairs, pq)
		}
	}
	var q query.Query = query.NewDisjunctionQuery(words)
	if len(pairs) > 0 {
		q = query.NewBooleanQuery([]query.Query{q}, pairs, nil)
	}
	if article != "" {
		aq := query.NewTermQuery(article)
		aq.SetField(fieldArticle)
		aq.SetBoost(0) // a filter: adds nothing to the score
		q = query.NewConjunctionQuery([]query.Query{q, aq})
	}
	return plan{terms: terms, q: q}
}

// Search runs a question against the index and returns the matching
// passages, best first; equal scores keep reading order. A question with no
// searchable word (only stop words or punctuation) matches nothing.
func (x *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	text := CapQuery(q.Text)
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := min(max(q.Offset, 0), MaxOffset)

	res := &Result{Query: text}
	p := x.plan(text, q.Article)
	res.Terms = p.terms
	if p.q == nil {
		res.Took = time.Since(start)
		return res, nil
	}

	req := bleve.NewSearchRequestOptions(p.q, limit, offset, false)
	req.Fields = []string{fieldText, fieldArticle, fieldParagraph, fieldPart}
	req.SortBy([]string{"-_score", "_id"})

	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.bi == nil {
		return nil, ErrClosed
	}
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, 4*MaxTerms+4)
	sr, err := x.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: search %q: %w", text, err)
	}
	res.Total = sr.Total
	want := make(map[string]bool, len(p.terms))
	for _, t := range p.terms {
		want[t] = true
	}
	for i, h := range sr.Hits {
		hit := Hit{Rank: offset + i + 1, Score: h.Score}
		hit.Text, _ = h.Fields[fieldText].(string)
		hit.Article, _ = h.Fields[fieldArticle].(string)
		if f, ok := h.Fields[fieldParagraph].(float64); ok {
			hit.Paragraph = int(f)
		}
		if f, ok := h.Fields[fieldPart].(float64); ok {
			hit.Part = int(f)
		}
		if a, ok := x.byID[hit.Article]; ok {
			hit.Title, hit.URL, hit.Published = a.Title, a.URL, a.Published
		}
		hit.Matches = x.highlight(hit.Text, want)
		hit.Excerpt = Markdown(hit.Text, hit.Matches)
		res.Hits = append(res.Hits, hit)
	}
	res.Took = time.Since(start)
	return res, nil
}

// highlight finds the words of text whose analysed terms are wanted, merging
// matches separated only by spaces into one span. It analyses only the
// passages shown, so highlighting costs nothing per unshown hit.
func (x *Index) highlight(text string, want map[string]bool) []Span {
	var spans []Span
	for _, t := range x.tokens(text) {
		if !want[t.term] {
			continue
		}
		if n := len(spans); n > 0 && strings.TrimSpace(text[spans[n-1].End:t.start]) == "" {
			spans[n-1].End = t.end
			continue
		}
		spans = append(spans, Span{t.start, t.end})
	}
	return spans
}

// markdownSpecial are the characters Discord markdown gives a meaning to
// anywhere in a line.
const markdownSpecial = "\\*_~`|<>[]()#"

// Escape escapes text so that Discord shows it as it is: every character
// markdown would act on gets a backslash, and so does a list marker at the
// start.
func Escape(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	for i, r := range text {
		if strings.ContainsRune(markdownSpecial, r) || (i == 0 && (r == '-' || r == '+')) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Markdown renders text as Discord markdown with the spans in bold and
// everything else escaped. Spans must be sorted and not overlap.
func Markdown(text string, spans []Span) string {
	var b strings.Builder
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End > len(text) || s.Start >= s.End {
			continue
		}
		b.WriteString(Escape(text[last:s.Start]))
		b.WriteString("**")
		b.WriteString(Escape(text[s.Start:s.End]))
		b.WriteString("**")
		last = s.End
	}
	b.WriteString(Escape(text[last:]))
	return b.String()
}
