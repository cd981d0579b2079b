package corpus

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		para string
		want []string
	}{
		{"period question and exclamation marks end sentences", "One. Two? Three! Four.", []string{"One.", "Two?", "Three!", "Four."}},
		{"closing quote after the period stays with the sentence", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"opening quote or digit may start a sentence", `It ended. "Yes," she said. 2017 was bad.`, []string{"It ended.", `"Yes," she said.`, "2017 was bad."}},
		{"lower-case next word does not start a sentence", "It cost $1.5 bn. and more.", []string{"It cost $1.5 bn. and more."}},
		{"title abbreviations do not end sentences", "Mr. Price and Dr. Kim met Gen. Lee.", []string{"Mr. Price and Dr. Kim met Gen. Lee."}},
		{"dotted abbreviations do not end sentences", "The U.S. State Department at 9 a.m. Tuesday.", []string{"The U.S. State Department at 9 a.m. Tuesday."}},
		{"month abbreviations do not end sentences", "On Jan. 5 and Sept. 9 talks.", []string{"On Jan. 5 and Sept. 9 talks."}},
		{"single initials do not end sentences", "Donald J. Trump met Kim.", []string{"Donald J. Trump met Kim."}},
		{"number abbreviations hold only before digits", "See No. 10 today. No. It ends.", []string{"See No. 10 today.", "No.", "It ends."}},
		{"ordinary word before a period ends a sentence", "Talks stalled. Sanctions followed.", []string{"Talks stalled.", "Sanctions followed."}},
		{"question inside quotes followed by lower case continues", `"Why?" he asked. Nobody knew.`, []string{`"Why?" he asked.`, "Nobody knew."}},
		{"no boundary gives the whole paragraph", "no end here", []string{"no end here"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentences(tt.para); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences(%q) = %q, want %q", tt.para, got, tt.want)
			}
		})
	}
}
