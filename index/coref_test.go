package index

import (
	"context"
	"testing"
)

// TestPronounSpeaker finds a question's name in a paragraph that speaks of
// the name only as "he" or "she": the speaker of the paragraph before.
func TestPronounSpeaker(t *testing.T) {
	for _, tc := range []struct {
		name       string
		paragraphs []string
		question   string
		want       int // the paragraph first
	}{
		{
			"she told: the speaker of the paragraph before",
			[]string{
				"Fisheries minister Ana Souza said the quotas would stay, as Souza had promised.",
				`"We will not cut them," she told trawlermen in the harbour.`,
			},
			"Souza trawlermen", 2,
		},
		{
			"a paragraph that names its own speaker",
			[]string{
				"Fisheries minister Ana Souza said the quotas would stay.",
				`"We will not cut them," Rui Costa said, and he told trawlermen to wait.`,
			},
			"Souza trawlermen", 1,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := buildArticle(t, "fish.txt", tc.paragraphs, Options{})
			res, err := x.Search(context.Background(), Query{Text: tc.question})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].Paragraph != tc.want {
				t.Errorf("hits %v, want paragraph %d first", res.Hits, tc.want)
			}
		})
	}
}

// TestDefiniteNoun finds a question's word in a paragraph that names the
// thing only by "the" and its noun: the word the paragraph before said of
// that noun where it introduced it.
func TestDefiniteNoun(t *testing.T) {
	for _, tc := range []struct {
		name       string
		paragraphs []string
		question   string
		want       int // the paragraph first
	}{
		{
			"the noun the paragraph before introduced with the word",
			[]string{
				"Ministers tabled a provisional fishing quota for the coming season on Monday.",
				"The quota, sent to all 27 coastal councils, would halve cod catches.",
				"Cod catches are falling.",
			},
			"provisional cod catches", 2,
		},
		{
			"the word said of another noun is not the thing's",
			[]string{
				"Ministers tabled a provisional timetable and a fishing quota on Monday.",
				"The quota, sent to all 27 coastal councils, would halve cod catches.",
				"Cod catches are falling.",
			},
			"provisional cod catches", 3,
		},
		{
			"the paragraph before must say it right before the noun",
			[]string{
				"Ministers were provisional about it, and tabled a fishing quota on Monday.",
				"The quota, sent to all 27 coastal councils, would halve cod catches.",
				"Cod catches are falling.",
			},
			"provisional cod catches", 3,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := buildArticle(t, "fish.txt", tc.paragraphs, Options{})
			res, err := x.Search(context.Background(), Query{Text: tc.question})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 || res.Hits[0].Paragraph != tc.want {
				t.Errorf("hits %v, want paragraph %d first", res.Hits, tc.want)
			}
		})
	}
}
