package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// TopicsFile is the name of the topic commands file in a corpus folder.
const TopicsFile = "topics.ini"

// MaxTopics is the largest number of topic commands a topics file may define.
const MaxTopics = 100

// Length limits of a topic's fields, in characters (runes), as Discord
// sets them for a slash command description.
const (
	maxDescription = 100
	maxQuery       = 200
)

// Topic is a topic command: a slash command that answers with the passages
// matching a canned query.
type Topic struct {
	// Name is the slash command name, from the section header; see ValidName.
	Name string
	// Description is the 1-100 character description shown with the command.
	Description string
	// Query is the 1-200 character search query the command runs.
	Query string
	// Article, when not empty, is the lower-cased ID of the article the
	// query is limited to.
	Article string
	// File is the name of the file that defines the topic.
	File string
	// Line is the line of the topic's [name] section header in File.
	Line int
}

// namePattern is the form of a slash command name, as Discord defines it.
var namePattern = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)

// ValidName reports whether s can name a slash command: 1 to 32 letters,
// digits, '-' or '_', with no upper-case letter.
func ValidName(s string) bool {
	return namePattern.MatchString(s) && strings.ToLower(s) == s
}

// ParseTopics parses a topics file named name with contents data. The file
// has one section per topic command: a "[name]" header followed by
// "key = value" lines for the keys description and query (both required)
// and article (optional). Keys are case-insensitive, values may be quoted,
// and lines starting with '#' or ';' are comments. An empty file defines no
// topics.
//
// ParseTopics reports every problem it finds as a *FileError, joined with
// errors.Join when there are several; on error it returns no topics. It does
// not check that articles exist: Load does.
func ParseTopics(name string, data []byte) ([]Topic, error) {
	p := problems{file: name}
	sections := parseTopics(&p, data)
	if err := join(p.errs); err != nil {
		return nil, err
	}
	return validTopics(sections), nil
}

// section is a topic as read from a topics file.
type section struct {
	Topic
	keys        map[string]int // key → line it is set on
	articleLine int            // line of the article key, 0 without
	valid       bool           // whether the name is valid and not a duplicate
}

// parseTopics reads the sections of a topics file, recording problems in p.
func parseTopics(p *problems, data []byte) []*section {
	lines, err := readLines(p.file, data)
	if err != nil {
		p.errs = append(p.errs, err)
		return nil
	}
	var all []*section
	var cur *section
	names := make(map[string]int) // name → header line
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case t == "" || t[0] == '#' || t[0] == ';':
		case t[0] == '[' && t[len(t)-1] == ']':
			cur = newSection(p, strings.TrimSpace(t[1:len(t)-1]), l.num, names, len(all))
			all = append(all, cur)
		default:
			key, value, ok := strings.Cut(t, "=")
			key = strings.ToLower(strings.TrimSpace(key))
			switch {
			case !ok || key == "":
				p.addf(l.num, "want [name], key = value, a # comment or a blank line, got %s", excerpt(t))
			case cur == nil:
				p.addf(l.num, "key %q outside a [name] section", key)
			default:
				cur.set(p, key, unquote(strings.TrimSpace(value)), l.num)
			}
		}
	}
	for _, s := range all {
		s.checkRequired(p)
	}
	return all
}

// validTopics returns the topics of the sections with a valid, unique name.
func validTopics(sections []*section) []Topic {
	topics := make([]Topic, 0, len(sections))
	for _, s := range sections {
		if s.valid {
			topics = append(topics, s.Topic)
		}
	}
	return topics
}

// newSection starts the section name whose header is on line num, given
// the names seen so far and the number of sections before it.
func newSection(p *problems, name string, num int, names map[string]int, before int) *section {
	s := &section{Topic: Topic{Name: name, File: p.file, Line: num}, keys: make(map[string]int)}
	switch first, dup := names[name]; {
	case before == MaxTopics:
		p.addf(num, "too many topics: at most %d are allowed", MaxTopics)
	case !ValidName(name):
		p.addf(num, "bad topic name %s: want 1-32 lower-case letters, digits, '-' or '_'", excerpt(name))
	case dup:
		p.addf(num, "duplicate topic %q (first on line %d)", name, first)
	default:
		names[name] = num
		s.valid = before < MaxTopics
	}
	return s
}

// set stores the key = value line num in the section.
func (s *section) set(p *problems, key, value string, num int) {
	if first, dup := s.keys[key]; dup {
		p.addf(num, "topic %q: duplicate key %q (first on line %d)", s.Name, key, first)
		return
	}
	switch key {
	case "description":
		s.Description = value
		s.checkLength(p, key, value, maxDescription, num)
	case "query":
		s.Query = value
		s.checkLength(p, key, value, maxQuery, num)
	case "article":
		s.Article = strings.ToLower(value)
		s.articleLine = num
	default:
		p.addf(num, "topic %q: unknown key %q: want description, query or article", s.Name, key)
		return
	}
	s.keys[key] = num
}

// checkLength checks that value, set by key on line num, has 1 to max
// characters.
func (s *section) checkLength(p *problems, key, value string, max, num int) {
	if n := utf8.RuneCountInString(value); n == 0 || n > max {
		p.addf(num, "topic %q: %s is %d characters, want 1-%d", s.Name, key, n, max)
	}
}

// checkRequired checks that the section sets description and query.
func (s *section) checkRequired(p *problems) {
	for _, key := range []string{"description", "query"} {
		if _, ok := s.keys[key]; !ok {
			p.addf(s.Line, "topic %q: missing %s = ...", s.Name, key)
		}
	}
}
