package corpus_test

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/storybot/storybot/corpus"
)

const story = "north-korea-talks-sanctions"

func TestDefault(t *testing.T) {
	c, err := corpus.Load(corpus.Default())
	if err != nil {
		t.Fatalf("Load(Default()): %v", err)
	}
	if len(c.Articles) != 1 || c.Articles[0].ID != story || c.Passages() != 11 {
		t.Fatalf("got %d articles, %d passages; want the story in 11 passages", len(c.Articles), c.Passages())
	}
	for i, p := range c.Articles[0].Passages {
		if p.Paragraph != i+1 || p.Part != 1 {
			t.Errorf("passage %d numbered %d.%d", i, p.Paragraph, p.Part)
		}
	}
	if len(c.Topics) < 10 {
		t.Errorf("got %d topics, want at least 10", len(c.Topics))
	}
	for _, name := range []string{"who-vetoes", "oil-cap", "parade", "icbm-launches", "spokesman", "exports",
		"security-council", "china-russia", "trump-meetings", "us-talks", "nuclear-threat"} {
		if !hasTopic(c.Topics, name) {
			t.Errorf("topic %q is missing", name)
		}
	}
}

func hasTopic(topics []corpus.Topic, name string) bool {
	for _, tp := range topics {
		if tp.Name == name {
			return true
		}
	}
	return false
}

// TestDefaultTopicQueriesUseWordsOfTheStory checks that each word of each
// shipped query occurs in the story, so that the queries can match.
func TestDefaultTopicQueriesUseWordsOfTheStory(t *testing.T) {
	c, err := corpus.Load(corpus.Default())
	if err != nil {
		t.Fatalf("Load(Default()): %v", err)
	}
	a, _ := c.Article(story)
	words := make(map[string]bool)
	for _, p := range a.Passages {
		for _, w := range splitWords(p.Text) {
			words[w] = true
		}
	}
	for _, tp := range c.Topics {
		t.Run(tp.Name, func(t *testing.T) {
			if tp.Article != story || !corpus.ValidName(tp.Name) || !strings.HasSuffix(tp.Description, "?") {
				t.Errorf("topic %+v: want article %q, a valid name and a question", tp, story)
			}
			for _, w := range splitWords(tp.Query) {
				if !words[w] {
					t.Errorf("query word %q does not occur in the story", w)
				}
			}
		})
	}
}

// splitWords returns the lower-cased words of s, split at anything but
// letters and digits, as a search index would.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// TestDefaultFolderLoads checks that the corpus folder itself, Go files
// and all, loads like the embedded corpus, as with STORYBOT_CORPUS=./corpus.
func TestDefaultFolderLoads(t *testing.T) {
	c, err := corpus.Load(os.DirFS("."))
	if err != nil {
		t.Fatalf("Load(os.DirFS(\".\")): %v", err)
	}
	d, err := corpus.Load(corpus.Default())
	if err != nil {
		t.Fatalf("Load(Default()): %v", err)
	}
	if c.Passages() != d.Passages() || len(c.Topics) != len(d.Topics) {
		t.Errorf("folder gives %d passages and %d topics, embedded %d and %d",
			c.Passages(), len(c.Topics), d.Passages(), len(d.Topics))
	}
}
