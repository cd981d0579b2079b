package index

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// lexicon holds the synonym groups as analysed terms, to expand questions:
// a question's words that form an entry of a group also look for the
// group's other entries. Bleve's own synonym support expands one-word
// entries into one-word entries; it drops entries of several words, so the
// lexicon also covers those, as phrases.
type lexicon struct {
	groups [][]entry        // each group's entries
	byKey  map[string][]int // an entry's terms, joined by spaces → its groups
	maxLen int              // the most terms in an entry
	// holders maps an entry's phrase to the longer entries that hold it;
	// found once, when first needed.
	holders   map[string][]heldBy
	blockOnce sync.Once
	// byCanon maps an entry of several terms, each written as its one-word
	// synonym group (canon), to the entry: "state dept" is "State
	// Department".
	byCanon map[string]canonical
	canon   map[string]string
}

// canonical is an entry of several terms and its groups, found by its
// terms' synonym groups.
type canonical struct {
	entry  entry
	groups []int
}

// entry is one synonym entry, analysed.
type entry struct {
	text   string
	terms  []string
	phrase []string // terms at their positions, "" where a stop word stood
}

func (e entry) key() string { return strings.Join(e.terms, " ") }

// newLexicon analyses the groups. Entries that analyse to nothing (stop
// words only) are left out, and so are groups left with fewer than two.
func newLexicon(groups [][]string, analyze func(string) []token) *lexicon {
	lx := &lexicon{byKey: map[string][]int{}}
	for _, g := range groups {
		var entries []entry
		seen := map[string]bool{}
		for _, text := range g {
			toks := analyze(text)
			if len(toks) == 0 {
				continue
			}
			e := entry{text: text}
			for i, t := range toks {
				if i > 0 {
					for gap := toks[i-1].pos + 1; gap < t.pos; gap++ {
						e.phrase = append(e.phrase, "")
					}
				}
				e.terms = append(e.terms, t.term)
				e.phrase = append(e.phrase, t.term)
			}
			if seen[e.key()] {
				continue
			}
			seen[e.key()] = true
			entries = append(entries, e)
		}
		if len(entries) < 2 {
			continue
		}
		id := len(lx.groups)
		lx.groups = append(lx.groups, entries)
		for _, e := range entries {
			lx.byKey[e.key()] = append(lx.byKey[e.key()], id)
			lx.maxLen = max(lx.maxLen, len(e.terms))
		}
	}
	// Each one-word entry stands for its first group; an entry of several
	// terms is also known by its terms so written.
	lx.canon = map[string]string{}
	for id, g := range lx.groups {
		for _, e := range g {
			if _, ok := lx.canon[e.terms[0]]; len(e.terms) == 1 && !ok {
				lx.canon[e.terms[0]] = "#" + strconv.Itoa(id)
			}
		}
	}
	lx.byCanon = map[string]canonical{}
	for id, g := range lx.groups {
		for _, e := range g {
			if len(e.terms) < 2 {
				continue
			}
			k := lx.canonKey(e.terms)
			if c, ok := lx.byCanon[k]; ok && c.entry.key() == e.key() {
				c.groups = append(c.groups, id)
				lx.byCanon[k] = c
			} else if !ok {
				lx.byCanon[k] = canonical{entry: e, groups: []int{id}}
			}
		}
	}
	return lx
}

// canonKey writes terms as their one-word synonym groups.
func (lx *lexicon) canonKey(terms []string) string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t
		if c, ok := lx.canon[t]; ok {
			out[i] = c
		}
	}
	return strings.Join(out, " ")
}

// matchSynonymous finds the longest entry of several terms that the terms
// start with, each term as written or as a one-word synonym of it ("state
// dept" for "State Department"), and returns its length, the entry and its
// groups; 0 when none.
func (lx *lexicon) matchSynonymous(terms []string) (int, entry, []int) {
	for n := min(lx.maxLen, len(terms)); n >= 2; n-- {
		if c, ok := lx.byCanon[lx.canonKey(terms[:n])]; ok {
			return n, c.entry, c.groups
		}
	}
	return 0, entry{}, nil
}

// oneWordGroups returns, for Bleve's synonym support, each group's entries
// that are one word, as written, where a group has two or more of them.
func (lx *lexicon) oneWordGroups() [][]string {
	var out [][]string
	for _, g := range lx.groups {
		var words []string
		for _, e := range g {
			if len(e.terms) == 1 {
				words = append(words, e.text)
			}
		}
		if len(words) >= 2 {
			out = append(out, words)
		}
	}
	return out
}

// match finds the longest entry that the terms start with, and returns
// its length in terms and its groups; 0 when none.
func (lx *lexicon) match(terms []string) (int, []int) {
	for n := min(lx.maxLen, len(terms)); n >= 1; n-- {
		if groups, ok := lx.byKey[strings.Join(terms[:n], " ")]; ok {
			return n, groups
		}
	}
	return 0, nil
}

// shareGroup reports whether two one-word entries are in one group: Bleve's
// synonym expansion of the one finds the other.
func (lx *lexicon) shareGroup(a, b string) bool {
	for _, g := range lx.byKey[a] {
		if slices.Contains(lx.byKey[b], g) {
			return true
		}
	}
	return false
}

// oneWordSynonyms counts the one-word entries that share a group with the
// one-word entry term: what Bleve's synonym expansion adds for it.
func (lx *lexicon) oneWordSynonyms(term string) int {
	n := 0
	for _, g := range lx.byKey[term] {
		for _, e := range lx.groups[g] {
			if len(e.terms) == 1 && e.terms[0] != term {
				n++
			}
		}
	}
	return n
}

// blocker is a longer entry of another group that holds an entry: where it
// stands, the shorter one is part of another name ("Republic of Korea"
// inside "Democratic People's Republic of Korea").
type blocker struct {
	phrase []string
	offset int // where the shorter entry starts in it
}

// blockers returns the entries of groups other than own that hold the
// phrase, with where they hold it.
func (lx *lexicon) blockers(phrase []string, own []int) []blocker {
	if len(phrase) < 1 {
		return nil
	}
	lx.blockOnce.Do(lx.findBlockers)
	var out []blocker
	for _, b := range lx.holders[strings.Join(phrase, " ")] {
		if !slices.Contains(own, b.group) {
			out = append(out, b.blocker)
		}
	}
	return out
}

// heldBy is a blocker with the group of its entry.
type heldBy struct {
	blocker
	group int
}

// findBlockers finds, once, every entry of two or more terms that a longer
// entry holds, and every entry of one term that a longer name holds (a
// word the list knows as one thing inside a name it knows as another:
// "nations" in "United Nations", "France" in "Agence France-Presse"; a
// longer entry in lower case is a kind of the word, "intercontinental
// ballistic missile" of missile, and blocks nothing).
func (lx *lexicon) findBlockers() {
	lx.holders = map[string][]heldBy{}
	for _, entries := range lx.groups {
		for _, short := range entries {
			if len(short.phrase) < 1 {
				continue
			}
			for g, longer := range lx.groups {
				for _, e := range longer {
					if len(short.phrase) == 1 && !isName(e.text) {
						continue
					}
					for o := 0; len(e.phrase) > len(short.phrase) && o+len(short.phrase) <= len(e.phrase); o++ {
						if len(short.phrase) == 1 && o == 0 && isAcronym(short.text) {
							continue // "UN Security Council": the UN's own council
						}
						if slices.Equal(e.phrase[o:o+len(short.phrase)], short.phrase) {
							k := strings.Join(short.phrase, " ")
							lx.holders[k] = append(lx.holders[k], heldBy{blocker{phrase: e.phrase, offset: o}, g})
						}
					}
				}
			}
		}
	}
}

// onlyAcronyms reports whether every entry of the groups that is the one
// term is an acronym in capitals ("UN" for "un"), and there is one.
func (lx *lexicon) onlyAcronyms(groups []int, term string) bool {
	found := false
	for _, g := range groups {
		for _, e := range lx.groups[g] {
			if len(e.terms) == 1 && e.terms[0] == term {
				if !isAcronym(e.text) {
					return false
				}
				found = true
			}
		}
	}
	return found
}
