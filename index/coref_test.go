package index

import (
	"context"
	"maps"
	"testing"
)

// TestPronounSpeaker finds a question's name in a paragraph that speaks of
// the name only as "he" or "she": the speaker of the paragraph before.
func TestPronounSpeaker(t *testing.T) {
	runFirst(t, nil, []firstCase{
		{
			"she told: the speaker of the paragraph before",
			[]string{
				"Fisheries minister Ana Souza said the quotas would stay, as Souza had promised.",
				`"We will not cut them," she told trawlermen in the harbour.`,
			},
			"Souza trawlermen", 2,
		},
		{
			"she told: the title of the speaker of the paragraph before",
			[]string{
				"Fisheries minister Ana Souza said on Monday that the quotas would stay in place for the whole of the coming season.",
				`"We will not cut them," she told trawlermen in the harbour.`,
				"Trawlermen in the harbour said fees rose.",
			},
			"what did the fisheries minister tell trawlermen in the harbour", 2,
		},
		{
			"a paragraph that names its own speaker",
			[]string{
				"Fisheries minister Ana Souza said the quotas would stay.",
				`"We will not cut them," Rui Costa said, and he told trawlermen to wait.`,
			},
			"Souza trawlermen", 1,
		},
	})
}

// TestDefiniteNoun finds a question's word in a paragraph that names the
// thing only by "the" and its noun: the word the paragraph before said of
// that noun where it introduced it.
func TestDefiniteNoun(t *testing.T) {
	runFirst(t, nil, []firstCase{
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
	})
}

// TestCarriedNoun finds a question's noun, named by "the", in a paragraph
// that lacks only it, when the paragraph before or the article's first
// holds it: the thing the report is still about.
func TestCarriedNoun(t *testing.T) {
	board := func(lede, before string) []string {
		return []string{
			lede,
			before,
			"Norway and Iceland both hold a veto on the board although the two have agreed to past limits.",
			"Any new quota would face the threat of a veto, officials in the harbour said.",
		}
	}
	const (
		tabled = "The harbour board tabled a fishing quota for the coming season on Monday."
		met    = "The harbour board met on Monday to discuss the coming season."
	)
	runFirst(t, nil, []firstCase{
		{
			"the noun the paragraph before holds",
			board(met, "Norway and Iceland have refused any talks on the quota."),
			"Who can veto the quota?", 3,
		},
		{
			"a noun the question does not name by the",
			board(tabled, "Norway and Iceland have refused any talks on the quota."),
			"Who can veto a quota?", 4,
		},
		{
			"the noun the article's first paragraph holds, the paragraph before not",
			board(tabled, "Norway and Iceland have refused any talks on the matter."),
			"Who can veto the quota?", 3,
		},
		{
			"neither the paragraph before nor the first holds it",
			board(met, "Norway and Iceland have refused any talks on the matter."),
			"Who can veto the quota?", 4,
		},
		{
			"the noun a which question asks for is the names that did it",
			board(met, "Norway and Iceland have refused any talks on the quota."),
			"Which members can veto a quota?", 3,
		},
	})
	// The noun a which question asks for does not keep the noun named by
	// "the" from being carried: "members" and "quota" both lack, and the
	// quota is carried all the same.
	paragraphs := board(met, "Norway and Iceland have refused any talks on the quota.")
	x := buildArticle(t, "fish.txt", paragraphs, Options{})
	q := x.analyse(context.Background(), x.reader, "Which members can veto the quota?", false)
	c := &candidate{num: 2, hit: Hit{Article: "fish", Paragraph: 3, Text: paragraphs[2]}}
	c.toks, c.words = x.analyzeWords(c.hit.Text)
	q.match(c)
	x.carryDefinite(q, c)
	quota := q.conceptOf("quota")
	if quota < 0 || c.found[quota].weight == 0 {
		t.Errorf("quota not carried beside the asked noun: found %+v", c.found)
	}
}

// TestDefiniteNounFurtherBack reads the best passage further back than the
// paragraph before, for the words said of its "the" noun where a paragraph
// introduced it ("The fishing quota", two paragraphs after "a provisional
// fishing quota"): the passage holds more of the question, and the reply
// is surer.
func TestDefiniteNounFurtherBack(t *testing.T) {
	confidence := func(first string) float64 {
		x := buildArticle(t, "fish.txt", []string{
			first,
			"Trawler owners said they had not been consulted.",
			"The fishing quota, sent to all 27 coastal councils, would halve cod catches.",
		}, Options{})
		res, err := x.Search(context.Background(), Query{Text: "provisional quota for coastal councils"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].Paragraph != 3 {
			t.Fatalf("hits %v, want paragraph 3 first", res.Hits)
		}
		return res.Confidence
	}
	said := confidence("Ministers tabled a provisional fishing quota for the coming season on Monday.")
	unsaid := confidence("Ministers tabled a fishing quota for the coming season, a provisional one.")
	if said <= unsaid {
		t.Errorf("confidence %.2f where the quota was introduced as provisional, want more than %.2f where it was not", said, unsaid)
	}
}

// TestHeadNoun finds a question's name of several words in a paragraph
// that names the thing by "the" and the name's last word, after an
// earlier paragraph wrote it in full.
func TestHeadNoun(t *testing.T) {
	syn := [][]string{{"Harbour Council", "HC"}}
	runFirst(t, syn, []firstCase{
		{
			"the council after the Harbour Council",
			[]string{
				"The Harbour Council met on Monday to discuss the dredging plan for the old port and its quays.",
				"Fishermen said the dredging would ruin the spawning grounds.",
				"Boat owners criticised the council for ignoring them.",
				"Boat owners criticised the ferry timetable again.",
			},
			"who criticised the harbour council", 3,
		},
	})
}

// TestNameTitle finds a question's words in a paragraph that names a
// person by surname: the title the person's full mention in a paragraph
// before gave ("Fisheries minister Ana Souza").
func TestNameTitle(t *testing.T) {
	runFirst(t, nil, []firstCase{
		{
			"the title of the full mention",
			[]string{
				"Fisheries minister Ana Souza opened the harbour fair on Monday.",
				"Trawler crews in the harbour asked again about the cod quota.",
				"Souza promised the cod quota would stay as it was.",
			},
			"fisheries minister cod quota", 3,
		},
		{
			"no title before the full mention",
			[]string{
				"On Monday Ana Souza opened the fisheries fair as minister.",
				"Trawler crews in the harbour asked again about the cod quota.",
				"Souza promised the cod quota would stay as it was.",
			},
			"fisheries minister cod quota", 1,
		},
		{
			"a surname that neither says nor owns anything is left",
			[]string{
				"Fisheries minister Ana Souza opened the harbour fair on Monday.",
				"Trawler crews in the harbour asked again about the cod quota.",
				"Souza reopened the cod quota talks as it was.",
			},
			"fisheries minister cod quota", 1,
		},
		{
			"another person's title",
			[]string{
				"Fisheries minister Ana Souza opened the harbour fair on Monday.",
				"Trawler crews in the harbour asked again about the cod quota.",
				"Costa promised the cod quota would stay as it was.",
			},
			"fisheries minister cod quota", 1,
		},
	})
}

func TestTitlesIn(t *testing.T) {
	got := titlesIn(`"We remain open," State Department spokesman Ned Price said, after North Korean leader Kim Jong Un spoke of talks with North Korea.`)
	want := map[string]string{
		"Ned": "State Department spokesman", "Price": "State Department spokesman",
		"Kim": "North Korean leader", "Un": "North Korean leader",
	}
	if !maps.Equal(got, want) {
		t.Errorf("titlesIn = %q, want %q", got, want)
	}
}

// firstCase is an article's paragraphs, a question, and the paragraph that
// should come first.
type firstCase struct {
	name       string
	paragraphs []string
	question   string
	want       int
}

// runFirst asks each case's question of its paragraphs, as one article
// indexed with the synonym groups given.
func runFirst(t *testing.T, synonyms [][]string, cases []firstCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := buildArticle(t, "fish.txt", tc.paragraphs, Options{Synonyms: synonyms})
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
