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
