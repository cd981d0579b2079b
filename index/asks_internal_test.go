package index

import (
	"slices"
	"strings"
	"testing"
)

// TestPlainQuestion writes a question in the shape the rules read.
func TestPlainQuestion(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"what's is what is", "What's the DPRK?", "What is the DPRK?"},
		{"who's before a participle is who has", "who's met Kim", "who has met Kim"},
		{"who's been is who has been", "Who's been offering talks?", "Who has been offering talks?"},
		{"chat spelling without the apostrophe", "whats the oil cap", "what is the oil cap"},
		{"whose is no contraction", "whose administration", "whose administration"},
		{"a possessive of a name is left", "Kim's vow", "Kim's vow"},
		{"two in one question", "who's the envoy and what's his job", "who is the envoy and what is his job"},
		{"nothing to expand", "Who vetoes?", "Who vetoes?"},
		{"how often is how many times", "How often did Kim and Trump meet?", "how many times did Kim and Trump meet?"},
		{"how often in lower case", "how often has the us offered talks", "how many times has the us offered talks"},
		{"often alone is left", "Do they often meet?", "Do they often meet?"},
		{"a role before a name: who preceded", "who was president before biden", "who preceded biden as president"},
		{"a role with words before it", "Who was US president before Joe Biden?", "who preceded Joe Biden as US president"},
		{"no role before before", "who was detained before the coup", "who was detained before the coup"},
		{"a source put first, with a comma", "According to Price, what does Kim's statement confirm?", "what does Kim's statement confirm According to Price?"},
		{"a source put first, without one", "according to price what does kim's statement confirm", "what does kim's statement confirm according to price"},
		{"a source at the end already", "what does kim confirm according to price", "what does kim confirm according to price"},
		{"a source with no question word after it", "according to price kim confirmed it", "according to price kim confirmed it"},
		{"which and a noun of names in the possessive is whose", "Which country's relations soured?", "Whose relations soured?"},
		{"what and a role in the possessive is whose", "what leader's vow", "whose vow"},
		{"which and another noun in the possessive is left", "which draft's limit", "which draft's limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := plainQuestion(tc.in); got != tc.want {
				t.Errorf("plainQuestion(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestAsksExpansionOfNames(t *testing.T) {
	for _, tc := range []struct{ name, q, want string }{
		{"an acronym's official name", "What is the DPRK's official name?", "DPRK"},
		{"the full name of an acronym in lower case", "what is the full name of the dprk", "DPRK"},
		{"the official name of a name of words: none", "official name of north korea", ""},
		{"a person's name: none", "what is Kim's official name", ""},
		{"a name typed in lower case is no acronym", "what is the official name of korea", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := asksExpansion(tc.q); got != tc.want {
				t.Errorf("asksExpansion(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

func TestWellFormed(t *testing.T) {
	for _, tc := range []struct {
		answer string
		want   bool
	}{
		{"China and Russia", true},
		{"the lives and property of the Japanese people", true},
		{"from four million to two million barrels", true},
		{"the two countries", true},
		{"", true},
		{"the hostages in the for talks the president", false},
		{"a the ambassador leader", false},
		{"the of thursday officials", false},
		{"talks with the", false},
		{"officials in", false},
	} {
		t.Run(tc.answer, func(t *testing.T) {
			if got := wellFormed(tc.answer); got != tc.want {
				t.Errorf("wellFormed(%q) = %v, want %v", tc.answer, got, tc.want)
			}
		})
	}
}

func TestObjectVerbs(t *testing.T) {
	for _, tc := range []struct {
		name, q string
		want    []string
	}{
		{"the verb after a capitalised subject", "Who did Kim meet three times?", []string{"meet", "three", "times"}},
		{"a subject typed in lower case is no verb", "who did price talk to", []string{"talk"}},
		{"a subject after its article is no verb", "who did the military detain", []string{"detain"}},
		{"a lone word after the auxiliary is the verb", "who did meet", []string{"meet"}},
		{"with a copula, only the -ing verb", "Who was Price talking to?", []string{"talking"}},
		{"no object question", "Who vetoes?", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := objectVerbs(tc.q); !slices.Equal(got, tc.want) {
				t.Errorf("objectVerbs(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

func TestAsksTermAndWord(t *testing.T) {
	for _, tc := range []struct {
		name     string
		q        string
		term, wd bool // asksTerm, asksWord
	}{
		{"what word", "What word did the US use for North Korea's recent actions?", true, true},
		{"what term", "what term describes the launches", true, true},
		{"what X called Y asks a term, not a word by name", "what did the us call north korea's behaviour", true, false},
		{"call for is another verb", "What did Seoul call for?", false, false},
		{"call on is another verb", "what did japan call on the council to do", false, false},
		{"no call", "What did Kim vow?", false, false},
		{"who question", "Who called North Korea's actions provocations?", false, false},
		{"what with another noun", "What weapons were shown?", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := asksTerm(tc.q); got != tc.term {
				t.Errorf("asksTerm(%q) = %v, want %v", tc.q, got, tc.term)
			}
			if got := asksWord(tc.q); got != tc.wd {
				t.Errorf("asksWord(%q) = %v, want %v", tc.q, got, tc.wd)
			}
		})
	}
}

func TestShortQuote(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"one word in quotes", `The United States said it remained committed to talks despite its "provocations" even so.`, "provocations"},
		{"curly quotes", "Tokyo called it an “outrageous act” on Monday.", "outrageous act"},
		{"a whole quoted sentence is no term", `"We do remain open to engaging in diplomacy and dialogue with the DPRK," Price said.`, ""},
		{"two quoted terms: unsure", `It called the launch "reckless" and the talks "a farce".`, ""},
		{"no quotes", "China and Russia both wield veto power.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := shortQuote(tc.text); got != tc.want {
				t.Errorf("shortQuote(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestSpeechTo(t *testing.T) {
	for _, tc := range []struct {
		name, q string
		want    bool
	}{
		{"talking to", "Who was Price talking to?", true},
		{"spoke to", "who spoke to reporters", true},
		{"talks with is no speech", "who is holding talks with north korea", false},
		{"talk about is no speech to someone", "what did price talk about", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := false
			for _, w := range wordsIn(tc.q) {
				i := strings.Index(tc.q, w)
				got = got || speechTo(tc.q, token{start: i, end: i + len(w)})
			}
			if got != tc.want {
				t.Errorf("speechTo(%q) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

func TestAsksDo(t *testing.T) {
	for _, tc := range []struct{ name, q, want string }{
		{"the subject after its article", "What did the military do in February?", "military"},
		{"a name", "what has russia done on the draft resolution", "russia"},
		{"what it did to something is another question", "what would the draft do to sanctions", ""},
		{"a subject of several words", "what did brent crude do after the announcement", ""},
		{"no do", "What did Kim vow?", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := asksDo(tc.q); got != tc.want {
				t.Errorf("asksDo(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

func TestPairNamed(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"the two countries", true}, {"both sides", true}, {"both the allies", true},
		{"the two", false}, {"China and Russia", false}, {"the three countries", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := pairNamed.MatchString(tc.in); got != tc.want {
				t.Errorf("pairNamed(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestExcluded finds what a question sets aside.
func TestExcluded(t *testing.T) {
	for _, tc := range []struct{ name, q, want string }{
		{"besides, up to an auxiliary", "What else besides oil would the resolution restrict?", "besides oil"},
		{"besides, to the end", "who else has a veto besides china", "besides china"},
		{"other than, up to the clause's end", "Which countries other than China, if any, can veto it?", "other than China"},
		{"apart from a name of two words", "Who apart from North Korea tested missiles?", "apart from North Korea"},
		{"a name written with stops", "Who besides the U.S. has offered talks?", "besides the U.S"},
		{"a possessive name", "What besides North Korea’s exports would be restricted?", "besides North Korea’s"},
		{"none", "Who can veto the resolution?", ""},
		{"a marker with nothing after it", "What is there besides?", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := excluded(tc.q)
			if got := tc.q[from:to]; got != tc.want {
				t.Errorf("excluded(%q) = %q, want %q", tc.q, got, tc.want)
			}
		})
	}
}

// TestFixQuestionWord reads a slip of the opening question word as it.
func TestFixQuestionWord(t *testing.T) {
	for _, tc := range []struct{ name, q, want, wrong string }{
		{"a letter out", "wat did kim vow", "what did kim vow", "wat"},
		{"two letters swapped, capital kept", "Waht is the limit?", "What is the limit?", "Waht"},
		{"a letter changed", "whrn did it start", "when did it start", "whrn"},
		{"a letter changed that makes two question words", "whan did it start", "whan did it start", ""},
		{"a letter in", "whho met kim", "who met kim", "whho"},
		{"near two question words", "hwo vetoes it", "hwo vetoes it", ""},
		{"an English word of its own", "hoe many", "hoe many", ""},
		{"a question word already", "who met kim", "who met kim", ""},
		{"not the first word", "so wat did kim vow", "so wat did kim vow", ""},
		{"far from any question word", "kim vow", "kim vow", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, wrong := fixQuestionWord(tc.q)
			if got != tc.want || wrong != tc.wrong {
				t.Errorf("fixQuestionWord(%q) = %q, %q; want %q, %q", tc.q, got, wrong, tc.want, tc.wrong)
			}
		})
	}
}

// TestStrandedPrepositionPastSource finds the preposition a question ends
// on before a closing "according to …".
func TestStrandedPrepositionPastSource(t *testing.T) {
	for _, tc := range []struct{ name, q, word, prep string }{
		{"ending on the preposition", "what is the dprk a threat to", "threat", "to"},
		{"a source after it", "what is the dprk a threat to according to the us", "threat", "to"},
		{"no preposition before the source", "what did kim vow according to price", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if word, prep := strandedPreposition(tc.q); word != tc.word || prep != tc.prep {
				t.Errorf("strandedPreposition(%q) = %q, %q; want %q, %q", tc.q, word, prep, tc.word, tc.prep)
			}
		})
	}
}

// TestAsksMeasure reads the units a question asks a quantity in.
func TestAsksMeasure(t *testing.T) {
	for _, tc := range []struct {
		name, q  string
		distance bool
	}{
		{"how far asks a distance", "How far did the missile fly?", true},
		{"a range asks a distance", "whats the missile's range", true},
		{"the range of a thing asks a distance", "what is the range of north korea's icbm", true},
		{"a range of things asks a kind", "What range of missiles can the interceptors stop?", false},
		{"how many asks no unit", "How many missiles flew?", false},
		{"how long a flight asks a distance too", "How long did the missile fly?", true},
		{"how long talks last asks a time", "How long did the talks last?", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := asksMeasure(tc.q); slices.Contains(got, "kilometre") != tc.distance {
				t.Errorf("asksMeasure(%q) = %v, want a distance: %v", tc.q, got, tc.distance)
			}
		})
	}
}

// TestAsksEmbeddedSubject tells a question asking the subject of the
// clause after a verb of saying from one asking an object.
func TestAsksEmbeddedSubject(t *testing.T) {
	for _, tc := range []struct {
		name, q string
		want    bool
	}{
		{"a verb in -s after say", "What does the US say threatens global non-proliferation?", true},
		{"an auxiliary after say", "Who did Price say was a threat?", true},
		{"a plural noun and a modal after say: its subject", "What does the US say sanctions should do?", false},
		{"a possessive after say: its subject", "What does Price say Kim's statement confirms?", false},
		{"nothing after say", "What did Price say?", false},
		{"no verb of saying", "What does the draft restrict?", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := asksEmbeddedSubject(lowerWordsIn(tc.q)); got != tc.want {
				t.Errorf("asksEmbeddedSubject(%q) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

// TestAsksObjectByNoun tells "which country did Russia invade", asking
// who something was done to, from "which powers would not talk".
func TestAsksObjectByNoun(t *testing.T) {
	for _, tc := range []struct {
		name, q string
		want    bool
	}{
		{"a form of do after the noun", "Which country did Russia invade?", true},
		{"a modal and a name", "Which members would Washington lobby?", true},
		{"a modal and the", "which countries will the draft target", true},
		{"a modal and not: the noun is the subject", "which powers would not even talk about the draft", false},
		{"the noun is the subject", "Which countries refused talks?", false},
		{"no noun of names", "Which draft did the US present?", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := asksObjectByNoun(tc.q); got != tc.want {
				t.Errorf("asksObjectByNoun(%q) = %v, want %v", tc.q, got, tc.want)
			}
		})
	}
}

// TestAsksRelationNotPassive keeps "what were residents told to do", a
// deed, apart from "what is China to North Korea", a relation.
func TestAsksRelationNotPassive(t *testing.T) {
	for _, tc := range []struct {
		name, q        string
		relation, deed bool
	}{
		{"a name between is and to: a relation", "what is china to north korea", true, false},
		{"an irregular participle before to do: a deed", "What were residents told to do?", false, true},
		{"a regular participle before to do: a deed", "What were members asked to do?", false, true},
		{"an -ing verb before a closing place: a deed", "what is the port seeking at the council", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := asksRelation(tc.q); got != tc.relation {
				t.Errorf("asksRelation(%q) = %v, want %v", tc.q, got, tc.relation)
			}
			if got := asksDeed(tc.q); got != tc.deed {
				t.Errorf("asksDeed(%q) = %v, want %v", tc.q, got, tc.deed)
			}
		})
	}
}
