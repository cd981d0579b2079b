package index

import (
	"regexp"
	"slices"
	"strings"
)

// What a question's wording asks for, beyond its kind (answer.go): the
// shapes the answer rules of extract.go read a passage for.

// Kinds of "who is X" questions.
const (
	whoIsOther     = iota
	whoIsName      // "who is Kim Jong Un": X is capitalised
	whoIsMaybeName // "who is ned price": X may be a name typed in lower case
)

// asksWhoIs tells whether a question asks who a named person is: "who is
// Kim Jong Un", "who was Ned Price", or typed in lower case with no article
// or possessive ("who is ned price").
func asksWhoIs(text string) int {
	w := wordsIn(text)
	for i := 0; i+2 < len(w); i++ {
		if !strings.EqualFold(w[i], "who") {
			continue
		}
		switch strings.ToLower(w[i+1]) {
		case "is", "was", "are", "were":
		default:
			return whoIsOther
		}
		names, lower := true, true
		for _, n := range w[i+2:] {
			if isPossessive(n) || isStop(n) || filler[strings.ToLower(n)] {
				return whoIsOther // "who is North Korea's closest ally", "who is the spokesman"
			}
			names = names && isName(n)
			lower = lower && isLower(n)
		}
		switch {
		case names:
			return whoIsName
		case lower && len(w)-(i+2) <= 3:
			return whoIsMaybeName
		}
		return whoIsOther
	}
	return whoIsOther
}

// asksSaid reports whether a question asks what was said, with a verb of
// saying itself ("what did the US say"; not "what does Kim want to do").
func asksSaid(text string) bool {
	return slices.ContainsFunc(lowerWordsIn(text), func(x string) bool { return saidVerbs[x] })
}

// saidVerbs are the verbs a question asks what was said with.
var saidVerbs = map[string]bool{
	"say": true, "said": true, "says": true, "tell": true, "told": true, "announce": true,
	"announced": true, "declare": true, "declared": true,
}

// asksSaying reports whether a question asks what someone said.
func asksSaying(text string) bool {
	w := lowerWordsIn(text)
	for i, x := range w {
		if saidVerbs[x] {
			return true
		}
		switch x {
		case "want", "wants", "plan", "plans", "intend", "intends", "hope", "hopes", "aim", "aims":
			// "what does Kim want to do": what he vowed or pledged to do
			if i+1 < len(w) && w[i+1] == "to" {
				return true
			}
		}
	}
	return false
}

// asksStance reports whether a what question asks where someone stands
// on something: "what is Moscow's stance on the draft".
func asksStance(text string) bool {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		switch w[i] {
		case "stance", "position", "view", "views", "attitude":
			if w[i+1] == "on" || w[i+1] == "of" || w[i+1] == "toward" || w[i+1] == "towards" {
				return true
			}
		}
	}
	return false
}

// asksPossessed reports whether a what question asks what one thing is
// of another's, as "who" would: "what is North Korea's closest ally".
func asksPossessed(text string) bool {
	w := wordsIn(text)
	if len(w) < 4 || !strings.EqualFold(w[0], "what") {
		return false
	}
	switch strings.ToLower(w[1]) {
	case "is", "are", "was", "were":
	default:
		return false
	}
	for _, x := range w[2 : len(w)-1] {
		if isPossessive(x) {
			return true
		}
	}
	return false
}

// asksRelation reports whether a what question asks how two things
// stand to each other: "what is China's relationship to North Korea",
// "what are the ties between X and Y".
func asksRelation(text string) bool {
	w := lowerWordsIn(text)
	if len(w) < 2 || w[0] != "what" && w[0] != "who" {
		return false // "who is China to North Korea" asks it too
	}
	switch w[1] {
	case "is", "are", "was", "were":
	default:
		return false // "what invasion hurt Russia's ties with the West"
	}
	for i := 0; i+1 < len(w); i++ {
		switch w[i] {
		case "relationship", "relation", "relations", "ties":
			switch w[i+1] {
			case "to", "with", "between":
				return true
			}
		}
	}
	// "what is China to North Korea": a name of one to three words
	// between "is" and "to", and a name after it.
	to := slices.Index(w, "to")
	if to < 3 || to > 5 || to == len(w)-1 || w[to+1] == "do" {
		return false // "what were residents told to do"
	}
	for _, x := range w[2:to] {
		if x == "a" || x == "an" || auxiliaries[x] || strings.HasSuffix(x, "ed") || strings.HasSuffix(x, "ing") || participle(x) {
			return false
		}
	}
	return len(w)-to-1 <= 3
}

// asksWhose reports whether a question asks whose something is.
func asksWhose(text string) bool {
	for _, w := range lowerWordsIn(text) {
		if w == "whose" {
			return true
		}
	}
	return false
}

// asksHowMany reports whether a question counts something: "how many".
func asksHowMany(text string) bool { return asksHow(text, "many") }

// roleWords name what a person is: "what job does Ned Price hold".
var roleWords = map[string]bool{"job": true, "role": true, "title": true, "position": true, "post": true, "office": true}

// roleVerbs end a question that asks a role by roleWords: "hold", "have".
var roleVerbs = map[string]bool{"hold": true, "have": true, "occupy": true, "fill": true}

// asksRoleOf reports whether a question asks what a named person is: a
// word of roleWords after "what" ("what job does Ned Price hold", "what
// position does he have") or after a name's possessive ("what is Kim Jong
// Un's title").
func asksRoleOf(text string) bool {
	w := lowerWordsIn(text)
	if len(w) < 4 || w[0] != "what" {
		return false
	}
	if roleWords[w[1]] && deedAux[w[2]] {
		return roleVerbs[w[len(w)-1]]
	}
	if w[1] != "is" && w[1] != "was" || !roleWords[strings.TrimRight(w[len(w)-1], "?")] {
		return false
	}
	return isPossessive(w[len(w)-2])
}

// asksHowMuch reports whether a question asks "how much".
func asksHowMuch(text string) bool { return asksHow(text, "much") }

// asksObjectByNoun reports whether a question asks, by a noun of names
// after "which" or "what", who something was done to: "which country did
// Russia invade", "which members would the US lobby", with a form of "do"
// after the noun, or another auxiliary and then its subject (a name, or
// a noun after "the"); not "which powers would not talk", whose noun is
// the subject.
func asksObjectByNoun(text string) bool {
	w, orig := lowerWordsIn(text), wordsIn(text)
	for i := 0; i+4 < len(w) && len(orig) == len(w); i++ {
		if (w[i] != "which" && w[i] != "what") || !entityNouns[w[i+1]] || !deedAux[w[i+2]] {
			continue
		}
		switch w[i+2] {
		case "do", "does", "did":
			return true
		}
		return !isLower(orig[i+3]) || isArticle(w[i+3])
	}
	return false
}

// asksHow reports whether a question says "how" and then the word.
func asksHow(text, word string) bool {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if w[i] == "how" && w[i+1] == word {
			return true
		}
	}
	return false
}

// measureUnits are the words that, after "how", ask for a quantity ("how
// far", "how old"; not "how long", which may ask when), with the units
// that answer them: a quantity in another unit answers something else.
var measureUnits = map[string][]string{
	"far":   {"kilometre", "kilometer", "km", "mile", "metre", "meter"},
	"high":  {"metre", "meter", "foot", "feet", "kilometre", "kilometer", "km", "mile"},
	"deep":  {"metre", "meter", "foot", "feet", "kilometre", "kilometer", "km", "mile"},
	"tall":  {"metre", "meter", "foot", "feet"},
	"wide":  {"metre", "meter", "foot", "feet", "kilometre", "kilometer", "km", "mile"},
	"heavy": {"tonne", "ton", "kilogram", "kg", "pound"},
	"fast":  {"knot", "mph", "kph", "kilometre", "kilometer", "km", "mile"},
	"old":   {"year"},
	"big":   {"square", "hectare", "acre", "kilometre", "kilometer", "km", "mile"},
	"large": {"square", "hectare", "acre", "kilometre", "kilometer", "km", "mile"},
}

// measuredBy returns the adjective after "how" that asks for a quantity in
// a unit ("far" in "how far did the missile fly"), "" for none.
func measuredBy(text string) string {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if w[i] == "how" && measureUnits[w[i+1]] != nil {
			return w[i+1]
		}
	}
	return ""
}

// asksMeasure returns the units a "how far" question asks for, or nil.
func asksMeasure(text string) []string {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if w[i] == "how" {
			if w[i+1] == "long" && slices.ContainsFunc(w[i+2:], func(x string) bool { return travelWords[x] }) {
				// "how long did the missile fly": as far as how far, when
				// the passage gives a distance
				return measureUnits["far"]
			}
			return measureUnits[w[i+1]]
		}
	}
	// "what is the missile's range", "the range of its icbm", "what
	// distance": a length; not "what range of missiles", a variety
	for i, x := range w {
		if (x == "range" || x == "distance") && !(i > 0 && (w[i-1] == "what" || w[i-1] == "which") && i+1 < len(w) && w[i+1] == "of") {
			return measureUnits["far"]
		}
	}
	return nil
}

// travelWords say that something went some way: "how long did it fly"
// may ask how far.
var travelWords = map[string]bool{
	"fly": true, "flew": true, "flown": true, "flight": true, "travel": true, "travelled": true,
	"traveled": true, "journey": true, "trip": true, "voyage": true,
}

// inUnits reports whether a word is one of the units (in any number).
func inUnits(word string, units []string) bool {
	return slices.Contains(units, inflectionBase(word)) || slices.Contains(units, strings.ToLower(word))
}

// asksYear reports whether a question asks for a year: "what year",
// "which year", "in what year".
func asksYear(text string) bool { return askedTime(text) == "year" }

// askedTime returns the noun of time a question asks for ("year" in "what
// year was the test", "day" in "which day"), "" for none.
func askedTime(text string) string {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if (w[i] == "what" || w[i] == "which") && timeNouns[w[i+1]] {
			return w[i+1]
		}
	}
	return ""
}

// asksExpansion returns the acronym a question asks to spell out: "what
// does DPRK stand for", "what is IAEA short for", "what does ICBM mean",
// "what is the full name of the DPRK"; "" for none. An acronym typed in
// lower case is the word before "stand for" or after "full name of".
func asksExpansion(text string) string {
	w := wordsIn(text)
	lw := lowerWordsIn(text)
	if len(w) >= 3 && len(w) <= 4 && lw[0] == "what" && (lw[1] == "is" || lw[1] == "was") {
		// "what is the DPRK", "what is the dprk": an acronym, or a
		// short word that is no English word
		if a := w[len(w)-1]; isAcronym(a) || (len(a) <= 5 && isLower(a) && !isEnglish(a)) {
			return strings.ToUpper(a)
		}
	}
	at := -1       // where a lower-case acronym would stand
	named := false // "the full name of X": X may be a name of words
	for i := range lw {
		switch {
		case i+1 < len(lw) && (lw[i] == "stand" || lw[i] == "stands" || lw[i] == "short") && lw[i+1] == "for" && i > 0:
			at = i - 1
		case i == len(lw)-1 && lw[i] == "mean" && i > 1:
			at = i - 1
		case i+2 < len(lw) && (lw[i] == "full" || lw[i] == "official") && lw[i+1] == "name" && lw[i+2] == "of":
			// one word after "of" ("the full name of the dprk"), not
			// a name of its own ("the official name of North Korea")
			if rest := lw[i+3:]; len(rest) == 1 || (len(rest) == 2 && isArticle(rest[0])) {
				at, named = len(lw)-1, true
			}
		case i+1 < len(lw) && (lw[i] == "full" || lw[i] == "official") && lw[i+1] == "name" && i > 0 && isPossessive(lw[i-1]):
			at, named = i-1, true // "the DPRK's official name"
		}
	}
	if at < 0 {
		return ""
	}
	for _, word := range w {
		if isAcronym(trimPossessive(word)) {
			return trimPossessive(word)
		}
	}
	a := trimPossessive(w[at])
	vowels := 0
	for _, r := range a {
		if strings.ContainsRune("aeiou", r) {
			vowels++
		}
	}
	if named && !(len(a) <= 5 && isLower(a) && !isEnglish(a) && vowels <= 1) {
		// "the official name of korea": a name, not an acronym typed
		// in lower case, which is mostly consonants ("dprk", "unsc")
		return ""
	}
	if len(a) >= 2 && len(a) <= 6 && !isStop(a) {
		return strings.ToUpper(a) // "what does dprk stand for"
	}
	return ""
}

// contraction is a question word with "'s" run on ("what's", "who's") or,
// as chat writes it, "s" alone ("whats", "whos"). "whose" is no
// contraction.
var contraction = regexp.MustCompile(`(?i)\b(what|who|where|when|how|why)'?s\b`)

// howOften is "how often", which asks what "how many times" does.
var howOften = regexp.MustCompile(`(?i)\bhow often\b`)

// plainQuestion writes a question in the shape the rules read: its
// contractions out (expandContractions), "how often" as "how many times"
// ("how often did Kim and Trump meet": "three high-profile meetings"), and
// "which country's" as "whose".
func plainQuestion(text string) string {
	return whoseOf(roleBefore(sourceLast(howOften.ReplaceAllString(expandContractions(text), "how many times"))))
}

// whichOwnerRE matches "which country's" and "what leader's".
var whichOwnerRE = regexp.MustCompile(`(?i)\b(which|what) (\w+)'s\b`)

// whoseOf writes "which country's relations soured" as "whose relations
// soured", when the noun asks for a name ("country", "leader"): the rules
// read the one as they read the other.
func whoseOf(text string) string {
	return whichOwnerRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := whichOwnerRE.FindStringSubmatch(m)
		if n := strings.ToLower(sub[2]); !entityNouns[n] && !roleNouns[n] {
			return m
		}
		if sub[1][0] == 'W' {
			return "Whose"
		}
		return "whose"
	})
}

// sourceFirstRE matches a question that opens with its source: "according
// to Price, what does Kim's statement confirm".
var sourceFirstRE = regexp.MustCompile(`(?i)^\s*(according to [^,?]+?),?\s+((?:what|who|whom|whose|which|when|where|why|how)\b.*?)\s*(\??)\s*$`)

// sourceLast writes a question's opening "according to …" at its end, where
// the rules look for it: "what does Kim's statement confirm according to
// Price".
func sourceLast(text string) string {
	m := sourceFirstRE.FindStringSubmatch(text)
	if m == nil {
		return text
	}
	return m[2] + " " + m[1] + m[3]
}

// roleBeforeRE matches "who was president before Biden".
var roleBeforeRE = regexp.MustCompile(`(?i)^\s*who (?:was|were) ((?:the )?[\w' ]+?) before ([\w' .]+?)\s*\??\s*$`)

// roleBefore writes "who was president before Biden" as "who preceded
// Biden as president", the verb a passage's "Biden's predecessor" answers,
// when what the question calls the person is a role ("president", "US
// spokesman"); any other question is left as it is ("who was detained
// before the coup").
func roleBefore(text string) string {
	m := roleBeforeRE.FindStringSubmatch(text)
	if m == nil {
		return text
	}
	w := lowerWordsIn(m[1])
	if len(w) == 0 || !roleNouns[w[len(w)-1]] {
		return text
	}
	return "who preceded " + m[2] + " as " + m[1]
}

// asksDuration reports whether a question asks how long something went on:
// "how long did the talks last", "how long have the talks been stalled"
// (not "how long ago", which asks when).
func asksDuration(text string) bool {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if w[i] == "how" && w[i+1] == "long" {
			return !slices.Contains(w[i+2:], "ago")
		}
	}
	return false
}

// durationVerbs are the verbs of "how long did it last": the question's
// frame, which the passage need not say ("a day of talks").
var durationVerbs = map[string]bool{
	"last": true, "lasted": true, "take": true, "took": true, "run": true, "ran": true, "go": true, "went": true,
}

// fixQuestionWord writes a slip of the question word that opens a
// question right ("wat did kim vow", "hw many barrels", "wich countries"),
// so that the rules read what the question asks; it returns the question
// and the word it replaced, "" when it replaced none. A word is a slip of
// a question word when one letter in, out or changed, or two swapped, make
// it that word and no other question word, and it is no English word of
// its own ("hoe", "wen").
func fixQuestionWord(text string) (fixed, wrong string) {
	loc := words.FindStringIndex(text)
	if loc == nil || strings.TrimSpace(text[:loc[0]]) != "" {
		return text, ""
	}
	first := text[loc[0]:loc[1]]
	lw := strings.ToLower(first)
	if len(lw) < 2 || questionWords[lw] || strings.ContainsAny(lw, "'0123456789") || isEnglish(lw) {
		return text, ""
	}
	right := ""
	for _, qw := range openingWords {
		if oneEditApart(lw, qw) {
			if right != "" {
				return text, "" // "hwo": who or how
			}
			right = qw
		}
	}
	if right == "" {
		return text, ""
	}
	if !isLower(first) {
		right = strings.ToUpper(right[:1]) + right[1:]
	}
	return text[:loc[0]] + right + text[loc[1]:], first
}

// openingWords are the question words a slip is read as.
var openingWords = []string{"what", "who", "whom", "whose", "which", "when", "where", "why", "how"}

// oneEditApart reports whether a and b (short, ASCII) differ by one letter
// in, out or changed, or two neighbours swapped.
func oneEditApart(a, b string) bool {
	if a == b {
		return false
	}
	switch len(a) - len(b) {
	case 0:
		diff := []int{}
		for i := range len(a) {
			if a[i] != b[i] {
				diff = append(diff, i)
			}
		}
		return len(diff) == 1 ||
			len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
	case 1, -1:
		long, short := a, b
		if len(b) > len(a) {
			long, short = b, a
		}
		for i := range len(long) {
			if long[:i]+long[i+1:] == short {
				return true
			}
		}
	}
	return false
}

// expandContractions writes a question word's "'s" out, so that the rules
// that read the question see its question word and its verb: "what's" is
// "what is", and "who's met" is "who has met" (before a participle, "been"
// or "got").
func expandContractions(text string) string {
	locs := contraction.FindAllStringSubmatchIndex(text, -1)
	if locs == nil {
		return text
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		b.WriteString(text[last:l[0]])
		b.WriteString(text[l[2]:l[3]])
		if next := strings.ToLower(words.FindString(text[l[1]:])); participle(next) || next == "been" || next == "got" {
			b.WriteString(" has")
		} else {
			b.WriteString(" is")
		}
		last = l[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// strandedPreposition returns the question's last word when it is a
// preposition, and the word before it: "what topic does the US want
// dialogue on" gives ("dialogue", "on").
func strandedPreposition(text string) (word, prep string) {
	w := withoutClosing(withoutSource(lowerWordsIn(text)))
	if len(w) >= 4 && strandable[w[0]] && w[1] == "whom" {
		// "to whom was the resolution presented": the preposition put
		// first, as "who was the resolution presented to"
		if last := w[len(w)-1]; !auxiliaries[last] && !isStop(last) {
			return last, w[0]
		}
		return "", ""
	}
	if len(w) >= 6 && strandable[w[0]] && (w[1] == "which" || w[1] == "what") && w[0] != "of" && w[2] != "name" {
		// "through which body is the US seeking tougher sanctions": the
		// preposition put first with its noun, after the question's
		// verb ("seeks through the United Nations"); not "by what name",
		// which asks the name itself
		return frontedWord(w, wordsIn(text)), w[0]
	}
	if len(w) < 3 || !strandable[w[len(w)-1]] {
		return "", ""
	}
	before := w[len(w)-2]
	if (before == "it" || objectPronouns[before]) && len(w) >= 4 {
		before = w[len(w)-3] // "what did the authors present it to": present … to
	}
	if auxiliaries[before] || isStop(before) {
		return "", ""
	}
	if len(w) >= 4 && perception[w[len(w)-3]] {
		// "what did Kim watch pass by": the particle of what he saw
		// done, not a preposition whose object is asked
		return "", ""
	}
	if (w[0] == "who" || w[0] == "what") && !auxiliaries[w[1]] && !isStop(w[1]) && !filler[w[1]] && !auxiliaries[w[2]] {
		// "who watched tanks pass by": the question word is the
		// subject (not "what topic does …"), and "by" a particle of
		// "pass"
		return "", ""
	}
	return before, w[len(w)-1]
}

// withoutSource cuts a closing "according to …" off a question's words:
// who says so is no part of what it asks ("what is the dprk a threat to
// according to the us").
func withoutSource(w []string) []string {
	if k := slices.Index(w, "according"); k >= 3 && k+1 < len(w) && w[k+1] == "to" {
		return w[:k]
	}
	return w
}

// frontedWord returns, for a question that puts a preposition and its noun
// first, the first word after its auxiliary that is no name or article:
// its verb or its subject's noun, which the passage's preposition follows
// ("through which body is the US seeking": seeking, of "seeks through the
// United Nations"; "through which court is the harbour board acting":
// harbour); "" when the question has no such shape.
func frontedWord(w, orig []string) string {
	a := slices.IndexFunc(w[2:min(len(w), 5)], func(x string) bool { return auxiliaries[x] })
	if a < 0 {
		return ""
	}
	for k := a + 3; k < len(w); k++ {
		if isArticle(w[k]) || !isLower(orig[k]) {
			continue // "the US", "Kim Jong Un"
		}
		if auxiliaries[w[k]] || isStop(w[k]) {
			return ""
		}
		return w[k]
	}
	return ""
}

// withoutClosing cuts off a question's words a closing phrase of place or
// time after a stranded preposition: "what is the crude oil for under the
// draft" asks what the oil is for. Not after "by", as often a verb's
// particle ("what did Kim see pass by during the parade").
func withoutClosing(w []string) []string {
	for k := len(w) - 3; k >= 3 && k >= len(w)-4; k-- {
		if (placeWords[w[k]] || closingWords[w[k]]) && isArticle(w[k+1]) && strandable[w[k-1]] && w[k-1] != "by" {
			return w[:k]
		}
	}
	return w
}

// strandedPreposition is strandedPreposition of the question's text, where
// a name before the preposition is the verb's object and the preposition
// the verb's: "what did the US accuse North Korea of" asks what follows
// "accuse … of", not what follows "North Korea of".
func (q *question) strandedPreposition() (word, prep string) {
	word, prep = strandedPreposition(q.text)
	if word == "" {
		return "", ""
	}
	w := lowerWordsIn(q.text)
	for _, con := range q.concepts {
		if !con.named && !namesSomething(q.text, con.words) {
			continue
		}
		cw := lowerWordsIn(con.words)
		n := len(cw)
		if n+2 >= len(w) || !slices.Equal(w[len(w)-1-n:len(w)-1], cw) {
			continue
		}
		before := w[len(w)-2-n]
		if auxiliaries[before] || isStop(before) {
			return "", ""
		}
		return before, prep
	}
	return word, prep
}

// strandable are the prepositions a question may end on.
var strandable = map[string]bool{
	"on": true, "to": true, "about": true, "with": true, "for": true, "from": true, "in": true,
	"of": true, "at": true, "against": true, "over": true, "into": true, "by": true, "through": true,
}

// asksDegree returns the adjective of "how interested is X in Y", "how
// willing": a question about how much, answered by the word of degree
// before it in the passage ("little interest"); "" for none.
func asksDegree(text string) string {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if w[i] != "how" {
			continue
		}
		next := w[i+1]
		if next == "many" || next == "much" || next == "long" || next == "often" || next == "soon" ||
			measureUnits[next] != nil || auxiliaries[next] || isStop(next) {
			return ""
		}
		return next
	}
	return ""
}

// asksPredicate returns the noun of "what does X consider a threat",
// "what did Price call a threat", "what does X see as a threat": the question asks what is that noun in
// X's eyes; "" for none.
func asksPredicate(text string) string {
	w := lowerWordsIn(text)
	for i := 0; i+2 < len(w); i++ {
		if !judging[w[i]] {
			continue
		}
		j := i + 1
		if w[j] == "as" && j+2 < len(w) {
			j++ // "what does Washington see as a danger"
		}
		if (w[j] == "a" || w[j] == "an" || w[j] == "the") && !isStop(w[j+1]) {
			return w[j+1]
		}
	}
	return ""
}

// judging are the verbs of "what does X consider a threat".
var judging = map[string]bool{
	"consider": true, "considers": true, "considered": true, "call": true, "calls": true,
	"called": true, "regard": true, "regards": true, "deem": true, "deems": true, "label": true,
	"labels": true, "labelled": true, "labeled": true, "describe": true, "describes": true,
	"described": true, "see": true, "sees": true, "view": true, "views": true,
}

// asksWhichNoun returns the noun of "which department", "what agency":
// a name that ends in it answers ("State Department"); "" for none.
func asksWhichNoun(text string) string {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if w[i] != "which" && w[i] != "what" {
			continue
		}
		// the head of the noun phrase: "which council members" asks
		// for members
		head := ""
		for _, n := range w[i+1:] {
			if auxiliaries[n] || isStop(n) || strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "ing") {
				break
			}
			head = n
		}
		if len(head) < 3 {
			return ""
		}
		return head
	}
	return ""
}

// questionSubject returns the first word of a what question's subject:
// after "what" and an auxiliary, past an article ("what does the US
// consider a threat": US; "what is the radar a threat to": radar); "" when
// the question has none so placed.
func questionSubject(text string) string {
	w := lowerWordsIn(text)
	if len(w) < 4 || (w[0] != "what" && w[0] != "which") || !auxiliaries[w[1]] {
		return ""
	}
	x := w[2]
	if isArticle(x) {
		x = w[3]
	} else if passiveAux[w[1]] && strings.HasSuffix(x, "ed") {
		return "" // "what was displayed during the parade": a participle
	}
	if isStop(x) || auxiliaries[x] {
		return ""
	}
	return x
}

// passiveWho returns the verb of "who was told …", "who were detained": a
// past participle after who and a form of "be"; "" for none.
func passiveWho(text string) string {
	orig := wordsIn(text)
	w := lowerWordsIn(text)
	for i := 0; i+2 < len(w); i++ {
		if w[i] != "who" {
			continue
		}
		j := i + 1
		if (w[j] == "has" || w[j] == "have" || w[j] == "had") && j+1 < len(w) && w[j+1] == "been" {
			j++
		}
		switch w[j] {
		case "was", "were", "been", "is", "are":
			if j+1 < len(w) && participle(orig[j+1]) && isEnglish(w[j+1]) { // not "ned"
				return w[j+1]
			}
		}
		return ""
	}
	return ""
}

// asksEarlier reports whether a when question asks about an event before
// another ("its previous test", "the last one before last month", "the
// prior launch"), or the time since which the passage counts ("first icbm
// since").
func asksEarlier(text string) bool {
	for _, w := range lowerWordsIn(text) {
		switch w {
		case "previous", "previously", "prior", "earlier", "before", "preceding", "since":
			return true
		}
	}
	return false
}

// keywordThings returns the plural noun a keyword question ends on, when
// it asks for things of that kind ("parade weapons", "restricted
// exports"): not names, quantities, times, roles or promises, which other
// rules read; "" for any other question.
func keywordThings(text string) string {
	w := lowerWordsIn(text)
	if len(w) < 2 || len(w) > 3 || questionWords[w[0]] || auxiliaries[w[0]] {
		return ""
	}
	last := w[len(w)-1]
	if !plural(last) || entityNouns[last] || holderNouns[last] || promiseNouns[last] || roleNouns[strings.TrimSuffix(last, "s")] {
		return ""
	}
	for _, x := range w {
		if isStop(x) || isPossessive(x) || quantityNouns[x] || quantityNouns[strings.TrimSuffix(x, "s")] || timeNouns[x] ||
			timeNouns[strings.TrimSuffix(x, "s")] || roleNouns[x] {
			return ""
		}
	}
	return last
}

// promiseNouns name what someone promised to do.
var promiseNouns = map[string]bool{
	"vow": true, "vows": true, "pledge": true, "pledges": true, "promise": true, "promises": true,
}

// asksPromise reports whether a question asks what someone promised by
// the promise's noun, as the last of a keyword question or after a
// possessive: "kim vow", "what was kim's pledge".
func asksPromise(text string) bool {
	w := lowerWordsIn(text)
	if len(w) < 2 || !promiseNouns[w[len(w)-1]] {
		return false
	}
	return !questionWords[w[0]] && !auxiliaries[w[0]] || isPossessive(w[len(w)-2])
}

// asksDeed reports whether a what question asks what someone did, said or
// vowed: "what did", "what does", "what will".
func asksDeed(text string) bool {
	w := lowerWordsIn(text)
	if asksEmbeddedSubject(w) {
		return false // "what does the US say threatens peace": who or what threatens it
	}
	if len(w) >= 4 && w[0] == "how" && asksTerm(text) {
		return true // "how did Russia describe the sanctions": as "what did Russia call them"
	}
	for i, word := range w {
		if word == "what" && i+1 < len(w) {
			if deedAux[w[i+1]] {
				return true
			}
			switch w[i+1] {
			case "is", "are", "was", "were":
				// "what are the allies holding next month": a verb in
				// its -ing form ends the question, or its time does
				rest := w[i+2:]
				if n := len(rest); n >= 4 && timePhrase(rest[n-2], rest[n-1]) {
					rest = rest[:n-2]
				}
				if n := len(rest); n >= 5 && (placeWords[rest[n-3]] || closingWords[rest[n-3]]) && isArticle(rest[n-2]) {
					rest = rest[:n-3] // "what is the US seeking at the UN": a closing place
				}
				n := len(rest)
				for k := 0; k+2 < n; k++ {
					if len(rest[k]) > 5 && strings.HasSuffix(rest[k], "ing") && rest[k+1] == "to" && rest[k+2] == "do" {
						return true // "what is Washington trying to do at the UN"
					}
					if k >= 1 && participle(rest[k]) && rest[k+1] == "to" && rest[k+2] == "do" {
						return true // "what were residents told to do": what they were told
					}
				}
				if asksInfinitiveObject(text) {
					// "what is the interceptor system designed to stop":
					// the object of the verb it is for
					return true
				}
				return n >= 2 && len(rest[n-1]) > 5 && strings.HasSuffix(rest[n-1], "ing")
			}
			return false
		}
	}
	return false
}

// thinkingVerbs are the verbs whose clause a question may ask the subject
// of: "what does the US say threatens peace".
var thinkingVerbs = map[string]bool{
	"say": true, "think": true, "believe": true, "claim": true, "argue": true,
	"expect": true, "fear": true, "suspect": true, "suggest": true,
}

// asksEmbeddedSubject reports whether a question (w, in lower case) asks
// for the subject of the clause after a verb of saying or thinking ("what
// does the US say threatens peace", "who did Price say was a threat"),
// not for the object of either verb ("what does the US say sanctions
// should do").
func asksEmbeddedSubject(w []string) bool {
	for i := 0; i+4 < len(w); i++ {
		if w[i] != "what" && w[i] != "who" || !deedAux[w[i+1]] {
			continue
		}
		for j := i + 3; j+1 < len(w); j++ {
			if !thinkingVerbs[w[j]] {
				continue
			}
			next := w[j+1]
			if auxiliaries[next] || next == "poses" {
				return true
			}
			after := ""
			if j+2 < len(w) {
				after = w[j+2]
			}
			return len(next) > 3 && strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") && !strings.ContainsAny(next, "'’") && !auxiliaries[after] && !isStop(next)
		}
		return false
	}
	return false
}

// asksInfinitiveObject reports whether a question ends on a participle of
// purpose and an infinitive, whose object it asks ("what is the sea wall
// meant to protect"), not on "to do" (which asks the deed itself); after
// other verbs the infinitive is the answer ("what did OPEC+ agree to cap":
// "to cap the group's combined crude output"), but not after a verb's -ing
// form ("what is the US seeking to tighten": "sanctions").
func asksInfinitiveObject(text string) bool {
	w := lowerWordsIn(text)
	n := len(w)
	// or on a verb's -ing form and an infinitive: "what is the US seeking
	// to tighten", as "what does it seek to tighten"
	catenative := len(w[max(n-3, 0)]) > 5 && strings.HasSuffix(w[max(n-3, 0)], "ing")
	return n >= 4 && (purposed[w[n-3]] || catenative) && w[n-2] == "to" && w[n-1] != "do" && !isStop(w[n-1]) && !auxiliaries[w[n-1]]
}

// purposed are the participles of "what is X designed to do": what X is
// for.
var purposed = map[string]bool{
	"designed": true, "meant": true, "intended": true, "built": true, "supposed": true,
	"expected": true, "required": true, "allowed": true, "permitted": true, "set": true,
}

// asksKindDeed reports whether a question asks what of a kind someone did
// something to: "which weapons did Kim watch", "what obligation does the
// US have" ("what exports would be banned" asks no deed).
func asksKindDeed(text string) bool {
	w := lowerWordsIn(text)
	for i, word := range w {
		if (word == "what" || word == "which") && i+3 < len(w) {
			return !auxiliaries[w[i+1]] && !isStop(w[i+1]) && deedAux[w[i+2]] && w[i+3] != "be" && w[i+3] != "been"
		}
	}
	return false
}

// deedAux are the auxiliaries after "what" (or "which" and a noun) that
// ask what someone did or does.
var deedAux = map[string]bool{"did": true, "does": true, "do": true, "will": true, "would": true, "has": true, "have": true, "had": true, "could": true, "can": true, "should": true, "might": true, "may": true, "must": true}

// asksThings reports whether a what question asks for things by a plural
// noun: "what weapons", "which goods".
func asksThings(text string) bool {
	w := lowerWordsIn(text)
	for i, word := range w {
		if (word == "what" || word == "which") && i+1 < len(w) {
			return plural(w[i+1]) && !auxiliaries[w[i+1]] && !isStop(w[i+1])
		}
	}
	return false
}

// modifiedNoun is the noun a "what kind of" or "for what purpose" question
// asks to qualify: the word after "kind of", or "purpose".
func modifiedNoun(text string) string {
	w := lowerWordsIn(text)
	for i, word := range w {
		switch {
		case (word == "kind" || word == "type" || word == "sort") && i+2 < len(w) && w[i+1] == "of":
			// "what kind of lower-level negotiations": the last of up to three words
			for k := i + 2; k < min(len(w), i+5); k++ {
				if auxiliaries[w[k]] || isStop(w[k]) {
					return w[k-1]
				}
			}
			return w[min(len(w), i+5)-1]
		case word == "purpose" || word == "purposes":
			return word
		}
	}
	return ""
}

// asksTerm reports whether a what question asks for the word someone used
// for something: "what word did the US use for the tests", "what term
// describes them", "what did the US call the launches" (but not "what did
// Seoul call for", "what did Japan call on the council to do").
func asksTerm(text string) bool {
	w := lowerWordsIn(text)
	if len(w) >= 4 && w[0] == "how" && auxiliaries[w[1]] {
		// "how did the State Department describe North Korea's
		// behaviour": the word it chose
		return slices.ContainsFunc(w[2:], func(x string) bool { return describing[x] || referVerbs[x] })
	}
	if len(w) < 3 || w[0] != "what" {
		return false
	}
	if asksWord(text) {
		return true
	}
	for i := 2; i < len(w); i++ {
		switch w[i] {
		case "call", "calls", "called", "label", "labels", "labelled", "labeled", "dub", "dubs", "dubbed":
			if i+1 < len(w) && (particles[w[i+1]] || w[i+1] == "to") {
				return false // "call for", "call on", "call to": no naming
			}
			return true
		}
	}
	return false
}

// describing are the verbs of "how did X describe Y", which ask for the
// word X chose.
var describing = map[string]bool{
	"describe": true, "describes": true, "described": true, "characterise": true,
	"characterises": true, "characterised": true, "characterize": true, "characterizes": true,
	"characterized": true, "portray": true, "portrays": true, "portrayed": true,
	"label": true, "labels": true, "labelled": true, "labeled": true, "term": true, "termed": true,
}

// namingVerbs ("call", "dub") and referVerbs, like the describing ones,
// ask what a thing was called: "how did Price refer to the North". Unlike
// the describing ones they are the passage's own words ("referring to the
// North"), so no frame.
var (
	namingVerbs = map[string]bool{
		"call": true, "calls": true, "called": true, "dub": true, "dubs": true, "dubbed": true,
	}
	referVerbs = map[string]bool{"refer": true, "refers": true, "referred": true, "referring": true}
)

// namingWord reports whether a word asks or says what a thing was called.
func namingWord(x string) bool { return describing[x] || namingVerbs[x] || referVerbs[x] }

// asksWord reports whether a question asks for a word by that name: "what
// word did the US use for the tests", "what term describes them".
func asksWord(text string) bool {
	w := lowerWordsIn(text)
	if len(w) < 3 || w[0] != "what" {
		return false
	}
	switch w[1] {
	case "word", "words", "term", "terms", "expression", "label", "phrase":
		return true
	}
	return false
}

// asksDoTo returns the last word of what a question asks was done to:
// "what would the draft do to sanctions" (sanctions), or "".
func asksDoTo(text string) string {
	w := withoutClosing(lowerWordsIn(text))
	if len(w) < 6 || w[0] != "what" || !deedAux[w[1]] {
		return ""
	}
	for i := 3; i+2 < len(w); i++ {
		if (w[i] == "do" || w[i] == "done") && w[i+1] == "to" {
			if last := w[len(w)-1]; !isStop(last) {
				return last
			}
			return ""
		}
	}
	return ""
}

// asksDo returns the subject of a question that asks what someone did,
// "what did the military do in February" (military), or "".
func asksDo(text string) string {
	w := lowerWordsIn(text)
	if len(w) < 5 || w[0] != "what" {
		return ""
	}
	switch w[1] {
	case "did", "does", "do", "has", "have", "will", "would":
	default:
		return ""
	}
	for i := 3; i < len(w); i++ {
		switch w[i] {
		case "do", "done", "doing":
			if i+1 < len(w) && (w[i+1] == "to" || w[i+1] == "with" || w[i+1] == "about") {
				return "" // "what would the draft do to sanctions": what it does to them
			}
			start := 2
			if isArticle(w[2]) {
				start = 3
			}
			if i-start != 1 || isStop(w[start]) {
				return "" // a subject of several words ("brent crude"), whose first word is no subject
			}
			return w[start]
		}
	}
	return ""
}
