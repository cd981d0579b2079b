package index

import (
	"cmp"
	"context"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Weights of the ways a question's word can be found in a passage.
const (
	// synonymWeight weighs a synonym or alias of the question's word, as
	// Bleve weighs its own synonym matches: half the word itself.
	synonymWeight = 0.5
	// correctedWeight weighs the index word that replaced a misspelt one.
	correctedWeight = 0.8
)

// filler are words of questions that carry no content: the English stop
// words are out already; these are the question's modal verbs, politeness,
// adverbs and prepositions, which would otherwise match passages for no
// reason.
var filler = map[string]bool{
	"many": true, "much": true, "can": true, "could": true, "would": true, "should": true,
	"will": true, "shall": true, "may": true, "might": true, "must": true, "tell": true,
	"know": true, "please": true, "exactly": true, "actually": true, "really": true,
	"kind": true, "sort": true, "anything": true, "something": true, "thing": true, "things": true,
	"else": true, // "who else has a veto": what it asks about is in its other words
	// adverbs of time and degree: "is the US still open", "who is the
	// current president" ask about now, which every passage is
	"still": true, "ever": true, "already": true, "currently": true, "current": true, "now": true,
	"just": true, "also": true, "even": true, "yet": true, "again": true,
	// a light verb, whose content is its object ("the danger posed by
	// the North", "what threat does it pose")
	"pose": true, "poses": true, "posed": true, "posing": true,
	// prepositions that Bleve's English stop words leave in
	"toward": true, "towards": true, "upon": true, "onto": true, "via": true, "among": true,
	"amongst": true, "regarding": true, "concerning": true, "per": true, "according": true,
}

// exclusion matches the words that set something aside: "besides",
// "apart from", "other than", "except (for)", "aside from".
var exclusion = regexp.MustCompile(`(?i)\b(besides|apart from|other than|except for|except|aside from)\s+`)

// excluded returns where, in the question, what it sets aside stands
// ("oil" in "what else besides oil would the resolution restrict"): the
// words after the marker, up to an auxiliary, a question word, a verb in
// -ed, a word in lower case after a name, or the end of the clause, at
// most four; the marker is left out too. Both are 0 for none.
func excluded(text string) (from, to int) {
	m := exclusion.FindStringIndex(text)
	if m == nil {
		return 0, 0
	}
	from, to = m[0], m[1]
	n, named := 0, false
	for _, w := range rawWords(text[m[1]:]) {
		if n == 4 || auxiliaries[w.lower] || questionWords[w.lower] || strings.ContainsAny(text[to:m[1]+w.start], ",.;:!?") ||
			n > 0 && (strings.HasSuffix(w.lower, "ed") || named && isLower(w.text)) {
			break // "apart from North Korea tested": a verb, past the name
		}
		named = named || !isLower(w.text)
		to, n = m[1]+w.end, n+1
	}
	if n == 0 {
		return 0, 0
	}
	return from, to
}

// noLonger matches text that ends in "no longer" or "any longer".
var noLonger = regexp.MustCompile(`(?i)\b(no|any) longer$`)

// nameOf is "the name of" a question asks for ("the official name of"
// is no frame: the passage says "official name").
var nameOf = regexp.MustCompile(`(?i)\bthe name of\b`)

// frameOf returns the words of a question's frame, which say what it
// asks and are no content: "stand for" in "what does X stand for", "long
// ago" in "how long ago", "name" in "the name of".
func frameOf(text string) map[string]bool {
	switch {
	case asksExpansion(text) != "":
		return map[string]bool{"stand": true, "stands": true, "short": true, "mean": true, "means": true, "full": true, "official": true, "name": true}
	case asksWord(text):
		// "what word did the US use for": the word asked for is in
		// quotation marks, not a passage that says "word" or "use"
		return map[string]bool{"word": true, "words": true, "term": true, "terms": true, "expression": true,
			"label": true, "phrase": true, "use": true, "used": true, "uses": true}
	case strings.HasPrefix(strings.ToLower(text), "how") && asksTerm(text):
		// "how did the US describe the launches": the word it chose, not
		// a passage that says "describe"
		return describing
	case asksDuration(text):
		// "how long did the talks last": a stretch of time, not the
		// words ("the longest distances", "last quarter")
		frame := map[string]bool{"long": true}
		for w := range durationVerbs {
			frame[w] = true
		}
		return frame
	case strings.Contains(strings.ToLower(text), "how long ago"):
		return map[string]bool{"long": true, "ago": true}
	case nameOf.MatchString(text):
		// "what is the name of the spokesman": the spokesman's name,
		// not a passage that says "name"
		return map[string]bool{"name": true}
	case measuredBy(text) != "":
		// "how far did the missile fly": a distance, not the word
		// ("so far")
		return map[string]bool{measuredBy(text): true}
	case asksRoleOf(text):
		// "what job does Ned Price hold": what he is, which the passage
		// says before his name, not the words
		frame := maps.Clone(roleWords)
		maps.Copy(frame, roleVerbs)
		return frame
	case asksWhenHappened(text):
		// "when did the coup happen": a time, which the passage gives
		// beside the coup, not the word
		return eventVerbs
	case askedTime(text) != "":
		// "what year was the test": a year, which the passage gives as
		// "2017", not the word
		return map[string]bool{askedTime(text): true}
	}
	return nil
}

// eventVerbs say that something happened, and no more.
var eventVerbs = map[string]bool{
	"happen": true, "happens": true, "happened": true, "occur": true, "occurs": true, "occurred": true,
	"take": true, "takes": true, "took": true, "place": true,
}

// asksWhenHappened reports whether a question asks when or where
// something happened, ending on a verb that says no more than that: "when
// did the coup happen", "where did the talks take place".
func asksWhenHappened(text string) bool {
	w := lowerWordsIn(text)
	if len(w) < 4 || w[0] != "when" && w[0] != "where" {
		return false
	}
	last := w[len(w)-1]
	if last == "place" {
		return w[len(w)-2] == "take" || w[len(w)-2] == "took"
	}
	return eventVerbs[last] && last != "take" && last != "takes" && last != "took"
}

// question is a question analysed for search: its concepts, each a word or
// a phrase of the question with the ways to find it, and what kind of
// answer it asks for.
type question struct {
	text     string
	concepts []concept
	kind     answerKind
	// corrections maps misspelt words of the question to index terms.
	corrections map[string]string
	// doer is the verb of a question about who did something, "" for
	// none (see doerVerb).
	doer string
	// wanted are the terms the question looks for (wantedTerms).
	wanted map[string]bool
	// excluded is what the question sets aside ("oil" in "what else
	// besides oil would the resolution restrict"), "" for none.
	excluded string
	// speech reports that the question's verb is speaking to someone
	// ("who was Price talking to"), not holding talks (see speechTo).
	speech bool
	// asked is askedNoun's concept plus one, 0 until askedNoun first
	// reads it: every view of every candidate asks for it.
	asked int
}

// concept is one thing the question names: a word, or a phrase that is a
// synonym entry, with its alternatives.
type concept struct {
	words  string  // as in the question
	alts   []alt   // ways to find it; the first is the question's own words
	weight float64 // inverse document frequency of the question's words
	df     uint64  // how many passages hold it
	// known reports that the synonym list knows it (a country, capital,
	// organisation…): a name the articles repeat rather than call "he".
	known bool
	// groups are the synonym groups that know it, and named reports that
	// one writes it as a name ("south korea" is "South Korea").
	groups []int
	named  bool
}

// alt is one way to find a concept: terms side by side, weighed.
type alt struct {
	terms  []string
	phrase []string // the terms at their positions, "" for a stop word
	weight float64
	// blockers are longer names that hold the phrase: where one stands,
	// the phrase is not this concept.
	blockers []blocker
	// caps reports an acronym written in capitals ("UN"): it is found
	// only where the passage writes it so, not in "Kim Jong Un"; notCaps
	// the other way round, a word of a name ("Un" of "Kim Jong Un") that
	// is found only where the passage does not write it as the acronym.
	caps, notCaps bool
}

// nameWordAt reports whether the question's token i is a word of a name
// written in title case after another capitalised word: "Un" of "Kim Jong
// Un".
func nameWordAt(text string, toks []token, i int) bool {
	w, prev := text[toks[i].start:toks[i].end], text[toks[i-1].start:toks[i-1].end]
	return len(w) >= 2 && !isLower(w) && !isAcronym(trimPossessive(w)) && !isLower(prev) &&
		strings.TrimSpace(text[toks[i-1].end:toks[i].start]) == ""
}

// isAcronym reports whether text is an acronym in capitals: two to six
// upper-case letters, dots allowed ("UN", "U.N.", "UNSC").
func isAcronym(text string) bool {
	n := 0
	for _, r := range text {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// terms returns every term the question looks for, for highlighting.
func (q *question) terms() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range q.concepts {
		for _, a := range c.alts {
			for _, t := range a.terms {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// analyse turns a question into concepts. It never parses query syntax:
// the text is analysed like the passages (markdown, punctuation and stop
// words go), so "+", "field:", "/re/" and "~" are plain text.
func (x *Index) analyse(ctx context.Context, r bleveindex.IndexReader, text string, fixTypos bool) *question {
	q := &question{text: text, kind: answerKindOf(text), doer: doerVerb(text), corrections: map[string]string{}}
	var toks []token
	frame := frameOf(text)
	exFrom, exTo := excluded(text)
	for _, t := range x.tokens(asAcronyms(markdownToSpace.Replace(text))) {
		w := strings.ToLower(text[t.start:t.end])
		if w == "longer" && noLonger.MatchString(text[:t.end]) {
			continue // "no longer", like "still", asks about now
		}
		if !filler[w] && !frame[w] {
			toks = append(toks, t)
		}
	}
	// "besides oil": not what the question asks about, unless it is all
	// the question names ("anything besides oil?")
	if kept := slices.DeleteFunc(slices.Clone(toks), func(t token) bool { return t.start >= exFrom && t.end <= exTo }); exTo > exFrom && len(kept) > 0 {
		toks, q.excluded = kept, text[exFrom:exTo]
	}
	terms := termsOf(toks)
	n := float64(max(x.meta.Passages, 1))
	for i := 0; i < len(toks) && len(q.concepts) < MaxTerms; {
		size, groups := x.lex.match(terms[i:])
		inName := size == 1 && i > 0 && nameWordAt(text, toks, i) && x.lex.onlyAcronyms(groups, terms[i])
		if inName {
			// "Kim Jong Un's country": Un, not the UN
			size, groups = 0, nil
		}
		own := entry{terms: terms[i : i+max(size, 1)]}
		own.phrase = own.terms
		if size > 1 {
			own.phrase = phraseOf(toks[i : i+size])
		}
		if n, e, gs := x.lex.matchSynonymous(terms[i:]); n > max(size, 1) {
			// "state dept": the entry it abbreviates, as its own words
			size, groups, own = n, gs, e
		}
		c := concept{words: text[toks[i].start:toks[i+max(size, 1)-1].end], known: len(groups) > 0, groups: groups, named: x.namedGroups(groups)}
		c.alts = append(c.alts, alt{terms: own.terms, phrase: own.phrase, weight: 1, caps: size <= 1 && isAcronym(c.words), notCaps: inName})
		c.alts[0].blockers = x.lex.blockers(own.phrase, groups)
		seen := map[string]bool{own.key(): true}
		if size <= 1 && speechTo(text, toks[i]) && !slices.ContainsFunc(q.concepts, func(c concept) bool { return c.named }) {
			q.speech = true
			// "who was Price talking to": the speech sense, which a
			// report writes "he told reporters"; a country or body
			// talking to another holds talks ("who is the US talking
			// to")
			groups = nil
			for _, d := range []string{"tell", "told"} {
				if !seen[d] {
					seen[d] = true
					c.alts = append(c.alts, alt{terms: []string{d}, phrase: []string{d}, weight: derivedWeight})
				}
			}
		}
		c.alts = x.synonymAlts(c.alts, groups, seen)
		df := x.docFreq(ctx, r, own.terms)
		if size <= 1 {
			for _, d := range agentForms(own.terms[0]) {
				if seen[d] {
					continue
				}
				if x.docFreq(ctx, r, []string{d}) > 0 {
					seen[d] = true
					c.alts = append(c.alts, alt{terms: []string{d}, phrase: []string{d}, weight: synonymWeight})
				}
				if len(groups) > 0 {
					continue
				}
				// "holders": "hold", and its synonyms ("wield veto
				// power"), when the word itself has none
				if n, dg := x.lex.match([]string{d}); n == 1 {
					c.alts = x.synonymAlts(c.alts, dg, seen)
				}
			}
		}
		if df == 0 && len(c.alts) == 1 && size <= 1 && fixTypos && !isEnglish(c.words) {
			if fixed, fdf := x.correct(r, own.terms[0], len([]rune(c.words))); fixed != "" {
				q.corrections[c.words] = fixed
				c.alts[0] = alt{terms: []string{fixed}, phrase: []string{fixed}, weight: correctedWeight}
				df = fdf
			}
		}
		if df == 0 {
			for _, a := range c.alts[1:] {
				df = max(df, x.docFreq(ctx, r, a.terms))
			}
		}
		c.weight = math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
		c.df = df
		q.concepts = append(q.concepts, c)
		i += max(size, 1)
	}
	return q
}

// synonymAlts appends to alts a way to find each entry of the synonym
// groups that seen does not hold yet, weighed as a synonym, with the
// longer names of other groups that block it; it marks them seen.
func (x *Index) synonymAlts(alts []alt, groups []int, seen map[string]bool) []alt {
	for _, g := range groups {
		for _, e := range x.lex.groups[g] {
			if !seen[e.key()] {
				seen[e.key()] = true
				alts = append(alts, alt{terms: e.terms, phrase: e.phrase, weight: synonymWeight, caps: isAcronym(e.text),
					blockers: x.lex.blockers(e.phrase, groups)})
			}
		}
	}
	return alts
}

// termsOf returns the tokens' terms.
func termsOf(toks []token) []string {
	terms := make([]string, len(toks))
	for i, t := range toks {
		terms[i] = t.term
	}
	return terms
}

// pronounAcronym is a pronoun typed in lower case that a question means as
// an acronym: "is the us open to talks" asks about the US (a question has
// no use for "us" the pronoun as a search word).
var pronounAcronym = regexp.MustCompile(`\b[Uu][Ss]\b`)

// asAcronyms writes such words in capitals, the same length.
func asAcronyms(text string) string {
	return pronounAcronym.ReplaceAllStringFunc(text, strings.ToUpper)
}

// agentForms returns the forms of a stemmed term that Porter's stemmer
// leaves apart as the doer and the deed: "lead" and "leader", "rule" and
// "ruler", "buy" and "buyer" (longer stems lose "-er" to the stemmer
// already: "producer" and "produce" are one term).
//
// It also gives the verb in "-en" of an adjective or noun and back, which
// the stemmer leaves apart too: "threaten" and "threat", "tighten" and
// "tight", "strengthen" and "strength".
func agentForms(term string) []string {
	var out []string
	switch {
	case strings.HasSuffix(term, "er") && len(term) > 4:
		out = []string{term[:len(term)-2], term[:len(term)-1]}
	case strings.HasSuffix(term, "e"):
		out = []string{term + "r"}
	case len(term) >= 3:
		out = []string{term + "er"}
	}
	switch {
	case strings.HasSuffix(term, "en") && len(term) > 5:
		out = append(out, term[:len(term)-2])
	case len(term) >= 4 && !strings.HasSuffix(term, "e"):
		out = append(out, term+"en")
	}
	return out
}

// phraseOf writes tokens as a phrase: terms at their positions, "" where
// a stop word stood between them.
func phraseOf(toks []token) []string {
	var out []string
	for i, t := range toks {
		if i > 0 {
			for gap := toks[i-1].pos + 1; gap < t.pos; gap++ {
				out = append(out, "")
			}
		}
		out = append(out, t.term)
	}
	return out
}

// docFreq is how many passages hold all the terms (the rarest one's count).
func (x *Index) docFreq(ctx context.Context, r bleveindex.IndexReader, terms []string) uint64 {
	var df uint64 = math.MaxUint64
	for _, t := range terms {
		n, ok := x.termCount(ctx, r, t)
		if !ok {
			return 0
		}
		df = min(df, n)
	}
	if df == math.MaxUint64 {
		return 0
	}
	return df
}

// dfCacheLimit bounds the terms whose counts an index remembers.
const dfCacheLimit = 1 << 16

// termCount is how many passages hold the term. The index never changes,
// so the counts read through its own reader are remembered: opening a
// term reader (a dictionary and an FST reader per segment) was 7 % of a
// search's CPU and a tenth of what it allocated, for words that questions
// and their synonyms repeat.
func (x *Index) termCount(ctx context.Context, r bleveindex.IndexReader, term string) (uint64, bool) {
	cached := r == x.reader
	if cached {
		x.dfMu.RLock()
		n, ok := x.dfs[term]
		x.dfMu.RUnlock()
		if ok {
			return n, true
		}
	}
	tfr, err := r.TermFieldReader(ctx, []byte(term), fieldText, false, false, false)
	if err != nil {
		return 0, false
	}
	n := tfr.Count()
	tfr.Close()
	if cached {
		x.dfMu.Lock()
		if x.dfs == nil {
			x.dfs = map[string]uint64{}
		}
		if len(x.dfs) < dfCacheLimit {
			x.dfs[term] = n
		}
		x.dfMu.Unlock()
	}
	return n, true
}

// correct finds the index term nearest to a term the index does not hold,
// for a word of the given length as typed: within one edit for words of
// five to seven letters, two for longer ones, none for shorter ones, with
// the same first two letters (which keeps the search fast: typos rarely
// start a word); the most frequent of the nearest wins. It returns "" when
// there is none.
func (x *Index) correct(r bleveindex.IndexReader, term string, letters int) (string, uint64) {
	fuzziness := 0
	switch {
	case letters >= 8:
		fuzziness = 2
	case letters >= 5:
		fuzziness = 1
	}
	fr, ok := r.(bleveindex.IndexReaderFuzzy)
	if fuzziness == 0 || !ok {
		return "", 0
	}
	prefix := string([]rune(term)[:min(2, len([]rune(term)))])
	dict, auto, err := fr.FieldDictFuzzyAutomaton(fieldText, term, fuzziness, prefix)
	if err != nil {
		return "", 0
	}
	defer dict.Close()
	best, bestDist, bestCount := "", uint8(255), uint64(0)
	for {
		e, err := dict.Next()
		if err != nil || e == nil {
			break
		}
		_, dist := auto.MatchAndDistance(e.Term)
		if dist < bestDist || (dist == bestDist && e.Count > bestCount) {
			best, bestDist, bestCount = e.Term, dist, e.Count
		}
	}
	return best, bestCount
}

// searcherBudget caps the term searchers one question opens in Bleve (each
// word, each word of a phrase, each one-word synonym Bleve adds), so that
// a long question full of words with many synonyms stays fast; the
// question's own words come first, then alternatives by concept weight.
const searcherBudget = 192

// Common words: from commonFrom passages on, a word held by more than one
// passage in commonShare is common.
const (
	commonFrom  = 5000
	commonShare = 20
)

// common reports whether a term held by df passages is common.
func (x *Index) common(df uint64) bool {
	n := uint64(x.meta.Passages)
	return n >= commonFrom && df > n/commonShare
}

// hasRare reports whether a passage holds a concept of the question that
// is not common.
func (x *Index) hasRare(q *question) bool {
	for _, c := range q.concepts {
		if c.df > 0 && !x.common(c.df) {
			return true
		}
	}
	return false
}

// phraseQuery finds the passages that hold an alternative of several
// words, as the passages that hold all of its words: the index keeps no
// positions (no term vectors, which cost a third of the build and a sixth
// of the disk), and the ranking checks that the words stand side by side
// in its own tokens of each candidate (occurrences). Each word is scored
// with the alternative's boost, as Bleve's phrase searcher scores a
// phrase's words, so a passage holding the phrase scores as it did with a
// phrase query. A conjunction is also what Bleve 2.6.3 needs when a word
// of the phrase has synonyms ("International Atomic Energy Agency", where
// "atomic" is a synonym of "nuclear"): its phrase searcher expands the
// word and then matches no position. Such a conjunction has always been
// retrieved with its words unboosted, and still is (the conjunction's own
// boost is ignored by Bleve), so that its candidates stay as they were.
func (x *Index) phraseQuery(a alt, boost float64) query.Query {
	unboosted := false
	for _, t := range a.terms {
		if x.lex.oneWordSynonyms(t) > 0 {
			unboosted = true
			break
		}
	}
	qs := make([]query.Query, len(a.terms))
	for i, t := range a.terms {
		tq := query.NewTermQuery(t)
		tq.SetField(fieldText)
		if !unboosted {
			tq.SetBoost(boost)
		}
		qs[i] = tq
	}
	return query.NewConjunctionQuery(qs)
}

// retrievalSynonyms returns the one-word synonyms Bleve is to expand the
// retrieval's words with, for the search request's synonym pre-search data,
// or nil to let Bleve look them up itself. On a large index, when the
// question has a word that is not common, a common synonym (in more than
// one passage in commonShare) is left to the ranking, which matches the
// concept's synonyms itself: "open" brings "will" (from "willing"), held
// by a fifth of the passages, and scoring every one of them was most of
// the time of such a question, for candidates that hold the question's
// word at half its weight at best. The synonyms are those Bleve would
// find (query.ExtractSynonyms, in its order), less the common ones.
func (x *Index) retrievalSynonyms(ctx context.Context, q *question, bq query.Query) search.FieldTermSynonymMap {
	if x.meta.Passages < commonFrom {
		return nil
	}
	sm, ok := x.bi.Mapping().(mapping.SynonymMapping)
	tr, ok2 := x.reader.(bleveindex.ThesaurusReader)
	if !x.hasRare(q) || !ok || !ok2 {
		return nil
	}
	fts, err := query.ExtractSynonyms(ctx, sm, tr, bq, nil)
	if err != nil || fts == nil {
		return nil
	}
	for _, terms := range fts {
		for t, syns := range terms {
			kept := syns[:0:0]
			for _, s := range syns {
				if !x.common(x.docFreq(ctx, x.reader, []string{s})) {
					kept = append(kept, s)
				}
			}
			if len(kept) == 0 {
				delete(terms, t)
			} else {
				terms[t] = kept
			}
		}
	}
	return fts
}

// retrieval is the Bleve query that finds the candidate passages: any way
// of finding any concept. Ranking is done afterwards, on the candidates.
// One-word alternatives of a one-word concept that share a synonym group
// with it are left to Bleve's synonym expansion of the word itself.
func (x *Index) retrieval(q *question, article string) query.Query {
	type part struct {
		q    query.Query
		cost int
		rank float64
	}
	kept, _ := x.retrievedConcepts(q)
	var parts []part
	for _, i := range kept {
		c := q.concepts[i]
		single := len(c.alts[0].terms) == 1
		for k, a := range c.alts {
			if len(a.terms) == 1 {
				if single && k > 0 && x.lex.shareGroup(c.alts[0].terms[0], a.terms[0]) {
					continue // Bleve expands the word's one-word synonyms
				}
				tq := query.NewTermQuery(a.terms[0])
				tq.SetField(fieldText)
				tq.SetBoost(c.weight * a.weight)
				parts = append(parts, part{tq, 1 + x.lex.oneWordSynonyms(a.terms[0]), c.weight * a.weight})
				continue
			}
			pq := x.phraseQuery(a, c.weight*a.weight)
			parts = append(parts, part{pq, len(a.terms), c.weight * a.weight})
		}
	}
	// Own words first (weight 1 sorts above alternatives of equal concept weight).
	slices.SortStableFunc(parts, func(a, b part) int {
		switch {
		case a.rank > b.rank:
			return -1
		case a.rank < b.rank:
			return 1
		}
		return 0
	})
	var qs []query.Query
	budget := searcherBudget
	for _, p := range parts {
		if p.cost > budget {
			continue
		}
		budget -= p.cost
		qs = append(qs, p.q)
	}
	if len(qs) == 0 {
		return nil
	}
	var bq query.Query = query.NewDisjunctionQuery(qs)
	if article != "" {
		aq := query.NewTermQuery(article)
		aq.SetField(fieldArticle)
		aq.SetBoost(0)
		bq = query.NewConjunctionQuery([]query.Query{bq, aq})
	}
	return bq
}

// retrievedConcepts returns, in the question's order, the concepts the
// retrieval looks for, and whether the question has a concept that is not
// common.
func (x *Index) retrievedConcepts(q *question) (kept []int, rare bool) {
	// On a large index, words in more than one passage in commonShare are
	// left to the ranking when the question has rarer ones: fetching every
	// passage with "said" or "government" only to rank it low is most of
	// the cost of such a question.
	rare = x.hasRare(q)
	// Also on a large index, the commonest concepts whose weights add up
	// to less than the rarest concept's are left to the ranking: a passage
	// holding only those would hold less of the question than one holding
	// the rarest, so they cannot bring a better candidate; they only cost
	// the scoring of every passage holding them.
	unneeded := map[int]bool{}
	if x.meta.Passages >= commonFrom {
		order := make([]int, 0, len(q.concepts))
		for i, c := range q.concepts {
			if c.df > 0 {
				order = append(order, i)
			}
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(q.concepts[a].df, q.concepts[b].df) })
		if len(order) > 1 {
			top, sum := q.concepts[order[0]].weight, 0.0
			for k := len(order) - 1; k > 0; k-- {
				sum += q.concepts[order[k]].weight
				if sum >= top {
					break
				}
				unneeded[order[k]] = true
			}
		}
	}
	for i, c := range q.concepts {
		if (rare && x.common(c.df)) || unneeded[i] {
			continue
		}
		kept = append(kept, i)
	}
	return kept, rare
}

// speechVerbs are the forms of the verbs of speaking to someone.
var speechVerbs = map[string]bool{
	"talk": true, "talks": true, "talked": true, "talking": true,
	"speak": true, "speaks": true, "spoke": true, "spoken": true, "speaking": true,
}

// speechTo reports whether the question's token is a verb of speaking
// followed by "to" ("who was Price talking to", "who did he speak to"):
// someone spoken to, whom a report names as the object of "told".
func speechTo(text string, t token) bool {
	if !speechVerbs[strings.ToLower(text[t.start:t.end])] {
		return false
	}
	rest := strings.Fields(strings.ToLower(text[t.end:]))
	return len(rest) > 0 && strings.Trim(rest[0], "?!.,") == "to"
}
