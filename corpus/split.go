package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxPassageLen is the length in bytes of the longest passage text. Longer
// paragraphs are split into parts at sentence boundaries.
const MaxPassageLen = 1000

// splitParagraph splits a paragraph whose words are separated by single
// spaces into parts of at most MaxPassageLen bytes, packing whole sentences
// greedily. A sentence longer than the limit is split between words, and a
// word longer than the limit between characters. Unless a word is longer
// than the limit, joining the parts with a space gives the paragraph back.
func splitParagraph(para string) []string {
	if len(para) <= MaxPassageLen {
		return []string{para}
	}
	var parts []string
	var pk packer
	for _, s := range sentences(para) {
		if len(s) <= MaxPassageLen {
			parts = pk.add(parts, s)
			continue
		}
		parts = pk.flush(parts)
		for _, w := range strings.Split(s, " ") {
			if len(w) <= MaxPassageLen {
				parts = pk.add(parts, w)
				continue
			}
			parts = pk.flush(parts)
			parts = append(parts, splitRunes(w)...)
		}
		parts = pk.flush(parts)
	}
	return pk.flush(parts)
}

// packer greedily joins pieces with spaces into parts of at most
// MaxPassageLen bytes.
type packer struct {
	cur strings.Builder
}

// add appends piece to the current part, first completing the current part
// into parts when piece does not fit.
func (pk *packer) add(parts []string, piece string) []string {
	if pk.cur.Len() > 0 && pk.cur.Len()+1+len(piece) > MaxPassageLen {
		parts = pk.flush(parts)
	}
	if pk.cur.Len() > 0 {
		pk.cur.WriteByte(' ')
	}
	pk.cur.WriteString(piece)
	return parts
}

// flush completes the current part, if any, into parts.
func (pk *packer) flush(parts []string) []string {
	if pk.cur.Len() > 0 {
		parts = append(parts, pk.cur.String())
		pk.cur.Reset()
	}
	return parts
}

// splitRunes cuts s into pieces of at most MaxPassageLen bytes, between
// characters.
func splitRunes(s string) []string {
	var pieces []string
	for len(s) > MaxPassageLen {
		end := MaxPassageLen
		for end > 0 && !utf8.RuneStart(s[end]) {
			end--
		}
		if end == 0 {
			end = MaxPassageLen
		}
		pieces = append(pieces, s[:end])
		s = s[end:]
	}
	return append(pieces, s)
}

// sentences splits a paragraph whose words are separated by single spaces
// into its sentences, so that joining them with a space gives it back. A
// sentence ends with '.', '!' or '?', perhaps followed by closing quotes or
// brackets, then a space and an upper-case letter, a digit or an opening
// quote or bracket; a period after an abbreviation or initial does not end
// a sentence.
func sentences(para string) []string {
	var out []string
	start := 0
	for i := 0; i < len(para); i++ {
		if para[i] == ' ' && endsSentence(para[start:i], para[i+1:]) {
			out = append(out, para[start:i])
			start = i + 1
		}
	}
	return append(out, para[start:])
}

// closers are the characters that may follow a sentence's final punctuation.
const closers = `"')]”’»`

// openers are the characters that may start a sentence besides letters
// and digits.
const openers = `"'([“‘«`

// endsSentence reports whether a sentence boundary lies between before and
// after, the text around a space.
func endsSentence(before, after string) bool {
	next, _ := utf8.DecodeRuneInString(after)
	if !(unicode.IsLetter(next) && !unicode.IsLower(next)) && !unicode.IsDigit(next) && !strings.ContainsRune(openers, next) {
		return false
	}
	word := before[strings.LastIndexByte(before, ' ')+1:]
	word = strings.TrimRight(word, closers)
	switch {
	case strings.HasSuffix(word, "!"), strings.HasSuffix(word, "?"):
		return true
	case strings.HasSuffix(word, "."):
		return !isAbbreviation(strings.TrimLeft(strings.TrimSuffix(word, "."), openers), next)
	}
	return false
}

// abbreviations lists lower-case abbreviations whose period rarely ends a
// sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "lt": true, "col": true, "capt": true, "sgt": true, "maj": true,
	"adm": true, "gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "pres": true,
	"supt": true, "cmdr": true, "cpl": true, "pvt": true, "mt": true, "ft": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// numberAbbreviations lists lower-case abbreviations that do not end a
// sentence when a number follows, as in "No. 10".
var numberAbbreviations = map[string]bool{
	"no": true, "nos": true, "vol": true, "p": true, "pp": true, "art": true, "fig": true,
}

// isAbbreviation reports whether word, the text before a period, is an
// abbreviation or initial, given next, the first character of the text
// after the space following the period.
func isAbbreviation(word string, next rune) bool {
	lower := strings.ToLower(word)
	if abbreviations[lower] || (unicode.IsDigit(next) && numberAbbreviations[lower]) {
		return true
	}
	// A single initial ("J.") or dotted letters such as "U.S", "a.m" or "Ph.D".
	segments := strings.Split(word, ".")
	for _, s := range segments {
		n := utf8.RuneCountInString(s)
		if n == 0 || n > 2 || !isLetters(s) {
			return false
		}
	}
	return len(segments) > 1 || utf8.RuneCountInString(word) == 1
}

// isLetters reports whether s consists of letters only.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
