package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that bound the work of inline parsing on hostile input.
const (
	maxLinkText  = 512  // bytes searched for the ']' closing a link text
	maxLinkDest  = 2048 // bytes searched for the ')' closing a link destination
	maxCodeSpan  = 4096 // bytes searched for the backticks closing a code span
	maxLinkDepth = 8    // links nested in link texts
)

// plainText reduces inline Markdown to plain text: emphasis, strikethrough
// and code span markers are removed, links and images become their text,
// autolinks their address, HTML tags are dropped and backslash escapes are
// unescaped. White space is collapsed.
func plainText(s string) string {
	return collapse(inlineText(s, 0))
}

// inline is a piece of a line of Markdown: text, or a run of emphasis
// delimiters.
type inline struct {
	text     string
	delim    byte // '*', '_' or '~' for a delimiter run; 0 for text
	n        int  // delimiters of the run not matched yet
	canOpen  bool // whether the run can open emphasis
	canClose bool // whether the run can close emphasis
}

// inlineText reduces s to plain text; depth counts enclosing links.
func inlineText(s string, depth int) string {
	pieces := scanInline(s, depth)
	matchEmphasis(pieces)
	var b strings.Builder
	for _, p := range pieces {
		if p.delim == 0 {
			b.WriteString(p.text)
		} else {
			b.WriteString(strings.Repeat(string(p.delim), p.n))
		}
	}
	return b.String()
}

// scanInline splits s into text and delimiter runs, resolving escapes, code
// spans, links, images, autolinks and HTML tags on the way.
func scanInline(s string, depth int) []inline {
	var pieces []inline
	var text strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			text.WriteByte(s[i+1])
			i += 2
		case c == '`':
			code, next := codeSpan(s, i)
			text.WriteString(code)
			i = next
		case c == '!' && strings.HasPrefix(s[i+1:], "[") && depth < maxLinkDepth:
			if label, next, ok := link(s, i+1); ok {
				text.WriteString(inlineText(label, depth+1))
				i = next
			} else {
				text.WriteString("![")
				i += 2
			}
		case c == '[' && depth < maxLinkDepth:
			if label, next, ok := link(s, i); ok {
				text.WriteString(inlineText(label, depth+1))
				i = next
			} else {
				text.WriteByte('[')
				i++
			}
		case c == '<':
			if repl, next, ok := angle(s, i); ok {
				text.WriteString(repl)
				i = next
			} else {
				text.WriteByte('<')
				i++
			}
		case c == '*' || c == '_' || (c == '~' && strings.HasPrefix(s[i:], "~~")):
			n := runLength(s, i)
			if text.Len() > 0 {
				pieces = append(pieces, inline{text: text.String()})
				text.Reset()
			}
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[i+n:])
			canOpen, canClose := flanking(c, before, after, i == 0, i+n == len(s))
			pieces = append(pieces, inline{delim: c, n: n, canOpen: canOpen, canClose: canClose})
			i += n
		default:
			text.WriteByte(c)
			i++
		}
	}
	if text.Len() > 0 {
		pieces = append(pieces, inline{text: text.String()})
	}
	return pieces
}

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// escapes.
func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// runLength returns the number of times the byte at s[i] repeats from i.
func runLength(s string, i int) int {
	n := 1
	for i+n < len(s) && s[i+n] == s[i] {
		n++
	}
	return n
}

// codeSpan reads the code span starting with the backticks at s[i] and
// returns its contents and the index after it. Backticks that open no code
// span are returned as they are.
func codeSpan(s string, i int) (string, int) {
	n := runLength(s, i)
	start := i + n
	for j := start; j < len(s) && j-start <= maxCodeSpan; {
		if s[j] != '`' {
			j++
			continue
		}
		m := runLength(s, j)
		if m == n {
			code := s[start:j]
			if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
				code = code[1 : len(code)-1]
			}
			return code, j + m
		}
		j += m
	}
	return s[i:start], start
}

// link reads an inline link "[text](destination)" or a reference link
// "[text][label]" starting with the '[' at s[i], and returns its text and
// the index after it.
func link(s string, i int) (text string, next int, ok bool) {
	end := closing(s, i, '[', ']', maxLinkText)
	if end < 0 || end+1 >= len(s) {
		return "", 0, false
	}
	switch s[end+1] {
	case '(':
		next = closing(s, end+1, '(', ')', maxLinkDest)
	case '[':
		next = closing(s, end+1, '[', ']', maxLinkText)
	default:
		return "", 0, false
	}
	if next < 0 {
		return "", 0, false
	}
	return s[i+1 : end], next + 1, true
}

// closing returns the index of the closer byte balancing the opener byte at
// s[i], skipping backslash escapes, or -1 when there is none within limit
// bytes.
func closing(s string, i int, opener, closer byte, limit int) int {
	depth := 0
	for j := i; j < len(s) && j-i <= limit; j++ {
		switch s[j] {
		case '\\':
			j++
		case opener:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// angleForms are what Markdown puts between < and >: an autolink to a URL
// or an email address (kept), or an HTML tag or comment (dropped).
var (
	autolinkPattern = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>`)
	htmlTagPattern  = regexp.MustCompile(`^(?:<!--[^>]*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)`)
)

// angle reads an autolink or HTML tag starting with the '<' at s[i] and
// returns its plain text replacement and the index after it.
func angle(s string, i int) (repl string, next int, ok bool) {
	rest := s[i:min(len(s), i+maxLinkDest)]
	if m := autolinkPattern.FindStringSubmatch(rest); m != nil {
		return m[1], i + len(m[0]), true
	}
	if m := htmlTagPattern.FindString(rest); m != "" {
		return " ", i + len(m), true
	}
	return "", 0, false
}

// flanking reports whether a run of delimiter c between the runes before
// and after can open and close emphasis, after CommonMark's rules; atStart
// and atEnd tell that the run starts or ends the text.
func flanking(c byte, before, after rune, atStart, atEnd bool) (canOpen, canClose bool) {
	spaceBefore := atStart || unicode.IsSpace(before)
	spaceAfter := atEnd || unicode.IsSpace(after)
	punctBefore := !atStart && isPunct(before)
	punctAfter := !atEnd && isPunct(after)
	left := !spaceAfter && (!punctAfter || spaceBefore || punctBefore)
	right := !spaceBefore && (!punctBefore || spaceAfter || punctAfter)
	if c == '_' {
		return left && (!right || punctBefore), right && (!left || punctAfter)
	}
	return left, right
}

// isPunct reports whether r is punctuation or a symbol.
func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// matchEmphasis pairs closing delimiter runs with the nearest opening run
// of the same character and removes the matched delimiters; unmatched ones
// stay as literal text. Openers between a matched pair can no longer match.
// Each run is pushed on and popped off a stack at most once, so the work
// is linear.
func matchEmphasis(pieces []inline) {
	var stacks [3][]int // per delimiter, pieces that may still open
	for i := range pieces {
		closer := &pieces[i]
		if closer.delim == 0 {
			continue
		}
		own := &stacks[delimIndex(closer.delim)]
		for closer.canClose && closer.n > 0 && len(*own) > 0 {
			at := (*own)[len(*own)-1]
			opener := &pieces[at]
			n := 1
			if opener.n >= 2 && closer.n >= 2 {
				n = 2
			}
			if closer.delim == '~' {
				n = min(opener.n, closer.n)
			}
			opener.n -= n
			closer.n -= n
			if opener.n == 0 {
				*own = (*own)[:len(*own)-1]
			}
			for k := range stacks {
				for len(stacks[k]) > 0 && stacks[k][len(stacks[k])-1] > at {
					stacks[k] = stacks[k][:len(stacks[k])-1]
				}
			}
		}
		if closer.canOpen && closer.n > 0 {
			*own = append(*own, i)
		}
	}
}

// delimIndex numbers the emphasis delimiters '*', '_' and '~' 0, 1 and 2.
func delimIndex(c byte) int {
	return strings.IndexByte("*_~", c)
}
