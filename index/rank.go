package index

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Ranking: Bleve finds the candidate passages (any way of finding any of
// the question's concepts, scored BM25), and the candidates are ranked
// again on what the question needs: how much of it a passage holds
// (coverage), its words close together (proximity), an answer of the kind
// asked for near them (who, how many, when), and the article most of the
// question is about.
const (
	// derivedWeight weighs a question's word found only as another word
	// with the same stem ("importer" for "import"): between a synonym
	// (0.5) and the word itself; 0.6 and 0.7 measure the same on the
	// evaluation questions (one more right first than 0.8 to 1).
	derivedWeight = 0.7
	// candidates is how many passages are ranked again.
	candidates = 40
	// largeCandidates is how many are ranked again on a large index,
	// whose retrieval scores them with the ranking's own BM25
	// (topByPostings): on 144 evaluation questions among 6,000 generated
	// passages, 40, 30 and 20 rank and answer the same, and a question
	// at 100k takes a quarter less time.
	largeCandidates = 20
	// BM25 parameters of the passage score.
	bm25K1 = 1.2
	bm25B  = 0.75
	// proximityWeight weighs two consecutive question concepts found close
	// together (within proximityWindow words), more the closer.
	proximityWeight = 0.5
	proximityWindow = 4
	// answerWeight weighs an answer of the asked kind near the question's
	// words, in average concept weights, times the share of the question
	// the passage holds (an answer near a stray word counts little).
	answerWeight = 0.6
	// articleWeight weighs the share of the question that the passage's
	// article holds (in any candidate passage or its title, more when
	// more of its passages hold it), in average concept weights. Over 463
	// evaluation questions against all six distractors, 0.8 puts 3 more
	// first and 4 more in the top three than 0.4 (0.4 with the share
	// graded, 1 more first; 1.2, 2 more first); over the three shared
	// distractors alone, all rank the same.
	articleWeight = 0.8
)

// candidate is a passage being ranked.
type candidate struct {
	hit     Hit
	num     int // the passage's number in the index, -1 when unknown
	toks    []token
	words   []word  // the passage's words as written; see words()
	found   []found // per concept
	cover   float64 // share of the question's weight found
	answer  float64 // closeness of an answer of the asked kind
	article float64 // share of the question's weight in the article
	// inArticle reports, per concept, whether the passage's article holds
	// it (in a candidate passage or its title).
	inArticle []bool
	score     float64
}

// rawWords returns the passage's words as written, tokenized once.
func (c *candidate) rawWords() []word {
	if c.words == nil {
		c.words = rawWords(c.hit.Text)
	}
	return c.words
}

// found is how a concept was found in a passage.
type found struct {
	weight    float64  // the alternative's weight; 0 when not found
	positions []int    // where it starts
	length    int      // how many positions it spans
	near      []int    // where it or any other way of saying it starts
	terms     []string // the terms of every way found
}

// has reports whether term is one of the terms of the ways found.
func (f found) has(term string) bool { return slices.Contains(f.terms, term) }

// adjoins reports whether position p is in or next to an occurrence of the
// way the concept was found.
func (f found) adjoins(p int) bool {
	for _, s := range f.positions {
		if p >= s-1 && p <= s+max(f.length, 1) {
			return true
		}
	}
	return false
}

// match finds each concept of the question in the candidate's tokens.
func (q *question) match(c *candidate) {
	// Only the terms the question looks for (its ways of saying each
	// concept and the longer names that block them): a map of every term
	// of every candidate was most of a search's allocations.
	want := q.wantedTerms()
	at := map[string][]int{}
	for _, t := range c.toks {
		if want[t.term] {
			at[t.term] = append(at[t.term], t.pos)
		}
	}
	c.found = make([]found, len(q.concepts))
	for i, con := range q.concepts {
		var near []int
		var terms []string
		for _, a := range con.alts {
			pos := occurrences(at, a.phrase)
			if len(a.blockers) > 0 {
				pos = slices.DeleteFunc(pos, func(p int) bool { return blocked(at, a.blockers, p) })
			}
			if a.caps && c.hit.Text != "" {
				pos = slices.DeleteFunc(pos, func(p int) bool { return !c.capsAt(p) })
			}
			if a.notCaps && c.hit.Text != "" {
				pos = slices.DeleteFunc(pos, c.capsAt)
			}
			if len(pos) == 0 {
				continue
			}
			near = append(near, pos...)
			if terms == nil {
				terms = slices.Clip(a.terms) // shared until another way adds to it
			} else {
				for _, t := range a.terms {
					if !slices.Contains(terms, t) {
						terms = append(terms, t)
					}
				}
			}
			if a.weight <= c.found[i].weight {
				continue
			}
			f := found{weight: a.weight, positions: pos, length: len(a.phrase)}
			if a.weight == 1 && len(a.phrase) == 1 && c.hit.Text != "" && !c.inflects(con.words, pos) {
				// "import" found only as "importer": the stemmer's
				// derivation, not the word the question used.
				f.weight = derivedWeight
				if f.weight <= c.found[i].weight {
					continue
				}
			}
			c.found[i] = f
		}
		if c.found[i].weight > 0 {
			c.found[i].near, c.found[i].terms = near, terms
		}
	}
}

// capsAt reports whether the passage writes the word at position p in
// capitals.
func (c *candidate) capsAt(p int) bool {
	ws := c.rawWords()
	i := wordAt(ws, p)
	return i >= 0 && isAcronym(ws[i].text)
}

// wantedTerms returns the terms match looks up: every term of every way
// of saying a concept, and of the names that block one. Found once per
// question.
func (q *question) wantedTerms() map[string]bool {
	if q.wanted != nil {
		return q.wanted
	}
	q.wanted = map[string]bool{}
	for _, con := range q.concepts {
		for _, a := range con.alts {
			for _, t := range a.phrase {
				q.wanted[t] = true
			}
			for _, b := range a.blockers {
				for _, t := range b.phrase {
					q.wanted[t] = true
				}
			}
		}
	}
	return q.wanted
}

// inflects reports whether the passage has, at one of the positions, the
// question's word or an inflection of it ("launch", "launches"), rather
// than a derived word that stems the same ("importer" for "import").
func (c *candidate) inflects(word string, positions []int) bool {
	want := inflectionBase(word)
	for _, w := range c.rawWords() {
		if slices.Contains(positions, w.pos) {
			got := inflectionBase(w.text)
			if got == want || (len(got)-len(want) <= 1 && len(want)-len(got) <= 1 &&
				(strings.HasPrefix(got, want) || strings.HasPrefix(want, got))) {
				return true
			}
		}
	}
	return false
}

// inflectionBase takes off a word's possessive and plural or verb ending,
// roughly: "allies" -> "ally", "launches" -> "launch", "vowed" -> "vow".
func inflectionBase(w string) string {
	w = strings.ToLower(trimPossessive(w))
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return w[:len(w)-3]
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// blocked reports whether a longer name of another concept stands over
// position p.
func blocked(at map[string][]int, bs []blocker, p int) bool {
	for _, b := range bs {
		if slices.Contains(occurrences(at, b.phrase), p-b.offset) {
			return true
		}
	}
	return false
}

// occurrences returns the positions where the phrase starts ("" matches
// any word, as a stop word's place).
func occurrences(at map[string][]int, phrase []string) []int {
	var out []int
	for _, p := range at[phrase[0]] {
		ok := true
		for k := 1; k < len(phrase) && ok; k++ {
			ok = phrase[k] == "" || slices.Contains(at[phrase[k]], p+k)
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}

// rank scores the candidates and sorts them, best first; equal scores keep
// reading order.
func (x *Index) rank(q *question, cands []*candidate) {
	total := 0.0
	for _, c := range q.concepts {
		total += c.weight
	}
	if total == 0 || len(cands) == 0 {
		return
	}
	avgWeight := total / float64(len(q.concepts))
	avgLen := x.meta.AvgTokens
	if avgLen <= 0 {
		avgLen = 30
	}
	// The share of the question each article holds, over its candidate
	// passages and its title, and how much of each concept its candidate
	// passages hold (the weights of the ways each was found, summed).
	type held struct {
		found []bool    // per concept: in a candidate passage or the title
		mass  []float64 // per concept: the weights it was found with, summed
	}
	articles := map[string]*held{}
	for _, c := range cands {
		q.match(c)
		x.resolvePronoun(q, c)
		x.resolveDefinite(q, c, 1)
		x.carryDefinite(q, c)
	}
	nameSense(q, cands)
	adjectiveSense(q, cands)
	for _, c := range cands {
		a := articles[c.hit.Article]
		if a == nil {
			a = &held{found: make([]bool, len(q.concepts)), mass: make([]float64, len(q.concepts))}
			title := x.titleTokens(c.hit.Article)
			tc := &candidate{toks: title}
			q.match(tc)
			for i, f := range tc.found {
				a.found[i] = f.weight > 0
			}
			articles[c.hit.Article] = a
		}
		for i, f := range c.found {
			a.found[i] = a.found[i] || f.weight > 0
			a.mass[i] += f.weight
		}
	}
	asked := q.askedNoun()
	score := func(c *candidate) {
		a := articles[c.hit.Article]
		c.inArticle = a.found
		if q.kind != kindNone {
			c.answer = answerCloseness(q, c)
		}
		lexical, covered := 0.0, 0.0
		length := float64(len(c.toks))
		for i, f := range c.found {
			fw := f.weight
			if fw == 0 && i == asked && c.answer == 1 && !mayHold(strings.ToLower(c.hit.Text), q.concepts[i].alts[0].terms) {
				// "which members could veto": the names that did it
				// stand for the noun asked, which the passage need not
				// say ("China and Russia both wield veto power"); one
				// that says it only inside a name ("The United Nations
				// praised") names no nation
				fw = synonymWeight
			}
			if fw == 0 {
				continue
			}
			w := q.concepts[i].weight
			// a concept read from the context alone (carryDefinite) stands
			// nowhere in the passage: it counts once
			tf := float64(max(len(f.positions), 1))
			lexical += w * fw * bm25Saturation(tf, length, avgLen)
			covered += w * fw
		}
		c.cover = covered / total
		prox := 0.0
		for i := 1; i < len(c.found); i++ {
			a, b := c.found[i-1], c.found[i]
			if a.weight == 0 || b.weight == 0 {
				continue
			}
			if d := minDistance(a.positions, b.positions); d <= proximityWindow {
				prox += min(q.concepts[i-1].weight, q.concepts[i].weight) * a.weight * b.weight / float64(max(d, 1))
			}
		}
		art := 0.0
		for i, ok := range a.found {
			if ok {
				// half for holding the concept at all, the rest the
				// more of its passages hold it: an article about the
				// question says its words again and again
				m := a.mass[i]
				art += q.concepts[i].weight * (0.5 + 0.5*m/(m+1))
			}
		}
		c.article = art / total
		c.score = lexical*(0.25+0.75*c.cover) + proximityWeight*prox +
			answerWeight*avgWeight*c.answer*c.cover + articleWeight*avgWeight*c.article
		c.hit.Score = c.score
	}
	for _, c := range cands {
		score(c)
	}
	slices.SortStableFunc(cands, byScore)
	// A person named by surname holds the title of the full mention a
	// few paragraphs before ("Price said": the State Department
	// spokesman), and "the council" the name written in full there.
	// Reading those paragraphs is the dearest reading of all, so only the
	// best candidates are read, and move among themselves.
	n := min(len(cands), titlesChecked)
	moved := false
	for _, c := range cands[:n] {
		if t, h := x.resolveTitle(q, c), x.resolveHeadNoun(q, c); t || h {
			score(c)
			moved = true
		}
	}
	if moved {
		slices.SortStableFunc(cands[:n], byScore)
	}
	// "Who vetoes", "which countries refused": the best candidates that
	// say who did it (the question's verb with its subject or agent) move
	// up; "who has a veto": those that say who holds what it asks about.
	// "How many members": likewise the best candidates with a number that
	// counts what the question counts.
	// "How far": likewise those with a quantity in a unit of distance.
	// "How long did the talks last": likewise those with a stretch of time.
	// "What would the rules cut imports to": likewise those with a "from
	// … to …" range.
	// "What did Kim say": likewise those a rule reads the answer off (the
	// object of the question's verb, what it vowed, the one list).
	units, end := asksMeasure(q.text), asksEndpoint(q.text)
	duration := q.kind == kindTime && asksDuration(q.text)
	// "how much": likewise those with an amount, when every word of the
	// question is one some passage holds ("how much is brent crude", in
	// articles that never name Brent, is not asked of the draft's crude)
	much := q.kind == kindNumber && asksHowMuch(q.text) && units == nil && end == "" &&
		!slices.ContainsFunc(q.concepts, func(con concept) bool { return con.df == 0 })
	if q.kind == kindEntity && q.doer != "" || q.kind == kindNumber && (asksHowMany(q.text) || units != nil || end != "" || much) || q.kind == kindThing || duration {
		n := min(len(cands), doersChecked)
		for _, c := range cands[:n] {
			if q.kind == kindEntity && (namesDoer(q, c) || having[q.doer] && newView(q, c).holderOf(q, c) != "") ||
				q.kind == kindNumber && (asksHowMany(q.text) && countsAsked(q, c) || units != nil && measured(c, units) || much && c.answer > 0 && quantity(extractAnswer(q, c))) ||
				q.kind == kindThing && c.answer == 1 ||
				duration && newView(q, c).duration() != "" ||
				end != "" && (q.kind == kindNumber || q.kind == kindThing) && newView(q, c).rangeEnd(end) != "" {
				c.score *= 1 + doerBonus
				c.hit.Score = c.score
			}
		}
		slices.SortStableFunc(cands[:n], byScore)
		// "How far": a passage with no quantity in a unit of distance
		// cannot answer, however many of the question's words it holds
		// ("a missile fired by Pyongyang flew over its northern islands"),
		// so the best that has one leads.
		if units != nil {
			if i := slices.IndexFunc(cands[:n], func(c *candidate) bool { return measured(c, units) }); i > 0 {
				c := cands[i]
				copy(cands[1:i+1], cands[:i])
				cands[0] = c
				c.score = cands[1].score * (1 + doerBonus)
				c.hit.Score = c.score
			}
		}
	}
	// The best passage, whose words the answer is read from, is read
	// further back for what "the draft resolution" stands for: the words
	// a paragraph up to titleReach before said of it (the paragraph
	// before was read for every candidate).
	if x.resolveDefinite(q, cands[0], titleReach) {
		score(cands[0])
	}
}

// askedNoun returns the concept of the noun a who question asks a name
// for ("members" in "which Security Council members could veto"), or -1.
func (q *question) askedNoun() int {
	if q.asked == 0 {
		q.asked = q.readAskedNoun() + 1
	}
	return q.asked - 1
}

// readAskedNoun is askedNoun, read afresh.
func (q *question) readAskedNoun() int {
	if q.kind != kindEntity || q.doer == "" && !asksObjectByNoun(q.text) {
		return -1 // without a verb, an answer near the words is no reading of who did it
	}
	// the word after "which" ("which countries grew"), or the head of
	// the noun phrase ("which Security Council members could")
	noun := wordAfterWhich(q.text)
	if !entityNouns[noun] {
		noun = asksWhichNoun(q.text)
	}
	if !entityNouns[noun] {
		return -1
	}
	return q.conceptOf(noun)
}

// quantity reports whether an answer says an amount of something, a number
// and what it counts ("1.3 million barrels", "two thirds"), not a bare
// number ("15") or a count of members ("15 members"), which "how much"
// does not ask.
func quantity(answer string) bool {
	last := strings.ToLower(lastWord(answer))
	return last != "" && !digits.MatchString(last) && !numberWords[last] && !entityNouns[last]
}

// nameSense weighs as a synonym a question's word typed in lower case
// where a name stands ("what did price call the launches": after an
// auxiliary, with no article) in the candidates that write it only in
// lower case ("a higher price than Moscow"), when another candidate
// writes it as a name ("Price said"): the same letters, another word.
// Any auxiliary counts here, "is" too ("who is price"), where typedAsName
// takes only those of a verb: it decides whether "what is cap on imports"
// asks a quantity, and a noun after "is" is as often a common one; here
// another passage must also write the word as a name, which "who is price"
// needs (with typedAsName's auxiliaries, Russia's "a higher price than
// Moscow" ranks first for it).
func nameSense(q *question, cands []*candidate) {
	w, orig := lowerWordsIn(q.text), wordsIn(q.text)
	for k, con := range q.concepts {
		i := slices.Index(w, strings.ToLower(con.words))
		if i < 1 || con.named {
			continue
		}
		if isLower(orig[i]) && !auxiliaries[w[i-1]] || !isLower(orig[i]) && !typedName(w, orig, i) {
			continue
		}
		// how each passage writes the word itself: as a name (with a
		// capital, past a sentence's start), or in lower case
		name, lower := make([]bool, len(cands)), make([]bool, len(cands))
		for ci, c := range cands {
			ws := c.rawWords()
			for j, x := range ws {
				if !strings.EqualFold(trimPossessive(x.text), con.words) {
					continue
				}
				if isLower(x.text) {
					lower[ci] = true
				} else if j > 0 && !strings.ContainsAny(c.hit.Text[ws[j-1].end:x.start], ".!?") {
					name[ci] = true
				}
			}
		}
		if !slices.Contains(name, true) {
			continue
		}
		for ci, c := range cands {
			if lower[ci] && !name[ci] && c.found[k].weight > 0 {
				c.found[k].weight *= synonymWeight
			}
		}
	}
}

// adjectiveSense weighs less a question's adjective that takes "to" after
// a copula ("is the US still open to dialogue") where a passage has it
// only as a verb: in its -ed or -ing form with no "to" after it ("South
// Korea and the United States opened talks"), another sense of the word.
func adjectiveSense(q *question, cands []*candidate) {
	w := lowerWordsIn(q.text)
	for k, con := range q.concepts {
		cw := lowerWordsIn(con.words)
		if len(cw) != 1 {
			continue
		}
		i := slices.Index(w, cw[0])
		if i < 1 || i+1 >= len(w) || w[i+1] != "to" || !copulas[w[i-1]] && !copulas[w[0]] {
			continue
		}
		for _, c := range cands {
			f := &c.found[k]
			if f.weight == 0 || len(f.positions) == 0 {
				continue
			}
			ws := c.rawWords()
			verbOnly := !slices.ContainsFunc(f.positions, func(p int) bool {
				j := wordAt(ws, p)
				if j < 0 {
					return true
				}
				x := strings.ToLower(ws[j].text)
				inflected := strings.HasSuffix(x, "ed") || strings.HasSuffix(x, "ing") // "opened", for "open" or "willing"
				return !inflected || j+1 < len(ws) && strings.EqualFold(ws[j+1].text, "to")
			})
			if verbOnly {
				f.weight = min(f.weight, synonymWeight) * synonymWeight
			}
		}
	}
}

// copulas put an adjective after them: "is the US open to", "still
// willing to".
var copulas = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "remain": true,
	"remains": true, "remained": true, "still": true,
}

// typedName reports whether the question's word i, written with a
// capital, is written so as a name: past the first word, with no article
// before it ("what did Price call the North": Price, not North), in a
// question that writes its other words in lower case (not "What Did Price
// Say", where every word has a capital).
func typedName(w, orig []string, i int) bool {
	if i < 1 || isLower(orig[i]) || isArticle(w[i-1]) {
		return false
	}
	for j, x := range orig[1:] {
		if j+1 != i && len(x) > 3 && isLower(x) {
			return true
		}
	}
	return false
}

// doersChecked is how many of the best candidates are read for the doer
// of the question's verb (or, for "how many", a number that counts what
// it asks), and doerBonus the share of their score they gain when it is
// there: measured on the 68 evaluation questions, any bonus from 0.2 to
// 0.8 ranks the same (one more question right first, no answer wrong), so
// it sits in the middle; the same bonus for counting numbers puts one
// more of the 76 probe questions in the top three.
const (
	doersChecked = 10
	doerBonus    = 0.3
)

// titlesChecked is how many of the best candidates are read for what
// earlier paragraphs say of their words: the titles of the people they
// name by surname (resolveTitle), the names "the council" stands for
// (resolveHeadNoun).
const titlesChecked = 20

// countsAsked reports whether the passage has a number that counts what a
// "how many" question counts ("all 15 Security Council members").
func countsAsked(q *question, c *candidate) bool {
	v := newView(q, c)
	counted := countedAt(q, c)
	for _, s := range candidateSpans(q, c) {
		if v.countsOwn(c.hit.Text[s.start:s.end], counted) {
			return true
		}
	}
	return false
}

// namesDoer reports whether the passage says who did what the question
// asks about: its verb, with a subject or agent that is a name.
func namesDoer(q *question, c *candidate) bool {
	found := false
	for k, con := range q.concepts {
		found = found || (c.found[k].weight > 0 && containsWord(con.words, q.doer))
	}
	if !found {
		return false
	}
	v := newView(q, c)
	for _, at := range v.verbAt(q, c) {
		if v.agentAfter(at[1]) != "" {
			return true
		}
		if v.subjectIsNames(at[0]) {
			return true
		}
	}
	return false
}

// byScore orders candidates best first; equal scores keep reading order.
func byScore(a, b *candidate) int {
	switch {
	case a.score > b.score:
		return -1
	case a.score < b.score:
		return 1
	}
	return compareIDs(a.hit, b.hit)
}

func compareIDs(a, b Hit) int {
	return cmp.Or(compareArticleIDs(a.Article, b.Article), cmp.Compare(a.Paragraph, b.Paragraph), cmp.Compare(a.Part, b.Part))
}

// compareArticleIDs orders article IDs as their passages' document IDs
// order them (docID: the ID, then "/"), without making those IDs: "a-b"
// sorts before "a", since "-" is before "/".
func compareArticleIDs(a, b string) int {
	n := min(len(a), len(b))
	if c := strings.Compare(a[:n], b[:n]); c != 0 || len(a) == len(b) {
		return c
	}
	if len(a) < len(b) {
		return cmp.Compare('/', b[n])
	}
	return cmp.Compare(a[n], '/')
}

// minDistance is the least distance between a position of a and one of b.
func minDistance(a, b []int) int {
	d := math.MaxInt
	for _, p := range a {
		for _, r := range b {
			d = min(d, abs(p-r))
		}
	}
	return d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
