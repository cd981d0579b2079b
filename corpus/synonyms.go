package corpus

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// SynonymsFile is the name of the synonyms file in a corpus folder.
const SynonymsFile = "synonyms.csv"

// Limits of a synonyms file.
const (
	// MaxSynonymGroups is the most groups a synonyms file may hold.
	MaxSynonymGroups = 5000
	// MaxSynonymLen is the longest entry, in characters.
	MaxSynonymLen = 80
)

// ParseSynonyms reads a synonyms file: one group of words or phrases that
// mean the same a line, separated by commas, such as
//
//	limit, cap, ceiling, quota
//	North Korea, DPRK, Pyongyang, Democratic People's Republic of Korea
//
// Blank lines and lines starting with # are skipped. A group needs two
// entries or more; entries are at most MaxSynonymLen characters. Every
// problem is reported with the file and line, joined.
func ParseSynonyms(name string, data []byte) ([][]string, error) {
	p := &problems{file: name}
	if len(data) > MaxFileSize {
		p.add(0, fmt.Errorf("%w: %d bytes, the limit is %d bytes", ErrTooLarge, len(data), MaxFileSize))
		return nil, join(p.errs)
	}
	var groups [][]string
	for i, line := range strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n") {
		num := i + 1
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			p.addf(num, "not valid UTF-8")
			continue
		}
		if strings.IndexFunc(line, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) >= 0 {
			p.addf(num, "control characters: binary file, not text")
			continue
		}
		var group []string
		seen := map[string]bool{}
		bad := false
		for _, e := range strings.Split(line, ",") {
			e = strings.Join(strings.Fields(e), " ")
			switch {
			case e == "":
				p.addf(num, "empty entry (two commas in a row, or a comma at an end)")
				bad = true
			case utf8.RuneCountInString(e) > MaxSynonymLen:
				p.addf(num, "entry %q is longer than %d characters", excerpt(e), MaxSynonymLen)
				bad = true
			case !seen[strings.ToLower(e)]:
				seen[strings.ToLower(e)] = true
				group = append(group, e)
			}
		}
		if bad {
			continue
		}
		if len(group) < 2 {
			p.addf(num, "a group needs two entries or more, separated by commas")
			continue
		}
		if len(groups) == MaxSynonymGroups {
			p.addf(num, "more than %d groups", MaxSynonymGroups)
			break
		}
		groups = append(groups, group)
	}
	if err := join(p.errs); err != nil {
		return nil, err
	}
	return groups, nil
}

// defaultSynonyms is the built-in synonyms file, parsed once.
var defaultSynonyms = sync.OnceValues(func() ([][]string, error) {
	data, err := files.ReadFile(SynonymsFile)
	if err != nil {
		return nil, err
	}
	return ParseSynonyms(SynonymsFile, data)
})

// DefaultSynonyms returns the built-in synonym groups: the domain of the
// stories (diplomacy, sanctions, weapons, trade; places, capitals and
// official names; acronyms). A corpus folder without its own synonyms file
// uses them.
func DefaultSynonyms() [][]string {
	groups, err := defaultSynonyms()
	if err != nil {
		panic(errors.Join(errors.New("corpus: built-in synonyms"), err))
	}
	return groups
}
