package index

import (
	"context"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
)

// FuzzShortAnswer reads short answers off any passage for any question:
// never a panic, and an answer is always words of the passage (a name
// list may join them with "and" or commas).
func FuzzShortAnswer(f *testing.F) {
	c, err := corpus.Load(corpus.Default())
	if err != nil {
		f.Fatal(err)
	}
	x, err := Build(context.Background(), c.Articles, "", Options{Synonyms: corpus.DefaultSynonyms()})
	if err != nil {
		f.Fatal(err)
	}
	defer x.Close()
	for _, seed := range [][2]string{
		{"Who can veto the resolution?", "China and Russia both wield veto power on the Security Council."},
		{"Which countries refused?", "China, North Korea's closest ally, and Russia, whose relations soured, have so far refused."},
		{"Who saw it?", "A draft seen by AFP, ,, by"},
		{"What did Kim vow?", "Kim vowed to to to"},
		{"Why?", "after"},
		{"For what purpose?", "for civilian purposes"},
		{"Who did Kim meet?", "meetings with Biden's predecessor Donald Trump."},
		{"Who is Kim Jong Un?", "North Korean leader Kim Jong Un"},
		{"What weapons?", "tanks, rocket launchers and missiles"},
		{"how many", "from four million to two million barrels"},
		{"What would the limit fall from?", "cut from nine million to six million dollars next year"},
		{"What does the DPRK threaten?", "the DPRK constitutes a threat to peace and to the regime."},
		{"Which weapons did Kim watch roll past?", "he watched tanks and barges sail past"},
		{"Who else has a veto besides China?", "China and Russia both wield veto power"},
		{"To whom was it sent?", "The charter, sent to all 12 captains, bans fishing."},
		{"Who grew tired?", "They have agreed after growing tired"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, question, text string) {
		q := x.analyse(context.Background(), x.reader, question, false)
		for _, kind := range []answerKind{q.kind, kindEntity, kindNumber, kindTime, kindThing, kindReason, kindModifier} {
			q.kind = kind
			cand := &candidate{hit: Hit{Text: text}}
			cand.toks, cand.words = x.analyzeWords(text)
			q.match(cand)
			answer := extract(q, cand)
			namesDoer(q, cand)
			for _, part := range strings.FieldsFunc(answer, func(r rune) bool { return r == ',' }) {
				part = strings.TrimSpace(part)
				for _, w := range strings.Split(part, " and ") {
					if w = strings.TrimSpace(w); w != "" && !strings.Contains(text, w) {
						t.Fatalf("answer %q (kind %d) to %q: %q is not in the passage %q", answer, kind, question, w, text)
					}
				}
			}
		}
	})
}
