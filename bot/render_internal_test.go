package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"short text is kept whole", "A **b** c.", 20, "A **b** c."},
		{"cut after a sentence in the second half", "One two three. Four five six seven.", 20, "One two three.…"},
		{"cut between words when no sentence ends late enough", "Alpha beta gamma delta epsilon", 17, "Alpha beta gamma…"},
		{"never inside a bold pair", "Say **very long bold words** here", 22, "Say…"},
		{"bold pair before the cut is kept", "**Veto** power and more words here", 20, "**Veto** power and…"},
		{"an escape is never split", `aaaa \*\*\*\*\*\*\*\*`, 9, "aaaa…"},
		{"multibyte characters count as one", "ééééé ééééé ééééé", 12, "ééééé ééééé…"},
		{"zero room gives nothing", "text", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := clip(tt.in, tt.max)
			if got != tt.want {
				t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
			if utf8.RuneCountInString(got) > tt.max {
				t.Errorf("clip gave %d characters, over %d", utf8.RuneCountInString(got), tt.max)
			}
			if strings.Count(got, "**")%2 != 0 {
				t.Errorf("unbalanced bold in %q", got)
			}
		})
	}
}

func FuzzClip(f *testing.F) {
	f.Add("Say **very long bold words** here. And more.", 12)
	f.Add(`\*\* **a** \\ **b`, 5)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if !utf8.ValidString(s) || max < 0 || max > 5000 {
			return
		}
		got := clip(s, max)
		if utf8.RuneCountInString(got) > max {
			t.Fatalf("clip(%q, %d) = %q: too long", s, max, got)
		}
		if utf8.RuneCountInString(s) <= max && got != s {
			t.Fatalf("clip changed text that fits")
		}
	})
}
