package index

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// answerKind is the kind of answer a question asks for.
type answerKind int

const (
	kindNone     answerKind = iota
	kindEntity              // who, which country…: a name
	kindNumber              // how many, how much, what limit: a quantity
	kindTime                // when, what year: a date or time
	kindThing               // what + a noun or verb: a list of things, or what was vowed
	kindReason              // why, what caused: the cause
	kindModifier            // what kind of X, for what purpose: the words that qualify X
	kindPlace               // where: a place's name
)

// entityNouns are the nouns that, after "which" or "what", ask for a name.
var entityNouns = map[string]bool{
	"country": true, "countries": true, "nation": true, "nations": true, "government": true,
	"governments": true, "power": true, "powers": true, "state": true, "states": true,
	"organization": true, "organisation": true, "agency": true, "official": true, "officials": true,
	"person": true, "leader": true, "ally": true, "allies": true, "name": true, "spokesman": true,
	"president": true, "news": true, "capital": true, "city": true, "company": true,
	"companies": true, "group": true, "groups": true, "diplomat": true, "diplomats": true,
	"minister": true, "party": true, "parties": true, "newspaper": true,
	"member": true, "members": true, "administration": true, "administrations": true,
	"ministry": true, "ministries": true, "outlet": true, "outlets": true,
}

// nounAfter returns where the noun phrase starts from word i on, past
// auxiliaries and articles: "what would the new cap be" gives "new".
func nounAfter(w []string, i int) int {
	for i < len(w) && (auxiliaries[w[i]] || isArticle(w[i])) {
		i++
	}
	return i
}

// roleNouns, in a question with no question word, ask who holds the role:
// "pyongyang's closest ally", "state department spokesman".
var roleNouns = map[string]bool{
	"ally": true, "leader": true, "spokesman": true, "spokeswoman": true, "president": true,
	"minister": true, "predecessor": true, "successor": true, "ambassador": true, "envoy": true,
	"neighbour": true, "neighbor": true, "partner": true, "rival": true,
	"mayor": true, "governor": true, "chancellor": true, "premier": true, "secretary": true,
	"chairman": true, "chairwoman": true, "director": true, "commander": true,
}

// quantityNouns name a quantity: "what limit", or "oil cap" with no
// question word, ask for a number.
var quantityNouns = map[string]bool{
	"number": true, "amount": true, "percentage": true, "quantity": true, "total": true,
	"limit": true, "cap": true, "ceiling": true, "quota": true, "figure": true, "volume": true,
	"price": true, "cost": true, "size": true, "fare": true, "fee": true, "rate": true,
	"reduction": true, "cut": true, "increase": true, "rise": true, "drop": true,
	"share": true, "proportion": true, "fraction": true, "distance": true, "range": true,
}

// moneyNouns are quantity nouns that are also names ("Ned Price"): in a
// question with no question word they ask for no quantity.
var moneyNouns = map[string]bool{"price": true, "cost": true, "fare": true, "fee": true, "rate": true}

// asksMoney reports whether a quantity question asks for a price: "what is
// the price of", "how much does it cost".
func asksMoney(text string) bool {
	orig, w := wordsIn(text), lowerWordsIn(text)
	for i, x := range w {
		if typedAsName(w, orig, i) {
			continue // "Price said", "did price mention"
		}
		if (moneyNouns[x] && x != "rate") || x == "costs" || x == "worth" {
			return true
		}
	}
	return false
}

// currencies name money in an answer.
var currencies = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true,
	"yen": true, "yuan": true, "rouble": true, "roubles": true, "ruble": true, "rubles": true,
	"won": true, "rupee": true, "rupees": true, "cents": true,
}

// namesMoney reports whether an answer is an amount of money: a currency's
// name or sign.
func namesMoney(answer string) bool {
	if strings.ContainsAny(answer, "$€£¥") {
		return true
	}
	for _, w := range lowerWordsIn(answer) {
		if currencies[w] {
			return true
		}
	}
	return false
}

// timeNouns ask for a time after "what" or "which", or anywhere in a
// question with no question word.
var timeNouns = map[string]bool{"year": true, "date": true, "day": true, "month": true, "time": true}

// causeVerbs, after "what", ask for a cause: "what soured relations".
var causeVerbs = map[string]bool{
	"caused": true, "causes": true, "soured": true, "led": true, "prompted": true,
	"triggered": true, "drove": true, "sparked": true, "worsened": true,
	"damaged": true, "hurt": true, "harmed": true, "strained": true, "made": true,
	"pushed": true, "forced": true, "persuaded": true, "convinced": true,
}

var words = regexp.MustCompile(`[\p{L}\p{N}']+`)

// wordCache remembers the words of recent texts: every answer rule reads
// the question's words, for every candidate passage, and finding them
// again each time was a tenth of a search's allocations. Callers must not
// change the slices they get.
var wordCache struct {
	sync.Mutex
	plain, lower map[string][]string
}

// wordCacheSize bounds the texts remembered; the cache starts afresh when
// it is full.
const wordCacheSize = 1024

// wordsIn returns the words of text, as written.
func wordsIn(text string) []string { return cachedWords(text, false) }

// lowerWordsIn returns the words of text, in lower case.
func lowerWordsIn(text string) []string { return cachedWords(text, true) }

func cachedWords(text string, lower bool) []string {
	wordCache.Lock()
	m := wordCache.plain
	if lower {
		m = wordCache.lower
	}
	w, ok := m[text]
	wordCache.Unlock()
	if ok {
		return w
	}
	if lower {
		w = words.FindAllString(strings.ToLower(text), -1)
	} else {
		w = words.FindAllString(text, -1)
	}
	wordCache.Lock()
	defer wordCache.Unlock()
	if wordCache.plain == nil || len(wordCache.plain) >= wordCacheSize || len(wordCache.lower) >= wordCacheSize {
		wordCache.plain, wordCache.lower = map[string][]string{}, map[string][]string{}
	}
	if lower {
		wordCache.lower[text] = w
	} else {
		wordCache.plain[text] = w
	}
	return w
}

// answerKindOf reads what kind of answer a question asks for from its
// question words; a question with none ("oil cap", "first icbm since")
// asks for a number, time or name when one of its words names one.
func answerKindOf(text string) answerKind {
	orig := wordsIn(text)
	w := lowerWordsIn(text)
	// quantity is a quantity noun as the question writes it: "Price" in
	// "what did Price say", "price" in "what did price tell reporters" is
	// a name.
	quantity := func(i int) bool { return quantityNouns[w[i]] && !typedAsName(w, orig, i) }
	asked := false
	for i, word := range w {
		next := ""
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch word {
		case "who", "whom", "whose":
			return kindEntity

		case "when":
			return kindTime
		case "why":
			return kindReason
		case "where":
			return kindPlace
		case "how":
			if next == "long" && i+2 < len(w) && w[i+2] == "ago" {
				return kindTime // "how long ago": when
			}
			if next == "long" && asksDuration(text) {
				return kindTime // "how long did the talks last": for how long
			}
			if next == "many" || next == "much" || measureUnits[next] != nil {
				return kindNumber
			}
			if asksDegree(text) != "" {
				return kindModifier // "how interested": "little interest"
			}
			if asksTerm(text) {
				return kindThing // "how did the US describe the launches": its word
			}
			asked = true
		case "which", "what":
			if asksExpansion(text) != "" {
				return kindEntity // "what does DPRK stand for": a name
			}
			switch {
			case word == "what" && (next == "is" || next == "are" || next == "was" || next == "were") &&
				endsOnFor(w, i):
				// "what is the draft's limit on crude imports for": what
				// it serves, after "for" in the passage; not a quantity
				return kindThing
			case timeNouns[next]:
				return kindTime
			case i+1 < len(w) && quantity(i+1):
				return kindNumber
			case entityNouns[next]:
				return kindEntity
			case causeVerbs[next]:
				return kindReason
			case next == "kind" || next == "type" || next == "sort" || next == "purpose" ||
				(i > 0 && w[i-1] == "for" && word == "what"):
				return kindModifier
			}
			// "what is the purpose of", "what was the reason for"
			if np := nounAfter(w, i+1); np < len(w) {
				switch w[np] {
				case "purpose", "kind", "type", "sort":
					return kindModifier
				case "reason", "cause":
					return kindReason
				}
				if causeVerbs[w[np]] {
					return kindReason // "what has damaged relations"
				}
			}
			// "what is X's official name", "which US official said"
			if slices.Contains(w[i:], "name") {
				return kindEntity
			}
			// "what import limit", "which oil cap", "what would the
			// new ferry fare be": the noun phrase after the question
			// word and its auxiliaries.
			np := nounAfter(w, i+1)
			for k := np; k < min(len(w), np+3) && !auxiliaries[w[k]]; k++ {
				if deedAux[next] && k > np && !slices.Contains(w[k+1:], "be") && !slices.Contains(w[k+1:], "become") {
					continue // "what did OPEC+ cap": the verb after the subject, not "what will the new limit on imports be"
				}
				if quantity(k) {
					return kindNumber
				}
			}
			for _, later := range w[i+1 : min(len(w), i+4)] {
				if word == "which" && entityNouns[later] {
					return kindEntity
				}
			}
			return kindThing
		}
	}
	if asked || len(w) > 0 && (auxiliaries[w[0]] || questionWords[w[0]]) {
		// "how" with no kind; "is russia an ally of north korea", a
		// yes-or-no question, whose answer no passage's words give
		return kindNone
	}
	for i, word := range w {
		switch {
		case word == "name":
			return kindEntity // "us spokesman name"
		case i == len(w)-1 && keywordThings(text) != "":
			return kindThing // "parade weapons": the weapons the passage lists
		case i == len(w)-1 && promiseNouns[word]:
			return kindThing // "kim vow": what he vowed
		case i == len(w)-1 && len(keywordHolders(text)) > 0:
			return kindEntity // "veto powers": which powers have a veto
		case roleNouns[word] && (i >= 1 && isPossessive(w[i-1]) || i >= 2 && isPossessive(w[i-2])):
			return kindEntity // "pyongyang's closest ally"
		case roleNouns[word] && i >= 1 && !slices.ContainsFunc(w, isPossessive):
			return kindEntity // "state department spokesman" (see roleHolder)
		case quantity(i) && !moneyNouns[word]:
			// "oil cap"; not "price provocations", where Price is a
			// name typed in lower case
			return kindNumber
		case timeNouns[word] || word == "since":
			return kindTime
		}
	}
	return kindNone
}

// endsOnFor reports whether a question's words end on "for", past a
// closing phrase ("what is the oil for under the draft"), with at least
// two words between it and the question word at i.
func endsOnFor(w []string, i int) bool {
	w = withoutClosing(w)
	return len(w) > i+3 && w[len(w)-1] == "for"
}

// objectVerbs returns the words that may be the verb of a question asking
// who something was done to ("who did Kim meet", "who was Price talking
// to", "which country did Russia invade"): the lower-case words after its
// auxiliary, in order.
func objectVerbs(text string) []string {
	w := wordsIn(text)
	if asksObjectByNoun(text) {
		// "which country did Russia invade", as "who did Russia invade"
		for i := 0; i+1 < len(w); i++ {
			if lw := strings.ToLower(w[i]); lw == "which" || lw == "what" {
				w = append([]string{"who"}, w[i+2:]...)
				break
			}
		}
	}
	for i, word := range w {
		lw := strings.ToLower(word)
		if (lw != "who" && lw != "whom") || i+1 >= len(w) {
			continue
		}
		copula := false
		switch strings.ToLower(w[i+1]) {
		case "did", "does", "do", "will", "would", "has", "have", "had":
		case "was", "were", "is", "are":
			copula = true // "who is X" asks who X is; "who was X talking to" for a verb
		default:
			return nil
		}
		var out []string
		subject := true // the first word after the auxiliary, past articles
		for _, later := range w[i+2:] {
			if isStop(later) || filler[later] {
				continue
			}
			if isLower(later) && (!copula || strings.HasSuffix(later, "ing")) &&
				!(subject && !copula && len(w) > i+3) {
				out = append(out, later)
			}
			// "who did price talk to", typed in lower case: the first
			// word is the subject, not a verb ("a higher price than
			// Moscow")
			subject = false
		}
		return out
	}
	return nil
}

// auxiliaries stand between a question word and the verb, or between a
// subject and its verb in a passage.
var auxiliaries = map[string]bool{
	"can": true, "could": true, "will": true, "would": true, "may": true, "might": true,
	"should": true, "must": true, "has": true, "have": true, "had": true, "did": true,
	"does": true, "do": true, "is": true, "was": true, "are": true, "were": true,
}

// typedAsName reports whether the question's word i (w in lower case,
// orig as typed) is a name: written with a capital past the first word
// ("what did Price say"), or standing where a name does, right after an
// auxiliary of a verb with no article ("did price mention").
func typedAsName(w, orig []string, i int) bool {
	return i > 0 && (!isLower(orig[i]) || verbAux[w[i-1]])
}

// verbAux are the auxiliaries that stand before a subject and its verb
// ("did price mention"), where a bare noun is a name.
var verbAux = map[string]bool{
	"did": true, "does": true, "do": true, "will": true, "would": true, "can": true, "could": true,
	"should": true, "has": true, "have": true, "had": true,
}

// doerVerb returns the verb of a question that asks who did something
// ("who can veto the resolution" asks for the subject of "veto", "which
// countries refused" of "refused"), or "" when the question asks for an
// object or an identity ("who did Kim meet", "who is the spokesman").
func doerVerb(text string) string {
	orig := wordsIn(text) // "Biden" is no participle
	w := lowerWordsIn(text)
	for i, word := range w {
		j := -1
		switch word {
		case "who":
			j = i + 1
		case "which", "what":
			// "which countries refused", "which US official said"; not
			// "what is the official name" (the noun is no doer there).
			for k := i + 1; k < min(len(w), i+4); k++ {
				if auxiliaries[w[k]] || isArticle(w[k]) {
					break
				}
				if entityNouns[w[k]] {
					j = k + 1
				}
			}
		case "name":
			if i > 0 {
				continue
			}
			// "name the agency that saw the draft": the relative clause
		default:
			continue
		}
		if j < 0 {
			// "what is the name of the agency that saw the draft": the
			// verb of a relative clause on a noun of a doer.
			for r := i + 2; r+1 < len(w); r++ {
				if (w[r] == "that" || w[r] == "who" || w[r] == "which") && entityNouns[w[r-1]] {
					j = r + 1
					break
				}
			}
		}
		if j >= 0 && j < len(w) && w[j] == "else" {
			j++ // "who else has a veto"
		}
		if j < 0 || j >= len(w) {
			return ""
		}
		switch w[j] {
		case "is", "was", "are", "were":
			if j+1 < len(w) && strings.HasSuffix(w[j+1], "ing") && !isStop(w[j+1]) {
				return w[j+1] // "who was overseeing the parade"
			}
			return "" // an identity
		case "did", "does", "do":
			return "" // an object
		case "has", "have", "had":
			k := pastAdverbs(w, j+1) // "who has repeatedly offered"
			if k < len(w) && (isStop(w[k]) || !participle(orig[k])) {
				// "who has the power": having is the verb, and the
				// index does not hold it (a stop word).
				return w[j]
			}
			j = k
		case "can", "could", "will", "would", "may", "might", "should", "must":
			j = pastAdverbs(w, j+1)
		}
		if j+2 < len(w) && catenatives[w[j]] && w[j+1] == "to" && !isStop(w[j+2]) && !auxiliaries[w[j+2]] {
			// "who got to see the draft", "who wants to tighten
			// sanctions": the doer of the verb after "to", which a
			// passage may say without wanting ("seen by AFP")
			return w[j+2]
		}
		if j < len(w) && !auxiliaries[w[j]] && !isStop(w[j]) {
			if j+1 < len(w) && len(w[j+1]) > 4 && strings.HasSuffix(w[j+1], "ing") && !isStop(w[j+1]) && isLower(orig[j+1]) {
				// "who reported seeing the draft": the doer of seeing,
				// whom a passage may name alone ("seen by AFP")
				return w[j+1]
			}
			return w[j]
		}
		return ""
	}
	return ""
}

// catenatives are the verbs that, before "to" and another verb, say
// little of their own: who did the other verb is asked.
var catenatives = map[string]bool{
	"get": true, "gets": true, "got": true, "manage": true, "manages": true, "managed": true,
	"want": true, "wants": true, "wanted": true, "try": true, "tries": true, "tried": true,
	"hope": true, "hopes": true, "hoped": true, "plan": true, "plans": true, "planned": true,
	"aim": true, "aims": true, "aimed": true, "intend": true, "intends": true, "intended": true,
}

// pastAdverbs returns the index of the first word from i on that is no
// adverb in -ly ("repeatedly"): the verb an auxiliary goes with.
func pastAdverbs(w []string, i int) int {
	for i < len(w) && len(w[i]) > 4 && strings.HasSuffix(w[i], "ly") && !notAdverbs[w[i]] {
		i++
	}
	return i
}

// multipliers follow "a" inside a number: "half a million".
var multipliers = map[string]bool{"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true, "dozen": true}

// span is a possible answer in a passage: a run of words.
type span struct {
	start, end int // byte offsets
	first      int // position of the first word
	last       int // position of the last word
}

var (
	numberWords = map[string]bool{
		"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
		"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
		"fifteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "hundred": true,
		"hundreds": true, "thousand": true, "thousands": true, "million": true, "millions": true,
		"billion": true, "billions": true, "dozen": true, "dozens": true, "half": true,
		"once": true, "twice": true,
	}
	timeWords = map[string]bool{
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
		"april": true, "june": true, "july": true, "august": true, "september": true,
		"october": true, "november": true, "december": true, "yesterday": true, "today": true,
	}
	digits    = regexp.MustCompile(`^[0-9][0-9.,]*$`)
	yearRE    = regexp.MustCompile(`^(19|20)[0-9][0-9]$`)
	tokenizer = unicodetok.NewUnicodeTokenizer()
	stopWords = func() analysis.TokenMap {
		tm := analysis.NewTokenMap()
		if err := tm.LoadBytes(en.EnglishStopWords); err != nil {
			panic(err)
		}
		return tm
	}()
)

// word is one word of a passage as written, with its position.
type word struct {
	text       string
	lower      string // text in lower case
	start, end int
	pos        int
}

func rawWords(text string) []word {
	var out []word
	for _, t := range tokenizer.Tokenize([]byte(text)) {
		w := string(t.Term)
		out = append(out, word{text: w, lower: strings.ToLower(w), start: t.Start, end: t.End, pos: t.Position})
	}
	return out
}

// isStop reports whether w is an English stop word.
func isStop(w string) bool {
	_, ok := stopWords[strings.ToLower(w)]
	return ok
}

// spans finds the possible answers of a kind in a passage.
func spans(kind answerKind, text string, ws []word) []span {
	var out []span
	is := func(w word) bool {
		lw := w.lower
		switch kind {
		case kindNumber:
			return (digits.MatchString(w.text) && !yearRE.MatchString(w.text)) || numberWords[lw]
		case kindTime:
			return yearRE.MatchString(w.text) || timeWords[lw]
		case kindEntity:
			r := []rune(w.text)
			return len(r) > 0 && unicode.IsUpper(r[0]) && !isStop(w.text) && !timeWords[lw]
		}
		return false
	}
	for i := 0; i < len(ws); i++ {
		if kind == kindTime && i+1 < len(ws) && relative[ws[i].lower] && periods[ws[i+1].lower] {
			// "this month", "last week"; "earlier this month" is not
			// the whole of this month, so the answer says "earlier" too
			// (its distance to the question's words is the period's)
			sp := span{start: ws[i].start, end: ws[i+1].end, first: ws[i].pos, last: ws[i+1].pos}
			if placedBy(text, ws, i, withinPeriod) {
				sp.start = ws[i-1].start
			}
			out = append(out, sp)
			i++
			continue
		}
		if kind == kindTime {
			if n := clockTime(text, ws, i); n > 0 {
				// "seven in the morning", "9 a.m."; "shortly after seven
				// in the morning" is not seven (the distance to the
				// question's words is the hour's)
				sp := span{start: ws[i].start, end: ws[i+n-1].end, first: ws[i].pos, last: ws[i+n-1].pos}
				k := i
				if placedBy(text, ws, k, aroundTime) {
					k--
					if placedBy(text, ws, k, nearly) {
						k--
					}
				}
				sp.start = ws[k].start
				out = append(out, sp)
				i += n - 1
				continue
			}
		}
		if !is(ws[i]) {
			continue
		}
		if kind == kindNumber && ws[i].lower == "one" && i+1 < len(ws) && ws[i+1].lower == "of" {
			continue // "one of the longest distances": no quantity
		}
		j := i
		for j+1 < len(ws) && ws[j+1].pos == ws[j].pos+1 && !crossesPunctuation(text, ws[j], ws[j+1]) {
			switch {
			case is(ws[j+1]):
				j++
				continue
			case kind == kindEntity && strings.EqualFold(ws[j+1].text, "of") && j+2 < len(ws) && is(ws[j+2]):
				j += 2
				continue
			case kind == kindNumber && ws[j+1].lower == "a" && j+2 < len(ws) && ws[j+2].pos == ws[j+1].pos+1 &&
				multipliers[ws[j+2].lower] && !crossesPunctuation(text, ws[j+1], ws[j+2]):
				// "half a million": one number
				j += 2
				continue
			}
			break
		}
		s := span{start: ws[i].start, end: ws[j].end, first: ws[i].pos, last: ws[j].pos}
		// A quantity's unit: the next word, lower case, when a stop word
		// or a full stop or comma closes it ("two million barrels the",
		// not "two recent ICBM" nor "three high-profile").
		if kind == kindNumber && j+1 < len(ws) && !isStop(ws[j+1].text) && ws[j+1].pos == ws[j].pos+1 &&
			!crossesPunctuation(text, ws[j], ws[j+1]) && isLower(ws[j+1].text) &&
			(j+2 >= len(ws) || (isStop(ws[j+2].text) && !crossesPunctuation(text, ws[j+1], ws[j+2])) || closes(text[ws[j+1].end:ws[j+2].start])) {
			s.end, s.last = ws[j+1].end, ws[j+1].pos
		}
		out = append(out, s)
		i = j
	}
	return out
}

// placedBy reports whether the word right before ws[k], with nothing but a
// space between, is one of the words that place a time: "earlier" before
// "this month", "after" before "seven".
func placedBy(text string, ws []word, k int, words map[string]bool) bool {
	return k > 0 && words[ws[k-1].lower] && ws[k-1].pos == ws[k].pos-1 && !crossesPunctuation(text, ws[k-1], ws[k])
}

// clockTime returns how many words from i say a time of day: an hour
// (a number word up to twelve, or digits, "9" or "09:30") and "in the
// morning" (afternoon, evening, at night) or "a.m." ("p.m.", "o'clock");
// 0 for none.
func clockTime(text string, ws []word, i int) int {
	if !hours[ws[i].lower] && !clockRE.MatchString(ws[i].text) {
		return 0
	}
	next := func(k int) string {
		if i+k >= len(ws) || ws[i+k].pos != ws[i+k-1].pos+1 || crossesPunctuation(text, ws[i+k-1], ws[i+k]) {
			return ""
		}
		return ws[i+k].lower
	}
	switch next(1) {
	case "a.m", "p.m", "am", "pm", "o'clock":
		return 2 // (the span ends before a.m.'s last full stop)
	case "in":
		if next(2) == "the" && dayParts[next(3)] {
			return 4
		}
	case "at":
		if next(2) == "night" {
			return 3
		}
	}
	return 0
}

var (
	hours = map[string]bool{
		"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
		"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	}
	dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true}
	// aroundTime and nearly place an event about a time of day: "shortly
	// after seven", "just before noon", "around 9 a.m.".
	aroundTime = map[string]bool{"after": true, "before": true, "around": true, "about": true, "until": true, "by": true}
	nearly     = map[string]bool{"shortly": true, "just": true, "soon": true, "well": true, "long": true}
	clockRE    = regexp.MustCompile(`^(0?[0-9]|1[0-9]|2[0-3])([:.][0-5][0-9])?$`)
)

var (
	relative = map[string]bool{"this": true, "last": true, "next": true}
	// withinPeriod are the words that place a time inside a period:
	// "earlier this month", "late last year".
	withinPeriod = map[string]bool{"earlier": true, "later": true, "early": true, "late": true}
	periods      = map[string]bool{"week": true, "month": true, "year": true}
)

// timePhrase reports whether two words say when: "last week", "this
// month", "next Monday", "on Wednesday".
func timePhrase(first, second string) bool {
	return relative[first] && (periods[second] || timeWords[second]) || first == "on" && timeWords[second]
}

// closes reports whether the text between two words ends a phrase: a
// comma, full stop, colon or semicolon.
func closes(between string) bool {
	b := strings.TrimSpace(between)
	return b != "" && strings.ContainsAny(b[:1], ",.;:")
}

// crossesPunctuation reports whether anything but spaces stands between
// two words.
func crossesPunctuation(text string, a, b word) bool {
	return strings.TrimSpace(text[a.end:b.start]) != ""
}

// answerCloseness scores how close the nearest answer of the asked kind
// stands to the question's words in the passage: 1 next to them, falling
// with distance; 0 when there is none.
func answerCloseness(q *question, c *candidate) float64 {
	if a := asksExpansion(q.text); a != "" {
		if newView(q, c).expansion(a) != "" {
			return 1
		}
		return 0
	}
	if _, prep := strandedPreposition(q.text); prep != "" && q.kind == kindEntity {
		// "who has the draft been presented to": the answer is what
		// follows the preposition, read by a rule.
		if _, strong := readAnswer(q, c); strong {
			return 1
		}
	}
	switch {
	case q.kind == kindThing || q.kind == kindReason || q.kind == kindModifier,
		q.kind == kindEntity && q.doer != "":
		// No span of these kinds stands near the words: the answer is
		// what a rule reads off the passage, or nothing. Who did it is
		// the doer of the question's verb, not any name near it.
		if _, strong := readAnswer(q, c); strong {
			return 1
		}
		return 0
	}
	best := 0.0
	for _, s := range candidateSpans(q, c) {
		d := spanDistance(s, c)
		best = max(best, math.Exp(-float64(d-1)/3))
	}
	return best
}

// candidateSpans are the spans of the asked kind that are not the
// question's own words, nor names standing inside the question's phrase
// (between two of its words, as "Security Council" in "draft Security
// Council resolution").
func candidateSpans(q *question, c *candidate) []span {
	matched := map[int]bool{}
	var positions []int
	for _, f := range c.found {
		positions = append(positions, f.near...)
	}
	asksName := strings.Contains(strings.ToLower(q.text), "name")
	for _, t := range c.toks {
		for _, f := range c.found {
			if f.has(t.term) && !(asksName && f.weight < 1) && !(q.kind == kindTime && relative[t.term]) {
				// ("last" in "when was the last test" is no part of
				// the question's own words in "last month")
				matched[t.pos] = true
			}
		}
	}
	var out []span
	ws := c.rawWords()
	earlier := q.kind == kindTime && asksEarlier(q.text)
	for _, s := range spans(q.kind, c.hit.Text, ws) {
		if q.kind == kindTime && firstSince(ws, s) != earlier {
			// "its first since 2017": 2017 is when the one before
			// happened, not this one.
			continue
		}
		own := false
		for p := s.first; p <= s.last; p++ {
			// "two million barrels" for "how many barrels": the unit
			// is what the question counts, not its own answer; but
			// "the two countries" names again countries named before,
			// and counts no more than those.
			unit := q.kind == kindNumber && p == s.last && p > s.first
			if unit && matched[p] && after(ws, s.first, "the") {
				own = true
			}
			own = own || (matched[p] && !unit)
		}
		inside := below(positions, s.first) <= 2 && above(positions, s.last) <= 2
		if !own && !(q.kind == kindEntity && inside) {
			out = append(out, s)
		}
	}
	return out
}

// firstSince reports whether a time span follows "since" in "the first
// … since", "the highest … since": the time of an earlier event that the
// passage's own one is measured against.
func firstSince(ws []word, s span) bool {
	i := wordAt(ws, s.first)
	if i < 1 || !strings.EqualFold(ws[i-1].text, "since") {
		return false
	}
	for k := i - 2; k >= max(0, i-6); k-- {
		w := ws[k].lower
		if w == "first" || (strings.HasSuffix(w, "est") && len(w) > 4) {
			return true
		}
	}
	return false
}

// below is how far the nearest position before p stands (MaxInt if none).
func below(ps []int, p int) int {
	d := math.MaxInt
	for _, x := range ps {
		if x < p {
			d = min(d, p-x)
		}
	}
	return d
}

// above is how far the nearest position after p stands (MaxInt if none).
func above(ps []int, p int) int {
	d := math.MaxInt
	for _, x := range ps {
		if x > p {
			d = min(d, x-p)
		}
	}
	return d
}

// spanDistance is how many words apart a span and the nearest of the
// question's words found in the passage stand.
func spanDistance(s span, c *candidate) int {
	d := math.MaxInt
	for _, f := range c.found {
		for _, p := range f.near {
			switch {
			case p < s.first:
				d = min(d, s.first-p)
			case p > s.last:
				d = min(d, p-s.last)
			default:
				d = 0 // the question's word is the quantity's unit
			}
		}
	}
	return d
}

// after reports whether the word before position p is w.
func after(ws []word, p int, w string) bool {
	i := wordAt(ws, p)
	return i >= 1 && strings.EqualFold(ws[i-1].text, w)
}

// wordAt returns the index in ws of the word at position pos, or -1.
func wordAt(ws []word, pos int) int {
	return slices.IndexFunc(ws, func(w word) bool { return w.pos == pos })
}

// byQuantityNoun reports whether a quantity stands by the quantity noun
// the question asks for ("limit", "cap", "price"), when the passage names
// it in the number's clause: a number elsewhere in such a passage
// measures something else. A
// passage that does not name it ("reducing from four million to two
// million barrels" for "oil cap") is read by nearness alone.
func byQuantityNoun(q *question, c *candidate, s span) bool {
	if units := asksMeasure(q.text); units != nil && inUnits(lastWord(c.hit.Text[s.start:s.end]), units) {
		// "what distance did the missile travel": "4,600 kilometres" is
		// a distance by its unit, wherever the passage says "distances"
		return true
	}
	for k, con := range q.concepts {
		noun := false
		for _, w := range lowerWordsIn(con.words) {
			noun = noun || quantityNouns[w]
		}
		if !noun || c.found[k].weight == 0 {
			continue
		}
		for _, p := range c.found[k].near {
			if (p < s.first && s.first-p <= answerWindow) || (p > s.last && p-s.last <= answerWindow) || (p >= s.first && p <= s.last) ||
				sameClause(c, s, p) {
				return true
			}
		}
		return false
	}
	return true
}

// namesQuantityNoun reports whether the passage names, in the span's
// clause, the quantity noun the question asks for ("limit", said as
// "allowed"): unlike byQuantityNoun, a passage that does not name it does
// not pass.
func namesQuantityNoun(q *question, c *candidate, s span) bool {
	for k, con := range q.concepts {
		if !slices.ContainsFunc(lowerWordsIn(con.words), func(w string) bool { return quantityNouns[w] }) {
			continue
		}
		for _, p := range c.found[k].near {
			if sameClause(c, s, p) {
				return true
			}
		}
	}
	return false
}

// sameClause reports whether the word at position p stands in the span's
// clause: no punctuation between them ("two million barrels the amount of
// crude oil North Korea would be allowed to import"; not "1.3 million
// barrels of crude a day, most of it to refiners in Asia, despite the
// restrictions").
func sameClause(c *candidate, s span, p int) bool {
	ws := c.rawWords()
	i := wordAt(ws, p)
	if i < 0 {
		return false
	}
	from, to := s.end, ws[i].start
	if p < s.first {
		from, to = ws[i].end, s.start
	}
	return from <= to && !strings.ContainsAny(c.hit.Text[from:to], ",.;:!?()\"“”")
}

// joinRanges makes the two ends of "from four million to two million
// barrels" one span: the range is one answer, not two as near.
func joinRanges(spans []span, ws []word) []span {
	index := func(pos int) int { return wordAt(ws, pos) }
	var out []span
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if i+1 < len(spans) {
			a, b := index(s.first), index(s.last)
			next := index(spans[i+1].first)
			if a >= 1 && strings.EqualFold(ws[a-1].text, "from") && b+2 == next && strings.EqualFold(ws[b+1].text, "to") {
				s = span{start: ws[a-1].start, end: spans[i+1].end, first: ws[a-1].pos, last: spans[i+1].last}
				i++
			}
		}
		out = append(out, s)
	}
	return out
}

// answerWindow is the farthest, in words, a short answer may stand from
// the question's words; farther, the passage may well be about something
// else, and no answer beats a wrong one.
const answerWindow = 4

// extractAnswer takes a quantity or a date from the passage's own words:
// the one nearest the question's words, when it stands within
// answerWindow and no other of its kind is as near. A quantity takes its
// "from … to …" and its unit ("from four million to two million
// barrels"). It returns "" when unsure. (Names are read by the rules of
// extract.go, never taken for being near.)
func extractAnswer(q *question, c *candidate) string {
	spans := candidateSpans(q, c)
	if q.kind == kindNumber {
		spans = joinRanges(spans, c.rawWords())
	}
	bestD, best, ties := math.MaxInt, -1, 0
	for i, s := range spans {
		d := spanDistance(s, c)
		switch {
		case d < bestD:
			bestD, best, ties = d, i, 0
		case d == bestD:
			ties++
		}
	}
	if best < 0 || ties > 0 {
		return "" // none, or two as near: unsure
	}
	if bestD > answerWindow && !(q.kind == kindNumber && namesQuantityNoun(q, c, spans[best])) {
		// none near enough, unless the quantity noun the question asks
		// for stands in the number's clause ("what import limit does
		// the draft put on Pyongyang": "two million barrels the amount
		// of crude oil North Korea would be allowed to import")
		return ""
	}
	if q.kind == kindNumber && !byQuantityNoun(q, c, spans[best]) {
		return "" // "1.3 million barrels of crude a day … despite the restrictions": not the limit
	}
	text := c.hit.Text
	s := spans[best]
	ws := c.rawWords()
	index := func(pos int) int { return wordAt(ws, pos) }
	if q.kind == kindNumber {
		i := index(s.first)
		// "from X to Y": take the whole range, from either end.
		if i >= 1 && strings.EqualFold(ws[i-1].text, "to") {
			for _, o := range spans {
				if k := index(o.first); o.last < s.first && k >= 1 && strings.EqualFold(ws[k-1].text, "from") && index(o.last)+1 == i-1 {
					s.start, s.first = ws[k-1].start, ws[k-1].pos
				}
			}
		} else if i >= 1 && strings.EqualFold(ws[i-1].text, "from") {
			j := index(s.last)
			for _, o := range spans {
				if j+2 < len(ws) && strings.EqualFold(ws[j+1].text, "to") && o.first == ws[j+2].pos {
					s.start, s.end, s.last = ws[i-1].start, o.end, o.last
				}
			}
		}
	}
	return strings.TrimSpace(text[s.start:s.end])
}

func isLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}
