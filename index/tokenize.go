package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/segment"
)

// wordTokenizer is Bleve's unicode tokenizer (Unicode word segmentation,
// UAX #29, keeping the segments that are not space or punctuation) with a
// fast path for text of plain ASCII, which is most news text: the segmenter
// was the largest single cost of analysing a passage. For ASCII the rules
// come down to: letters and digits join; a letter, then ':', '.' or '\”,
// then a letter join (U.S, don't); a digit, then ',', ';', '.' or '\”,
// then a digit join (3.5, 1,000); everything else breaks. Text with '_'
// (which joins words in its own ways) or any byte above 0x7F goes to the
// segmenter. TestWordTokenizerSameAsUnicode checks both paths agree.
type wordTokenizer struct {
	unicode *unicodetok.UnicodeTokenizer
}

func (t wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	if !plainASCII(input) {
		return t.unicode.Tokenize(input)
	}
	out := make(analysis.TokenStream, 0, len(input)/6+1)
	var slab []analysis.Token
	asciiWords(input, func(start, end int, numeric bool) {
		if len(slab) == 0 {
			slab = make([]analysis.Token, max(16, (len(input)-start)/6))
		}
		tok := &slab[0]
		slab = slab[1:]
		tok.Term, tok.Start, tok.End, tok.Position = input[start:end], start, end, len(out)+1
		tok.Type = analysis.AlphaNumeric
		if numeric {
			tok.Type = analysis.Numeric
		}
		out = append(out, tok)
	})
	return out
}

// plainASCII reports whether the fast path applies to b.
func plainASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 || c == '_' {
			return false
		}
	}
	return true
}

// eachWord calls fn with the byte range and position (from 1) of every
// word of text, as the tokenizer cuts them; input holds text's bytes.
func eachWord(text string, input []byte, fn func(start, end, pos int)) {
	pos := 1
	if plainASCII(input) {
		asciiWords(input, func(start, end int, _ bool) {
			fn(start, end, pos)
			pos++
		})
		return
	}
	seg := segment.NewWordSegmenterDirect(input)
	start := 0
	for seg.Segment() {
		end := start + len(seg.Bytes())
		if seg.Type() != segment.None {
			fn(start, end, pos)
			pos++
		}
		start = end
	}
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }

// joins reports whether the tokenizer joins the word ending in prev to the
// word starting with next across the one character mid: a letter, then a
// colon, full stop or apostrophe, then a letter; a digit, then a comma,
// semicolon, full stop or apostrophe, then a digit. asciiWords and the
// reading of token numbers both join by it.
func joins(prev, mid, next byte) bool {
	letters := isASCIILetter(prev) && isASCIILetter(next) && (mid == ':' || mid == '.' || mid == '\'')
	digits := isASCIIDigit(prev) && isASCIIDigit(next) && (mid == ',' || mid == ';' || mid == '.' || mid == '\'')
	return letters || digits
}

// asciiWords calls fn for every word of b, which must be plainASCII, with
// whether it is a number (digits and the marks between them only).
func asciiWords(b []byte, fn func(start, end int, numeric bool)) {
	for i := 0; i < len(b); {
		if !isASCIILetter(b[i]) && !isASCIIDigit(b[i]) {
			i++
			continue
		}
		start, numeric := i, true
		for {
			if isASCIILetter(b[i]) {
				numeric = false
			}
			i++
			if i == len(b) {
				break
			}
			if isASCIILetter(b[i]) || isASCIIDigit(b[i]) {
				continue
			}
			if i+1 < len(b) && joins(b[i-1], b[i], b[i+1]) {
				i++
				continue
			}
			break
		}
		fn(start, i, numeric)
	}
}
