package index

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"slices"
	"strings"
	"sync"
)

// englishGz is the lower-case words of an English spelling list (SCOWL,
// as Debian's wamerican and wbritish ship it; see english/COPYRIGHT).
//
//go:embed english/words.txt.gz
var englishGz []byte

var (
	englishOnce  sync.Once
	englishWords []string // sorted
)

// isEnglish reports whether a word is spelt as an English word: such a
// word is no typo, even when no passage holds it ("received" is not a
// misspelt "recent", "quote" not a misspelt "quota").
func isEnglish(word string) bool {
	englishOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(englishGz))
		if err != nil {
			return // the list is built in; a bad one only means more corrections
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			englishWords = append(englishWords, sc.Text())
		}
		slices.Sort(englishWords)
	})
	_, ok := slices.BinarySearch(englishWords, strings.ToLower(word))
	return ok
}
