package corpus_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/corpus"
)

func TestParseArticleSplitsLongParagraphs(t *testing.T) {
	sentence := "Mr. Price of the U.S. State Department said on Jan. 5 that the talks would go on. " // 84 bytes
	tests := []struct {
		name      string
		para      string
		wantParts int
		joinable  bool // whether joining the parts with a space gives the paragraph
	}{
		{
			name:      "paragraph at the limit is not split",
			para:      strings.Repeat("a", corpus.MaxPassageLen),
			wantParts: 1,
			joinable:  true,
		},
		{
			name:      "long paragraph is split at sentence boundaries packing whole sentences",
			para:      strings.TrimSpace(strings.Repeat(sentence, 30)), // 2519 bytes, 11 sentences a part
			wantParts: 3,
			joinable:  true,
		},
		{
			name:      "sentence longer than the limit is split between words",
			para:      strings.TrimSpace(strings.Repeat("word ", 500)),
			wantParts: 3,
			joinable:  true,
		},
		{
			name:      "word longer than the limit is split between characters",
			para:      strings.Repeat("é", 1200),
			wantParts: 3,
		},
		{
			name:      "short sentences around a very long one keep their own parts",
			para:      "Short one. Long " + strings.TrimSpace(strings.Repeat("word ", 300)) + ". Short two.",
			wantParts: 4,
			joinable:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := corpus.ParseArticle("long.txt", []byte("Intro.\n"+tt.para+"\nOutro.\n"))
			if err != nil {
				t.Fatalf("ParseArticle: %v", err)
			}
			ps := a.Passages
			if len(ps) != tt.wantParts+2 {
				t.Fatalf("got %d passages, want %d parts and 2 more", len(ps), tt.wantParts)
			}
			if first, last := ps[0], ps[len(ps)-1]; first.Paragraph != 1 || last.Paragraph != 3 || last.Part != 1 {
				t.Errorf("intro and outro numbered %+v and %+v", first, last)
			}
			var texts []string
			for i, p := range ps[1 : len(ps)-1] {
				if p.Paragraph != 2 || p.Part != i+1 {
					t.Errorf("part %d numbered paragraph %d part %d, want 2 and %d", i+1, p.Paragraph, p.Part, i+1)
				}
				if len(p.Text) > corpus.MaxPassageLen || p.Text == "" || !utf8.ValidString(p.Text) {
					t.Errorf("part %d is %d bytes or not valid UTF-8", i+1, len(p.Text))
				}
				if strings.HasSuffix(p.Text, "Mr.") || strings.HasSuffix(p.Text, "U.S.") || strings.HasSuffix(p.Text, "Jan.") {
					t.Errorf("part %d was split after an abbreviation: ...%q", i+1, p.Text[len(p.Text)-20:])
				}
				texts = append(texts, p.Text)
			}
			sep := ""
			if tt.joinable {
				sep = " "
			}
			if got := strings.Join(texts, sep); got != tt.para {
				t.Errorf("joined parts differ from the paragraph")
			}
		})
	}
}
