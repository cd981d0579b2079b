package index

import "testing"

func TestExpandContractions(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"what's is what is", "What's the DPRK?", "What is the DPRK?"},
		{"who's before a participle is who has", "who's met Kim", "who has met Kim"},
		{"who's been is who has been", "Who's been offering talks?", "Who has been offering talks?"},
		{"chat spelling without the apostrophe", "whats the oil cap", "what is the oil cap"},
		{"whose is no contraction", "whose administration", "whose administration"},
		{"a possessive of a name is left", "Kim's vow", "Kim's vow"},
		{"two in one question", "who's the envoy and what's his job", "who is the envoy and what is his job"},
		{"nothing to expand", "Who vetoes?", "Who vetoes?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := expandContractions(tc.in); got != tc.want {
				t.Errorf("expandContractions(%q) = %q, want %q", tc.in, got, tc.want)
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
