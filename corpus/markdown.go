package corpus

import (
	"regexp"
	"strings"
)

// parseMarkdown returns the title and plain-text paragraphs of a .md body.
// The title is the text of a level-1 heading before the first paragraph, or
// empty. Paragraphs are blocks of lines separated by blank lines, joined
// with a space; each list item is a paragraph of its own; headings,
// thematic breaks, link reference definitions and fenced code blocks are
// left out; block quote markers are removed.
func parseMarkdown(body []line) (title string, paragraphs []string) {
	var m mdParser
	for _, l := range body {
		m.line(l.text)
	}
	m.flush()
	return m.title, m.paragraphs
}

// mdParser holds the state of parseMarkdown.
type mdParser struct {
	title      string
	paragraphs []string
	cur        []string // lines of the paragraph being read
	item       bool     // whether cur is a list item
	fence      string   // the opening fence while in a fenced code block
}

var (
	quoteMarker   = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	atxHeading    = regexp.MustCompile(`^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	thematicBreak = regexp.MustCompile(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	setextLine    = regexp.MustCompile(`^(?:=+|-+)$`)
	listItem      = regexp.MustCompile(`^[ \t]*(?:([-*+])|([0-9]{1,9})[.)])(?:[ \t]+(.*))?$`)
	refDefinition = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S`)
)

// line reads one line of Markdown.
func (m *mdParser) line(s string) {
	for {
		loc := quoteMarker.FindStringIndex(s)
		if loc == nil {
			break
		}
		s = s[loc[1]:]
	}
	t := strings.TrimSpace(s)
	if m.fence != "" {
		if isClosingFence(t, m.fence) {
			m.fence = ""
		}
		return
	}
	if fence := openingFence(t); fence != "" {
		m.flush()
		m.fence = fence
		return
	}
	if t == "" {
		m.flush()
		return
	}
	if h := atxHeading.FindStringSubmatch(t); h != nil {
		m.flush()
		m.heading(len(h[1]), h[2])
		return
	}
	if len(m.cur) > 0 && !m.item && setextLine.MatchString(t) {
		text := strings.Join(m.cur, " ")
		m.cur = nil
		level := 2
		if t[0] == '=' {
			level = 1
		}
		m.heading(level, text)
		return
	}
	if thematicBreak.MatchString(t) {
		m.flush()
		return
	}
	if li := listItem.FindStringSubmatch(s); li != nil && m.startsItem(li[2]) {
		m.flush()
		m.cur = []string{strings.TrimSpace(li[3])}
		m.item = true
		return
	}
	if len(m.cur) == 0 && refDefinition.MatchString(s) {
		return
	}
	m.cur = append(m.cur, t)
}

// startsItem reports whether a list item with the given number (empty for
// a bullet) starts here: as in CommonMark, only a bullet or "1." may
// interrupt a paragraph.
func (m *mdParser) startsItem(number string) bool {
	return len(m.cur) == 0 || m.item || number == "" || number == "1"
}

// heading handles a heading: the first level-1 heading before any
// paragraph is the title; headings are not paragraphs.
func (m *mdParser) heading(level int, text string) {
	if level == 1 && m.title == "" && len(m.paragraphs) == 0 {
		m.title = plainText(text)
	}
}

// flush completes the paragraph being read.
func (m *mdParser) flush() {
	if len(m.cur) > 0 {
		if text := plainText(strings.Join(m.cur, " ")); text != "" {
			m.paragraphs = append(m.paragraphs, text)
		}
	}
	m.cur = nil
	m.item = false
}

// openingFence returns the fence that t, a trimmed line, opens: a run of
// at least three backticks or tildes. It returns "" when t opens none.
func openingFence(t string) string {
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := runLength(t, 0)
	if n < 3 || (t[0] == '`' && strings.Contains(t[n:], "`")) {
		return ""
	}
	return t[:n]
}

// isClosingFence reports whether t, a trimmed line, closes a code block
// opened by fence.
func isClosingFence(t, fence string) bool {
	return t != "" && t[0] == fence[0] && runLength(t, 0) == len(t) && len(t) >= len(fence)
}
