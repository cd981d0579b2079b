package index

import (
	"slices"
	"testing"
)

// TestFrameWordsAreNotSought leaves out of the search the words that say
// what kind of answer a question wants ("how far", "what year"): the
// answer is a quantity or a date, and a passage that merely holds the
// word ("so far", "each year") is no better for it.
func TestFrameWordsAreNotSought(t *testing.T) {
	runFirst(t, nil, []firstCase{
		{
			"how far: a distance, not 'so far'",
			[]string{
				"The probe rocket travelled about 900 kilometres before it landed.",
				"The rocket team has so far refused to comment on the rocket.",
			},
			"How far did the rocket go?", 1,
		},
		{
			"what year: a year, not 'each year'",
			[]string{
				"The ferry sank in 2009 near the harbour mouth.",
				"Each year the ferry carries more tourists, and the ferry sank once.",
			},
			"What year did the ferry sink?", 1,
		},
	})
}

// TestRangeEndFirst moves up, for a question that asks where a change ends
// ("cut imports to"), a passage with a "from … to …" range that answers
// it, above a shorter one with the same words and no range.
func TestRangeEndFirst(t *testing.T) {
	runFirst(t, nil, []firstCase{
		{
			"the passage with the range",
			[]string{
				"The new rules would cut water imports sharply, the board said.",
				"Under the new rules, water imports would be cut from nine million to six million litres.",
			},
			"What would the new rules cut water imports to?", 2,
		},
	})
}

// TestNameTypedInLowerCase reads a question's word typed in lower case
// where a name stands ("what did bell say": after an auxiliary, with no
// article) as the name that a passage writes with a capital, not the
// common noun of the same letters in another.
func TestNameTypedInLowerCase(t *testing.T) {
	runFirst(t, nil, []firstCase{
		{
			"the name, not the noun",
			[]string{
				"Harbour master Tom Bell said on Monday that the new pier would open in May after long delays.",
				"The bell rang, the bell tower shook and the bell ropes snapped as the new pier opened, officials said.",
			},
			"did bell talk about the new pier", 1,
		},
		{
			"the name typed with a capital, not the noun",
			[]string{
				"Harbour master Tom Bell spoke about the old ferry on Monday.",
				"Residents called the harbour bell a nuisance.",
				"The old ferry sailed at dawn.",
				"The old ferry docked at the new pier in May.",
				"A second ferry was ordered last year.",
				"Fishermen called for a new pier.",
			},
			"What did Bell call the old ferry?", 1,
		},
		{
			"the noun where no passage writes a name",
			[]string{
				"The harbour master said on Monday that the new pier would open in May after long delays.",
				"The bell rang, the bell tower shook and the bell ropes snapped as the new pier opened, officials said.",
			},
			"did bell talk about the new pier", 2,
		},
	})
}

// TestSetAsideNotSought leaves out of the search what a question sets
// aside ("besides oil"): the passage about something else answers it.
func TestSetAsideNotSought(t *testing.T) {
	runFirst(t, nil, []firstCase{
		{
			"the passage without what is set aside",
			[]string{
				"The new rules would restrict oil imports and oil sales, the board said.",
				"The new rules would also restrict exports of timber and coal.",
			},
			"What else besides oil would the new rules restrict?", 2,
		},
		{
			"what is set aside, when it is all the question names",
			[]string{
				"The new rules would restrict oil imports and oil sales, the board said.",
				"The new rules would also restrict exports of timber and coal.",
			},
			"anything besides oil?", 1,
		},
	})
}

// TestTypedName tells a capitalised question word written as a name from
// one capitalised because the question is written in title case or starts
// with it, or one after an article.
func TestTypedName(t *testing.T) {
	for _, tc := range []struct {
		name, question, word string
		want                 bool
	}{
		{"a capital past the first word", "What did Price call the North?", "Price", true},
		{"after an article", "What did Price call the North?", "North", false},
		{"every word with a capital", "What Did Price Call The North?", "Price", false},
		{"the first word", "Price said what about the talks?", "Price", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, orig := lowerWordsIn(tc.question), wordsIn(tc.question)
			i := slices.Index(orig, tc.word)
			if got := typedName(w, orig, i); got != tc.want {
				t.Errorf("typedName(%q, %q) = %v, want %v", tc.question, tc.word, got, tc.want)
			}
		})
	}
}

// TestAdjectiveSense ranks first the passage that has a question's
// adjective with its "to" ("is the port open to talks": "committed to
// talks"), not one that has only the verb of the same letters ("opened
// talks").
func TestAdjectiveSense(t *testing.T) {
	runFirst(t, [][]string{{"willing", "open", "committed"}}, []firstCase{
		{
			"the adjective's sense, not the verb's",
			[]string{
				"The port and the city opened talks with the union on Friday.",
				"The port said it remained committed to talks with the union.",
			},
			"Is the port open to talks with the union?", 2,
		},
		{
			"an adjective in -ing, found as another of its synonyms",
			[]string{
				"The port and the city opened talks with the union on Friday.",
				"The port said it remained committed to talks with the union.",
			},
			"Is the port still willing to hold talks with the union?", 2,
		},
		{
			"the verb's sense where the question asks the verb",
			[]string{
				"The port and the city opened talks with the union on Friday.",
				"The port said it remained committed to talks with the union.",
			},
			"Who opened talks with the union?", 1,
		},
	})
}

// TestNameWordIsNoAcronym reads "Un" of "Kim Jong Un" as a word of the
// name, not as the UN: a passage on the UN is not about the person.
func TestNameWordIsNoAcronym(t *testing.T) {
	runFirst(t, [][]string{{"United Nations", "UN"}}, []firstCase{
		{
			"a word of a name, not the acronym",
			[]string{
				"The UN said the harbour plan was sound.",
				"Lee Jae, the port's chief, spoke on Monday about the plan.",
			},
			"What did Lee Jae Un say about the harbour plan?", 2,
		},
		{
			"the acronym in capitals",
			[]string{
				"The UN said the harbour plan was sound.",
				"Lee Jae, the port's chief, spoke on Monday about the plan.",
			},
			"What did the UN say about the harbour plan?", 1,
		},
	})
}

// TestMeasuredPassageLeads ranks first, for a question asking a quantity
// in a unit, the passage that gives one, above one holding more of the
// question's words and no such quantity.
func TestMeasuredPassageLeads(t *testing.T) {
	launch := []string{
		"Borduria protested on Sunday after a rocket fired by Zembla flew over its northern islands before falling into the sea.",
		"Residents of the islands were told to take shelter.",
		"Officials said the rocket travelled about 900 kilometres.",
	}
	runFirst(t, nil, []firstCase{
		{"how far: the passage with a distance", launch, "How far did Zembla's rocket fly over the northern islands?", 3},
		{"over what: the passage with the words", launch, "What did Zembla's rocket fly over?", 1},
		{"how long did it fly: the passage with a distance, where none gives a time", launch, "How long did Zembla's rocket fly over the northern islands?", 3},
	})
}

// TestAskedNounOfObject counts, for "which country did X invade", a
// passage that names what was done to as holding the noun asked, as for
// "which countries could veto": one that merely says "countries" is no
// better for it.
func TestAskedNounOfObject(t *testing.T) {
	runFirst(t, [][]string{{"invasion", "invade"}}, []firstCase{
		{
			"the passage naming the country invaded",
			[]string{
				"Ruritania and Borduria, the two countries by the lake, have both signed the fishing accord with Ruritania's navy.",
				"Ruritania, whose ties with the East soured over the Zembla invasion, stayed away.",
			},
			"Which country did Ruritania invade?", 2,
		},
	})
}

// TestHowMuchQuantityLeads ranks first, for "how much", the passage that
// gives an amount ("two thirds of the cargo"), above one holding more of
// the question's words and none; a bare number ("all 15 members") is no
// amount.
func TestHowMuchQuantityLeads(t *testing.T) {
	runFirst(t, nil, []firstCase{
		{
			"the passage with an amount",
			[]string{
				"All 15 members of the port council agreed a phased ban on night sailings of harbour cargo ships.",
				"Officials said the port measures would stop around two thirds of the cargo of the harbour.",
			},
			"How much harbour cargo will the port council stop?", 2,
		},
	})
}
