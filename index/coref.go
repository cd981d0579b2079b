package index

import (
	"iter"
	"slices"
	"strings"
)

// corefWeight weighs a question's name found only as the pronoun that
// stands for it ("he told reporters" after a paragraph where Ned Price
// spoke): a reading of the text, not its words, so weighed as a synonym.
const corefWeight = synonymWeight

// resolvePronoun finds, in a passage whose speaker is a pronoun ("…," he
// told reporters), the question's names that the pronoun stands for: the
// speaker of the paragraph before, in the same article. A passage that
// names a speaker of its own is left as it is.
func (x *Index) resolvePronoun(q *question, c *candidate) {
	if !c.lacksConcept() || c.num <= 0 {
		return
	}
	// A cheap look first: most passages have no "he said".
	at := pronounSaid(c.rawWords(), c.hit.Text)
	if at < 0 {
		return
	}
	v := newView(q, c)
	for i := 1; i+1 < len(v.ws); i++ {
		if reporting[v.ws[i].lower] {
			if _, _, names := v.subjectAt(i); names {
				return // "Price said": the passage names its speaker
			}
		}
	}
	prev, ok := x.previous(c)
	speaker := x.speaker(prev)
	if !ok || speaker == "" {
		return
	}
	// the speaker's words, and the title before them ("State Department
	// spokesman Ned Price" holds the US), in the ways the question has
	// of saying them
	x.foundInWords(q, c, termsAt(x.tokens(speaker)), v.ws[at].pos)
	if title, ok := x.titlesOf(c.num-1, prev)[lastWord(speaker)]; ok {
		x.foundInWords(q, c, title, v.ws[at].pos)
	}
}

// pronounSaid returns the index of the last "he" or "she" in a passage's
// words (ws, of text) that a verb of saying follows ("he told
// reporters"), or -1.
func pronounSaid(ws []word, text string) int {
	at := -1
	for i := 0; i+1 < len(ws); i++ {
		if (ws[i].lower == "he" || ws[i].lower == "she") && text[ws[i].end:ws[i+1].start] == " " && reporting[ws[i+1].lower] {
			at = i
		}
	}
	return at
}

// termsAt maps each token's term to where it stands.
func termsAt(toks []token) map[string][]int {
	at := map[string][]int{}
	for _, t := range toks {
		at[t.term] = append(at[t.term], t.pos)
	}
	return at
}

// pronounSpeaker returns who the pronoun before the question's verb of
// saying stands for ("he told reporters"): the speaker of the paragraph
// before, in the same article; "" when there is none.
func (x *Index) pronounSpeaker(q *question, c *candidate) string {
	if c.num <= 0 {
		return ""
	}
	v := newView(q, c)
	said := false
	least := 1.0
	if q.speech {
		least = derivedWeight // "who spoke to the press": "he told reporters"
	}
	for _, at := range v.conceptAt(q, c, q.doer, least) {
		k := at[0] - 1
		said = said || (k >= 0 && v.gap(k) == " " && (v.ws[k].lower == "he" || v.ws[k].lower == "she"))
	}
	if plainSaying[q.doer] {
		// "who said the US has an obligation": whoever "…," he told
		// reporters stands for said it, by any verb of saying
		said = said || pronounSaid(v.ws, v.text) >= 0
	}
	if !said {
		return ""
	}
	return x.previousSpeaker(c)
}

// plainSaying are the verbs that ask only who said something, in whatever
// words a report says it.
var plainSaying = map[string]bool{"say": true, "says": true, "said": true}

// previousSpeaker returns the speaker of the paragraph before the
// passage's in the same article, "" when there is none.
func (x *Index) previousSpeaker(c *candidate) string {
	prev, ok := x.previous(c)
	if !ok {
		return ""
	}
	return x.speaker(prev)
}

// previous returns the text of the paragraph before the passage's, when
// it is in the same article.
func (x *Index) previous(c *candidate) (string, bool) {
	for _, text := range x.earlier(c, 1) {
		return text, true
	}
	return "", false
}

// earlier yields the paragraphs before the passage's in its article,
// nearest first, up to reach of them: their passage numbers and texts.
func (x *Index) earlier(c *candidate, reach int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for num := c.num - 1; num >= 0 && c.num-num <= reach; num-- {
			ref, text, err := x.passages.get(num)
			if err != nil || x.articles[ref.article].ID != c.hit.Article || !yield(num, text) {
				return
			}
		}
	}
}

// speaker returns the last name that says something in a passage: the
// subject of its last verb of saying ("State Department spokesman Ned
// Price said"), or "".
func (x *Index) speaker(text string) string {
	c := &candidate{hit: Hit{Text: text}}
	v := newView(&question{}, c)
	who := ""
	for i := 1; i < len(v.ws); i++ {
		if !reporting[v.ws[i].lower] {
			continue
		}
		if s, _, names := v.subjectAt(i); names {
			who = s
		}
	}
	return who
}

// namedGroups reports whether one of the synonym groups is of a name: an
// entry written with a capital ("South Korea", "North Korean").
func (x *Index) namedGroups(groups []int) bool {
	for _, g := range groups {
		for _, e := range x.lex.groups[g] {
			if isName(e.text) {
				return true
			}
		}
	}
	return false
}

// otherNameOnRole reports whether the passage gives the question's role
// to another name than the one the question asks about: "North Korean
// leader Kim Jong Un" for "who is the leader of south korea", where the
// passage does not name South Korea.
func (x *Index) otherNameOnRole(q *question, c *candidate) bool {
	missing := map[int]bool{}
	for k, con := range q.concepts {
		if c.found[k].weight == 0 && con.named {
			for _, g := range con.groups {
				missing[g] = true
			}
		}
	}
	if len(missing) == 0 {
		return false
	}
	v := newView(q, c)
	for k, con := range q.concepts {
		ws := lowerWordsIn(con.words)
		if c.found[k].weight == 0 || len(ws) == 0 || !roleNouns[ws[len(ws)-1]] && !entityNouns[ws[len(ws)-1]] {
			continue
		}
		for _, p := range c.found[k].positions {
			i, ok := v.at(p)
			if !ok {
				continue
			}
			for n := 1; n <= 2 && i-n >= 0; n++ {
				if v.gap(i-1) != " " || (n == 2 && v.gap(i-2) != " ") || !v.nameAt(i-n) {
					break
				}
				terms := termsOf(x.tokens(v.text[v.ws[i-n].start:v.ws[i-1].end]))
				size, groups := x.lex.match(terms)
				if size == 0 || size != len(terms) || !x.namedGroups(groups) {
					continue
				}
				other := true
				for _, g := range groups {
					other = other && !missing[g]
				}
				if other {
					return true
				}
			}
		}
	}
	return false
}

// resolveDefinite finds, in a passage that names a thing by "the" and its
// noun ("The resolution, presented to all 15 Security Council members"),
// the question's words that a paragraph before, in the same article and
// up to reach back, said of that noun where it introduced the thing ("A
// draft Security Council resolution"): "draft" is found at "resolution",
// weighed as a synonym. The nearest paragraph that says something right
// before the noun is the one read. A passage that holds the question's
// word itself is left as it is; it reports whether it found any.
func (x *Index) resolveDefinite(q *question, c *candidate, reach int) bool {
	if !c.lacksConcept() || c.num <= 0 {
		return false
	}
	var nouns []word // the nouns after "the": the second word where two stand there ("the draft resolution")
	ws := c.rawWords()
	for _, w := range c.afterThe() {
		if !isLower(w.text) || isStop(w.text) {
			continue
		}
		if k := wordAt(ws, w.pos); k+1 < len(ws) && c.hit.Text[ws[k].end:ws[k+1].start] == " " && isLower(ws[k+1].text) && !isStop(ws[k+1].text) {
			w = ws[k+1] // "the recent provocations": provocations
		}
		nouns = append(nouns, w)
	}
	if len(nouns) == 0 {
		return false
	}
	held := false
	pending := slices.Clone(nouns) // the nouns no paragraph has introduced yet
	for num, prev := range x.earlier(c, reach) {
		// A cheap look first: the paragraph must hold one of the nouns
		// and a missing concept's term, in lower case as the middle of
		// a sentence writes them (a stem is most often the start of its
		// word).
		if !slices.ContainsFunc(pending, func(n word) bool { return strings.Contains(prev, strings.TrimSuffix(n.lower, "s")) }) {
			continue
		}
		lower := strings.ToLower(prev)
		said := false
		for i, con := range q.concepts {
			for _, a := range con.alts {
				said = said || c.found[i].weight == 0 && mayHold(lower, a.terms)
			}
		}
		if !said {
			continue
		}
		var toks []token // the paragraph's, analysed when first needed
		rest := pending[:0]
		for _, n := range pending {
			term := ""
			for _, t := range c.toks {
				if t.pos == n.pos {
					term = t.term
					break
				}
			}
			before := x.modifiersOf(num, prev, term, &toks)
			if len(before) == 0 {
				rest = append(rest, n) // introduced further back, if at all
				continue
			}
			for i, con := range q.concepts {
				if c.found[i].weight > 0 {
					continue
				}
				for _, a := range con.alts {
					// every word of the way ("Security Council"), among
					// the words before the noun
					if !slices.ContainsFunc(a.terms, func(t string) bool { return !slices.Contains(before, t) }) {
						c.found[i] = found{weight: corefWeight * a.weight, positions: []int{n.pos}, length: 1,
							near: []int{n.pos}, terms: []string{term}}
						held = true
						break
					}
				}
			}
		}
		pending = rest
		if len(pending) == 0 || !c.lacksConcept() {
			break
		}
	}
	return held
}

// modifiersOf returns the words right before the noun term in passage num
// (its text, and its tokens once analysed), in one noun phrase: side by
// side, with nothing but a space between ("draft", "security", "council"
// for "resolution" in "A draft Security Council resolution"). It is read
// once and kept (see memo).
func (x *Index) modifiersOf(num int, text, term string, toks *[]token) []string {
	key := nounAt{num, term}
	if v, ok := x.nounModifiers.get(key); ok {
		return v
	}
	if *toks == nil {
		*toks = x.tokens(text) // once for all the nouns asked of it
	}
	var out []string
	ts := *toks
	for k, t := range ts {
		if t.term != term {
			continue
		}
		for j := k - 1; j >= 0 && k-j <= 4; j-- {
			if ts[j].pos != ts[j+1].pos-1 || text[ts[j].end:ts[j+1].start] != " " {
				break
			}
			out = append(out, ts[j].term)
		}
	}
	x.nounModifiers.put(key, out)
	return out
}

// nounAt is a noun's term in a passage, by the passage's number.
type nounAt struct {
	num  int
	term string
}

// titleReach is how many paragraphs back a name's first mention, with its
// title, is looked for.
const titleReach = 5

// resolveTitle finds, in a passage that names a person by one word ("Price
// said", "Kim's statement"), the question's words that the person's
// fuller mention in a paragraph before, in the same article, put in the
// title before the name ("State Department spokesman Ned Price", "North
// Korean leader Kim Jong Un"): a report names someone in full once, then
// by surname. They are weighed as a pronoun's name is. It reports
// whether it found any.
func (x *Index) resolveTitle(q *question, c *candidate) bool {
	if !c.lacksConcept() || c.num <= 0 {
		return false
	}
	found := false
	ws := c.rawWords()
	for i, w := range ws {
		// a person a report names by surname says or owns something:
		// "Price said", "Kim's statement" (not "Officials said")
		said := i+1 < len(ws) && reporting[ws[i+1].lower] && c.hit.Text[w.end:ws[i+1].start] == " "
		if !said && !isPossessive(w.text) || !isName(w.text) || len(w.text) < 3 ||
			pluralNoun(w.text) && isEnglish(w.text) || x.lex.byKey[strings.ToLower(trimPossessive(w.text))] != nil {
			continue
		}
		if i > 0 && isName(ws[i-1].text) && c.hit.Text[ws[i-1].end:w.start] == " " ||
			i+1 < len(ws) && isName(ws[i+1].text) && c.hit.Text[w.end:ws[i+1].start] == " " {
			continue // part of a longer name
		}
		bare := trimPossessive(w.text)
		for num, prev := range x.earlier(c, titleReach) {
			if !strings.Contains(prev, bare) {
				continue // a cheap look before the paragraph is read for titles
			}
			if t, ok := x.titlesOf(num, prev)[bare]; ok {
				found = x.foundInWords(q, c, t, w.pos) || found
				break
			}
		}
	}
	return found
}

// titlesOf returns the titles passage num (its text) gives the names it
// writes in full (see titlesIn), by the first and the last word of each
// name, as the title's terms at their positions; read once and kept (see
// memo).
func (x *Index) titlesOf(num int, text string) map[string]map[string][]int {
	if v, ok := x.nameTitles.get(num); ok {
		return v
	}
	var out map[string]map[string][]int
	for name, title := range titlesIn(text) {
		if out == nil {
			out = map[string]map[string][]int{}
		}
		out[name] = termsAt(x.tokens(title))
	}
	x.nameTitles.put(num, out)
	return out
}

// titlesIn returns, for each name of several words in text that has a
// title before it ("State Department spokesman Ned Price", "North Korean
// leader Kim Jong Un"), the title by the name's first and last words
// ("Ned", "Price"; "Kim", "Un"); the first mention's, where a name comes
// again. A title is at most four words, side by side with a space between
// each, the last a role noun or a name ("talks with North Korea" has
// none).
func titlesIn(text string) map[string]string {
	var out map[string]string
	ws := rawWords(text)
	for i := 0; i < len(ws); i++ {
		j := i
		for j+1 < len(ws) && isName(ws[j+1].text) && text[ws[j].end:ws[j+1].start] == " " {
			j++
		}
		if j == i || !isName(ws[i].text) {
			continue
		}
		k := i
		for k > 0 && i-k < 4 && text[ws[k-1].end:ws[k].start] == " " && !isStop(ws[k-1].text) &&
			(isName(ws[k-1].text) || roleNouns[ws[k-1].lower] || k < i) {
			k--
		}
		if k < i && (roleNouns[ws[i-1].lower] || isName(ws[i-1].text)) {
			if out == nil {
				out = map[string]string{}
			}
			for _, n := range []string{ws[i].text, ws[j].text} {
				if _, ok := out[n]; !ok {
					out[n] = text[ws[k].start:ws[i-1].end]
				}
			}
		}
		i = j
	}
	return out
}

// foundInWords marks the question's missing concepts that words read from
// the passage's context hold (a title or a speaker's name, as its terms at
// their positions) as found at position p, each weighed as a pronoun's
// name is, times the weight of the way it was found; it reports whether
// there were any.
func (x *Index) foundInWords(q *question, c *candidate, at map[string][]int, p int) bool {
	held := false
	for i, con := range q.concepts {
		if c.found[i].weight > 0 {
			continue
		}
		for _, a := range con.alts {
			if len(a.phrase) > 0 && slices.ContainsFunc(occurrences(at, a.phrase), func(o int) bool { return !blocked(at, a.blockers, o) }) {
				c.found[i] = found{weight: corefWeight * a.weight, positions: []int{p}, length: 1, near: []int{p}, terms: a.terms}
				held = true
				break
			}
		}
	}
	return held
}

// lacksConcept reports whether the passage misses one of the question's
// concepts, which a reading of its context may find.
func (c *candidate) lacksConcept() bool {
	return slices.ContainsFunc(c.found, func(f found) bool { return f.weight == 0 })
}

// resolveHeadNoun finds, in a passage that names a thing by "the" and the
// last word of its name ("Rights groups criticised the council", after "The
// UN Security Council met"), the question's name of several words that an
// earlier paragraph of the article, up to titleReach back, wrote in full:
// the council is the Security Council. It is weighed as a pronoun's name
// is; it reports whether it found any.
func (x *Index) resolveHeadNoun(q *question, c *candidate) bool {
	if !c.lacksConcept() || c.num <= 0 {
		return false
	}
	heads := map[string][]int{} // the missing names of several words, by their last word
	for i, con := range q.concepts {
		if w := lowerWordsIn(con.words); c.found[i].weight == 0 && len(w) >= 2 {
			last := trimPossessive(w[len(w)-1])
			heads[last] = append(heads[last], i)
		}
	}
	if len(heads) == 0 {
		return false
	}
	held := false
	for _, n := range c.afterThe() {
		for _, k := range heads[trimPossessive(n.lower)] {
			if c.found[k].weight == 0 && x.writtenBefore(c, strings.ToLower(q.concepts[k].words)) {
				c.found[k] = found{weight: corefWeight, positions: []int{n.pos}, length: 1, near: []int{n.pos},
					terms: q.concepts[k].alts[0].terms}
				held = true
			}
		}
	}
	return held
}

// writtenBefore reports whether a paragraph of the passage's article, up
// to titleReach before it, writes phrase (in lower case).
func (x *Index) writtenBefore(c *candidate, phrase string) bool {
	for _, prev := range x.earlier(c, titleReach) {
		if strings.Contains(strings.ToLower(prev), phrase) {
			return true
		}
	}
	return false
}

// afterThe returns the passage's words that "the" and a space stand
// before: the nouns a report names a thing by once it has named it in full.
func (c *candidate) afterThe() []word {
	ws := c.rawWords()
	var out []word
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].lower == "the" && c.hit.Text[ws[i].end:ws[i+1].start] == " " {
			out = append(out, ws[i+1])
		}
	}
	return out
}

// carryDefinite finds, in a passage that lacks only one of the question's
// concepts, a noun the question names by "the" ("Who can veto the
// resolution?"), when the paragraph before, in the same article, holds it:
// the thing the report is still about ("China and Russia both wield veto
// power", after a paragraph on the draft resolution). It is weighed as a
// pronoun's name is, and stands nowhere in the passage (it is found, once,
// but near none of its words).
func (x *Index) carryDefinite(q *question, c *candidate) {
	missing, asked := -1, q.askedNoun()
	for i, f := range c.found {
		if f.weight == 0 && i != asked {
			if missing >= 0 {
				return // another concept is missing too
			}
			missing = i
		}
	}
	if missing < 0 || c.num <= 0 || !namedByThe(q.text, q.concepts[missing].words) {
		return
	}
	a := q.concepts[missing].alts[0]
	holds := func(text string) bool {
		// a cheap look before the paragraph is analysed
		return mayHold(strings.ToLower(text), a.terms) && len(occurrences(termsAt(x.tokens(text)), a.phrase)) > 0
	}
	if prev, ok := x.previous(c); ok && holds(prev) {
		c.found[missing] = found{weight: corefWeight, length: 1, terms: a.terms}
		return
	}
	if lede, ok := x.lede(c); ok && holds(lede) {
		// "Who briefed ambassadors about the crisis?": the crisis the
		// article's first paragraph reports, which every paragraph
		// after it is about
		c.found[missing] = found{weight: corefWeight, length: 1, terms: a.terms}
	}
}

// lede returns the text of the first passage of the article's first
// paragraph, when the passage is further on than the paragraph after it
// (whose previous paragraph is the lede already).
func (x *Index) lede(c *candidate) (string, bool) {
	if c.num <= 0 || c.hit.Paragraph < 3 {
		return "", false
	}
	// one passage a paragraph at most before this one: the first
	// paragraph's last passage or later; walk back to its first
	text, found := "", false
	for num := c.num - (c.hit.Paragraph - 1); num >= 0 && num < c.num; num-- {
		ref, t, err := x.passages.get(num)
		if err != nil || x.articles[ref.article].ID != c.hit.Article || found && ref.paragraph != 1 {
			break
		}
		if ref.paragraph == 1 {
			text, found = t, true
		}
	}
	return text, found
}

// mayHold reports whether text in lower case may hold every one of the
// terms: a cheap look before it is analysed. A stem is the start of its
// word, but for a last "i" that was a "y" ("countri": "country").
func mayHold(lower string, terms []string) bool {
	return !slices.ContainsFunc(terms, func(t string) bool { return !strings.Contains(lower, strings.TrimSuffix(t, "i")) })
}

// namedByThe reports whether the question writes the words right after
// "the" ("the resolution").
func namedByThe(question, words string) bool {
	qw, w := lowerWordsIn(question), lowerWordsIn(words)
	if len(w) == 0 {
		return false
	}
	for k := 1; k < len(qw); k++ {
		if qw[k-1] == "the" && qw[k] == w[0] {
			return true
		}
	}
	return false
}
