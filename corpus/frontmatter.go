package corpus

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// frontMatter holds the keys of an article's front matter.
type frontMatter struct {
	title, source, url string
	published          time.Time
}

// frontMatterDelim opens and closes front matter.
const frontMatterDelim = "---"

// parseFrontMatter reads the optional front matter at the top of lines,
// recording problems in p, and returns it with the lines after it. closed
// is false when front matter is opened but never closed; body is then empty.
func parseFrontMatter(p *problems, lines []line) (fm frontMatter, body []line, closed bool) {
	if len(lines) == 0 || strings.TrimSpace(lines[0].text) != frontMatterDelim {
		return fm, lines, true
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i].text) == frontMatterDelim {
			end = i
			break
		}
	}
	if end < 0 {
		p.addf(lines[0].num, "front matter opened here is not closed by a %s line", frontMatterDelim)
		return fm, nil, false
	}
	seen := make(map[string]int) // key → line
	for _, l := range lines[1:end] {
		t := strings.TrimSpace(l.text)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		key, value, ok := strings.Cut(t, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || key == "" {
			p.addf(l.num, `front matter: want "key: value", got %s`, excerpt(t))
			continue
		}
		if first, dup := seen[key]; dup {
			p.addf(l.num, "front matter: duplicate key %q (first on line %d)", key, first)
			continue
		}
		seen[key] = l.num
		if err := fm.set(key, unquote(strings.TrimSpace(value))); err != nil {
			p.add(l.num, fmt.Errorf("front matter: %w", err))
		}
	}
	return fm, lines[end+1:], true
}

// set stores value under key. An empty value leaves the key unknown.
func (fm *frontMatter) set(key, value string) error {
	switch key {
	case "title":
		fm.title = collapse(value)
	case "source":
		fm.source = collapse(value)
	case "url":
		if value != "" && !isWebURL(value) {
			return fmt.Errorf("bad url %s: want an absolute http or https URL", excerpt(value))
		}
		fm.url = value
	case "published":
		if value == "" {
			return nil
		}
		t, err := parseDate(value)
		if err != nil {
			return err
		}
		fm.published = t
	default:
		return fmt.Errorf("unknown key %q: want title, source, url or published", key)
	}
	return nil
}

// isWebURL reports whether s is an absolute http or https URL with a host.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// parseDate parses a date as YYYY-MM-DD (midnight UTC) or RFC 3339.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad published date %s: want YYYY-MM-DD or RFC 3339 such as 2022-04-26T15:04:05Z", excerpt(s))
}
