package index

import "testing"

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
