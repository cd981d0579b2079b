package corpus

import (
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// idPattern is the form of an article ID.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// Article file extensions.
const (
	extText     = ".txt"
	extMarkdown = ".md"
)

// ParseArticle parses the article file named name with contents data. The
// name's extension chooses the format, .txt (one paragraph a line) or .md
// (Markdown, reduced to plain text), in any letter case; the rest of the
// name, lower-cased, is the article ID. An optional front matter block at the
// top sets the title, source, url and published date. Paragraphs longer than
// MaxPassageLen are split into parts at sentence boundaries.
//
// ParseArticle reports every problem it finds as a *FileError, joined with
// errors.Join when there are several; on error the Article is zero.
func ParseArticle(name string, data []byte) (Article, error) {
	p := problems{file: name}
	a := parseArticle(&p, name, data)
	if err := join(p.errs); err != nil {
		return Article{}, err
	}
	return a, nil
}

// parseArticle parses an article, recording its problems in p.
func parseArticle(p *problems, name string, data []byte) Article {
	stem, ext := splitName(name)
	if ext != extText && ext != extMarkdown {
		p.addf(0, "unsupported file type: the name must end in %s or %s", extText, extMarkdown)
		return Article{}
	}
	id := strings.ToLower(stem)
	if !idPattern.MatchString(id) {
		p.addf(0, "bad article ID %s from the file name: want 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit", excerpt(id))
	}
	lines, err := readLines(name, data)
	if err != nil {
		p.errs = append(p.errs, err)
		return Article{}
	}
	fm, body, closed := parseFrontMatter(p, lines)
	var heading string
	var paragraphs []string
	if ext == extMarkdown {
		heading, paragraphs = parseMarkdown(body)
	} else {
		paragraphs = parseText(body)
	}
	if closed && len(paragraphs) == 0 {
		p.add(0, ErrEmpty)
	}
	return Article{
		ID:        id,
		File:      name,
		Title:     firstNonEmpty(fm.title, heading, titleFromName(stem)),
		Source:    fm.source,
		URL:       fm.url,
		Published: fm.published,
		Passages:  passages(paragraphs),
	}
}

// splitName splits a file name into its base name without extension and
// its lower-cased extension.
func splitName(name string) (stem, ext string) {
	base := path.Base(name)
	ext = path.Ext(base)
	return strings.TrimSuffix(base, ext), strings.ToLower(ext)
}

// articleID returns the ID of the article file name, and whether the name
// is that of an article with a valid ID.
func articleID(name string) (string, bool) {
	stem, ext := splitName(name)
	id := strings.ToLower(stem)
	return id, (ext == extText || ext == extMarkdown) && idPattern.MatchString(id)
}

// parseText returns the paragraphs of a .txt body: each non-blank line.
func parseText(body []line) []string {
	var paragraphs []string
	for _, l := range body {
		if t := collapse(l.text); t != "" {
			paragraphs = append(paragraphs, t)
		}
	}
	return paragraphs
}

// passages numbers paragraphs from 1, splitting long ones into parts.
func passages(paragraphs []string) []Passage {
	var ps []Passage
	for i, para := range paragraphs {
		for j, part := range splitParagraph(para) {
			ps = append(ps, Passage{Paragraph: i + 1, Part: j + 1, Text: part})
		}
	}
	return ps
}

// titleFromName derives a title from a file name without extension:
// "north-korea-talks" becomes "North Korea Talks".
func titleFromName(stem string) string {
	words := strings.FieldsFunc(stem, func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || unicode.IsSpace(r)
	})
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// firstNonEmpty returns the first of ss that is not empty.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
