package index

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Short answers are read off the best passage with a few rules of English
// word order, each tied to what the question asks (see answerKindOf):
//
//   - who did it: the doer of the question's verb in the passage, either
//     its subject ("China and Russia have so far refused", skipping
//     asides between commas) or its agent ("seen by AFP");
//   - who is it: a name standing beside the question's word
//     ("spokesman Ned Price", "leader Kim Jong Un");
//   - what things: a list the passage gives ("including mineral fuels and
//     clocks", "tanks, rocket launchers and missiles");
//   - what was vowed: what follows the verb ("vowed to accelerate …");
//   - why: what follows a word of cause ("over the Ukraine invasion");
//   - what kind, what purpose: the words that qualify the question's noun
//     ("for civilian purposes").
//
// Each rule only reads words next to the question's own words in the
// passage, and gives up rather than guess: no answer is better than a
// wrong one.

// extract reads a short answer to the question off the passage, or returns
// "" when unsure.
func extract(q *question, c *candidate) string {
	s, _ := readAnswer(q, c)
	return s
}

// readAnswer is extract; strong reports that the answer was read by a rule
// tied to the question's own words in the passage (the doer or object of
// its verb, what follows its verb, a name beside its word), rather than
// taken as the nearest of its kind.
func readAnswer(q *question, c *candidate) (answer string, strong bool) {
	v := newView(q, c)
	if v.possessedByOther(q) {
		return "", false // "who is kim's predecessor", of "Biden's predecessor Donald Trump"
	}
	weak := func(s string) (string, bool) { return s, false }
	sure := func(s string) (string, bool) { return s, s != "" }
	if end := asksEndpoint(q.text); end != "" && (q.kind == kindNumber || q.kind == kindThing) {
		// "what would the import limit fall to": the end of "from four
		// million to two million barrels" that the question asks
		if s := v.rangeEnd(end); s != "" {
			return sure(s)
		}
	}
	switch q.kind {
	case kindEntity:
		if !holdsPossessor(q, c) {
			return "", false // "kim's sister's name" in a passage with no sister
		}
		if !holdsQualifier(q, c) {
			return "", false // "the previous spokesman", of the spokesman
		}
		if role, ok := keywordRole(q.text); ok {
			// "state department spokesman": the name right after the
			// role said as the question says it, and nothing else
			if s := v.roleHolder(q, c, role); s != "" {
				return sure(s)
			}
			// "closest ally": the name an aside holding the role
			// describes ("China, North Korea's closest ally,")
			return sure(v.nameBeforeOwnAside())
		}
		if s, ok := v.whichName(q, c); ok {
			return sure(s) // "which department": "State Department"
		}
		if mods := keywordHolders(q.text); len(mods) > 0 {
			// "veto powers", read as "which powers have a veto": who
			// "wield veto power"
			return sure(v.subjectOfVerbBefore(q, c, mods[0], having, true))
		}
		if word, prep := q.strandedPreposition(); word != "" && v.holdsSubject(q, c) {
			// "who has the draft been presented to": "presented to all
			// 15 Security Council members".
			if s := v.afterOwnPreposition(q, c, word, prep); s != "" {
				return sure(s)
			}
		}
		verb := q.doer
		if verb == "has" || verb == "have" || verb == "had" {
			// "which members have veto power": the subject of a verb
			// of having before what the question says they have.
			return sure(v.holderOf(q, c))
		}
		if speaksFor(q.text) {
			// "who spoke for the State Department": its spokesman
			if s := v.spokesmanOf(); s != "" {
				return sure(s)
			}
		}
		at := v.verbAt(q, c)
		if namingVerbs[verb] && q.particleAfter(verb) == "" {
			// "who called north korea a threat": not "Seoul has called
			// on the Security Council", another sense of the verb
			at = slices.DeleteFunc(at, func(a [2]int) bool { return v.particleAfter(a[1]) != "" })
		}
		if namingVerbs[verb] && v.lacksBesides(q, c, verb) {
			return "", false // "who called the quota fair", of who called it unworkable
		}
		if verb != "" && len(at) == 0 && namingVerbs[verb] {
			// "who called the launch outrageous": who said the launch
			// was an outrageous act
			return sure(v.sayerOf(q, c))
		}
		if verb != "" && len(at) == 0 {
			return "", false // the passage does not say who did it
		}
		if !holdsObject(q, c, verb) {
			return "", false // "who won the vote", of "members … won exemptions"
		}
		particle := q.particleAfter(verb)
		for _, at := range at {
			if p := v.particleAfter(at[1]); particle != "" && p != "" && p != particle {
				continue // "called on the Security Council" for "who called for restraint"
			}
			if s := v.agentAfter(at[1]); s != "" {
				return sure(s)
			}
			// "leads" found as "leader Kim Jong Un": the doer's noun, and
			// the name it introduces; the words before it describe it.
			if w := strings.ToLower(v.ws[at[1]].text); (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or")) &&
				inflectionBase(w) != inflectionBase(verb) {
				if k := at[0] - 1; k >= 0 && v.gap(k) == " " && isPossessive(v.ws[k].text) && !v.owns(v.ws[k].pos) {
					continue // "Biden's predecessor Donald Trump" did not precede Kim
				}
				if at[1]+1 < len(v.ws) && v.gap(at[1]) == " " {
					if n, ok := v.nameStartingAt(at[1] + 1); ok {
						if v.ignoringOwn().say([]name{n}) != v.say([]name{n}) {
							return "", false // the name is the question's own: "who preceded Trump"
						}
						return sure(v.say([]name{n}))
					}
				}
				continue
			}
			// "watered down after objections from some members": the
			// deed as a noun, and who did it after "from"
			if w := v.ws[at[1]].lower; inflectionBase(w) != inflectionBase(verb) && deedNoun(w) && at[1]+2 < len(v.ws) &&
				v.ws[at[1]+1].lower == "from" && v.gap(at[1]) == " " && v.gap(at[1]+1) == " " {
				s := v.trimTail(cutAtVerb(v.phraseFrom(at[1]+2, 4)))
				if j := at[1] + 2; s == "" && (j+1 == len(v.ws) || strings.ContainsAny(v.gap(j), ",.;!?")) && !isStop(v.ws[j].text) {
					s = v.ws[j].text // one word: "objections from boatmen."
				}
				if s != "" && !v.ownBetween(at[1]+2, s) {
					return sure(s)
				}
			}
			// "Kim's three meetings with Donald Trump": the deed as a
			// noun, and the other party after "with", for "who met
			// Kim".
			if w := strings.ToLower(v.ws[at[1]].text); strings.HasSuffix(w, "s") &&
				at[1]+1 < len(v.ws) && strings.EqualFold(v.ws[at[1]+1].text, "with") && v.gap(at[1]) == " " &&
				inflectionBase(w) != inflectionBase(verb) {
				// the name after "with" may hold the question's own
				if s := v.ignoringOwn().objectAfter(at[1] + 1); s != "" {
					if !namesOwn(q.text, s) {
						if v.ownBetween(at[1]+1, s) {
							return "", false // "with Biden's predecessor Donald Trump": not who met Biden
						}
						return sure(s)
					}
					// "Who met Trump?": the possessor of the meetings,
					// "Kim's three high-profile meetings with … Trump".
					return sure(v.possessorBefore(at[0]))
				}
			}
			if s, decided := v.subjectBefore(at[0]); decided {
				if full, ok := v.ignoringOwn().subjectBefore(at[0]); ok && s != "" && full != s && namesOwn(q.text, full) {
					// the doer is the question's own name, cut short by
					// it ("Jong Un" of "Kim Jong Un" for "who watched
					// the parade with kim")
					return "", false
				}
				return sure(s)
			} else if full, ok := v.ignoringOwn().subjectBefore(at[0]); ok && ownersRole(full) {
				// "Hungary's prime minister said", for "who said Hungary
				// would not block the deal": the role of the question's
				// name is who did it
				return sure(full)
			}
		}
		if verb != "" {
			return "", false // the verb is there, but not who did it
		}
		if verbs := objectVerbs(q.text); len(verbs) > 0 {
			// "who did Kim meet": the object of the question's verb, or
			// nothing.
			plain := v.ignoringOwn() // the object may be the question's own name
			for _, w := range verbs {
				if v.writesCapitalised(w) || roleNouns[w] || entityNouns[w] {
					continue // the subject's words: "the state department spokesman"
				}
				particle := q.particleAfter(w)
				for _, at := range v.conceptAt(q, c, w, derivedWeight) {
					if p := v.particleAfter(at[1]); particle != "" && p != "" && p != particle {
						continue // "called on" for "who did Seoul call for"
					}
					if q.speech && speechVerbs[w] && at[1]+1 < len(v.ws) && v.gap(at[1]) == " " &&
						prepositions[v.ws[at[1]+1].lower] && v.ws[at[1]+1].lower != "to" {
						continue // "talks with North Korea" for "who was Price talking to"
					}
					s := plain.objectAfter(at[1])
					if s != "" && !namesOwn(q.text, s) && !v.ownBetween(at[1]+1, s) {
						return sure(s)
					}
					// "who did Trump meet": the other party is the
					// question's own name, so the possessor of the deed
					// ("Kim's three high-profile meetings with Biden's
					// predecessor Donald Trump")
					if w := strings.ToLower(v.ws[at[1]].text); s != "" && namesOwn(q.text, s) && strings.HasSuffix(w, "s") &&
						at[1]+1 < len(v.ws) && v.ws[at[1]+1].lower == "with" {
						if p := v.possessorBefore(at[0]); p != "" && !namesOwn(q.text, p) {
							return sure(p)
						}
					}
				}
				// "over the Ukraine invasion", for "who did Russia
				// invade": the deed as a noun (or its synonym), and the
				// name before it that it was done to
				var found sole
				for _, at := range v.conceptAt(q, c, w, synonymWeight) {
					if inflectionBase(v.ws[at[1]].lower) == inflectionBase(w) || at[0] < 2 || v.gap(at[0]-1) != " " {
						continue
					}
					n, ok := v.nameEndingAt(at[0] - 1)
					if !ok || n.i < 1 || v.ws[n.i-1].lower != "the" || v.gap(n.i-1) != " " {
						continue
					}
					// done by the question's own name: the subject of the
					// clause the noun stands in ("Russia, whose relations
					// … over the Ukraine invasion"), not another's
					if doer := v.ignoringOwn().asideOwner(at[0]); doer == "" || !namesOwn(q.text, doer) {
						continue
					}
					if o := v.say([]name{n}); !namesOwn(q.text, o) && !found.add(o) {
						return "", false
					}
				}
				if s := found.answer(); s != "" {
					return sure(s)
				}
			}
			return "", false
		}
		if a := asksExpansion(q.text); a != "" {
			return sure(v.expansion(a))
		}
		if p := passiveWho(q.text); p != "" {
			// "who was told to take shelter": the subject of the
			// passive verb, "Residents … were told".
			for _, at := range v.conceptAt(q, c, p, derivedWeight) {
				if at[0] < 1 || !passiveAux[strings.ToLower(v.ws[at[0]-1].text)] {
					continue
				}
				if s, decided := v.subjectBefore(at[0]); decided {
					return sure(s)
				}
			}
			// "who was detained": the object of the verb said in the
			// active ("detaining the elected leader")
			var found sole
			plain := v.ignoringOwn()
			for _, at := range v.activeAt(q, c, p) {
				if s := plain.objectAfter(at[1]); s != "" && !found.add(s) {
					return "", false
				}
			}
			return sure(found.answer())
		}
		if asksRelation(q.text) {
			// "who is China to North Korea": "China, North Korea's
			// closest ally,"
			return sure(v.asideOfOwnName())
		}
		switch asksWhoIs(q.text) {
		case whoIsName:
			// "who is Kim Jong Un": not a name, but what he is.
			return sure(v.roleOfOwnName())
		case whoIsMaybeName:
			// "who is ned price", typed in lower case: a name when the
			// passage writes it so.
			if v.writesAsName(q.text) {
				return sure(v.roleOfOwnName())
			}
		}
		if asksWhose(q.text) {
			// "whose administration": "President Joe Biden's
			// administration"; no other name near the question's words
			// is whose it is ("Whose predecessor met Kim": not Donald
			// Trump)
			return sure(v.possessorOfOwn())
		}
		if verb == "" {
			if s := v.besideOwn(q, c); s != "" {
				return sure(s)
			}
		}
		// "Who is North Korea's closest ally?": "China, North Korea's
		// closest ally,". No name is taken for being merely near the
		// question's words: that guess was most of the wrong answers.
		return sure(v.nameBeforeOwnAside())
	case kindNumber:
		s := extractAnswer(q, c)
		if s != "" && asksHowMany(q.text) && !v.countsOwn(s, countedAt(q, c)) {
			return "", false // "three meetings" does not count talks
		}
		if s != "" && asksHowMany(q.text) && countedLoosely(q, c) {
			return "", false
		}
		if units := asksMeasure(q.text); s != "" && units != nil && !inUnits(lastWord(s), units) {
			return "", false // "how far": a distance, not "5 percent"
		}
		if s != "" && !asksChange(q) && v.changeBefore(s) {
			return "", false // "how much is brent crude": not "rose nearly 5 percent"
		}
		if s != "" && v.namesAny(q, c) && v.ownedByOther(s) {
			return "", false // "Kim's three meetings" do not count Biden's
		}
		return sure(s)
	case kindTime:
		if asksDuration(q.text) {
			// "how long did the talks last": the one stretch of time the
			// passage gives ("a day of talks", "after weeks of talks")
			if !slices.ContainsFunc(lowerWordsIn(q.text), func(x string) bool { return durationVerbs[x] }) && !v.holdsEvent(q, c) {
				return "", false
			}
			if d := v.duration(); d != "" {
				return weak(d)
			}
			if units := asksMeasure(q.text); units != nil {
				// "how long did the missile fly": "travelled about 4,600
				// kilometres", where the passage gives no time
				return weak(v.measureIn(units))
			}
			return "", false
		}
		if !v.holdsEvent(q, c) {
			return "", false // "when did kim take power", of when he watched a parade
		}
		if lq := strings.ToLower(q.text); containsWord(lq, "first") && !v.saysFirst() &&
			!containsWord(lq, "since") && !containsWord(lq, "before") && !containsWord(lq, "after") {
			// "when did north korea first test an icbm", of "its
			// test-fire last month of an ICBM, its first since 2017"
			// (which answers "the first ICBM since", or "before")
			return "", false
		}
		if asksYear(q.text) {
			// "what year": a year, the only one the passage gives.
			var years []string
			for _, sp := range candidateSpans(q, c) {
				if t := strings.TrimSpace(c.hit.Text[sp.start:sp.end]); yearRE.MatchString(t) {
					years = append(years, t)
				}
			}
			if len(years) == 1 {
				return weak(years[0])
			}
			return "", false
		}
		if s := extractAnswer(q, c); s != "" {
			return weak(s)
		}
		// The one time the passage gives is when it happened.
		if ss := candidateSpans(q, c); len(ss) == 1 {
			return weak(strings.TrimSpace(c.hit.Text[ss[0].start:ss[0].end]))
		}
	case kindThing:
		if asksRoleOf(q.text) {
			// "what job does Ned Price hold", "what is Kim's title": what
			// the named person is, as for "who is Ned Price"
			return sure(v.roleOfOwnName())
		}
		if s, ok := v.whichName(q, c); ok {
			return sure(s) // "which department": "State Department"
		}
		if !v.holdsSubject(q, c) {
			return "", false // "what is the radar a threat to", asked of a passage without the radar
		}
		if !holdsBeyondSubject(q, c) {
			// "what is north korea a danger to", of a passage that holds
			// North Korea alone: about something else ("restrictions on
			// new exports by North Korea including of mineral fuels")
			return "", false
		}
		if noun := keywordThings(q.text); noun != "" {
			// "restricted exports": the list of things the passage gives
			// after "including" near the question's words ("new exports
			// … including of mineral fuels and clocks"), or the items
			// of its one bare list that name the kind ("parade
			// missiles": "intercontinental ballistic missiles"); not a
			// bare list of other things, whose kind nothing says
			// ("kim trump meetings": not the parade's tanks)
			list := v.listNear(false)
			if list == "" {
				if list = v.listNear(true); !itemsNamed(list, noun) {
					return "", false
				}
			}
			if s := itemsOfKind(list, noun); !strings.EqualFold(s, noun) {
				return sure(s) // not "clocks" for "export ban clocks"
			}
			return "", false
		}
		if noun := asksContent(q.text); noun != "" {
			// "what is the US's assessment of the DPRK": what "our
			// assessment that …" holds
			if s := v.contentOf(noun); s != "" {
				return sure(s)
			}
		}
		if asksPromise(q.text) {
			// "kim vow", "what was kim's pledge": "vowed to accelerate
			// his nuclear program rapidly"
			return sure(v.infinitiveAfterOwn())
		}
		if asksTerm(q.text) {
			// "what word did the US use for the tests": the word it
			// chose, in quotation marks ("despite its "provocations"").
			if s := v.quotedWord(q, c); s != "" {
				return sure(s)
			}
			if s := v.nameGiven(q, c); s != "" {
				// "what did Price call the North": "referring to the
				// North by its official name, the Democratic People's
				// Republic of Korea"
				return sure(s)
			}
			if asksWord(q.text) {
				// no other word for it: not a list or an object the
				// passage gives for another verb
				return "", false
			}
			if strings.HasPrefix(strings.ToLower(q.text), "how") && !v.namesTerm(q, c) {
				// "how did Russia describe the sanctions": not
				// "sanctions against Moscow", where no one names them
				return "", false
			}
		}
		if s := v.nominalObject(q, c); s != "" {
			// "what does North Korea threaten": "the DPRK constitutes
			// a threat to international peace and security"
			return sure(s)
		}
		if noun := asksPredicate(q.text); noun != "" {
			// "what does the US consider a threat": "the DPRK
			// constitutes a threat".
			if s := v.subjectOfPredicate(q, c, noun); s != "" {
				return sure(s)
			}
		}
		if word, prep := q.strandedPreposition(); word != "" {
			// "what topic does the US want dialogue on": "dialogue …
			// on ending its nuclear program".
			if s := v.afterOwnPreposition(q, c, word, prep); s != "" {
				return sure(s)
			}
			// "what did the US seek sanctions through": the verb's
			// preposition, where the passage puts the object after it
			// ("seeks through the United Nations to tighten sanctions")
			w := withoutClosing(withoutSource(lowerWordsIn(q.text)))
			if k := slices.Index(w, word); k >= 3 && !isStop(w[k-1]) && !auxiliaries[w[k-1]] {
				if s := v.afterOwnPreposition(q, c, w[k-1], prep); s != "" {
					return sure(s)
				}
			}
			if prep == "for" && (word == "used" || purposed[word]) {
				// "what could the radar be used for": what the passage
				// says it is to do ("could be used to monitor its
				// territory")
				if s := v.purposeOf(word); s != "" {
					return sure(s)
				}
			}
		}
		if x := asksDoTo(q.text); x != "" {
			// "what would the draft do to sanctions": "would tighten
			// sanctions"
			return sure(v.deedTo(x))
		}
		if x := asksDo(q.text); x != "" {
			// "what did the military do in February": what the
			// question's subject did, in a clause that reaches the
			// question's words after it
			return sure(v.predicateOf(x))
		}
		if asksStance(q.text) {
			// "what is Moscow's stance on the draft": what Russia does
			// about it, in a clause that reaches all the passage holds of
			// what the stance is on ("opened talks" is no stance on talks
			// with Pyongyang, named later in another clause)
			s := v.predicateOfOwnName()
			if at := strings.Index(v.text, s); s != "" && at >= 0 && !v.spanHoldsTopic(q, c, at, at+len(s)) {
				return "", false
			}
			return sure(s)
		}
		if asksRelation(q.text) {
			// "what is Beijing's relationship to Pyongyang": "China,
			// North Korea's closest ally,".
			return sure(v.asideOfOwnName())
		}
		if asksPossessed(q.text) {
			// "what is North Korea's closest ally", as "who is": the
			// name an aside holding the question's words describes
			if s := v.nameBeforeOwnAside(); s != "" {
				return sure(s)
			}
		}
		// "what document has AFP seen": "A draft Security Council
		// resolution presented … and seen by AFP".
		if s := v.passiveSubject(); s != "" {
			return sure(s)
		}
		if p, closing := passiveWhat(q.text); p != "" {
			// "what will be removed from SWIFT": what the passage's verb
			// in the active is done to ("removes more Russian banks
			// from the SWIFT messaging system")
			if s := v.activeObject(q, c, p, closing); s != "" {
				return sure(s)
			}
		}
		if noun := asksWhichNoun(q.text); noun != "" && noun == wordAfterWhich(q.text) && toComplement[inflectionBase(noun)] {
			// "what obligation does the US have": "an obligation to
			// address the recent provocations"
			if s := v.infinitiveAfter(noun, q.holderAt(c)); s != "" {
				return sure(s)
			}
		}
		if asksDeed(q.text) && !asksInfinitiveObject(q.text) {
			// "what did Kim vow": what he vowed to do.
			if s := v.infinitiveAfterOwn(); s != "" {
				return sure(s)
			}
			// "what did Kim say": what the name's verb of saying says.
			if asksSaying(q.text) {
				if s := v.sayingOfOwnName(asksSaid(q.text)); s != "" {
					return sure(s)
				}
			}
		}
		if asksDeed(q.text) {
			// "what did Kim watch": what the question's verb was done to.
			if s := v.objectOfOwnVerb(q, c); s != "" {
				return sure(s)
			}
			// "what will the EU ban": "a phased ban on seaborne imports
			// of Russian crude"
			if s := v.nounOn(q, c); s != "" {
				return sure(s)
			}
		}
		if asksKindDeed(q.text) {
			// "what curbs does the code impose": "curbs on diesel
			// engines including outboards and generators", the asked
			// noun as the verb's object with what it is on, before a
			// list that names only some of it
			if s := v.objectOfOwnVerb(q, c); s != "" && strings.EqualFold(firstWord(s), asksWhichNoun(q.text)) {
				return sure(s)
			}
		}
		if s := v.listNear(false); s != "" && (asksThings(q.text) || !v.listHoldsOwn(s)) {
			return sure(s) // after "including", near the question's words
		}
		// The one list a passage about the question gives, for "what
		// weapons": the passage holds the question's words, and the list
		// is the things it names.
		list := v.listNear(asksThings(q.text) || asksWhatHappened(q.text))
		if asksThings(q.text) {
			// "what missiles were at the parade": of "tanks, rocket
			// launchers and intercontinental ballistic missiles", the
			// items that are missiles
			noun := asksWhichNoun(q.text)
			if list != "" && noun != "" && !itemsNamed(list, noun) && v.holdsWord(noun) {
				// "what tests did north korea carry out", of "following
				// recent tests … watched tanks, rocket launchers and
				// intercontinental ballistic missiles pass by": the
				// passage names the tests apart from the list
				return "", false
			}
			if list != "" && noun != "" && !itemsNamed(list, noun) && v.listHoldsOwn(list) {
				// "which islands did the missile pass over", of "watched
				// tanks, rocket launchers and … missiles pass by": a list
				// that holds the question's own word and none of the
				// kind asked names what the question is about, not what
				// it asks
				return "", false
			}
			list = itemsOfKind(list, noun)
		}
		if list == "" && asksKindDeed(q.text) {
			// "which weapons did Kim watch": what his verb was done
			// to, where no list of the kind stands near the words
			return sure(v.objectOfOwnVerb(q, c))
		}
		if !asksThings(q.text) && v.listHoldsOwn(list) {
			// "what does the resolution propose for fuel exports": not
			// "mineral fuels and clocks", a list the question names
			// one of
			return "", false
		}
		return sure(list)
	case kindReason:
		if s := v.causeAfterOwn(); s != "" {
			return sure(s)
		}
		// "why are residents protesting": what they said as they did it
		// ("have staged protests, saying they were not consulted")
		return sure(v.reasonGiven())
	case kindModifier:
		if adj := asksDegree(q.text); adj != "" {
			return sure(v.degreeOf(q, c, adj))
		}
		return sure(v.modifierOfOwn(q, c))
	case kindPlace:
		return weak(v.placeNearOwn())
	}
	return "", false
}

// holdsEvent reports whether the passage says what happened, for a time
// question: the first word after its auxiliary and subject ("when did Kim
// Jong Un take power": take; "when did the festival end": end), past the
// names the passage writes with a capital, the noun after an article,
// adverbs and words of order ("last", "first"). A time
// is read by nearness, and a time near the subject alone is the time of
// another event ("late Monday", when Kim watched a parade). "Happen",
// "occur" and "take place" say no more than the question word.
func (v *view) holdsEvent(q *question, c *candidate) bool {
	w := lowerWordsIn(q.text)
	i := slices.IndexFunc(w, func(x string) bool { return auxiliaries[x] })
	if i < 0 {
		return true
	}
	subject := false // an article opens the subject: its noun is no event
	for _, x := range w[i+1:] {
		base := trimPossessive(x)
		switch {
		case isArticle(x):
			subject = true
			continue
		case v.writesCapitalised(base) || q.namedWord(x):
			subject = false // a name: the subject, or in it
			continue
		case isStop(x) || strings.HasSuffix(x, "ly") || ordinal[x] || timeNouns[x]:
			continue
		case x == "happen" || x == "occur" || x == "take" && slices.Contains(w, "place"):
			return true
		case subject:
			subject = false // "when did the festival end": festival
			continue
		}
		return q.holds(c, x)
	}
	return true
}

// namedWord reports whether the word is in a concept of the question that
// the synonym list writes as a name ("us", "north korea").
func (q *question) namedWord(x string) bool {
	for _, con := range q.concepts {
		if con.named && containsWord(con.words, x) {
			return true
		}
	}
	return false
}

// holds reports whether the passage holds the question's concept of the
// word; a word of no concept (a stop word) holds.
func (q *question) holds(c *candidate, x string) bool {
	k := q.conceptOf(x)
	return k < 0 || c.found[k].weight > 0
}

// conceptOf returns the index of the question's concept that holds the
// word, or -1 for none.
func (q *question) conceptOf(x string) int {
	return slices.IndexFunc(q.concepts, func(con concept) bool { return containsWord(con.words, x) })
}

// ordinal are the words that place an event among others of its kind.
var ordinal = map[string]bool{
	"last": true, "first": true, "latest": true, "previous": true, "next": true, "recent": true,
	"ever": true, "again": true,
}

// writesCapitalised reports whether the passage writes the word with a
// capital, past its first word: a name.
func (v *view) writesCapitalised(lower string) bool {
	for i, w := range v.ws {
		if i > 0 && strings.EqualFold(trimPossessive(w.text), lower) && !isLower(w.text) {
			return true
		}
	}
	return false
}

// itemsNamed reports whether one of the list's items ends in the noun.
func itemsNamed(list, noun string) bool {
	return slices.ContainsFunc(listItems(list), func(it string) bool { return endsIn(it, noun) })
}

// endsIn reports whether a list's item ends in the noun, in any of its
// forms ("intercontinental ballistic missiles" in "missile").
func endsIn(item, noun string) bool {
	return inflectionBase(lastWord(item)) == inflectionBase(noun)
}

// listItems returns the items of a list written "a, b and c".
func listItems(list string) []string {
	items := strings.FieldsFunc(strings.ReplaceAll(strings.ReplaceAll(list, " and ", ","), " or ", ","), func(r rune) bool { return r == ',' })
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return items
}

// itemsOfKind returns the items of the list that the noun names, when
// some but not all are ("intercontinental ballistic missiles" of "tanks,
// rocket launchers and intercontinental ballistic missiles" for
// "missiles"); otherwise the list.
func itemsOfKind(list, noun string) string {
	if list == "" || noun == "" {
		return list
	}
	items := listItems(list)
	var named []string
	for _, it := range items {
		if endsIn(it, noun) {
			named = append(named, it)
		}
	}
	if len(named) == 0 || len(named) == len(items) {
		return list
	}
	return strings.Join(named, " and ")
}

// withoutExcluded takes out of an answer the items that name what the
// question sets aside ("who else has a veto besides China": "Russia" of
// "China and Russia"); "" when nothing else is left. An answer that is no
// list is left as it is unless it names what is set aside.
func withoutExcluded(ans, excluded string) string {
	if ans == "" || excluded == "" {
		return ans
	}
	set := map[string]bool{}
	for _, w := range lowerWordsIn(excluded) {
		if !isStop(w) {
			set[trimPossessive(w)] = true
		}
	}
	names := func(it string) bool {
		return slices.ContainsFunc(lowerWordsIn(it), func(w string) bool { return set[trimPossessive(w)] })
	}
	items := listItems(ans)
	var kept []string
	for _, it := range items {
		if !names(it) {
			kept = append(kept, it)
		}
	}
	switch {
	case len(kept) == len(items):
		return ans
	case len(kept) == 0:
		return ""
	case len(kept) == 1:
		return kept[0]
	}
	return strings.Join(kept[:len(kept)-1], ", ") + " and " + kept[len(kept)-1]
}

// speaksFor reports whether a who question asks who speaks for someone:
// "who spoke for the State Department".
func speaksFor(text string) bool {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		switch w[i] {
		case "speak", "speaks", "spoke", "speaking":
			return w[i+1] == "for"
		}
	}
	return false
}

// spokesmanOf reads the name after a spokesman whose office the question
// names right before it: "State Department spokesman Ned Price". Two
// different names make it unsure.
func (v *view) spokesmanOf() string {
	var found sole
	for i := 1; i+1 < len(v.ws); i++ {
		switch v.ws[i].lower {
		case "spokesman", "spokeswoman", "spokesperson":
		default:
			continue
		}
		if !v.owns(v.ws[i-1].pos) || v.gap(i-1) != " " || v.gap(i) != " " {
			continue
		}
		if n, ok := v.nameStartingAt(i + 1); ok && !found.add(v.say([]name{n})) {
			return ""
		}
	}
	return found.answer()
}

// asksWhatHappened reports whether a what question's subject is what it
// asks for: "what passed by Kim", "what was displayed during the parade"
// (a verb, or a form of be and a participle, right after "what").
func asksWhatHappened(text string) bool {
	w := lowerWordsIn(text)
	if len(w) < 3 || w[0] != "what" {
		return false
	}
	switch {
	case passiveAux[w[1]]:
		return strings.HasSuffix(w[2], "ed") || strings.HasSuffix(w[2], "ing")
	case auxiliaries[w[1]] || isStop(w[1]):
		return false
	}
	return strings.HasSuffix(w[1], "ed")
}

// particles follow a verb to make another verb of it: "call for" is not
// "call on".
var particles = map[string]bool{
	"for": true, "on": true, "off": true, "out": true, "up": true, "down": true, "in": true,
	"at": true, "into": true, "over": true, "away": true, "back": true,
}

// particleAfter returns the particle right after the question's verb, or
// "".
func (q *question) particleAfter(verb string) string {
	w := lowerWordsIn(q.text)
	if i := slices.Index(w, verb); i >= 0 && i+1 < len(w) && particles[w[i+1]] {
		return w[i+1]
	}
	return ""
}

// particleAfter returns the particle right after word j, or "".
func (v *view) particleAfter(j int) string {
	if j+1 < len(v.ws) && v.gap(j) == " " && particles[v.ws[j+1].lower] {
		return v.ws[j+1].lower
	}
	return ""
}

// qualifiers pick another holder of a role than the one in office: "who
// was the previous spokesman" is not answered by the spokesman.
var qualifiers = map[string]bool{
	"previous": true, "former": true, "next": true, "future": true, "acting": true,
	"deputy": true, "incoming": true, "outgoing": true, "interim": true, "late": true,
}

// holdsQualifier reports whether the passage holds each qualifier of the
// question (or another way of saying it).
func holdsQualifier(q *question, c *candidate) bool {
	for k, con := range q.concepts {
		for _, w := range lowerWordsIn(con.words) {
			if qualifiers[w] && c.found[k].weight == 0 {
				return false
			}
		}
	}
	return true
}

// holdsObject reports whether the passage, or failing that its article,
// holds the object the question gives its verb: the first word after the
// verb that is no stop word ("vote" in "who won the vote on the
// resolution"). Who did one thing is not who did it to another. A passage
// whose article is not known (a topic command's, found by its query)
// passes on its passage alone.
func holdsObject(q *question, c *candidate, verb string) bool {
	w := lowerWordsIn(q.text)
	i := slices.Index(w, verb)
	if i < 0 {
		return true
	}
	for _, o := range w[i+1:] {
		if isStop(o) || filler[o] {
			continue
		}
		k := q.conceptOf(o)
		return k < 0 || c.found[k].weight > 0 || c.inArticle == nil || c.inArticle[k]
	}
	return true
}

// sole keeps the one answer a passage gives: two different ones make the
// reading unsure.
type sole struct {
	s     string
	clash bool
}

// add offers an answer; it reports false once two different ones were
// offered, when the reader may stop.
func (o *sole) add(s string) bool {
	if o.s != "" && o.s != s {
		o.clash = true
	}
	o.s = s
	return !o.clash
}

// answer is the one answer offered, or "" when none was or two differ.
func (o *sole) answer() string {
	if o.clash {
		return ""
	}
	return o.s
}

// view is a passage prepared for reading a short answer off it.
type view struct {
	text  string
	ws    []word
	own   []bool // by position: the question's words found
	aside []int  // per word: which aside between commas it is in, 0 for none
}

func newView(q *question, c *candidate) *view {
	v := &view{text: c.hit.Text, ws: c.rawWords()}
	last := 0
	if len(v.ws) > 0 {
		last = v.ws[len(v.ws)-1].pos
	}
	for _, t := range c.toks {
		last = max(last, t.pos)
	}
	v.own = make([]bool, last+1)
	asksName := strings.Contains(strings.ToLower(q.text), "name")
	asked := q.askedNoun()
	for _, t := range c.toks {
		for k, f := range c.found {
			if k == asked {
				// "which countries grew exasperated": "the two
				// countries" is who did it, not the question's own words
				continue
			}
			// A concept found in the question's own words owns them and
			// another way of saying it beside them ("North Korea's" of
			// "north"); elsewhere that other way is another mention, which
			// may be the answer ("The council's special envoy briefed
			// ambassadors", for "who briefed the ambassadors").
			if f.has(t.term) && !(asksName && f.weight < 1) && (f.weight < 1 || f.adjoins(t.pos)) {
				v.own[t.pos] = true
			}
		}
	}
	v.aside = make([]int, len(v.ws))
	id := 0
	for i := 1; i < len(v.ws); i++ {
		if !strings.Contains(v.gap(i-1), ",") || !v.opensAside(i) {
			continue
		}
		end := -1
		for k := i + 1; k < len(v.ws) && k-i < 14; k++ {
			g := v.gap(k - 1)
			if strings.Contains(g, ",") {
				end = k - 1
				break
			}
			if strings.ContainsAny(g, ".;:!?()") {
				break
			}
		}
		if end < 0 {
			continue
		}
		id++
		for k := i; k <= end; k++ {
			v.aside[k] = id
		}
		i = end
	}
	return v
}

// at returns the index in ws of the word at position p. The tokenizer
// numbers words from 1 in order, so the word is almost always at p-1; a
// search covers any other numbering. (A map of positions was a fifth of
// what a search allocated.)
func (v *view) at(p int) (int, bool) {
	if i := p - 1; i >= 0 && i < len(v.ws) && v.ws[i].pos == p {
		return i, true
	}
	i, ok := slices.BinarySearchFunc(v.ws, p, func(w word, p int) int { return cmp.Compare(w.pos, p) })
	return i, ok
}

// owns reports whether the question's words were found at position p.
func (v *view) owns(p int) bool { return p >= 0 && p < len(v.own) && v.own[p] }

// gap is the text between word i and word i+1 ("" past the end).
func (v *view) gap(i int) string {
	if i < 0 || i+1 >= len(v.ws) {
		return ""
	}
	return v.text[v.ws[i].end:v.ws[i+1].start]
}

// opensAside reports whether the words from i, after a comma, are an aside
// that a sentence could do without: a relative clause ("whose relations
// …"), a participle ("overseeing a parade …") or, after a name, an
// apposition with a possessive ("North Korea's closest ally").
func (v *view) opensAside(i int) bool {
	first := v.ws[i].lower
	switch first {
	case "whose", "who", "which", "whom", "where":
		return true
	}
	if strings.HasSuffix(first, "ing") && len(first) > 5 {
		return true
	}
	if !isName(v.ws[i-1].text) {
		return false
	}
	for k := i; k < min(len(v.ws), i+3); k++ {
		if isPossessive(v.ws[k].text) {
			return true
		}
	}
	return false
}

// skippable reports whether word i can be passed over when looking for
// the doer of a verb: it is in an aside.
func (v *view) skippable(i int) bool {
	return v.aside[i] != 0
}

func isName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsUpper(r) && !isStop(s) && !timeWords[strings.ToLower(s)]
}

// nameAt reports whether word i is part of a name: capitalised, and not a
// plural that only starts a sentence ("Officials said").
func (v *view) nameAt(i int) bool {
	return isName(v.ws[i].text) && !v.commonAt(i)
}

// name is a name found in the passage: words i..j.
type name struct{ i, j int }

// nameEndingAt returns the name whose last word is i ("Ned Price",
// "Democratic People's Republic of Korea"), or false when word i is not
// part of a name or is one of the question's words.
func (v *view) nameEndingAt(i int) (name, bool) {
	if i < 0 || i >= len(v.ws) || !v.nameAt(i) || v.owns(v.ws[i].pos) {
		return name{}, false
	}
	n := name{i, i}
	for k := i - 1; k >= 0 && v.gap(k) == " " && v.ws[k+1].pos == v.ws[k].pos+1; k-- {
		switch {
		case v.nameAt(k) && !v.owns(v.ws[k].pos):
			n.i = k
			continue
		case strings.EqualFold(v.ws[k].text, "of") && k > 0 && isName(v.ws[k-1].text) && v.gap(k-1) == " ":
			continue
		}
		break
	}
	return n, true
}

// nameStartingAt returns the name whose first word is i.
func (v *view) nameStartingAt(i int) (name, bool) {
	if i < 0 || i >= len(v.ws) || !v.nameAt(i) || v.owns(v.ws[i].pos) {
		return name{}, false
	}
	n := name{i, i}
	afterOf := false
	for k := i + 1; k < len(v.ws) && v.gap(k-1) == " "; k++ {
		switch {
		case isName(v.ws[k].text) && (!v.owns(v.ws[k].pos) || afterOf):
			// the question's own word ends no name it is part of:
			// "Democratic People's Republic of Korea", not "…
			// Republic", for "the official name of korea"
			n.j = k
			continue
		case strings.EqualFold(v.ws[k].text, "of") && k+1 < len(v.ws) && isName(v.ws[k+1].text) && v.gap(k) == " ":
			afterOf = true
			continue
		case isName(v.ws[k].text) && v.owns(v.ws[k].pos) && k == n.j+1 && !isEnglish(v.ws[k].lower):
			// the name goes on with the question's own name: it is the
			// question's own ("Joe" of "Joe Biden" for "who was
			// president before biden"), not an answer; an English noun
			// of the question ends it ("Fisheries" of "Fisheries
			// Ministry" for "which ministry officials")
			return name{}, false
		}
		break
	}
	return n, true
}

// say writes names as the passage joins them: "China and Russia".
func (v *view) say(ns []name) string {
	var b strings.Builder
	for k, n := range ns {
		if k > 0 {
			if k == len(ns)-1 {
				b.WriteString(" and ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString(trimPossessive(v.text[v.ws[n.i].start:v.ws[n.j].end]))
	}
	return b.String()
}

// isPossessive reports whether a word ends in a possessive "'s".
func isPossessive(w string) bool { return trimPossessive(w) != w }

func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// verbAt returns where the question's doer verb is found in the passage:
// the word indexes of the first and last word of each occurrence.
func (v *view) verbAt(q *question, c *candidate) [][2]int {
	return v.conceptAt(q, c, q.doer, 0)
}

// conceptAt returns where the question's concept holding the word is found
// in the passage, by a way weighed at least least (a parameter): the word
// indexes of the
// first and last word of each occurrence.
func (v *view) conceptAt(q *question, c *candidate, verb string, least float64) [][2]int {
	if verb == "" {
		return nil
	}
	var out [][2]int
	for k, con := range q.concepts {
		if !containsWord(con.words, verb) || c.found[k].weight == 0 || c.found[k].weight < least {
			continue
		}
		for _, p := range c.found[k].positions {
			i, ok := v.at(p)
			j, ok2 := v.at(p + max(c.found[k].length, 1) - 1)
			if ok && ok2 {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

func containsWord(phrase, w string) bool {
	for _, p := range lowerWordsIn(phrase) {
		if p == w {
			return true
		}
	}
	return false
}

// agentAfter reads the agent of a passive verb ending at word j: "seen by
// AFP", "presented earlier this month by the United States". Where the
// verb is said as a noun after an article ("A draft Security Council
// resolution presented … by the United States" for who drafted it), the
// agent is that of the verb of authoring that follows the noun's phrase.
func (v *view) agentAfter(j int) string {
	if j < 1 || !isArticle(v.ws[j-1].lower) || v.gap(j-1) != " " {
		return v.agentOf(j)
	}
	// said as a noun: "an invasion by Russia", or the agent of a verb of
	// authoring after the noun's phrase, not of any other ("a draft
	// accord seen by Reuters" was not drafted by Reuters)
	if j+1 < len(v.ws) && v.ws[j+1].lower == "by" && v.gap(j) == " " {
		return v.agentOf(j)
	}
	for k := j + 1; k < min(len(v.ws), j+6); k++ {
		if strings.ContainsAny(v.gap(k-1), ",.;:!?()") {
			return ""
		}
		if authoring[v.ws[k].lower] {
			return v.agentOf(k)
		}
	}
	return ""
}

// authoring are the participles that say who wrote or put forward a text.
var authoring = map[string]bool{
	"drafted": true, "written": true, "presented": true, "submitted": true, "tabled": true,
	"proposed": true, "introduced": true, "circulated": true, "sponsored": true, "prepared": true,
}

// agentOf is agentAfter for the verb at j itself.
func (v *view) agentOf(j int) string {
	for k := j + 1; k < min(len(v.ws), j+6); k++ {
		if strings.ContainsAny(v.gap(k-1), ",.;:!?()") {
			return ""
		}
		if !strings.EqualFold(v.ws[k].text, "by") {
			continue
		}
		k++
		if k < len(v.ws) && (strings.EqualFold(v.ws[k].text, "the") || strings.EqualFold(v.ws[k].text, "a")) {
			k++
		}
		if n, ok := v.nameStartingAt(k); ok {
			return v.say([]name{n})
		}
		return ""
	}
	return ""
}

// prepositions that put a name inside a longer subject.
var prepositions = map[string]bool{
	"in": true, "of": true, "from": true, "at": true, "for": true, "with": true, "on": true,
	"by": true, "to": true, "near": true, "inside": true, "outside": true,
}

// doerWords are the words that may stand between a subject and its verb:
// auxiliaries and a few adverbs ("have so far refused", "both wield").
var doerWords = map[string]bool{
	"so": true, "far": true, "both": true, "also": true, "already": true, "still": true,
	"repeatedly": true, "reportedly": true, "then": true, "now": true, "jointly": true,
	"all": true, "not": true, "never": true, "again": true, "together": true,
}

// subjectBefore reads the subject of the verb starting at word i: the
// names just before it, joined by "and" or commas, across asides; "a
// diplomat", a common noun after an article; or "diplomats", a plural.
// decided is false when what stands before the verb is not a subject
// ("both wield veto power": a verb), so the caller may try other ways;
// true with "" when the subject is not a name ("officials in Seoul said").
func (v *view) subjectBefore(i int) (answer string, decided bool) {
	answer, decided, _ = v.subjectBeforeNames(i)
	return answer, decided
}

// subjectIsNames reports whether subjectBefore reads names as the
// subject of the verb starting at word i ("China and Russia both wield
// veto power"), not a common noun ("Officials in Oslo vetoed").
func (v *view) subjectIsNames(i int) bool {
	s, _, names := v.subjectBeforeNames(i)
	return s != "" && names
}

// subjectBeforeNames is subjectBefore; names reports that the answer is
// names.
func (v *view) subjectBeforeNames(i int) (answer string, decided, names bool) {
	s, decided, names := v.subjectAt(i)
	// "China and Russia both wield veto power", "hold a veto": the
	// question's word is a noun after a verb (and an article); the names
	// before that verb are the doers.
	j := i - 1
	if j >= 1 && v.gap(j) == " " && isArticle(v.ws[j].text) {
		j--
	}
	if names || j < 0 || v.gap(j) != " " || v.owns(v.ws[j].pos) || isStop(v.ws[j].text) || !isLower(v.ws[j].text) {
		return s, decided, names
	}
	if decided && s != v.ws[j].text {
		return s, decided, names // "a diplomat said"
	}
	if s2, _, names2 := v.subjectAt(j); names2 {
		return s2, true, true
	}
	return s, decided, names
}

// subjectAt is subjectBefore without a second look; names reports that the
// answer is names.
func (v *view) subjectAt(i int) (answer string, decided, names bool) {
	if id := v.aside[i]; id != 0 {
		// The verb is in an aside: "Russia, whose relations with the West
		// have deteriorated": the name the aside hangs on.
		first := v.asideStart(i)
		switch lw := v.ws[first].lower; {
		case lw == "whose" || lw == "who" || lw == "which",
			// "Kim Jong Un, overseeing a military parade,": an aside
			// that opens with the verb's -ing form is done by the name.
			first == i && strings.HasSuffix(lw, "ing") && isLower(v.ws[first].text):
			if n, ok := v.nameEndingAt(first - 1); ok {
				return v.say(v.namesBefore(n, false)), true, true
			}
			if first == i && first >= 1 && (saying[v.ws[first-1].lower] || reporting[v.ws[first-1].lower]) {
				// "Ned Price said, referring to the North by its
				// official name,": done by who said it
				return v.subjectAt(first - 1)
			}
		}
		return "", false, false
	}
	if lw := v.ws[i].lower; i >= 2 && len(lw) > 4 && strings.HasSuffix(lw, "ing") && isLower(v.ws[i].text) && subordinators[v.ws[i-1].lower] && v.gap(i-1) == " " {
		// "… have agreed to some past UN sanctions after growing
		// exasperated": an -ing verb opening a clause of time or reason
		// is done by the subject of the clause it hangs on
		for p := i - 2; p > 0 && !strings.ContainsAny(v.gap(p), ".;:!?"); p-- {
			if auxiliaries[v.ws[p].lower] && isLower(v.ws[p].text) && p+1 < i-1 {
				return v.subjectAt(p + 1) // "the two countries have agreed"
			}
		}
		return "", true, false
	}
	if lw := v.ws[i].lower; i >= 2 && len(lw) > 4 && strings.HasSuffix(lw, "ing") && isLower(v.ws[i].text) &&
		strings.TrimSpace(v.gap(i-1)) == "," {
		// "Price said, adding that …", "A European diplomat said the
		// window was closing, warning that …": an -ing verb after the
		// saying and what was said is done by who said it
		for k := i - 1; k >= 1 && !strings.ContainsAny(v.gap(k), ".;:!?"); k-- {
			if (saying[v.ws[k].lower] || reporting[v.ws[k].lower]) && isLower(v.ws[k].text) {
				return v.subjectAt(k)
			}
			if k < i-1 && strings.Contains(v.gap(k), ",") {
				break // the saying, if any, is before another clause
			}
		}
	}
	k := i - 1
	for k >= 0 {
		switch {
		case v.skippable(k):
			for k >= 0 && v.skippable(k) {
				k--
			}
			continue
		case strings.ContainsAny(v.gap(k), ".;:!?()"):
			return "", false, false
		case strings.Contains(v.gap(k), ",") && !v.skippable(k+1):
			return "", false, false
		}
		lw := v.ws[k].lower
		if auxiliaries[lw] || doerWords[lw] {
			k--
			continue
		}
		break
	}
	if k < 0 || v.owns(v.ws[k].pos) {
		return "", false, false
	}
	if v.ws[k].lower == "and" && k >= 1 && v.gap(k-1) == " " && isLower(v.ws[k-1].text) {
		// "Russia's foreign ministry called the sanctions
		// self-destructive and said": the verbs share the subject of
		// the one before "and", a verb in -ed
		for p := k - 1; p > 0; p-- {
			if strings.ContainsAny(v.gap(p-1), ".;:!?") {
				break
			}
			if lw := v.ws[p].lower; !strings.HasSuffix(lw, "ed") || !isLower(v.ws[p].text) || v.owns(v.ws[p].pos) {
				continue
			}
			if s, decided, names := v.subjectAt(p); decided && s != "" {
				return s, true, names
			}
		}
		return "", false, false
	}
	// "Tokyo and Seoul said they would coordinate": a pronoun after a verb
	// of saying stands for that verb's subject.
	if pronounSubjects[v.ws[k].lower] && k >= 1 && v.gap(k-1) == " " {
		m := k - 1
		if strings.EqualFold(v.ws[m].text, "that") && m >= 1 && v.gap(m-1) == " " {
			m--
		}
		if saying[v.ws[m].lower] {
			if s, decided, names := v.subjectAt(m); names {
				return s, decided, names
			}
		}
		if subordinators[v.ws[m].lower] {
			// "Kim Jong Un … vowed to accelerate his program as he
			// watched tanks": a pronoun opening a clause of time or
			// reason stands for the subject of the clause it hangs on.
			if s, ok := v.mainSubject(m, v.ws[k].lower); ok {
				return s, true, true
			}
		}
		return "", true, false
	}
	if n, ok := v.nameEndingAt(k); ok {
		if n.i > 0 && (prepositions[v.ws[n.i-1].lower] || placeWords[v.ws[n.i-1].lower]) && v.gap(n.i-1) == " " {
			// "officials in Seoul said": the doer is not the name but
			// what the preposition's phrase hangs on, when that is a
			// common noun ("Residents in parts of Hokkaido were told")
			if s, decided, names := v.subjectAt(n.i - 1); decided && !names && s != "" {
				return s, true, false
			}
			return "", true, false
		}
		return v.say(v.namesBefore(n, true)), true, true
	}
	if isStop(v.ws[k].text) {
		return "", false, false
	}
	// "members that depend on pipeline supplies won": the subject is what
	// the relative clause hangs on.
	if r := v.relativeBefore(k); r > 0 {
		s, decided, names := v.subjectAt(r)
		if s == "" || !names && v.appositive(s) {
			return "", true, false
		}
		return s, decided, names
	}
	if v.commonAt(k) && pluralNoun(v.ws[k].text) {
		// "diplomats say", "senior officials said", "Rights groups
		// criticised", "the allies will hold"; not "parts" in
		// "Residents in parts of Hokkaido were told".
		if k >= 2 && v.gap(k-1) == " " && prepositions[v.ws[k-1].lower] {
			return v.subjectAt(k - 1)
		}
		start := k
		if k > 0 && v.gap(k-1) == " " && (isLower(v.ws[k-1].text) || v.startsSentence(k-1) ||
			// "the European powers could ask": a word with a capital
			// inside the noun phrase, when "the" opens it
			k >= 2 && v.gap(k-2) == " " && v.ws[k-2].lower == "the") &&
			!isStop(v.ws[k-1].text) && !v.owns(v.ws[k-1].pos) {
			start = k - 1
		}
		if start > 0 && v.gap(start-1) == " " && strings.EqualFold(v.ws[start-1].text, "the") {
			start--
		}
		return v.text[v.ws[start].start:v.ws[k].end], true, false
	}
	// "a diplomat said", "a senior official said": a common noun, and a
	// word before it, after an article; "Joe Biden's administration has
	// offered": after a name's possessive.
	if !isLower(v.ws[k].text) {
		return "", false, false
	}
	for m := k - 1; m >= 0 && k-m <= 3 && v.gap(m) == " "; m-- {
		w := v.ws[m].text
		if isPossessive(w) {
			if n, ok := v.nameEndingAt(m); ok {
				if n.i > 0 && v.gap(n.i-1) == " " && prepositions[v.ws[n.i-1].lower] {
					// "A spokesman for China's foreign ministry urged":
					// the doer is what the preposition's phrase hangs on
					if s, decided, names := v.subjectAt(n.i - 1); decided && !names && s != "" {
						if at := strings.LastIndex(v.text[:v.ws[n.i-1].start], s); at >= 0 {
							s = v.text[at:v.ws[k].end]
						}
						return s, true, false
					}
					return "", true, false
				}
				return v.text[v.ws[n.i].start:v.ws[k].end], true, false
			}
			break
		}
		if !isLower(w) || isStop(w) || v.owns(v.ws[m].pos) {
			break
		}
	}
	for m := k - 1; m >= 0 && k-m <= 3 && v.gap(m) == " "; m-- {
		switch lw := v.ws[m].lower; {
		case lw == "a" || lw == "an" || lw == "the":
			// "a diplomat", "The council's special envoy"; not "the
			// proposed battery site" in "Residents near the proposed
			// battery site have staged protests": the subject is what
			// the preposition's phrase hangs on.
			if m >= 1 && v.gap(m-1) == " " && (prepositions[v.ws[m-1].lower] || placeWords[v.ws[m-1].lower]) {
				if p := m - 2; p >= 1 && v.gap(p) == " " && isLower(v.ws[p].text) && participle(v.ws[p].text) && !auxiliaries[v.ws[p-1].lower] {
					// "A European diplomat involved in the process said":
					// the subject is what the participle's phrase hangs on
					return v.subjectAt(p)
				}
				return v.subjectAt(m - 1)
			}
			return v.text[v.ws[m].start:v.ws[k].end], true, false
		case isStop(lw) || v.owns(v.ws[m].pos):
			return "", false, false
		case !isLower(v.ws[m].text):
			// "A European diplomat": a word with a capital inside the
			// noun phrase, when an article opens it
			if m == 0 || v.gap(m-1) != " " || !isArticle(v.ws[m-1].lower) || v.nameAt(m) && m+1 < k {
				return "", false, false
			}
		}
	}
	return "", false, false
}

// asideOwner returns the name an aside holding word i hangs on, when a
// relative word opens it ("Russia, whose relations with the West have
// deteriorated": Russia), "" otherwise.
func (v *view) asideOwner(i int) string {
	if v.aside[i] == 0 {
		return ""
	}
	first := v.asideStart(i)
	switch v.ws[first].lower {
	case "whose", "who", "which":
		if n, ok := v.nameEndingAt(first - 1); ok {
			return v.say([]name{n})
		}
	}
	return ""
}

// asideStart returns the first word of the aside that holds word i.
func (v *view) asideStart(i int) int {
	first := i
	for first > 0 && v.aside[first-1] == v.aside[i] {
		first--
	}
	return first
}

// expansion reads the name an acronym stands for: capitalised words whose
// initials spell it, with "of", "the", "and" or "for" between them
// ("Democratic People's Republic of Korea" for DPRK, "Agence
// France-Presse" for AFP). Two different ones make it unsure.
func (v *view) expansion(acronym string) string {
	want := strings.ToUpper(acronym)
	var found sole
	for i := range v.ws {
		if isLower(v.ws[i].text) || strings.EqualFold(v.ws[i].text, acronym) {
			continue
		}
		got := ""
		for k := i; k < len(v.ws) && len(got) < len(want); k++ {
			if k > i && strings.TrimSpace(strings.Trim(v.gap(k-1), "-")) != "" {
				break // punctuation ends the name
			}
			w := v.ws[k].text
			if isLower(w) {
				if k == i || !connectors[w] {
					break
				}
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			got += strings.ToUpper(string(r))
			if !strings.HasPrefix(want, got) {
				break
			}
			if got == want && k > i {
				if !found.add(v.text[v.ws[i].start:v.ws[k].end]) {
					return ""
				}
			}
		}
	}
	return found.answer()
}

// connectors are the lower-case words a name may hold: "Republic of
// Korea", "Bureau for Statistics".
var connectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true}

// holderOf reads who has what the question says they have: the subject
// of a verb of having right before it ("China and Russia both wield veto
// power"). Two different holders make it unsure.
func (v *view) holderOf(q *question, c *candidate) string {
	w := lowerWordsIn(q.text)
	h := slices.IndexFunc(w, func(s string) bool { return s == "has" || s == "have" || s == "had" })
	for i := h + 1; i < len(w); i++ {
		if isStop(w[i]) {
			continue
		}
		s := v.subjectOfVerbBefore(q, c, w[i], having, true) // the first word of what they have
		if s == "" && i+2 < len(w) && w[i+1] == "to" {
			// "the power to veto": the passage's "veto power"
			s = v.subjectOfVerbBefore(q, c, w[i+2], having, true)
		}
		return s
	}
	return ""
}

// having are the verbs of having something: "wield veto power".
var having = map[string]bool{
	"has": true, "have": true, "had": true, "hold": true, "holds": true, "held": true,
	"wield": true, "wields": true, "wielded": true, "possess": true, "possesses": true,
	"possessed": true, "own": true, "owns": true, "owned": true, "retain": true, "retains": true,
	"retained": true, "enjoy": true, "enjoys": true, "keep": true, "keeps": true, "kept": true,
}

// subjectOfPredicate reads what a passage says is the question's noun:
// the subject of a linking verb before it, "the DPRK constitutes a
// threat" for "what does the US consider a threat".
func (v *view) subjectOfPredicate(q *question, c *candidate, noun string) string {
	return v.subjectOfVerbBefore(q, c, noun, linking, false)
}

// subjectOfVerbBefore reads the subject of a verb of the set standing
// right before the question's word, past an article ("wield veto power",
// "constitutes a threat"); with names, only a subject that is names. Two
// different subjects make it unsure.
func (v *view) subjectOfVerbBefore(q *question, c *candidate, word string, verbs map[string]bool, names bool) string {
	var found sole
	for _, at := range v.conceptAt(q, c, word, 1) {
		k := at[0] - 1
		if k >= 1 && v.gap(k) == " " && isArticle(v.ws[k].text) {
			k--
		}
		if k < 1 || v.gap(k) != " " || !verbs[v.ws[k].lower] {
			continue
		}
		if s, _, isNames := v.subjectAt(k); s != "" && (isNames || !names) && !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// linking are the verbs that say what something is: "constitutes a
// threat", "remains a danger".
var linking = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "constitutes": true, "constitute": true,
	"constituted": true, "poses": true, "pose": true, "posed": true, "represents": true,
	"represent": true, "represented": true, "remains": true, "remain": true, "remained": true,
	"becomes": true, "become": true, "became": true,
}

// afterOwnPreposition reads what follows the preposition a question ends
// on, after the question's word: "dialogue with the DPRK on ending its
// nuclear program" for "what does the US want dialogue on".
func (v *view) afterOwnPreposition(q *question, c *candidate, word, prep string) string {
	var found sole
	for _, at := range v.conceptAt(q, c, word, 1) {
		if strings.HasSuffix(v.ws[at[0]].lower, "ing") && !v.ownBefore(at[0]) {
			// "what were the protesters calling for": not "a statement
			// calling for an end to violence against protesters"
			continue
		}
		for p := at[1] + 1; p < len(v.ws) && p-at[1] <= 10; p++ {
			if strings.ContainsAny(v.gap(p-1), ".;:!?") {
				break
			}
			if !strings.EqualFold(v.ws[p].text, prep) {
				continue
			}
			if p+1 < len(v.ws) && (timeWords[v.ws[p+1].lower] || yearRE.MatchString(v.ws[p+1].text)) {
				continue // "agreed on Wednesday": when, not what
			}
			s := v.trimTail(cutAtVerb(v.phraseFrom(p+1, 8)))
			if q.kind == kindEntity {
				// "who will Tokyo coordinate with": "Washington", not
				// "Washington on a response"
				if n, ok := v.nameStartingAt(p + 1); ok && n.j+1 < len(v.ws) && prepositions[v.ws[n.j+1].lower] {
					s = v.say([]name{n})
				}
			} else if k := p + 1; k+1 < len(v.ws) {
				// "through the United Nations to tighten sanctions": the
				// name, not the infinitive after it
				if v.ws[k].lower == "the" {
					k++
				}
				if n, ok := v.ignoringOwn().nameStartingAt(k); ok && n.j+1 < len(v.ws) && v.ws[n.j+1].lower == "to" {
					s = v.text[v.ws[p+1].start:v.ws[n.j].end]
				}
			}
			if s != "" && !found.add(s) {
				return ""
			}
			break
		}
	}
	return found.answer()
}

// whichName reads the one name that ends in the question's noun ("which
// department": "State Department"); ok reports that the rule decided, with
// "" when the passage names one but never says it did what the question
// asks: "which agency reported on the draft" is not answered by an agency
// named in a passage without "report" (verbs of having aside, which a
// passage says in many ways).
func (v *view) whichName(q *question, c *candidate) (name string, ok bool) {
	noun := asksWhichNoun(q.text)
	name = v.nameEndingIn(noun)
	if first := wordAfterWhich(q.text); name == "" && first != "" && !auxiliaries[first] && !isStop(first) &&
		!roleNouns[first] && !entityNouns[first] {
		// "which invasion": "the Ukraine invasion" (the word after
		// "which", not the end of the noun phrase, which may run on to
		// the verb: "which countries support")
		name = v.nameBeforeNoun(first, q.knowsOtherThan(first))
	}
	if name == "" {
		return "", false
	}
	if q.doer != "" && !having[q.doer] && len(v.verbAt(q, c)) == 0 {
		return "", true
	}
	return name, true
}

// ownBefore reports whether one of the question's words stands right
// before word i, past the verb be ("the protesters were calling"): the
// doer of an -ing verb is the question's.
func (v *view) ownBefore(i int) bool {
	k := i - 1
	for k >= 0 && v.gap(k) == " " && passiveAux[v.ws[k].lower] {
		k--
	}
	return k >= 0 && strings.TrimSpace(v.gap(k)) == "" && v.owns(v.ws[k].pos)
}

// degreeOf reads the word of degree before the question's adjective, or
// its noun, in the passage: "little interest" for "how interested".
func (v *view) degreeOf(q *question, c *candidate, adj string) string {
	var found sole
	for _, at := range v.conceptAt(q, c, adj, derivedWeight) {
		k := at[0] - 1
		if k < 0 || v.gap(k) != " " || !degrees[v.ws[k].lower] {
			continue
		}
		// "North Korea, which has shown little interest": the interest
		// is the nearest name's, or noun's, and it must be the one
		// asked about.
		if n := v.holderBefore(k); n < 0 || !v.owns(v.ws[n].pos) {
			continue
		}
		if !found.add(v.text[v.ws[k].start:v.ws[at[1]].end]) {
			return ""
		}
	}
	return found.answer()
}

// holderBefore returns the nearest word before word k in its sentence
// that is a name or one of the question's words, or -1.
func (v *view) holderBefore(k int) int {
	for m := k - 1; m >= 0; m-- {
		if strings.ContainsAny(v.gap(m), ".;:!?") {
			return -1
		}
		if v.nameAt(m) || v.owns(v.ws[m].pos) {
			return m
		}
	}
	return -1
}

// trimTail drops the stop words and prepositions a phrase cut short ends
// on: "seeking a cost on North Korea for" is "seeking a cost on North
// Korea".
func (v *view) trimTail(s string) string {
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 {
			return s
		}
		last := s[i+1:]
		if lw := strings.ToLower(last); !isStop(lw) && !strandable[lw] && !prepositions[lw] && !dangling[lw] {
			return s
		}
		s = s[:i]
	}
}

// cutAtVerb ends a phrase before its first lower-case word in "-ed" past
// the first word: "Bolivian minister Ana Paz ended without a deal" is
// "Bolivian minister Ana Paz" (a new verb, a new clause).
func cutAtVerb(s string) string {
	at := 0
	for i, w := range strings.Fields(s) {
		k := strings.Index(s[at:], w) + at
		if i > 0 && isLower(w) && strings.HasSuffix(w, "ed") && len(w) > 3 {
			return strings.TrimSpace(s[:k])
		}
		at = k + len(w)
	}
	return s
}

// dangling are words a phrase cut short may end on that need what
// follows them.
var dangling = map[string]bool{
	"including": true, "without": true, "toward": true, "towards": true, "between": true,
	"during": true, "through": true, "within": true, "under": true, "among": true, "despite": true,
}

// degrees are the words that say how much: "little interest", "very
// willing".
var degrees = map[string]bool{
	"little": true, "no": true, "much": true, "great": true, "strong": true, "growing": true,
	"some": true, "keen": true, "scant": true, "limited": true, "considerable": true,
	"deep": true, "very": true, "increasingly": true, "highly": true, "not": true, "less": true,
	"more": true, "waning": true, "renewed": true, "fading": true, "intense": true,
	"lukewarm": true, "extremely": true, "fully": true, "only": true,
}

// objectOfOwnVerb reads what the question's last word, a verb, was done
// to in the passage: "watched tanks, rocket launchers and
// intercontinental ballistic missiles" for "what did Kim watch", "looked
// at seeking a cost on North Korea" for "what has the US looked at
// seeking". The verb's subject, when the passage names one, must be one
// the question names.
func (v *view) objectOfOwnVerb(q *question, c *candidate) string {
	w := lowerWordsIn(q.text)
	if len(w) < 3 {
		return ""
	}
	// "what will the allies hold next month": the verb before a time
	if n := len(w); n >= 5 && timePhrase(w[n-2], w[n-1]) {
		w = w[:n-2]
	}
	w = withoutSource(w) // "what does the dprk constitute according to price"
	// "what did north korea show at the parade": the verb before a
	// closing phrase of place or time, which the passage must hold too
	closing := ""
	for k := len(w) - 3; k >= 3 && k >= len(w)-4; k-- {
		// "for its actions": a reason, closing as a place does
		reason := w[k] == "for" && possessiveDeterminers[w[k+1]]
		if (placeWords[w[k]] || closingWords[w[k]]) && isArticle(w[k+1]) && !isStop(w[k-1]) ||
			reason && !isStop(w[k-1]) {
			for _, x := range w[k+2:] {
				if !q.holds(c, x) {
					return ""
				}
			}
			w, closing = w[:k], " "+w[k]+" "+w[k+1]+" "
			break
		}
	}
	perceived := false
	for k := 3; k+1 < len(w); k++ {
		if perception[w[k]] {
			// "what did Kim watch roll past": what he watched; what it
			// did is the passage's own ("pass by")
			w, perceived = w[:k+1], true
			break
		}
	}
	for i := 2; i+1 < len(w); i++ {
		if (w[i] == "be" || w[i] == "is" || w[i] == "are" || w[i] == "was" || w[i] == "were") && w[i+1] == "for" {
			return "" // "what would the oil be for under the draft": a purpose, not an object
		}
	}
	rest := w[2:]
	if asksKindDeed(q.text) {
		rest = w[3:] // "which weapons did Kim watch"
	}
	for _, later := range rest {
		switch later {
		case "do", "does", "did", "doing", "done":
			// "what would the draft do to sanctions": the verb is "do",
			// and the word it ends with is no verb
			return ""
		}
	}
	verb := w[len(w)-1]
	if n := len(w); n >= 4 && (isPossessive(w[n-2]) || possessiveDeterminers[w[n-2]]) {
		// "what has Washington considered seeking for North Korea's
		// actions": a word after a possessive is a noun, not a verb
		return ""
	}
	if n := len(w); n >= 4 && isArticle(w[n-2]) && dangling[w[n-3]] && w[n-3] != "including" {
		// "what did Kim see pass by during the parade": the last word
		// is the noun of a closing phrase, not a verb
		return ""
	}
	// "what has X offered North Korea": the verb before the one it was
	// offered to, a name the question ends with, which the passage's
	// object may end with too ("dialogue with North Korea").
	// The name may come before a closing phrase cut off above ("from
	// North Korea for its actions").
	recipient := false
	for k := len(q.concepts) - 1; k >= 0 && !recipient && len(w) >= 4; k-- {
		if !q.concepts[k].named {
			continue
		}
		cw := lowerWordsIn(q.concepts[k].words)
		if n := len(cw); n < len(w)-2 && slices.Equal(w[len(w)-n:], cw) {
			verb, recipient = w[len(w)-n-1], true
			if prepositions[verb] && n < len(w)-3 {
				verb = w[len(w)-n-2] // "what has Washington considered seeking from Pyongyang"
			}
		}
	}
	if isStop(verb) || strandable[verb] || auxiliaries[verb] {
		return ""
	}
	var found sole
	asked := ""
	if asksKindDeed(q.text) {
		asked = asksWhichNoun(q.text)
	}
	// the question says its word as a verb, not after a determiner ("what
	// did Japan's leader call the launch" reads "the launch was …")
	asVerb := true
	if vi := slices.Index(w, verb); vi > 0 && determiners[w[vi-1]] {
		asVerb = false
	}
	// a negator before the verb, not the verb itself ("what did China
	// refuse")
	negated := false
	if vi := slices.Index(w, verb); vi > 0 {
		negated = slices.ContainsFunc(w[:vi], func(x string) bool { return negators[x] })
	}
	// the verb, or its synonym ("what will the drill include":
	// "involving fighter jets"), but a verb of saying only as the
	// question says it: after "told" stands who heard it, not what was said
	least := synonymWeight
	if saying[verb] || speechVerbs[verb] {
		least = 1
	}
	for _, at := range v.conceptAt(q, c, verb, least) {
		j := at[1] + 1
		if j >= len(v.ws) || !opensObject(v.gap(at[1])) || !isLower(v.ws[at[1]].text) {
			continue
		}
		if negated && !v.negatedAt(at[0]) {
			continue // "what will the interceptors fail to stop", of what they are designed to stop
		}
		if asVerb && v.nounAt(at[0]) {
			continue // "a military parade following recent tests", for "what did the DPRK parade"
		}
		lw := v.ws[j].lower
		// the asked noun itself, where a preposition says which it is:
		// "what restrictions would the resolution impose": "restrictions
		// on new exports by North Korea"
		askedHere := asked != "" && inflectionBase(lw) == inflectionBase(asked) && j+1 < len(v.ws) && prepositions[v.ws[j+1].lower]
		if lw == "to" || lw == "that" || clauseWords[lw] || prepositions[lw] || v.owns(v.ws[j].pos) && !askedHere || strings.HasSuffix(lw, "ly") {
			continue
		}
		if j+1 < len(v.ws) && (timePhrase(lw, v.ws[j+1].lower) || (lw == "each" || lw == "every" || lw == "per") && periods[v.ws[j+1].lower]) {
			continue // "allowed to import each year": when, and the object stood before
		}
		if at[0] > 0 && v.ws[at[0]-1].lower == "to" && v.gap(at[0]-1) == " " {
			// an infinitive's doer is its clause's subject, which
			// may stand far before it ("The United States said Tuesday
			// it … seeks through the United Nations to tighten
			// sanctions"): the question's subject, earlier in the
			// sentence
			if !v.subjectEarlier(q, c, at[0]) {
				continue
			}
		} else if s, decided := v.ignoringOwn().subjectBefore(at[0]); decided && (s == "" || !namesOwn(q.text, s) && !v.describedByOwn(s)) {
			// The subject may be the question's own name.
			continue // another's deed, or one the passage does not say whose
		}
		s := v.items(j, 2)
		if s == "" {
			s = v.trimTail(v.phraseFrom(j, 8))
		}
		if askedHere && s != "" {
			// and the things it names: "restrictions on new exports by
			// North Korea including of mineral fuels and clocks"
			if k := v.wordFrom(v.ws[j].start + len(s)); k+1 < len(v.ws) && v.ws[k].lower == "including" {
				start := k + 1
				if v.ws[start].lower == "of" {
					start++
				}
				if list := v.items(start, 2); list != "" {
					s = v.text[v.ws[j].start : v.ws[start].start+len(list)]
				}
			}
		}
		if s == "" && isLower(v.ws[j].text) && (j+1 == len(v.ws) || strings.ContainsAny(v.gap(j), ".;!?") || v.secondVerbAt(j+1)) {
			// one word ends the sentence ("to tighten sanctions."), or its
			// clause before the subject's next verb ("called the quotas
			// unworkable and said")
			s = v.ws[j].text
		}
		if recipient {
			s = v.withoutRecipient(j, s)
		}
		s = withoutManner(cutAtTime(v.withContent(s)))
		if perceived {
			s = withoutMotion(s) // "tugs, barges and dredgers", not "… sail past"
			if k := v.wordFrom(v.ws[j].start + len(s)); k > 0 && k < len(v.ws) && motionParticles[v.ws[k].lower] {
				// the phrase was cut before the particle: "… ferries sail"
				if f := strings.Fields(s); len(f) >= 2 && isLower(f[len(f)-1]) {
					s = strings.Join(f[:len(f)-1], " ")
				}
			}
		}
		if i := strings.Index(strings.ToLower(s), closing); closing != "" && i > 0 {
			s = s[:i] // "a bronze statue", not "… at the harbour festival"
		}
		if s != "" && !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// nounAt reports whether word i, in its base form, is a noun: after a
// determiner, or after one and a word in the singular ("a military
// parade"; not "the military seized", nor "the allies hold").
func (v *view) nounAt(i int) bool {
	w := v.ws[i].lower
	if i < 1 || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || plural(w) || v.gap(i-1) != " " {
		return false
	}
	if determiners[v.ws[i-1].lower] {
		return true
	}
	prev := v.ws[i-1].lower
	return i >= 2 && determiners[v.ws[i-2].lower] && v.gap(i-2) == " " && isLower(v.ws[i-1].text) &&
		!plural(prev) && !auxiliaries[prev] && !isStop(prev)
}

// negators turn a verb to its opposite: "what did X fail to stop" asks
// what X did not stop.
var negators = map[string]bool{
	"not": true, "never": true, "fail": true, "fails": true, "failed": true, "refuse": true,
	"refuses": true, "refused": true, "unable": true, "cannot": true, "didn't": true,
	"doesn't": true, "won't": true, "can't": true, "couldn't": true, "wouldn't": true,
}

// negatedAt reports whether a negator stands in the three words before
// word i, in its clause.
func (v *view) negatedAt(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if negators[v.ws[k].lower] {
			return true
		}
		if strings.ContainsAny(v.gap(k), ",.;:!?") {
			return false
		}
	}
	return false
}

// withContent carries an object that is a noun of thought or speech on
// through the clause that says what it holds: "our assessment" alone does
// not say what Kim's statement confirmed; "our assessment that the DPRK
// constitutes a threat to international peace and security" does. The
// clause ends at the sentence's punctuation or a closing quotation mark;
// past contentClauseWords words it is no short answer, and the object is
// left as it was.
func (v *view) withContent(s string) string {
	at := strings.Index(v.text, s)
	if s == "" || at < 0 || !contentNouns[strings.ToLower(lastWord(s))] {
		return s
	}
	k := v.wordFrom(at + len(s))
	if k+1 >= len(v.ws) || v.ws[k].lower != "that" || v.gap(k-1) != " " {
		return s
	}
	for j := k + 1; j < len(v.ws) && j-k <= contentClauseWords; j++ {
		if j+1 == len(v.ws) || strings.ContainsAny(v.gap(j), ".;:!?\"“”()") {
			return v.text[at:v.ws[j].end]
		}
	}
	return s
}

// asksContent returns the noun of a thought a "what is X's NOUN"
// question asks for ("what is the US's assessment of the DPRK":
// assessment), or "".
func asksContent(text string) string {
	w := lowerWordsIn(text)
	if len(w) < 3 || w[0] != "what" || !copulas[w[1]] {
		return ""
	}
	for _, x := range w[2:min(len(w), 7)] {
		switch {
		case contentNouns[x]:
			return x
		case isArticle(x) || isPossessive(x) || possessiveDeterminers[x] || x == "us" || !isStop(x) && !auxiliaries[x]:
			// "the US's", "the us", "the state department's"
		default:
			return ""
		}
	}
	return ""
}

// contentOf reads what the passage's noun of a thought holds: its "that"
// clause, to the sentence's end ("our assessment that the DPRK constitutes
// a threat to international peace"), when only one is.
func (v *view) contentOf(noun string) string {
	var found sole
	for i := 0; i+2 < len(v.ws); i++ {
		if v.ws[i].lower != noun || !v.owns(v.ws[i].pos) || v.ws[i+1].lower != "that" || v.gap(i) != " " {
			continue
		}
		s := v.withContent(v.text[v.ws[i].start:v.ws[i].end])
		if cut := strings.TrimPrefix(s, v.text[v.ws[i].start:v.ws[i+1].end]); cut != s && strings.TrimSpace(cut) != "" && !found.add(strings.TrimSpace(cut)) {
			return ""
		}
	}
	return found.answer()
}

// contentClauseWords is the longest "that" clause withContent carries an
// object through.
const contentClauseWords = 24

// contentNouns name a thought or a saying, whose "that" clause says what
// it holds ("the assessment that", "a warning that"), where for other
// nouns "that" opens a clause about them ("the ships that").
var contentNouns = map[string]bool{
	"assessment": true, "belief": true, "view": true, "fear": true, "fears": true, "claim": true,
	"warning": true, "hope": true, "concern": true, "concerns": true, "conclusion": true,
	"suspicion": true, "impression": true, "argument": true, "finding": true, "judgment": true,
	"judgement": true, "assurance": true, "assurances": true, "promise": true, "pledge": true,
	"message": true, "news": true, "idea": true, "notion": true, "sense": true, "certainty": true,
	"doubt": true, "doubts": true, "insistence": true, "allegation": true, "allegations": true,
}

// describedConcept returns, for "how did X describe Y", the concept Y
// starts with ("the danger" of "the danger posed by the North"), whose
// word the quotation must follow; -1 for any other question.
func (q *question) describedConcept() int {
	w := lowerWordsIn(q.text)
	if len(w) < 4 || w[0] != "how" {
		return -1
	}
	at := slices.IndexFunc(w, func(x string) bool { return describing[x] || referVerbs[x] })
	if at < 0 {
		return -1
	}
	for _, x := range w[at+1:] {
		if k := q.conceptOf(x); k >= 0 {
			return k
		}
	}
	return -1
}

// activeAt returns where the passage says the question's verb p in the
// active: in lower case, not after a form of "be" ("detaining the elected
// leader", not "were detained").
func (v *view) activeAt(q *question, c *candidate, p string) [][2]int {
	return slices.DeleteFunc(v.conceptAt(q, c, p, derivedWeight), func(at [2]int) bool {
		return at[0] >= 1 && passiveAux[v.ws[at[0]-1].lower] || !isLower(v.ws[at[1]].text)
	})
}

// activeObject reads the object of the verb p said in the active, up to
// the preposition the question closes with after p ("removes more Russian
// banks from the SWIFT messaging system", for "what will be removed from
// SWIFT"); two different ones make it unsure.
func (v *view) activeObject(q *question, c *candidate, p, closing string) string {
	var found sole
	for _, at := range v.activeAt(q, c, p) {
		j := at[1] + 1
		if j >= len(v.ws) || v.gap(at[1]) != " " {
			continue
		}
		end := -1
		for k := j; k < len(v.ws) && k-j < 8; k++ {
			if closing != "" && v.ws[k].lower == closing {
				end = k - 1
				break
			}
			if strings.ContainsAny(v.gap(k), ",.;:!?") || v.owns(v.ws[k].pos) {
				break
			}
		}
		if end < j {
			continue
		}
		if !found.add(v.text[v.ws[j].start:v.ws[end].end]) {
			return ""
		}
	}
	return found.answer()
}

// passiveWhat returns the participle of "what will be removed from X"
// and the preposition after it, when the question closes with one: what
// the verb was done to, up to where the passage says it again.
func passiveWhat(text string) (verb, closing string) {
	w := lowerWordsIn(text)
	if len(w) < 5 || w[0] != "what" {
		return "", ""
	}
	for i := 1; i+2 < len(w); i++ {
		if (passiveAux[w[i]] || w[i] == "be" || w[i] == "been") && strings.HasSuffix(w[i+1], "ed") && prepositions[w[i+2]] {
			return w[i+1], w[i+2]
		}
	}
	return "", ""
}

// ownersRole reports whether a subject is a name's role: a possessive and
// a noun of a person or body after it ("Hungary's prime minister").
func ownersRole(subject string) bool {
	w := wordsIn(subject)
	if len(w) < 2 || !isPossessive(w[0]) || isLower(w[0]) {
		return false
	}
	last := strings.ToLower(w[len(w)-1])
	return roleNouns[last] || entityNouns[last]
}

// deedNoun reports whether a word that holds a verb's stem is a noun of
// the deed by its ending: "objections", "criticism", "complaints" (not
// "seen" or "offered").
func deedNoun(w string) bool {
	for _, end := range []string{"ion", "ions", "ment", "ments", "ism", "isms", "al", "als"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// secondVerbAt reports whether word k is an "and" that a verb of saying
// or an auxiliary follows: "and said", "and would": the subject's next
// verb, where what went before ends.
func (v *view) secondVerbAt(k int) bool {
	if k < 1 || k+1 >= len(v.ws) || v.ws[k].lower != "and" || v.gap(k-1) != " " || v.gap(k) != " " {
		return false
	}
	next := v.ws[k+1].lower
	return saying[next] || reporting[next] || auxiliaries[next]
}

// namesTerm reports whether the passage says what something is called: a
// verb of naming or describing ("called the sanctions self-destructive"),
// or a form of "be" right after the question's last word ("the launch was
// an outrageous act").
func (v *view) namesTerm(q *question, c *candidate) bool {
	for i, w := range v.ws {
		if namingWord(w.lower) && (i+1 == len(v.ws) || !particles[v.ws[i+1].lower]) {
			return true // not "called on the Security Council"
		}
	}
	k := len(q.concepts) - 1
	if k < 0 {
		return false
	}
	for _, p := range c.found[k].positions {
		if i, ok := v.at(p); ok && i+1 < len(v.ws) && v.gap(i) == " " && passiveAux[v.ws[i+1].lower] {
			return true
		}
	}
	return false
}

// closingWords, besides the words of place, open a phrase a question may
// close on, of time or terms: "what did Japan lodge after the launch",
// "what would Tehran cap under the European proposal".
var closingWords = map[string]bool{"during": true, "after": true, "before": true, "under": true}

// duration reads the one stretch of time a passage gives: a unit of time
// ("day", "weeks") with its count and hedge ("more than a year"), after a
// word that opens a stretch ("after weeks of talks", "followed a day of
// talks"); not a rate ("barrels a day") nor a time ("last month", "each
// year", "a year ago"). Two different ones make it unsure: "".
func (v *view) duration() string {
	var found sole
	for i, w := range v.ws {
		if !durationUnits[w.lower] || !isLower(w.text) {
			continue
		}
		if i+1 < len(v.ws) && v.ws[i+1].lower == "ago" {
			continue
		}
		start := i
		if k := i - 1; k >= 0 && v.gap(k) == " " && (stretchCounts[v.ws[k].lower] || digits.MatchString(v.ws[k].text)) {
			start = k
		} else if !strings.HasSuffix(w.lower, "s") {
			continue // "day" alone is no stretch
		}
		for k := start - 1; k >= 1 && v.gap(k) == " " && (v.ws[k].lower == "than" || approximately[v.ws[k].lower] || moreLess[v.ws[k].lower]); k-- {
			start = k // "more than a year", "nearly two years"
		}
		if start < 1 || v.gap(start-1) != " " || !opensStretch[v.ws[start-1].lower] {
			continue
		}
		if !found.add(v.text[v.ws[start].start:w.end]) {
			return ""
		}
	}
	return found.answer()
}

// durationUnits are the units of a stretch of time.
var durationUnits = map[string]bool{
	"hour": true, "hours": true, "day": true, "days": true, "week": true, "weeks": true,
	"month": true, "months": true, "year": true, "years": true, "decade": true, "decades": true,
}

// stretchCounts count a unit of time: "a day", "two years", "several weeks".
var stretchCounts = map[string]bool{
	"a": true, "an": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "several": true,
	"many": true, "few": true,
}

// moreLess hedge a count: "more than a year", "less than a week".
var moreLess = map[string]bool{"more": true, "less": true, "fewer": true}

// opensStretch are the words a stretch of time follows: "after weeks of
// talks", "for two years", "followed a day of talks", "lasted three days".
var opensStretch = map[string]bool{
	"for": true, "after": true, "within": true, "over": true, "in": true, "during": true,
	"followed": true, "lasted": true, "took": true, "spent": true, "of": true,
}

// withoutMotion takes a bare verb of motion and its particle off the end
// of what was watched: "tugs and barges sail past" is "tugs and barges".
func withoutMotion(s string) string {
	w := strings.Fields(s)
	if n := len(w); n >= 3 && motionParticles[strings.ToLower(w[n-1])] && isLower(w[n-2]) {
		return strings.Join(w[:n-2], " ")
	}
	return s
}

// motionParticles end a bare verb of motion: "pass by", "fly overhead".
var motionParticles = map[string]bool{
	"by": true, "past": true, "away": true, "off": true, "overhead": true, "through": true, "along": true,
}

// asksEndpoint returns "to" or "from" for a question that ends by asking
// where a change ends or starts ("what would the limit fall to", "what
// would the rules cut imports to"), "" for any other.
func asksEndpoint(text string) string {
	w := lowerWordsIn(text)
	n := len(w)
	if n < 3 || (w[n-1] != "to" && w[n-1] != "from") || !slices.ContainsFunc(w[1:n-1], func(x string) bool { return changeVerbs[x] }) {
		return ""
	}
	return w[n-1]
}

// changeVerbs change a quantity, which "to" and "from" follow: the words
// of changes (holdsChange) and those that set a level ("limited to",
// "capped at"), which are no change a passage must hold.
var changeVerbs = map[string]bool{
	"fall": true, "fell": true, "fallen": true, "drop": true, "dropped": true, "cut": true,
	"reduce": true, "reduced": true, "lower": true, "lowered": true, "limit": true, "limited": true,
	"cap": true, "capped": true, "rise": true, "rose": true, "risen": true, "increase": true,
	"increased": true, "raise": true, "raised": true, "grow": true, "grew": true, "grown": true,
	"shrink": true, "shrank": true, "shrunk": true, "decrease": true, "decreased": true,
	"slash": true, "slashed": true, "go": true, "went": true, "gone": true, "restrict": true,
	"restricted": true, "change": true, "changed": true,
}

// rangeEnd reads one end of the passage's one "from X to Y" range of
// quantities: Y for "to", X for "from"; where X has no unit of its own
// ("from four million to two million barrels"), the whole range, as an
// answer is the passage's own words. Two ranges make it unsure.
func (v *view) rangeEnd(end string) string {
	spans := spans(kindNumber, v.text, v.ws)
	var found sole
	for i := 0; i+1 < len(spans); i++ {
		a, b := spans[i], spans[i+1]
		ia, ib, jb := wordAt(v.ws, a.first), wordAt(v.ws, b.first), wordAt(v.ws, b.last)
		ja := wordAt(v.ws, a.last)
		if ia < 1 || v.ws[ia-1].lower != "from" || ja+2 != ib || v.ws[ja+1].lower != "to" {
			continue
		}
		bEnd := b.end
		if last := v.ws[jb].lower; (numberWords[last] || digits.MatchString(last)) && jb+1 < len(v.ws) && v.gap(jb) == " " {
			// "to six million dollars": the noun after the number is
			// its unit
			if u := v.ws[jb+1]; isLower(u.text) && !isStop(u.lower) && !timeNouns[u.lower] && !dangling[u.lower] {
				bEnd, jb = u.end, jb+1
			}
		}
		if end == "to" {
			found.add(v.text[b.start:bEnd])
			continue
		}
		s := v.text[a.start:a.end]
		if (jb - ib) > (ja - ia) {
			// the start has no unit of its own: the whole range, as the
			// passage writes it ("from four million to two million
			// barrels"), not words put together
			s = v.text[v.ws[ia-1].start:bEnd]
		}
		found.add(s)
	}
	return found.answer()
}

// possessiveDeterminers own the noun after them.
var possessiveDeterminers = map[string]bool{"its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true}

// objectPronouns stand for whom a verb is done to: "urged them to".
var objectPronouns = map[string]bool{"them": true, "him": true, "her": true, "us": true, "me": true, "you": true}

// perception are the verbs whose object a bare verb may follow ("watched
// tanks … pass by").
var perception = map[string]bool{
	"watch": true, "watched": true, "see": true, "saw": true, "seen": true,
	"hear": true, "heard": true, "observe": true, "observed": true,
}

// opensObject reports whether the gap after a verb lets its object
// follow: a space, or a space and an opening quote ('confirms "our
// assessment').
func opensObject(gap string) bool {
	switch gap {
	case " ", " \"", " “":
		return true
	}
	return false
}

// withoutManner takes an adverb of manner off the end of an object: "his
// nuclear program rapidly" is what is accelerated, and "rapidly" how.
func withoutManner(s string) string {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s
	}
	last := s[i+1:]
	if len(last) > 5 && strings.HasSuffix(last, "ly") && isLower(last) && !notAdverbs[last] {
		return s[:i]
	}
	return s
}

// notAdverbs are words in -ly that are no adverbs.
var notAdverbs = map[string]bool{
	"supply": true, "assembly": true, "family": true, "monopoly": true, "anomaly": true,
	"rally": true, "reply": true, "ally": true, "butterfly": true, "homily": true,
}

// withoutRecipient cuts the question's recipient off the end of an
// object read from word j: "dialogue with North Korea" is "dialogue" for
// "what has X offered Pyongyang", where the passage's "North Korea" is
// the question's own name.
func (v *view) withoutRecipient(j int, object string) string {
	end := v.ws[j].start + len(object)
	for k := j + 1; k+1 < len(v.ws) && v.ws[k+1].end <= end; k++ {
		switch v.ws[k].lower {
		case "with", "to", "for":
			if v.owns(v.ws[k+1].pos) && v.nameAt(k+1) {
				return strings.TrimSpace(v.text[v.ws[j].start:v.ws[k].start])
			}
		}
	}
	return object
}

// namesOwn reports whether a subject read off the passage shares a word
// with the question, a possessive or not ("President Joe Biden's
// administration" for "what has Biden offered").
func namesOwn(question, subject string) bool {
	qw := lowerWordsIn(question)
	for _, x := range lowerWordsIn(subject) {
		if x = trimPossessive(x); isStop(x) {
			continue
		}
		for _, w := range qw {
			if trimPossessive(w) == x {
				return true
			}
		}
	}
	return false
}

// nameEndingIn reads the one name in the passage whose last word is the
// question's noun, capitalised: "State Department" for "which
// department", "Security Council" for "which council". A name made of the
// question's own words only is no answer.
func (v *view) nameEndingIn(noun string) string {
	if noun == "" {
		return ""
	}
	var found sole
	plain := v.ignoringOwn() // the name holds the question's noun
	for i, w := range v.ws {
		if isLower(w.text) || !strings.EqualFold(w.text, noun) && !strings.EqualFold(w.text, noun+"s") && !strings.EqualFold(w.text+"s", noun) {
			continue
		}
		n, ok := plain.nameEndingAt(i)
		if !ok || n.i == i {
			continue
		}
		own := true
		for k := n.i; k <= n.j; k++ {
			own = own && v.owns(v.ws[k].pos)
		}
		if !own && !found.add(v.say([]name{n})) {
			return ""
		}
	}
	return found.answer()
}

// nameBeforeNoun reads the one name that stands right before the
// question's noun written in lower case, as what kind of it it is, with
// the noun: "Ukraine invasion" of "the Ukraine invasion" for "which
// invasion", where the question's other words the articles hold (near)
// stand near. Not after a
// possessive ("Russia's invasion" says whose), nor a name of the
// question's own words.
func (v *view) nameBeforeNoun(noun string, near bool) string {
	if noun == "" {
		return ""
	}
	var found sole
	for i, w := range v.ws {
		if i == 0 || !isLower(w.text) || inflectionBase(w.text) != inflectionBase(noun) || v.gap(i-1) != " " {
			continue
		}
		if isPossessive(v.ws[i-1].text) {
			continue
		}
		n, ok := v.nameEndingAt(i - 1)
		if !ok || near && !v.ownWithin(n.i, 6) && !v.ownAfter(i, 6) {
			continue // "a North Korean weapon", in a clause without the question's words
		}
		if !found.add(v.text[v.ws[n.i].start:w.end]) {
			return ""
		}
	}
	return found.answer()
}

// wordAfterWhich returns the word after a question's "which" or "what".
func wordAfterWhich(text string) string {
	w := lowerWordsIn(text)
	for i := 0; i+1 < len(w); i++ {
		if w[i] == "which" || w[i] == "what" {
			return w[i+1]
		}
	}
	return ""
}

// ownBetween reports whether one of the question's names stands from word
// i to the end of the answer s that follows it: "with Biden's predecessor
// Donald Trump" does not answer who met Biden (but a common word of the
// question may describe the answer: "predecessor", for "which former
// president met Kim").
func (v *view) ownBetween(i int, s string) bool {
	for k := i; k < len(v.ws); k++ {
		if v.owns(v.ws[k].pos) && !isLower(v.ws[k].text) {
			return true
		}
		if strings.HasSuffix(v.text[:v.ws[k].end], s) {
			return false
		}
	}
	return false
}

// holdsSubject reports whether the passage holds the subject of a what
// question, the words after its auxiliary ("what does the US consider",
// "what is the radar a threat to"): what a rule reads off a passage about
// something else answers another question.
func (v *view) holdsSubject(q *question, c *candidate) bool {
	x := questionSubject(q.text)
	for k, con := range q.concepts {
		if x != "" && containsWord(con.words, x) && c.found[k].weight == 0 && !q.modifierInArticle(c, x) {
			return false
		}
	}
	return true
}

// modifierInArticle reports whether the question's word x only qualifies
// a noun after it that the passage holds, an auxiliary ending the subject
// after that noun, and the passage's article holds x: "what will OPEC+
// members be held to" asks of "each member" in an article about OPEC+,
// which the passage need not name again (but "what is the radar a threat
// to" needs the radar, and in "what did biden pledge" the word after the
// name is its verb).
func (q *question) modifierInArticle(c *candidate, x string) bool {
	w := lowerWordsIn(q.text)
	i := slices.Index(w, x)
	if i < 0 || i+2 >= len(w) || c.inArticle == nil || !auxiliaries[w[i+2]] && w[i+2] != "be" && w[i+2] != "been" {
		return false
	}
	k, head := q.conceptOf(x), q.conceptOf(w[i+1])
	return k >= 0 && head >= 0 && head != k && c.inArticle[k] && c.found[head].weight > 0
}

// holdsBeyondSubject reports whether the passage holds one of the
// question's concepts besides the subject of a what question (every
// question with no such subject passes).
func holdsBeyondSubject(q *question, c *candidate) bool {
	x := questionSubject(q.text)
	if x == "" {
		return true
	}
	beyond := false
	for k, con := range q.concepts {
		if containsWord(con.words, x) || saying[strings.ToLower(con.words)] {
			continue // the subject, or a verb of saying ("what did Kim say": what he vowed)
		}
		if c.found[k].weight > 0 {
			return true
		}
		beyond = true
	}
	return !beyond
}

// keywordRole returns the role noun of a question with no question word,
// no possessive and no "name" ("state department spokesman", "north
// korean leader"); ok is false for any other question.
func keywordRole(text string) (role string, ok bool) {
	w := lowerWordsIn(text)
	if len(w) < 2 || questionWords[w[0]] || slices.Contains(w, "name") || slices.ContainsFunc(w, isPossessive) {
		return "", false
	}
	for i, x := range w {
		if roleNouns[x] && i >= 1 {
			role = x
		}
	}
	return role, role != ""
}

// keywordHolders returns the words before the noun of a keyword question
// that ends on a plural noun asking for names or holders ("veto powers",
// "nuclear states", "veto holders"): read as which of them have what
// those words say; nil for any other question.
func keywordHolders(text string) []string {
	w := lowerWordsIn(text)
	if len(w) < 2 || len(w) > 3 || questionWords[w[0]] || auxiliaries[w[0]] {
		return nil
	}
	last := w[len(w)-1]
	if !entityNouns[last] && !holderNouns[last] || !plural(last) {
		return nil
	}
	mods := w[:len(w)-1]
	if slices.ContainsFunc(mods, func(x string) bool { return isStop(x) || isPossessive(x) || entityNouns[x] }) {
		return nil
	}
	return mods
}

// holderNouns name those who have something: "veto holders".
var holderNouns = map[string]bool{"holders": true, "owners": true, "possessors": true, "wielders": true}

// roleHolder reads the name right after the role noun where the passage
// says the role as the question does, with the question's word before
// it: "State Department spokesman Ned Price" for "state department
// spokesman", not for "DPRK spokesman". Two different names make it
// unsure.
func (v *view) roleHolder(q *question, c *candidate, role string) string {
	var found sole
	for _, at := range v.conceptAt(q, c, role, 1) {
		k := at[0] - 1
		if k < 0 || v.gap(k) != " " || !v.owns(v.ws[k].pos) || at[1]+1 >= len(v.ws) || v.gap(at[1]) != " " {
			continue
		}
		if n, ok := v.nameStartingAt(at[1] + 1); ok && !found.add(v.say([]name{n})) {
			return ""
		}
	}
	return found.answer()
}

// questionWords open a question.
var questionWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "what": true, "which": true, "when": true,
	"where": true, "why": true, "how": true, "is": true, "are": true, "was": true, "were": true,
	"do": true, "does": true, "did": true, "has": true, "have": true, "can": true, "could": true,
	"will": true, "would": true,
}

// passiveAux are the forms of be before a participle: "were told", and
// (ownBefore) "were calling".
var passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "be": true}

// ignoringOwn returns the view read as if the question had no words: the
// readers of names stop at the question's own words, and some answers
// hold them ("Kim Jong Un" for "what did Kim watch").
func (v *view) ignoringOwn() *view {
	plain := *v
	plain.own = nil
	return &plain
}

// subordinators open a clause of time or reason that hangs on the clause
// before it.
var subordinators = map[string]bool{
	"as": true, "when": true, "while": true, "after": true, "before": true,
	"because": true, "since": true, "until": true, "once": true, "whenever": true,
}

// mainSubject reads the names that are the subject of the clause before
// word m, in the same sentence: the first verb back from m whose subject
// is a name. The pronoun must agree: "they" stands for two names or more,
// "he", "she" or "it" for one; "it" stands for the nearest subject that is
// a thing ("the bridge"), which is no name.
func (v *view) mainSubject(m int, pronoun string) (string, bool) {
	for p := m - 1; p > 0; p-- {
		if strings.ContainsAny(v.gap(p), ".;:!?") {
			return "", false
		}
		if !isLower(v.ws[p].text) || isStop(v.ws[p].text) {
			continue
		}
		s, decided, names := v.subjectAt(p)
		if !names {
			if pronoun == "it" && decided && s != "" && (strings.HasSuffix(v.ws[p].lower, "ed") || auxiliaries[v.ws[p-1].lower]) {
				return "", false // "the bridge would close as it …": it is the bridge
			}
			continue
		}
		n := strings.Count(s, " and ") + strings.Count(s, ", ") + 1
		switch {
		case pronoun == "they" && n > 1, (pronoun == "he" || pronoun == "she" || pronoun == "it") && n == 1:
			return s, true
		}
		return "", false
	}
	return "", false
}

// relativeBefore returns the index of a relative pronoun ("that", "who",
// "which") opening a clause that ends at word k, within six words and the
// same clause, or -1. A "that" after a verb of saying ("said that") opens
// what was said, not a relative clause.
func (v *view) relativeBefore(k int) int {
	for r := k - 1; r > 0 && k-r <= 6; r-- {
		if strings.TrimSpace(v.gap(r)) != "" {
			return -1
		}
		switch v.ws[r].lower {
		case "who", "which":
			if prepositions[v.ws[r-1].lower] {
				// "talks in which landlocked members … won": the clause
				// has a subject of its own
				return -1
			}
			return r
		case "that":
			if saying[v.ws[r-1].lower] || !isLower(v.ws[r-1].text) {
				return -1
			}
			return r
		}
	}
	return -1
}

// appositive reports whether the passage's common noun phrase s, opened
// by "a" or "an", stands right after a comma: it says again what came
// before it ("… to censure Tehran, a step that could eventually send the
// file back"; "Kim, a leader who …"), so what it does is done by that,
// and the phrase itself names no one.
func (v *view) appositive(s string) bool {
	if first := strings.ToLower(firstWord(s)); first != "a" && first != "an" {
		return false
	}
	at := strings.Index(v.text, s)
	k := v.wordFrom(at)
	return at > 0 && k >= 1 && k < len(v.ws) && v.ws[k].start == at && strings.TrimSpace(v.gap(k-1)) == ","
}

// pronounSubjects are the pronouns that stand for a subject named before.
var pronounSubjects = map[string]bool{"they": true, "he": true, "she": true, "it": true, "we": true}

// saying are verbs that "that" follows to report what was said or thought.
var saying = map[string]bool{
	"say": true, "says": true, "said": true, "tell": true, "tells": true, "told": true,
	"warn": true, "warns": true, "warned": true, "argue": true, "argues": true, "argued": true,
	"believe": true, "believes": true, "believed": true, "add": true, "adds": true, "added": true,
	"note": true, "notes": true, "noted": true, "insist": true, "insists": true, "insisted": true,
	"claim": true, "claims": true, "claimed": true, "concede": true, "concedes": true, "conceded": true,
	"acknowledge": true, "acknowledges": true, "acknowledged": true, "report": true, "reports": true,
	"reported": true, "state": true, "states": true, "stated": true, "think": true, "thinks": true,
	"thought": true, "confirm": true, "confirms": true, "confirmed": true, "know": true, "knows": true,
	"announce": true, "announced": true, "announces": true, "estimate": true, "estimated": true,
}

// namesBefore returns the name with the names joined to it before it:
// "China and Russia", "A, B and C", across asides when acrossAsides.
func (v *view) namesBefore(n name, acrossAsides bool) []name {
	ns := []name{n}
	for m := n.i - 1; m >= 1; {
		lw := v.ws[m].lower
		if v.skippable(m) && v.aside[m] != v.aside[n.i] {
			if !acrossAsides {
				break
			}
			for m >= 0 && v.skippable(m) {
				m--
			}
			continue
		}
		if lw != "and" && !strings.Contains(v.gap(m), ",") {
			break
		}
		if lw == "and" {
			m--
			for acrossAsides && m >= 0 && v.skippable(m) {
				m--
			}
		}
		prev, ok := v.nameEndingAt(m)
		if !ok {
			break
		}
		ns = append([]name{prev}, ns...)
		m = prev.i - 1
	}
	return ns
}

func isArticle(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the":
		return true
	}
	return false
}

// commonAt reports whether word i is a common word: lower case, or
// capitalised only because it starts a sentence and is a plural
// ("Officials said").
func (v *view) commonAt(i int) bool {
	w := v.ws[i].text
	return isLower(w) || (v.startsSentence(i) && pluralNoun(w) && !isUpperASCII([]byte(w)))
}

// startsSentence reports whether word i is the first of a sentence.
func (v *view) startsSentence(i int) bool {
	if i == 0 {
		return true
	}
	return strings.ContainsAny(v.gap(i-1), ".!?\"“")
}

func pluralNoun(s string) bool {
	return plural(strings.ToLower(s)) && !strings.ContainsAny(s, "'’")
}

// roleOfOwnName reads what the question's named person is, from the words
// just before the name: "North Korean leader Kim Jong Un", "State
// Department spokesman Ned Price": a lower-case noun next to the name,
// with the names before it.
func (v *view) roleOfOwnName() string {
	for i := 1; i < len(v.ws); i++ {
		if !v.owns(v.ws[i].pos) || !isName(v.ws[i].text) || v.owns(v.ws[i-1].pos) || v.gap(i-1) != " " {
			continue
		}
		// The start of the name ("Joe" of "Joe Biden"), then a title
		// before it ("President Joe Biden").
		first := i
		for first > 0 && v.gap(first-1) == " " && isName(v.ws[first-1].text) && !titles[v.ws[first-1].lower] {
			first--
		}
		if first == 0 || v.gap(first-1) != " " {
			continue
		}
		if t := v.ws[first-1].text; titles[strings.ToLower(t)] && !isLower(t) {
			start := first - 1
			for start > 0 && v.gap(start-1) == " " && isName(v.ws[start-1].text) && !v.owns(v.ws[start-1].pos) {
				start-- // "US President"
			}
			return v.text[v.ws[start].start:v.ws[first-1].end]
		}
		k := first - 1
		if !isLower(v.ws[k].text) || isStop(v.ws[k].text) {
			continue
		}
		start := k
		for m := k - 1; m >= 0 && k-m < 4 && v.gap(m) == " "; m-- {
			if v.owns(v.ws[m].pos) || !isName(v.ws[m].text) {
				break // names and demonyms only: "North Korean leader"
			}
			start = m
		}
		return v.text[v.ws[start].start:v.ws[k].end]
	}
	return ""
}

// titles are the words that stand before a name to say what the person is.
var titles = map[string]bool{
	"president": true, "minister": true, "chancellor": true, "king": true, "queen": true,
	"prince": true, "senator": true, "governor": true, "mayor": true, "general": true,
	"secretary": true, "ambassador": true, "premier": true, "pope": true, "judge": true,
}

// writesAsName reports whether the passage writes capitalised every word
// the question asks about after "who is": "who is ned price" asks about a
// name when the passage has "Ned Price".
func (v *view) writesAsName(question string) bool {
	w := lowerWordsIn(question)
	for i := 0; i+2 < len(w); i++ {
		if w[i] != "who" {
			continue
		}
		for _, want := range w[i+2:] {
			found := false
			for _, x := range v.ws {
				if strings.EqualFold(trimPossessive(x.text), trimPossessive(want)) && isName(x.text) {
					found = true
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	return false
}

// objectAfter reads the object of a verb ending at word j, past a
// preposition: the last name of it ("meetings with Biden's predecessor
// Donald Trump"), or a common noun ("told reporters").
func (v *view) objectAfter(j int) string {
	k := j + 1
	if k < len(v.ws) && prepositions[v.ws[k].lower] && v.gap(j) == " " {
		k++
	}
	start := k
	var last name
	found := false
	for ; k < len(v.ws) && k-start < 6; k++ {
		if strings.TrimSpace(v.gap(k-1)) != "" || clauseWords[v.ws[k].lower] || v.owns(v.ws[k].pos) {
			break
		}
		if n, ok := v.nameStartingAt(k); ok {
			last, found = n, true
			k = n.j
		}
	}
	if found {
		return v.say([]name{last})
	}
	// A plural right after the verb: "told reporters".
	if start < len(v.ws) && start == j+1 && v.gap(j) == " " && isLower(v.ws[start].text) && pluralNoun(v.ws[start].text) && !v.owns(v.ws[start].pos) {
		return v.ws[start].text
	}
	// "briefed ambassadors by video link and urged them": "them" stands
	// for the plural the clause before it names, in the same sentence
	if start < len(v.ws) && start == j+1 && v.gap(j) == " " && v.ws[start].lower == "them" {
		for k := j - 1; k >= 0 && !strings.ContainsAny(v.gap(k), ".;:!?"); k-- {
			if w := v.ws[k]; isLower(w.text) && pluralNoun(w.text) && !v.owns(w.pos) && !isStop(w.text) {
				return w.text
			}
		}
	}
	// A person's or body's noun after an article: "detaining the elected
	// leader".
	if start < len(v.ws) && start == j+1 && v.gap(j) == " " && isArticle(v.ws[start].text) {
		for k := start + 1; k < len(v.ws) && k-start <= 3 && v.gap(k-1) == " "; k++ {
			w := v.ws[k]
			if !isLower(w.text) || isStop(w.text) || v.owns(w.pos) {
				break
			}
			if roleNouns[w.lower] || entityNouns[w.lower] {
				if k+1 < len(v.ws) && v.gap(k) == " " && isLower(v.ws[k+1].text) && !isStop(v.ws[k+1].text) &&
					!clauseWords[v.ws[k+1].lower] {
					return "" // the noun goes on: "told a weekly news conference"
				}
				return v.text[v.ws[start].start:w.end]
			}
		}
	}
	return ""
}

// besideOwn reads a name standing right after one of the question's words
// ("spokesman Ned Price", "President Joe Biden"), when only one does.
func (v *view) besideOwn(q *question, c *candidate) string {
	question := q.text
	type beside struct{ anchor, answer string }
	var found []beside
	for i := 0; i+1 < len(v.ws); i++ {
		if !v.owns(v.ws[i].pos) || v.owns(v.ws[i+1].pos) {
			continue
		}
		if lw := v.ws[i].lower; v.nameAt(i) && v.gap(i) == " " && !roleNouns[lw] {
			// "UN Security Council", "State Department": one name, not a
			// name beside "UN" or "State" (but "President Joe Biden")
			continue
		}
		next := i + 1
		switch g := strings.TrimSpace(v.gap(i)); {
		case g == ",":
			// "its official name, the Democratic People's Republic of
			// Korea"
			if strings.EqualFold(v.ws[next].text, "the") {
				next++
			}
		case g != "":
			continue
		}
		n, ok := v.nameStartingAt(next)
		if !ok {
			continue
		}
		if strings.TrimSpace(v.gap(i)) == "," && !isLower(v.ws[i].text) &&
			(!isPossessive(v.ws[n.j].text) || ownsPossessive(question, v.ws[i].lower) || q.possessiveAt(c, v.ws[i].pos)) {
			// after a name, a comma lists ("France, Britain and
			// Germany") unless an aside describes it ("China, North
			// Korea's closest ally", for "who is china an ally of");
			// not for "who is china's ally", which asks the reverse
			continue
		}
		s := v.say([]name{n})
		if !slices.ContainsFunc(found, func(b beside) bool { return b.answer == s }) {
			found = append(found, beside{inflectionBase(v.ws[i].text), s})
		}
	}
	if owner := nameOwner(question); owner != "" && !v.holdsWord(owner) {
		// "state dept guy name": not "its official name, the
		// Democratic People's Republic of Korea", a name of something
		// the question does not ask about
		found = slices.DeleteFunc(found, func(b beside) bool { return b.anchor == "name" })
	}
	switch {
	case len(found) == 1:
		return found[0].answer
	case len(found) > 1:
		// "us spokesman name": the name of the word before "name".
		w := lowerWordsIn(question)
		for k := 1; k < len(w); k++ {
			if w[k] != "name" {
				continue
			}
			var of []string
			for _, b := range found {
				if b.anchor == inflectionBase(w[k-1]) {
					of = append(of, b.answer)
				}
			}
			if len(of) == 1 {
				return of[0]
			}
		}
	}
	return ""
}

// nameOwner returns the word before "name" in a question ("guy" in "state
// dept guy name", "official" in "dprk official name"), or "".
func nameOwner(question string) string {
	w := lowerWordsIn(question)
	for k := 1; k < len(w); k++ {
		if w[k] == "name" && !isStop(w[k-1]) {
			return w[k-1]
		}
	}
	return ""
}

// holdsWord reports whether the passage writes the word, or an inflection
// of it.
func (v *view) holdsWord(word string) bool {
	for _, w := range v.ws {
		if inflectionBase(w.lower) == inflectionBase(word) {
			return true
		}
	}
	return false
}

// ownedByOther reports whether the quantity s follows a name's possessive
// that is not one of the question's words: "Kim's three high-profile
// meetings" counts Kim's, and answers nothing about Biden's.
func (v *view) ownedByOther(s string) bool {
	k := v.wordBefore(s)
	return k >= 0 && isPossessive(v.ws[k].text) && !isLower(v.ws[k].text) && !v.owns(v.ws[k].pos)
}

// wordBefore returns the index of the word right before the passage's
// phrase s, a space between them, or -1 when s does not stand so.
func (v *view) wordBefore(s string) int {
	at := strings.Index(v.text, s)
	if k := v.wordFrom(at); at > 0 && k >= 1 && k < len(v.ws) && v.ws[k].start == at && v.gap(k-1) == " " {
		return k - 1
	}
	return -1
}

// wordFrom returns the index of the first word that starts at or after
// byte offset off, len(v.ws) when none does.
func (v *view) wordFrom(off int) int {
	for i, w := range v.ws {
		if w.start >= off {
			return i
		}
	}
	return len(v.ws)
}

// namesAny reports whether the question names someone or something the
// passage writes with a capital ("trump" for "Donald Trump").
func (v *view) namesAny(q *question, c *candidate) bool {
	for k := range q.concepts {
		for _, p := range c.found[k].positions {
			if i, ok := v.at(p); ok && i > 0 && !isLower(v.ws[i].text) {
				return true
			}
		}
	}
	return false
}

// possessiveAt reports whether the question's concept found at position p
// is written as a possessive in the question ("beijing's", found as
// "China").
func (q *question) possessiveAt(c *candidate, p int) bool {
	for k, con := range q.concepts {
		if slices.Contains(c.found[k].positions, p) && slices.ContainsFunc(lowerWordsIn(con.words), isPossessive) {
			return true
		}
	}
	return false
}

// ownsPossessive reports whether the question writes the word as a
// possessive ("china's" in "who is china's main ally"), or after a role
// and "of" ("the leader of china").
func ownsPossessive(question, word string) bool {
	ws := lowerWordsIn(question)
	for k, w := range ws {
		if trimPossessive(w) != trimPossessive(word) {
			continue
		}
		// "china's leader", or "the leader of china"
		if isPossessive(w) || k >= 2 && ws[k-1] == "of" && (roleNouns[ws[k-2]] || entityNouns[ws[k-2]]) {
			return true
		}
	}
	return false
}

// placeWords are the prepositions that put a name as a place.
var placeWords = map[string]bool{
	"in": true, "at": true, "on": true, "into": true, "near": true, "over": true, "across": true,
	"inside": true, "outside": true, "off": true, "towards": true, "toward": true,
}

// placeNearOwn reads the place where something happened: a name after a
// preposition of place ("fell into the Pacific Ocean", "held in Lisbon"),
// the nearest to the question's words within four words of one, and
// unsure when two are as near.
// partitives name a part of a place: "in parts of Hokkaido", "in the
// north of the country".
var partitives = map[string]bool{
	"part": true, "parts": true, "area": true, "areas": true, "much": true, "most": true,
	"north": true, "south": true, "east": true, "west": true, "centre": true, "center": true,
	"outskirts": true, "rest": true,
}

func (v *view) placeNearOwn() string {
	best, bestD, ties := "", 5, 0
	for i := 0; i+1 < len(v.ws); i++ {
		if !placeWords[v.ws[i].lower] || v.gap(i) != " " {
			continue
		}
		k := i + 1
		if isArticle(v.ws[k].text) && k+1 < len(v.ws) && v.gap(k) == " " {
			k++
		}
		if k+2 < len(v.ws) && partitives[v.ws[k].lower] && v.ws[k+1].lower == "of" && v.gap(k) == " " && v.gap(k+1) == " " {
			k += 2 // "in parts of Hokkaido"
		}
		n, ok := v.nameStartingAt(k)
		if !ok {
			continue
		}
		// The place follows the question's word, or a time after it:
		// "held in Lisbon", "held on Friday in Lisbon" (not "discuss the
		// crisis in Myanmar", where the place is the crisis's).
		d := 5
		for m := i - 1; m >= 0 && i-m < 5; m-- {
			if strings.ContainsAny(v.gap(m), ".;!?,") {
				break
			}
			if v.owns(v.ws[m].pos) {
				d = i - m
				break
			}
			lw := v.ws[m].lower
			if !timeWords[lw] && !placeWords[lw] && !relative[lw] && !periods[lw] {
				break
			}
		}
		switch s := v.say([]name{n}); {
		case d < bestD:
			best, bestD, ties = s, d, 0
		case d == bestD && s != best:
			ties++
		}
	}
	if ties > 0 {
		return ""
	}
	return best
}

// passiveSubject reads what a passive verb of the question was done to,
// when the question's name is its agent: the noun phrase that opens the
// sentence ("A draft Security Council resolution presented earlier this
// month by the United States and seen by AFP"), up to its first participle.
func (v *view) passiveSubject() string {
	var found sole
	for i := 0; i+2 < len(v.ws); i++ {
		if !v.owns(v.ws[i].pos) || !participle(v.ws[i].text) || !strings.EqualFold(v.ws[i+1].text, "by") ||
			!v.owns(v.ws[i+2].pos) || !isName(v.ws[i+2].text) {
			continue // "exports by North Korea" is no passive verb
		}
		start := 0
		for k := i; k > 0; k-- {
			if strings.ContainsAny(v.gap(k-1), ".;!?") {
				start = k
				break
			}
		}
		end := -1
		for k := start + 1; k < i && k-start < 7; k++ {
			if w := v.ws[k].text; isLower(w) && participle(w) {
				end = k - 1
				break
			}
			if strings.TrimSpace(v.gap(k-1)) != "" {
				break
			}
		}
		if end <= start {
			continue
		}
		s := v.text[v.ws[start].start:v.ws[end].end]
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// participle reports whether a lower-case word looks like a past
// participle: "presented", "seen", "shown", or an irregular form.
func participle(w string) bool {
	lw := strings.ToLower(w)
	if !isLower(w) || len(lw) < 3 {
		return false
	}
	// an irregular form ("seen", "shown", "given"), not a plural ("men");
	// "-en" alone is no sign: "citizen", "biden"
	_, irr := irregular[lw]
	return (irr && !strings.HasSuffix(lw, "men")) || strings.HasSuffix(lw, "ed")
}

// reporting are verbs that carry what someone said: "vowed to accelerate".
var reporting = map[string]bool{
	"said": true, "says": true, "vowed": true, "vows": true, "pledged": true, "pledges": true,
	"promised": true, "promises": true, "warned": true, "warns": true, "declared": true,
	"announced": true, "threatened": true, "told": true, "insisted": true, "urged": true,
}

// sayingOfOwnName reads what one of the question's names said it would
// do: the name, past an aside, a verb of saying, and the "to" that follows
// it ("Kim Jong Un, overseeing a military parade, vowed to accelerate his
// nuclear program"); and, when clauses is set (the question asks what was
// said), the short clause it said.
func (v *view) sayingOfOwnName(clauses bool) string {
	var found sole
	for i := 0; i+1 < len(v.ws); i++ {
		if !v.owns(v.ws[i].pos) || !isName(v.ws[i].text) {
			continue
		}
		for i+1 < len(v.ws) && v.gap(i) == " " && isName(v.ws[i+1].text) {
			i++ // the rest of the name: "Kim Jong Un"
		}
		k := i + 1
		for k < len(v.ws) && v.skippable(k) {
			k++
		}
		if k+1 >= len(v.ws) || !reporting[v.ws[k].lower] {
			continue
		}
		// What was vowed or promised, "to" and a verb; or what was said,
		// a clause after a verb of saying, when it is short ("said
		// Tuesday it remained committed to talks with North Korea").
		start := k + 1
		if v.gap(k) != " " {
			continue
		}
		if !strings.EqualFold(v.ws[start].text, "to") {
			if !clauses {
				continue
			}
			if s := v.saidClause(k); s != "" && !found.add(s) {
				return ""
			}
			continue
		}
		s := v.phraseFrom(start, 8)
		if s == "" {
			continue
		}
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// saidClause reads the clause a verb of saying at word k says, past a day
// and "that": to the end of its clause, at most saidWords words, or "".
// "Tokyo and Seoul said they would coordinate closely with Washington on a
// response": "they would coordinate closely with Washington on a response".
func (v *view) saidClause(k int) string {
	if !saying[v.ws[k].lower] {
		return ""
	}
	start := k + 1
	for start < len(v.ws) && v.gap(start-1) == " " && (timeWords[v.ws[start].lower] || v.ws[start].lower == "that") {
		start++
	}
	if start >= len(v.ws) || v.gap(start-1) != " " || !isLower(v.ws[start].text) && !isName(v.ws[start].text) {
		return ""
	}
	end := start
	for j := start + 1; j < len(v.ws); j++ {
		g := v.gap(j - 1)
		if strings.ContainsAny(g, "\"“”") {
			return "" // the clause goes on into a quotation: too long
		}
		if strings.TrimSpace(g) != "" && !strings.Contains(g, "-") || clauseBreaks[v.ws[j].lower] {
			break
		}
		end = j
	}
	if end-start+1 > saidWords || end == start {
		return ""
	}
	return v.text[v.ws[start].start:v.ws[end].end]
}

// saidWords is the longest clause saidClause gives as a short answer.
const saidWords = 12

// clauseBreaks end a said clause: a word that opens another clause or a
// concession ("despite its provocations").
var clauseBreaks = map[string]bool{
	"as": true, "while": true, "when": true, "but": true, "after": true, "because": true,
	"although": true, "though": true, "despite": true, "even": true, "whereas": true, "and": true,
}

// predicateOfOwnName reads what one of the question's names does, in the
// clause where another of its words stands: "Russia, whose …, have so far
// refused any discussion on the draft resolution".
func (v *view) predicateOfOwnName() string { return v.predicateOf("") }

// predicateOf is predicateOfOwnName, of the question's subject word when
// one is given, a name or not ("what did the military do in February":
// "seized power in a coup in February").
func (v *view) predicateOf(subject string) string {
	var found sole
	for i := 0; i+1 < len(v.ws); i++ {
		if !v.owns(v.ws[i].pos) {
			continue
		}
		if subject == "" && !isName(v.ws[i].text) || subject != "" && inflectionBase(v.ws[i].lower) != inflectionBase(subject) {
			continue
		}
		k := i + 1
		for k < len(v.ws) && v.skippable(k) {
			k++
		}
		if k >= len(v.ws) || k == i+1 && strings.TrimSpace(v.gap(i)) != "" {
			continue
		}
		// the clause from the verb to the question's last word in it
		last := -1
		for m := k; m < len(v.ws) && m-k < 12; m++ {
			if m > k && strings.ContainsAny(v.gap(m-1), ".;:!?") {
				break
			}
			if v.owns(v.ws[m].pos) {
				last = m
			}
		}
		if last < 0 || !isLower(v.ws[k].text) {
			continue
		}
		s := v.text[v.ws[k].start:v.ws[last].end]
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// deedTo reads what was done to the question's word: the verb before it
// and the words of the question's object (past an article, possessive or
// "more"), the verb after an auxiliary, "to" or the question's subject,
// perhaps past an adverb ("would tighten sanctions"; "the package also
// removes more Russian banks"), when only one is. Not a verb after "and",
// whose subject is another clause's.
func (v *view) deedTo(object string) string {
	var found sole
	for i := 2; i < len(v.ws); i++ {
		if !v.owns(v.ws[i].pos) || inflectionBase(v.ws[i].lower) != inflectionBase(object) {
			continue
		}
		j := i - 1
		for j > 0 && v.owns(v.ws[j].pos) && v.gap(j) == " " {
			j-- // "Russian banks"
		}
		if w := v.ws[j].lower; isArticle(w) || isPossessive(w) || possessiveDeterminers[w] || deedQuantifiers[w] {
			j--
		}
		if j < 1 || v.owns(v.ws[j].pos) || !isLower(v.ws[j].text) || isStop(v.ws[j].text) ||
			strings.TrimSpace(v.gap(j-1)+v.gap(j)) != "" {
			continue
		}
		k := j - 1
		if w := v.ws[k].lower; k > 0 && (w == "also" || strings.HasSuffix(w, "ly")) && v.gap(k-1) == " " {
			k-- // "also removes", "rapidly expand"
		}
		if before := v.ws[k].lower; !auxiliaries[before] && before != "to" && !v.owns(v.ws[k].pos) {
			continue
		}
		end := v.ws[i].end
		if i+2 < len(v.ws) && v.gap(i) == " " && whither[v.ws[i+1].lower] {
			// "removes more Russian banks from the SWIFT messaging
			// system": where the deed puts them, up to the clause's end
			s := v.phraseFrom(i+1, 7)
			if k := strings.Index(s, " and "); k > 0 {
				// "… messaging system and bans several": another deed,
				// not a name joined to the place ("from Russia and Belarus")
				if before, after := lastWord(s[:k]), firstWord(s[k+5:]); isLower(before) && isLower(after) {
					s = s[:k]
				}
			}
			if s = v.trimTail(s); s != "" {
				end = v.ws[i+1].start + len(s)
			}
		}
		if !found.add(v.text[v.ws[j].start:end]) {
			return ""
		}
	}
	return found.answer()
}

// measureIn returns the one quantity the passage gives in one of the
// units ("4,600 kilometres"), "" for none or for two.
func (v *view) measureIn(units []string) string {
	var found sole
	for i := 1; i < len(v.ws); i++ {
		if numberUnit(v.ws, i, units) && v.gap(i-1) == " " {
			if !found.add(v.text[v.ws[i-1].start:v.ws[i].end]) {
				return ""
			}
		}
	}
	return found.answer()
}

// whither are the prepositions that say where a deed puts its object.
var whither = map[string]bool{"from": true, "into": true, "to": true, "off": true, "out": true, "onto": true}

// deedQuantifiers may stand between a verb and its object: "removes more
// Russian banks".
var deedQuantifiers = map[string]bool{"more": true, "several": true, "some": true, "all": true, "new": true}

// possessorOfOwn reads the name whose possessive stands right before one
// of the question's words: "President Joe Biden's administration".
func (v *view) possessorOfOwn() string {
	var found sole
	for i := 1; i < len(v.ws); i++ {
		if !v.owns(v.ws[i].pos) || v.gap(i-1) != " " {
			continue
		}
		w, end := v.ws[i-1].text, i-1
		if v.ws[i-1].lower == "whose" && i >= 2 && v.gap(i-2) == ", " {
			end = i - 2 // "Russia, whose relations with the West": Russia's relations
		} else if !isPossessive(w) {
			continue
		}
		n, ok := v.nameEndingAt(end)
		if !ok {
			continue
		}
		s := v.say([]name{n})
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// nameBeforeOwnAside reads the names that an aside holding the question's
// words describes: "China, North Korea's closest ally,"; not an aside that
// opens with a verb in -ing or a relative pronoun, a clause about the name
// rather than what it is.
func (v *view) nameBeforeOwnAside() string {
	var found sole
	for i := 1; i < len(v.ws); i++ {
		id := v.aside[i]
		if id == 0 || v.aside[i-1] == id {
			continue
		}
		if first := v.ws[i].lower; isLower(v.ws[i].text) && (strings.HasSuffix(first, "ing") || first == "who" || first == "which" || first == "whose") {
			// "Kim Jong Un, overseeing a military parade following
			// recent tests,": a clause about him, not what he is
			continue
		}
		end, holds := i, false
		for end < len(v.ws) && v.aside[end] == id {
			holds = holds || v.owns(v.ws[end].pos)
			end++
		}
		n, ok := v.nameEndingAt(i - 1)
		if !holds || !ok {
			continue
		}
		names := []name{n}
		if pluralNoun(v.ws[end-1].text) {
			// "Saudi Arabia and Russia, the alliance's largest
			// producers,": a plural aside describes the names joined
			// before it
			for first := n.i; first >= 2 && v.ws[first-1].lower == "and" && v.gap(first-1) == " " && v.gap(first-2) == " "; {
				m, ok := v.nameEndingAt(first - 2)
				if !ok {
					break
				}
				names = append([]name{m}, names...)
				first = m.i
			}
		}
		s := v.say(names)
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// asideOfOwnName reads the aside that follows one of the question's names
// and holds another of its words: "China, North Korea's closest ally,".
func (v *view) asideOfOwnName() string {
	var found sole
	for i := 0; i+1 < len(v.ws); i++ {
		id := v.aside[i+1]
		if id == 0 || v.aside[i] == id || !v.owns(v.ws[i].pos) || !isName(v.ws[i].text) {
			continue
		}
		end := i + 1
		holds := false
		for end+1 < len(v.ws) && v.aside[end+1] == id {
			end++
		}
		for k := i + 1; k <= end; k++ {
			holds = holds || v.owns(v.ws[k].pos)
		}
		if !holds {
			continue
		}
		s := v.text[v.ws[i+1].start:v.ws[end].end]
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// countsOwn reports whether the quantity answer counts one of the
// question's words: the question's word is in it or among the three words
// after it ("two recent ICBM launches", "15 Security Council members"),
// and no other plural follows it as the noun counted ("how many ICBMs" is
// not answered by "two recent ICBM launches").
func (v *view) countsOwn(answer string, counted map[int]bool) bool {
	at := strings.Index(v.text, answer)
	if at < 0 {
		return false
	}
	end, after := at+len(answer), 0 // words after the answer, this one included
	for i, w := range v.ws {
		if w.start < at {
			continue
		}
		if w.start >= end {
			after++
			if i > 0 && strings.ContainsAny(v.gap(i-1), ",.;:!?") {
				return false
			}
			if w.start > end && after > 3 {
				return false
			}
		}
		if v.owns(w.pos) && (counted == nil || counted[w.pos]) && !digits.MatchString(w.text) && !numberWords[w.lower] {
			if counted != nil && i+1 < len(v.ws) && v.gap(i) == " " && !v.owns(v.ws[i+1].pos) &&
				isLower(v.ws[i+1].text) && pluralNoun(v.ws[i+1].text) {
				// "two recent ICBM launches" counts launches, not
				// ICBMs: the plural after the word is what is counted
				return false
			}
			return true
		}
	}
	return false
}

// measured reports whether the passage has a quantity in one of the units
// a "how far" question asks for: "4,600 kilometres".
func measured(c *candidate, units []string) bool {
	ws := c.rawWords()
	for i := 1; i < len(ws); i++ {
		if numberUnit(ws, i, units) {
			return true
		}
	}
	return false
}

// numberUnit reports whether word i is one of the units after a number:
// "4,600 kilometres".
func numberUnit(ws []word, i int, units []string) bool {
	return (digits.MatchString(ws[i-1].text) || numberWords[ws[i-1].lower]) && inUnits(ws[i].text, units)
}

// asksChange reports whether the question asks about a change in
// quantity ("how much did brent rise", "go up", "by how much"): a word of
// change, up or down, or "by how much".
func asksChange(q *question) bool {
	w := lowerWordsIn(q.text)
	for i, x := range w {
		if changes[x] || x == "up" || x == "down" || x == "by" && i+1 < len(w) && w[i+1] == "how" {
			return true
		}
	}
	return false
}

// changeBefore reports whether a word of change stands before the answer,
// past a word of approximation: "rose nearly 5 percent" is how much
// something changed, which does not answer how much it is.
func (v *view) changeBefore(answer string) bool {
	at := strings.Index(v.text, answer)
	if at < 0 {
		return false
	}
	k := v.wordFrom(at) - 1 // the last word before the answer
	for n := 0; k >= 0 && n < 3; n++ {
		lw := v.ws[k].lower
		if changes[lw] {
			return true
		}
		if !approximately[lw] || strings.TrimSpace(v.gap(k)) != "" {
			return false
		}
		k--
	}
	return false
}

// approximately are the words that hedge a quantity: "nearly 5 percent".
var approximately = map[string]bool{
	"nearly": true, "almost": true, "about": true, "around": true, "roughly": true,
	"some": true, "by": true, "over": true, "just": true, "up": true, "down": true,
}

// firstWord is the first word of a phrase.
func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[0], ".,;:")
}

// lastWord is the last word of a phrase.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,;:")
}

// countedAt returns where the passage holds what "how many" counts: the
// words after it ("how many Security Council members"), not another of
// the question's words ("two recent ICBM launches" counts no members).
// "How many times" counts the question's deed, any of its words: nil.
func countedAt(q *question, c *candidate) map[int]bool {
	counted, _ := howMany(q.text)
	if len(counted) == 0 {
		return nil
	}
	at := map[int]bool{}
	for k, con := range q.concepts {
		for _, x := range counted {
			if containsWord(con.words, x) {
				for _, p := range c.found[k].near {
					for d := 0; d < max(c.found[k].length, 1); d++ {
						at[p+d] = true
					}
				}
			}
		}
	}
	return at
}

// howMany reads a "how many" question: the words up to the noun counted
// ("countries" in "how many countries sit on the council"), nil for none
// or for "how many times", and the verb after them, past auxiliaries
// ("back" in "how many countries back the draft", "shown" in "how many
// nations were shown the resolution"), "" for none.
func howMany(text string) (counted []string, verb string) {
	w := lowerWordsIn(text)
	i := 0
	for i+2 < len(w) && (w[i] != "how" || w[i+1] != "many") {
		i++
	}
	if i+2 >= len(w) {
		return nil, ""
	}
	rest := w[i+2:]
	for _, x := range rest {
		if auxiliaries[x] || isStop(x) {
			break
		}
		counted = append(counted, x)
		if plural(x) {
			break // the noun counted: "how many times kim and trump met"
		}
	}
	for _, x := range rest[len(counted):] {
		if auxiliaries[x] || x == "not" {
			continue
		}
		if !isStop(x) {
			verb = x
		}
		break
	}
	if len(counted) == 1 && (counted[0] == "times" || counted[0] == "time") {
		counted = nil
	}
	return counted, verb
}

// countedLoosely reports whether the passage holds what a "how many"
// question counts only through a synonym ("countries" as "members") and
// lacks the question's verb ("back"): two steps from the question's words,
// too far for a count ("how many countries back the draft" is not
// answered by the 15 members it was presented to).
func countedLoosely(q *question, c *candidate) bool {
	counted, verb := howMany(q.text)
	if len(counted) == 0 || verb == "" {
		return false
	}
	loose := false
	for k, con := range q.concepts {
		f := c.found[k].weight
		if containsWord(con.words, verb) && f > 0 {
			return false
		}
		if slices.ContainsFunc(counted, func(x string) bool { return containsWord(con.words, x) }) && f > 0 && f < 1 {
			loose = true
		}
	}
	return loose
}

// listNear reads a list of things near the question's words: after
// "including" or "such as", or, when bare is set, three or more items
// joined by commas and a final "and" anywhere in the passage, if it holds
// only one.
func (v *view) listNear(bare bool) string {
	for i, w := range v.ws {
		lw := w.lower
		start := -1
		switch {
		case lw == "including":
			start = i + 1
			if start < len(v.ws) && strings.EqualFold(v.ws[start].text, "of") {
				start++
			}
		case lw == "such" && i+1 < len(v.ws) && strings.EqualFold(v.ws[i+1].text, "as"):
			start = i + 2
		}
		if start < 0 || !v.ownWithin(i, 4) {
			continue
		}
		if s := v.items(start, 2); s != "" {
			return s
		}
	}
	if !bare {
		return ""
	}
	// A bare list: "tanks, rocket launchers and intercontinental missiles".
	found := ""
	for i := range v.ws {
		if i > 0 && v.gap(i-1) == " " && isLower(v.ws[i-1].text) && !isStop(v.ws[i-1].text) && !v.owns(v.ws[i-1].pos) {
			continue // not the first word of a noun
		}
		s := v.items(i, 3)
		if s == "" {
			continue
		}
		if found != "" {
			return "" // two lists: unsure which
		}
		found = s
	}
	return found
}

// listHoldsOwn reports whether one of the question's words stands in the
// list, as the passage says it.
func (v *view) listHoldsOwn(list string) bool {
	at := strings.Index(v.text, list)
	if list == "" || at < 0 {
		return false
	}
	for _, w := range v.ws {
		if w.start >= at && w.end <= at+len(list) && v.owns(w.pos) {
			return true
		}
	}
	return false
}

// ownWithin reports whether one of the question's words stands within n
// words before word i, in the same sentence.
func (v *view) ownWithin(i, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if strings.ContainsAny(v.gap(k), ".;!?") {
			return false
		}
		if v.owns(v.ws[k].pos) {
			return true
		}
	}
	return false
}

// describedByOwn reports whether the name s stands in the passage right
// after the question's words, which describe it: "North Korean leader
// Kim Jong Un" for "the north korean leader".
func (v *view) describedByOwn(s string) bool {
	k := v.wordBefore(s)
	return k >= 0 && v.owns(v.ws[k].pos)
}

// holderAt returns where the passage holds the subject of a "what NOUN
// does X have" question (X: the first word after the auxiliary, past an
// article), an empty list when it holds none, or nil when the question
// names no subject.
func (q *question) holderAt(c *candidate) []int {
	w := lowerWordsIn(q.text)
	i := slices.IndexFunc(w, func(x string) bool { return auxiliaries[x] })
	if i < 2 || i+1 >= len(w) {
		return nil
	}
	x := w[i+1]
	if isArticle(x) && i+2 < len(w) {
		x = w[i+2]
	}
	if k := q.conceptOf(x); k >= 0 {
		return append([]int{}, c.found[k].near...)
	}
	return nil
}

// sameSentence reports whether no full stop stands between positions a and
// b (a before b).
func (v *view) sameSentence(a, b int) bool {
	for i, w := range v.ws {
		if w.pos >= a && w.pos < b && strings.ContainsAny(v.gap(i), ".!?;") {
			return false
		}
	}
	return true
}

// knowsOtherThan reports whether the question has a word the articles
// hold besides the given one.
func (q *question) knowsOtherThan(word string) bool {
	for _, con := range q.concepts {
		if con.df > 0 && !containsWord(con.words, word) {
			return true
		}
	}
	return false
}

// ownAfter reports whether one of the question's words stands within n
// words after word i, in the same sentence.
func (v *view) ownAfter(i, n int) bool {
	for k := i + 1; k < len(v.ws) && k <= i+n; k++ {
		if strings.ContainsAny(v.gap(k-1), ".;!?") {
			return false
		}
		if v.owns(v.ws[k].pos) {
			return true
		}
	}
	return false
}

// items reads a list from word i: items of one to three lower-case words,
// separated by commas, the last after "and" or "or"; at least least (a
// parameter) items.
// The last item ends at a punctuation mark, a stop word, or after three
// words.
func (v *view) items(i, least int) string {
	n, k := 0, i
	for k < len(v.ws) {
		// one item
		size := 0
		for k < len(v.ws) && size < 3 && (isLower(v.ws[k].text) || k == i && v.startsSentence(k)) && !isStop(v.ws[k].text) {
			size++
			k++
			if strings.TrimSpace(v.gap(k-1)) != "" {
				break
			}
		}
		if size == 0 {
			return ""
		}
		n++
		if k >= len(v.ws) {
			break
		}
		g := strings.TrimSpace(v.gap(k - 1))
		lw := v.ws[k].lower
		switch {
		case g == "," && (lw == "and" || lw == "or"):
			k++
			continue
		case g == ",":
			continue
		case g == "" && (lw == "and" || lw == "or"):
			k++
			last := k
			if v.secondVerbAt(k - 1) {
				return "" // "unworkable and said it would appeal": a second verb, no second item
			}
			for k < len(v.ws) && k-last < 3 && isLower(v.ws[k].text) && !isStop(v.ws[k].text) {
				k++
				if strings.TrimSpace(v.gap(k-1)) != "" {
					break
				}
			}
			if k == last {
				return ""
			}
			// Prefer to end at a plural when the list is of plurals.
			end := k - 1
			// "watched tanks, …": a verb in -ed is not part of the first item.
			if w := v.ws[i].lower; strings.HasSuffix(w, "ed") && v.gap(i) == " " && isLower(v.ws[i+1].text) && !isStop(v.ws[i+1].text) {
				i++
			}
			if plural(v.ws[i].text) {
				for e := end; e > last; e-- {
					if plural(v.ws[e].text) {
						end = e
						break
					}
				}
			}
			if n+1 < least {
				return ""
			}
			return v.text[v.ws[i].start:v.ws[end].end]
		}
		return ""
	}
	return ""
}

func plural(s string) bool {
	return len(s) > 3 && strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss")
}

// infinitiveAfterOwn reads what follows a question's verb in the passage
// as "to" and a verb: "vowed to accelerate his nuclear program rapidly".
func (v *view) infinitiveAfterOwn() string {
	var found sole
	for i := 0; i+2 < len(v.ws); i++ {
		// "agreed on Wednesday to cap": a time between the verb and its "to"
		at := i + 1
		if v.gap(i) == " " {
			at = v.afterTime(i + 1)
		}
		if at == i+1 && at+1 < len(v.ws) && objectPronouns[v.ws[at].lower] && v.gap(i) == " " && v.gap(at) == " " {
			at++ // "urged them to consider": whom it urged, then what
		} else if at == i+1 && v.owns(v.ws[i].pos) {
			at = v.pastOwnObject(i + 1) // "ask the board of the IAEA to censure": whom, then what
		}
		if at != i+1 && (at+1 >= len(v.ws) || v.gap(at-1) != " ") {
			continue
		}
		if !v.owns(v.ws[i].pos) || !isLower(v.ws[i].text) || !strings.EqualFold(v.ws[at].text, "to") || notDeeds[v.ws[i].lower] ||
			v.gap(i) != " " || v.gap(at) != " " || !isLower(v.ws[at+1].text) || isStop(v.ws[at+1].text) {
			continue
		}
		if i > 0 && determiners[v.ws[i-1].lower] &&
			(i+3 >= len(v.ws) || !determiners[v.ws[i+3].lower]) {
			// "a threat to international peace": a noun's "to"; but
			// "an obligation to address the provocations" has a verb
			// with its object after "to".
			continue
		}
		s := v.trimTail(v.phraseFrom(at, 8)) // cut at eight words: no "at about" at its end
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// toComplement are the nouns whose "to" says what they are ("an
// obligation to address the provocations", "a threat to international
// peace"); after another noun "to" says what it is for ("all available
// tools to restore democracy" does not say which tools).
var toComplement = map[string]bool{
	"obligation": true, "duty": true, "right": true, "power": true, "plan": true, "promise": true,
	"pledge": true, "vow": true, "threat": true, "danger": true, "risk": true, "menace": true,
	"attempt": true, "bid": true, "effort": true, "decision": true, "commitment": true,
	"ability": true, "need": true, "intention": true, "offer": true, "proposal": true, "call": true,
	"request": true, "order": true, "agreement": true, "refusal": true, "failure": true, "move": true,
	"push": true, "desire": true, "wish": true, "chance": true, "opportunity": true, "authority": true,
	"responsibility": true, "mandate": true, "reason": true, "access": true, "response": true,
	"challenge": true, "invitation": true, "permission": true, "willingness": true, "readiness": true,
	"determination": true, "resolve": true, "ally": true, "neighbour": true, "neighbor": true,
}

// infinitiveAfter reads what the noun is to do, or to whom or what it is,
// where the passage writes it followed by "to" and a word in lower case:
// "an obligation to address the recent provocations" for "what
// obligation", "a threat to international peace and security" for "what
// threat". Where the question says whose (holder: the positions of its
// words), they must stand before the noun in its sentence. Two different
// ones make it unsure.
func (v *view) infinitiveAfter(noun string, holder []int) string {
	var found sole
	for i := 0; i+2 < len(v.ws); i++ {
		if inflectionBase(v.ws[i].lower) != inflectionBase(noun) || !isLower(v.ws[i].text) || v.gap(i) != " " ||
			v.ws[i+1].lower != "to" || v.gap(i+1) != " " || !isLower(v.ws[i+2].text) || isStop(v.ws[i+2].text) {
			continue
		}
		if holder != nil && !slices.ContainsFunc(holder, func(p int) bool { return p < v.ws[i].pos && v.sameSentence(p, v.ws[i].pos) }) {
			continue // "we also have an obligation": not said to be North Korea's
		}
		if s := v.trimTail(v.phraseFrom(i+1, 8)); s != "" && !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// purposeOf reads what something is to do where the passage says it with
// the question's participle in the passive and an infinitive ("the radar
// could be used to monitor its territory": "to monitor its territory").
// Two different ones make it unsure.
func (v *view) purposeOf(participle string) string {
	var found sole
	for i := 1; i+2 < len(v.ws); i++ {
		if v.ws[i].lower != participle || !beForms[v.ws[i-1].lower] || v.gap(i-1) != " " || v.gap(i) != " " ||
			v.ws[i+1].lower != "to" || v.gap(i+1) != " " || !isLower(v.ws[i+2].text) || isStop(v.ws[i+2].text) {
			continue
		}
		if s := v.trimTail(v.phraseFrom(i+1, 8)); s != "" && !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// beForms are the forms of "be" a passive verb follows.
var beForms = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true}

// nominalVerbs are verbs a report often says as a noun and "to": "the
// DPRK constitutes a threat to international peace" threatens it.
var nominalVerbs = map[string]bool{
	"threaten": true, "threatens": true, "threatened": true,
	"endanger": true, "endangers": true, "endangered": true,
}

// perils are the nouns that say a verb of nominalVerbs.
var perils = []string{"threat", "danger", "risk"}

// nominalObject reads what a question's verb of nominalVerbs is done to
// where the passage says it as the noun and "to" ("a threat to
// international peace and security and to the global non-proliferation
// regime"), after the question's subject when it has one ("what does North
// Korea threaten"): the first of what follows "to", or the one that is of
// the kind asked ("which regime": "the global non-proliferation regime").
func (v *view) nominalObject(q *question, c *candidate) string {
	w := lowerWordsIn(q.text)
	if k := slices.Index(w, "according"); k >= 3 && k+1 < len(w) && w[k+1] == "to" {
		w = w[:k] // "which regime does the DPRK threaten, according to Price"
	}
	at := len(w) - 1
	if at < 2 || !nominalVerbs[w[at]] {
		return "" // "what did Price say threatens international peace" asks its subject
	}
	var holder []int // the question's subject, right before its verb
	for k, con := range q.concepts {
		cw := lowerWordsIn(con.words)
		if n := len(cw); n > 0 && at-n >= 0 && slices.Equal(w[at-n:at], cw) {
			if c.found[k].weight == 0 {
				return ""
			}
			holder = c.found[k].near
		}
	}
	var s string
	for _, noun := range perils {
		if s = strings.TrimPrefix(v.infinitiveAfter(noun, holder), "to "); s != "" {
			break
		}
	}
	parts := []string{s}
	if at := strings.Index(v.text, s); s != "" && at >= 0 && strings.HasPrefix(v.text[at+len(s):], " and to ") {
		// "… and to the global non-proliferation regime"
		next := at + len(s) + len(" and to ")
		if k := v.wordFrom(next); k < len(v.ws) && v.ws[k].start == next {
			parts = append(parts, v.trimTail(v.phraseFrom(k, 8)))
		}
	}
	kind := asksWhichNoun(q.text)
	if kind == "" {
		return parts[0]
	}
	for _, p := range parts {
		if containsWord(p, kind) {
			return p
		}
	}
	return ""
}

// lacksBesides reports whether the passage lacks one of the question's
// concepts other than the one holding the word.
func (v *view) lacksBesides(q *question, c *candidate, word string) bool {
	for k, con := range q.concepts {
		if !containsWord(con.words, word) && c.found[k].weight == 0 {
			return true
		}
	}
	return false
}

// sayerOf reads who said what a "who called X Y" question asks, when the
// passage says it with a verb of saying: the subject of "said" or "told",
// every other word of the question in the same sentence after it ("The
// prime minister told reporters that the launch was an outrageous act"),
// when only one is.
func (v *view) sayerOf(q *question, c *candidate) string {
	var found sole
	for i, w := range v.ws {
		if !saidVerbs[w.lower] || v.owns(w.pos) {
			continue
		}
		all := true
		for k, con := range q.concepts {
			if containsWord(con.words, q.doer) {
				continue
			}
			all = all && slices.ContainsFunc(c.found[k].positions, func(p int) bool {
				j, ok := v.at(p)
				return ok && j > i && v.sameSentence(w.pos, v.ws[j].pos)
			})
		}
		if !all {
			continue
		}
		if s, decided := v.subjectBefore(i); decided && s != "" && !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// nounOfVerb reports whether a passage's word is the question's verb said
// as a noun: the same word ("ban"), or the verb and "-ion" ("restrictions"
// for "restrict").
func nounOfVerb(word, verb string) bool {
	b, v := inflectionBase(word), inflectionBase(verb)
	return b == v || b == v+"ion" || b == v+"ions"
}

// lightVerbs put a noun of a deed after them: "impose restrictions on".
var lightVerbs = map[string]bool{
	"impose": true, "imposes": true, "imposed": true, "imposing": true, "place": true, "places": true,
	"placed": true, "put": true, "puts": true, "introduce": true, "introduces": true, "introduced": true,
}

// pastOwnObject returns where "to" stands after a verb's object said in
// the question's words, names, articles and "of" (at most nine words from
// i, one of the question's among them: "ask
// the board of the International Atomic Energy Agency to censure"), or i
// when none does.
func (v *view) pastOwnObject(i int) int {
	own := false
	for k := i; k < len(v.ws) && k-i < 9; k++ {
		if k > i && v.gap(k-1) != " " {
			return i
		}
		switch w := v.ws[k].lower; {
		case w == "to":
			if own && k > i {
				return k
			}
			return i
		case v.owns(v.ws[k].pos):
			own = true
		case isArticle(w) || w == "of" || !isLower(v.ws[k].text) || k == i && placeWords[w] || k == i && w == "through":
			// "seeks through the United Nations to tighten": a phrase
			// of the question's words where the object would stand
			// and the rest of a name: "International Atomic Energy
			// Agency", the question's "IAEA"
		default:
			return i
		}
	}
	return i
}

// nounOn reads what a question's verb is done to where the passage says
// the verb as a noun after a determiner, an adjective or a light verb
// ("impose restrictions on new exports", for "what would it restrict"),
// with "on" or
// "against" ("a phased ban on seaborne imports of Russian crude", for
// "what will the EU ban"), or with "of" after a possessive, a time
// between ("its test-fire last month of an ICBM", for "what did Pyongyang
// test-fire last month"), when only one such is.
func (v *view) nounOn(q *question, c *candidate) string {
	w := lowerWordsIn(q.text)
	if n := len(w); n >= 4 && timePhrase(w[n-2], w[n-1]) {
		w = w[:n-2] // "… last month"
	}
	n := len(w)
	if n < 3 || determiners[w[n-2]] || isPossessive(w[n-2]) || isPossessive(w[n-3]) {
		return "" // "north korea's recent tests": a noun, not the verb
	}
	verb := w[n-1]
	var found sole
	for i := 1; i+2 < len(v.ws); i++ {
		x := v.ws[i]
		if !v.owns(x.pos) || !nounOfVerb(x.lower, verb) {
			continue
		}
		end := i // the noun's last word: "test-fire" for "test"
		if v.gap(i) == "-" && i+1 < len(v.ws) && isLower(v.ws[i+1].text) {
			end = i + 1
		}
		if end+1 >= len(v.ws) || v.gap(end) != " " {
			continue
		}
		before, gap := v.ws[i-1].lower, v.gap(i-1)
		if gap != " " && gap != "-" {
			continue
		}
		owner := possessiveDeterminers[before] || isPossessive(v.ws[i-1].text)
		if !determiners[before] && !lightVerbs[before] &&
			!(isLower(v.ws[i-1].text) && !isStop(before) && !auxiliaries[before] && i >= 2 && v.gap(i-2) == " " && determiners[v.ws[i-2].lower]) {
			// a noun after "a", "a phased" or "impose", not the verb
			// ("would ban on")
			continue
		}
		ownerAt := i - 1
		if i >= 2 && possessiveDeterminers[v.ws[i-2].lower] {
			owner, ownerAt = true, i-2 // "its test-fire"
		}
		if owner && possessiveDeterminers[v.ws[ownerAt].lower] && !v.nameBeforeIs(q, c, ownerAt) {
			continue // "its test-fire", its being North Korea's, not the US's
		}
		j := v.afterTime(end + 1) // "last month"
		if j+1 >= len(v.ws) || v.gap(j) != " " {
			continue
		}
		if on := v.ws[j].lower; on != "on" && on != "against" && !(on == "of" && owner) {
			continue
		}
		s := cutAtTime(v.trimTail(v.phraseFrom(j+1, 8)))
		if s != "" && !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// nameBeforeIs reports whether the nearest name before word i, which a
// possessive pronoun there stands for, is the question's subject: "North
// Korea for its actions including its test-fire", for "what did North
// Korea test".
func (v *view) nameBeforeIs(q *question, c *candidate, i int) bool {
	k := q.conceptOf(questionSubject(q.text))
	if k < 0 {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		if strings.ContainsAny(v.gap(j), ".!?") {
			return false
		}
		own := v.owns(v.ws[j].pos)
		if !own && (isLower(v.ws[j].text) || j == 0) {
			continue
		}
		// the question's words or another name: the subject's, or not;
		// the words of a name, or the question's, together ("North
		// Korea", "the coast guard")
		for m := j; m >= 0 && m >= j-3 && (m == j || v.gap(m) == " " && (own && v.owns(v.ws[m].pos) || !own && !isLower(v.ws[m].text))); m-- {
			if slices.Contains(c.found[k].near, v.ws[m].pos) {
				return true
			}
		}
		return false
	}
	return false
}

// cutAtTime ends a phrase before a time phrase in it, and the preposition
// that opens it: "a joint military drill next month involving fighter
// jets" is "a joint military drill".
func cutAtTime(s string) string {
	ws := strings.Fields(s)
	at := 0
	for i := 0; i+1 < len(ws); i++ {
		k := strings.Index(s[at:], ws[i]) + at
		first, second := strings.ToLower(ws[i]), strings.ToLower(strings.TrimRight(ws[i+1], ",.;:"))
		if i > 0 && timePhrase(first, second) {
			// and the preposition that opens it: "diesel ferries", not
			// "… from" of "from next year"
			cut := strings.TrimSpace(s[:k])
			if j := strings.LastIndexByte(cut, ' '); j > 0 && prepositions[strings.ToLower(cut[j+1:])] {
				cut = cut[:j]
			}
			return cut
		}
		at = k + len(ws[i])
	}
	return s
}

// afterTime returns the word after a time phrase starting at word i ("on
// Wednesday", "last week", "this month"), or i when none starts there.
func (v *view) afterTime(i int) int {
	if i+1 >= len(v.ws) || v.gap(i) != " " {
		return i
	}
	if timePhrase(v.ws[i].lower, v.ws[i+1].lower) {
		return i + 2
	}
	return i
}

// determiners stand before a noun: the word after one is no verb.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "its": true, "their": true, "his": true, "her": true,
	"our": true, "my": true, "your": true, "this": true, "that": true, "these": true,
	"those": true, "any": true, "no": true, "every": true, "each": true,
}

// notDeeds are words before "to" that do not say what someone vowed or
// planned: "used to monitor" is a purpose, "able to" a means.
var notDeeds = map[string]bool{
	"used": true, "going": true, "able": true, "unable": true, "have": true, "has": true,
	"had": true, "ought": true, "supposed": true, "expected": true, "likely": true,
	"unlikely": true, "set": true, "due": true, "designed": true, "allowed": true,
}

// clauseWords end the phrase of an answer: a new clause begins.
var clauseWords = map[string]bool{
	"as": true, "while": true, "when": true, "and": true, "but": true, "after": true,
	"before": true, "because": true, "if": true, "although": true, "though": true,
	"that": true, "which": true, "who": true, "whose": true, "where": true,
}

// phraseFrom reads words from i to the end of the clause, at most n words
// after the first.
func (v *view) phraseFrom(i, n int) string {
	end := i
	for k := i + 1; k < len(v.ws) && k-i <= n+3; k++ {
		if strings.TrimSpace(v.gap(k-1)) != "" && !strings.Contains(v.gap(k-1), "-") {
			break
		}
		lw := v.ws[k].lower
		suspended := (lw == "and" || lw == "or") && strings.TrimSpace(v.gap(k-1)) == "-" // "short- and medium-range"
		if clauseWords[lw] && !(lw == "and" && v.joinsNouns(k)) && !suspended {
			break
		}
		if k-i > n && !(lw == "and" && v.joinsNouns(k)) && (k-1 == i || v.ws[k-1].lower != "and") {
			// past n words, only a list's last item goes on: "mineral
			// fuels and clocks", not cut after "fuels"
			break
		}
		end = k
	}
	if end == i {
		return ""
	}
	return v.text[v.ws[i].start:v.ws[end].end]
}

// joinsNouns reports whether the "and" at word k joins two nouns ("the
// lives and property of the Japanese people") rather than two clauses
// ("… and said", "… and would not block"): a lower-case noun on both
// sides, neither a verb nor a word that opens a clause.
func (v *view) joinsNouns(k int) bool {
	if k < 1 || k+1 >= len(v.ws) || v.gap(k-1) != " " || v.gap(k) != " " {
		return false
	}
	before, after := v.ws[k-1].text, v.ws[k+1].text
	verbish := func(w string) bool {
		lw := strings.ToLower(w)
		return isStop(lw) || auxiliaries[lw] || reporting[lw] || saying[lw] || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")
	}
	return isLower(before) && isLower(after) && !verbish(before) && !verbish(after)
}

// causeWords introduce a cause.
var causeWords = map[string]int{
	"because": 1, "over": 1, "after": 1, "amid": 1, "due": 2, "owing": 2,
}

// causeAfterOwn reads a cause that follows the question's words: "have
// deteriorated over the Ukraine invasion", "after growing exasperated".
func (v *view) causeAfterOwn() string {
	var found sole
	for i := 1; i < len(v.ws); i++ {
		lw := v.ws[i].lower
		n, ok := causeWords[lw]
		if !ok || !v.ownWithin(i, 4) || strings.TrimSpace(v.gap(i-1)) != "" {
			continue
		}
		if n == 2 && (i+1 >= len(v.ws) || !strings.EqualFold(v.ws[i+1].text, "to")) {
			continue
		}
		s := v.phraseFrom(i, 8)
		if s == "" {
			continue
		}
		if !found.add(s) {
			return ""
		}
		// Words of cause inside the phrase ("a dispute over quotas") are
		// part of it.
		for end := v.ws[i].start + len(s); i+1 < len(v.ws) && v.ws[i+1].end <= end; {
			i++
		}
	}
	return found.answer()
}

// reasonVerbs, after a comma, give the reason the sentence's subject gave
// for what it did: "objected …, arguing that the radar could be used".
var reasonVerbs = map[string]bool{
	"arguing": true, "saying": true, "citing": true, "complaining": true, "claiming": true, "insisting": true,
}

// reasonGiven reads the reason the subject gave for the question's deed:
// an -ing verb of saying after a comma that closes a clause holding the
// question's words, and what it says, to the sentence's end or a comma
// ("arguing that the radar could be used to monitor its territory"), when
// only one does.
func (v *view) reasonGiven() string {
	var found sole
	for i := 1; i+1 < len(v.ws); i++ {
		if !reasonVerbs[v.ws[i].lower] || strings.TrimSpace(v.gap(i-1)) != "," || !v.ownWithin(i, 12) {
			continue
		}
		j := i + 1
		if v.ws[j].lower == "that" && j+1 < len(v.ws) && v.gap(i) == " " && v.gap(j) == " " {
			j++
		}
		if v.gap(j-1) != " " {
			continue // "saying, "…": a quotation
		}
		// the whole of what was said, to the sentence's end or a comma
		// ("not consulted and fear the radar could harm their health"),
		// or its clause where that runs long
		end := j
		for end+1 < len(v.ws) && strings.TrimSpace(v.gap(end)) == "" && end-j < 16 {
			end++
		}
		stop := end+1 == len(v.ws) || strings.TrimSpace(v.gap(end)) != ""
		s := v.text[v.ws[i].start:v.ws[end].end]
		if !stop {
			clause := v.phraseFrom(j, 12)
			if clause == "" {
				continue
			}
			s = v.text[v.ws[i].start : v.ws[j].start+len(clause)]
		}
		if !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// modifierOfOwn reads the words that qualify the question's noun in the
// passage: "for civilian purposes", "working-level talks".
func (v *view) modifierOfOwn(q *question, c *candidate) string {
	noun := modifiedNoun(q.text)
	if noun == "" {
		return ""
	}
	var found sole
	for k, con := range q.concepts {
		if !containsWord(con.words, noun) || c.found[k].weight == 0 {
			continue
		}
		for _, p := range c.found[k].positions {
			first, ok := v.at(p)
			last, ok2 := v.at(p + max(c.found[k].length, 1) - 1)
			if !ok || !ok2 {
				continue
			}
			start := first
			for m := first - 1; m >= 0 && first-m <= 2; m-- {
				g := v.gap(m)
				if (g != " " && g != "-") || isStop(v.ws[m].text) || !isLower(v.ws[m].text) {
					break
				}
				start = m
			}
			if start == first || v.owns(v.ws[start].pos) {
				continue
			}
			if w := v.ws[start].lower; strings.HasSuffix(w, "ed") && v.gap(start) == " " &&
				(start == 0 || !determiners[v.ws[start-1].lower]) {
				// "the United States opened talks": a verb after its
				// subject, not a kind of talks (but "the proposed
				// battery site")
				continue
			}
			s := v.text[v.ws[start].start:v.ws[last].end]
			if !found.add(s) {
				return ""
			}
		}
	}
	return found.answer()
}

// glue are words that no article stands right before and no phrase ends
// with: articles, prepositions, conjunctions, pronouns and the verb "be".
var glue = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "for": true, "to": true,
	"on": true, "at": true, "by": true, "with": true, "from": true, "and": true, "or": true,
	"but": true, "that": true, "which": true, "who": true, "it": true, "they": true,
	"he": true, "she": true, "we": true, "i": true, "is": true, "was": true, "are": true, "were": true,
}

// wellFormed reports whether an answer reads as a phrase: no article right
// before another glue word ("the of", "a the") and no glue word at its
// end. The rules read answers off English word order, so a passage whose
// words are in no order ("the hostages in the for talks") gives none.
func wellFormed(answer string) bool {
	w := strings.Fields(strings.ToLower(answer))
	for i, x := range w {
		if (x == "the" || x == "a" || x == "an") && i+1 < len(w) && glue[strings.Trim(w[i+1], ",;:")] {
			return false
		}
	}
	return len(w) == 0 || !glue[strings.Trim(w[len(w)-1], ",;:.")]
}

// withoutCopula takes a leading form of "be" off an answer: "was an
// outrageous act" for what the launch was called is "an outrageous act".
func withoutCopula(answer string) string {
	first, rest, ok := strings.Cut(answer, " ")
	if ok && passiveAux[strings.ToLower(first)] && first != "be" {
		return rest
	}
	return answer
}

// holdsPossessor reports whether the passage holds whose name or role the
// question asks, when it says so with a possessive: "kim's sister's name"
// is not answered by "its official name, …" in a passage without a sister.
func holdsPossessor(q *question, c *candidate) bool {
	w := lowerWordsIn(q.text)
	for i := 1; i < len(w); i++ {
		if !ownerWord(w[i-1]) {
			continue
		}
		owner := trimPossessive(w[i-1])
		for k, con := range q.concepts {
			for _, cw := range lowerWordsIn(con.words) {
				if trimPossessive(cw) == owner && c.found[k].weight == 0 {
					return false
				}
			}
		}
	}
	return true
}

// saysFirst reports whether the passage says something happened for the
// first time: "first" that no "in" right after it, nor "since" within
// three words, qualifies ("its first since 2017", "its first test since
// 2017" are the first in a while).
func (v *view) saysFirst() bool {
	for j, w := range v.ws {
		if w.lower != "first" {
			continue
		}
		qualified := j+1 < len(v.ws) && v.gap(j) == " " && v.ws[j+1].lower == "in"
		for k := j + 1; k < len(v.ws) && k <= j+3 && !qualified; k++ {
			if strings.TrimSpace(v.gap(k-1)) != "" {
				break
			}
			qualified = v.ws[k].lower == "since"
		}
		if !qualified {
			return true
		}
	}
	return false
}

// ownerWord reports whether a question's word, in lower case, owns the
// next: a possessive, but not "it's" (it is).
func ownerWord(w string) bool { return isPossessive(w) && w != "it's" }

// possessedByOther reports whether every place the passage has the noun a
// question's possessive asks about ("kim's predecessor", "russia's ally")
// gives the noun another owner ("Biden's predecessor Donald Trump",
// "North Korea's closest ally"): the passage then says nothing of the
// question's.
func (v *view) possessedByOther(q *question) bool {
	w := lowerWordsIn(q.text)
	for i := 1; i < len(w); i++ {
		if !ownerWord(w[i-1]) || isStop(w[i]) {
			continue
		}
		// the word after the owner, or the noun after it where the
		// passage has no such word ("russia's main ally": ally)
		seen, other := v.ownedBy(w[i])
		if seen == 0 && i+1 < len(w) && !isStop(w[i+1]) {
			seen, other = v.ownedBy(w[i+1])
		}
		if seen > 0 && seen == other {
			return true
		}
	}
	return false
}

// ownedBy counts the passage's words of the form of word, and those of
// them that a possessive other than the question's own owns ("North
// Korea's closest ally", for "ally").
func (v *view) ownedBy(word string) (seen, other int) {
	noun := inflectionBase(word)
	for j := 1; j < len(v.ws); j++ {
		if inflectionBase(v.ws[j].lower) != noun {
			continue
		}
		seen++
		// the owner may stand before a word or two that describe the
		// noun: "North Korea's closest ally"
		for k := j - 1; k >= 0 && j-k <= 3 && v.gap(k) == " "; k-- {
			if p := v.ws[k]; isPossessive(p.text) {
				// "the alliance's largest producers": a thing named by
				// "the" and a common noun may be the question's own
				// ("OPEC's largest producers"); another name is not
				definite := isLower(p.text) && k >= 1 && v.ws[k-1].lower == "the"
				if !v.owns(p.pos) && !definite {
					other++
				}
				break
			}
			if !isLower(v.ws[k].text) || isStop(v.ws[k].text) {
				break
			}
		}
	}
	return seen, other
}

// quotedTerm matches a short quotation: a word or a few in quotation
// marks, as a report quotes the word someone chose ("despite its
// "provocations"").
var quotedTerm = regexp.MustCompile(`["“]([^"”“]{1,60})["”]`)

// shortQuote returns the one short quotation in text (four words at
// most) and where it starts: the word as its speaker chose it. Text with
// none, or with more than one, gives "" and -1.
func shortQuote(text string) (string, int) {
	found, at := "", -1
	for _, m := range quotedTerm.FindAllStringSubmatchIndex(text, -1) {
		t := strings.TrimSpace(text[m[2]:m[3]])
		if n := len(strings.Fields(t)); n == 0 || n > 4 {
			continue
		}
		if found != "" {
			return "", -1
		}
		found, at = t, m[0]
	}
	return found, at
}

// quotedWord returns the passage's one short quotation, for "what word did
// the US use for North Korea's actions", where it follows closely what the
// question names it for, past its subject: "North Korea despite its
// "provocations"" (not for "what did the US call the sanctions").
func (v *view) quotedWord(q *question, c *candidate) string {
	t, start := shortQuote(v.text)
	if t == "" {
		return ""
	}
	next := v.wordFrom(start) // the first word at or after the quotation
	subject := questionSubject(q.text)
	described := q.describedConcept()
	for k, con := range q.concepts {
		if subject != "" && containsWord(con.words, subject) || described >= 0 && k != described {
			continue
		}
		for _, p := range c.found[k].positions {
			if i, ok := v.at(p); ok && i < next && next-i <= 4 {
				return t
			}
		}
	}
	return ""
}

// nameGiven reads, for "what did X call Y" or "how did X refer to Y" (not
// "describe", which asks what X said Y is), the one name a passage gives
// as a name (after "name," or "known as": "by its official name, the
// Democratic People's Republic of Korea"), when that name is one of Y's
// own: Y is the North, and the name one the synonym list gives it. The
// official name of North Korea is no answer to what Price called the
// launches.
func (v *view) nameGiven(q *question, c *candidate) string {
	w := lowerWordsIn(q.text)
	at := slices.IndexFunc(w, func(x string) bool { return namingVerbs[x] || referVerbs[x] })
	if at < 0 {
		return ""
	}
	named := -1
	for i := at + 1; i < len(w) && named < 0; i++ {
		k := q.conceptOf(w[i])
		if k < 0 {
			continue
		}
		end := i + len(lowerWordsIn(q.concepts[k].words)) - 1
		if end < len(w) && isPossessive(w[end]) {
			i = end // "north korea's behaviour": the behaviour
			continue
		}
		named = k
	}
	if named < 0 {
		return ""
	}
	var found sole
	plain := v.ignoringOwn() // the name may be said in the question's words: "Korea"
	for i := 0; i+1 < len(v.ws); i++ {
		next := i + 1
		switch g := v.gap(i); {
		case (v.ws[i].lower == "name" || v.ws[i].lower == "names") && (g == ", " || g == " "):
		case v.ws[i].lower == "known" && g == " " && v.ws[next].lower == "as" && v.gap(next) == " ":
			next++
		default:
			continue
		}
		if next < len(v.ws) && v.ws[next].lower == "the" && v.gap(next) == " " {
			next++
		}
		if next >= len(v.ws) {
			break
		}
		n, ok := plain.nameStartingAt(next)
		if !ok || !slices.Contains(c.found[named].near, v.ws[next].pos) {
			continue
		}
		if s := v.say([]name{n}); strings.Contains(strings.ToLower(q.text), strings.ToLower(s)) || !found.add(s) {
			return ""
		}
	}
	return found.answer()
}

// spanHoldsTopic reports whether the text from start to end holds each
// concept the passage holds of what the question says a stance is on
// (the words after "stance on", "position on", "view of").
func (v *view) spanHoldsTopic(q *question, c *candidate, start, end int) bool {
	w := lowerWordsIn(q.text)
	from := -1
	for i := 0; i+1 < len(w); i++ {
		switch w[i] {
		case "stance", "position", "view", "views", "attitude":
			from = i + 1
		}
	}
	if from < 0 {
		return true
	}
	for k, con := range q.concepts {
		if c.found[k].weight == 0 || !slices.ContainsFunc(w[from:], func(x string) bool { return containsWord(strings.ToLower(con.words), x) }) {
			continue
		}
		inside := false
		for _, p := range c.found[k].positions {
			if i, ok := v.at(p); ok && v.ws[i].start >= start && v.ws[i].end <= end {
				inside = true
			}
		}
		if !inside {
			return false
		}
	}
	return true
}

// subjectEarlier reports whether the passage holds the question's subject
// ("what does the US want to tighten": the US) before word i, in the
// same sentence.
func (v *view) subjectEarlier(q *question, c *candidate, i int) bool {
	x := strings.TrimRight(trimPossessive(questionSubject(q.text)), "'’") // "the dockers' union
	if x == "" {
		return false
	}
	for k, con := range q.concepts {
		if !containsWord(strings.ToLower(trimPossessive(con.words)), x) {
			continue
		}
		for _, p := range c.found[k].positions {
			if p < v.ws[i].pos && v.sameSentence(p, v.ws[i].pos) {
				return true
			}
		}
	}
	return false
}

// possessorBefore returns the name whose possessive stands a few words
// before word i ("Kim's three high-profile meetings"), or "".
func (v *view) possessorBefore(i int) string {
	for k := i - 1; k >= 0 && i-k <= 4 && (v.gap(k) == " " || v.gap(k) == "-"); k-- {
		if isPossessive(v.ws[k].text) {
			if n, ok := v.nameEndingAt(k); ok {
				return trimPossessive(v.say([]name{n}))
			}
			return ""
		}
	}
	return ""
}

// pairNamed matches a doer said as a pair: "the two countries", "both
// sides".
var pairNamed = regexp.MustCompile(`(?i)^(the two|both|both the) [a-z]+s$`)

// pairNames returns the two names joined by "and" that a pair ("the two
// countries") stands for: the first such pair before it in the passage
// ("China and Russia both wield veto power … although the two countries
// have agreed to some past UN sanctions"), or "".
func (v *view) pairNames(ans string) string {
	at := strings.Index(v.text, ans)
	if !pairNamed.MatchString(ans) || at < 0 {
		return ""
	}
	plain := v.ignoringOwn()
	for i := 0; i < len(plain.ws) && plain.ws[i].end <= at; i++ {
		a, ok := plain.nameStartingAt(i)
		if !ok {
			continue
		}
		if k := a.j + 1; k+1 < len(plain.ws) && plain.ws[k].lower == "and" && plain.gap(a.j) == " " && plain.gap(k) == " " {
			if b, ok := plain.nameStartingAt(k + 1); ok && plain.ws[b.j].end <= at &&
				(b.j+1 >= len(plain.ws) || plain.ws[b.j+1].lower != "and") {
				return plain.say([]name{a, b})
			}
		}
		i = a.j
	}
	return ""
}
