package corpus

import (
	"embed"
	"io/fs"
)

// files holds the default corpus: the story, its topic commands and the
// built-in synonyms.
//
//go:embed *.txt topics.ini synonyms.csv
var files embed.FS

// Default returns the default corpus, embedded in the program: the story
// north-korea-talks-sanctions.txt and the topic commands of topics.ini.
// Load(Default()) reads it.
func Default() fs.FS {
	return files
}
