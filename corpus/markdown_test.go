package corpus_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
)

func TestParseArticleMarkdown(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		title string // "" means the title derived from the file name, "Story"
		texts []string
	}{
		{
			name:  "blocks separated by blank lines are paragraphs with lines joined",
			data:  "First line\nsecond line.\n\nNext   paragraph.\n",
			texts: []string{"First line second line.", "Next paragraph."},
		},
		{
			name:  "h1 before the first paragraph is the title and not a passage",
			data:  "# US open to *talks*\n\nOne.\n",
			title: "US open to talks",
			texts: []string{"One."},
		},
		{
			name:  "closing hashes of a heading are dropped",
			data:  "# Title ##\nOne.\n",
			title: "Title",
			texts: []string{"One."},
		},
		{
			name:  "front matter title wins over the h1",
			data:  "---\ntitle: From front matter\n---\n# From heading\n\nOne.\n",
			title: "From front matter",
			texts: []string{"One."},
		},
		{
			name:  "h1 after the first paragraph is not the title",
			data:  "One.\n\n# Later\n\nTwo.\n",
			texts: []string{"One.", "Two."},
		},
		{
			name:  "headings of any level are not passages",
			data:  "## Sub\nOne.\n### Subsub\n###### Six\nTwo.\n",
			texts: []string{"One.", "Two."},
		},
		{
			name:  "setext headings are not passages and level 1 is the title",
			data:  "The Title\n=========\n\nOne.\n\nSection\n-------\nTwo.\n",
			title: "The Title",
			texts: []string{"One.", "Two."},
		},
		{
			name:  "hash without space is text",
			data:  "#hashtag and #1\n",
			texts: []string{"#hashtag and #1"},
		},
		{
			name:  "list items are paragraphs without markers",
			data:  "Intro:\n- dash\n* star\n+ plus\n1. one\n2) two\n",
			texts: []string{"Intro:", "dash", "star", "plus", "one", "two"},
		},
		{
			name:  "indented lines continue a list item",
			data:  "- first\n  continued\n- second\n",
			texts: []string{"first continued", "second"},
		},
		{
			name:  "a number other than 1 does not interrupt a paragraph",
			data:  "Talks stalled in\n2017. Then they resumed.\n",
			texts: []string{"Talks stalled in 2017. Then they resumed."},
		},
		{
			name:  "empty list items are dropped",
			data:  "-\n- a\n",
			texts: []string{"a"},
		},
		{
			name:  "blockquote markers are removed",
			data:  "> Quoted\n> text.\n>\n> > Nested.\n",
			texts: []string{"Quoted text.", "Nested."},
		},
		{
			name:  "fenced code blocks are skipped",
			data:  "One.\n```go\ncode()\n\nmore()\n```\nTwo.\n~~~~\n~~~\nstill code\n~~~~\n",
			texts: []string{"One.", "Two."},
		},
		{
			name:  "thematic breaks separate paragraphs",
			data:  "One.\n\n---\n* * *\n___\nTwo.\n",
			texts: []string{"One.", "Two."},
		},
		{
			name:  "link reference definitions are dropped",
			data:  "See [the report][r].\n\n[r]: https://example.com\n",
			texts: []string{"See the report."},
		},
		{
			name:  "bold italic and code lose their markers",
			data:  "**bold** *italic* _under_ __strong__ ***both*** `a * b` ~~gone~~\n",
			texts: []string{"bold italic under strong both a * b gone"},
		},
		{
			name:  "links become their text and images their alt",
			data:  "Read [the *full* story](https://example.com/a_(b)) ![a map](map.png \"Map\").\n",
			texts: []string{"Read the full story a map."},
		},
		{
			name:  "autolinks keep the address and html tags are dropped",
			data:  "Mail <news@example.com> or see <https://example.com>; <b>bold</b><!-- note -->.\n",
			texts: []string{"Mail news@example.com or see https://example.com; bold ."},
		},
		{
			name:  "backslash escapes are unescaped",
			data:  "\\*not italic\\* \\[not a link\\](x) a\\_b \\\\ \\q\n",
			texts: []string{"*not italic* [not a link](x) a_b \\ \\q"},
		},
		{
			name:  "literal asterisks and underscores stay",
			data:  "5 * 3 = 15, snake_case_name, a *dangling star, **\n",
			texts: []string{"5 * 3 = 15, snake_case_name, a *dangling star, **"},
		},
		{
			name:  "brackets that are not links stay",
			data:  "He [sic] said [1] (AFP).\n",
			texts: []string{"He [sic] said [1] (AFP)."},
		},
		{
			name:  "unclosed code span keeps its backtick",
			data:  "a `b c\n",
			texts: []string{"a `b c"},
		},
		{
			name:  "double backtick code span may hold a backtick",
			data:  "Run `` a ` b `` now, ```x```.\n",
			texts: []string{"Run a ` b now, x."},
		},
		{
			name:  "escaped bracket inside link text is unescaped",
			data:  "[a\\]b](x) and [c][ref]\n",
			texts: []string{"a]b and c"},
		},
		{
			name:  "unclosed links and images stay as text",
			data:  "![alt and [text](open and <not a tag\n",
			texts: []string{"![alt and [text](open and <not a tag"},
		},
		{
			name:  "paragraph with only an image without alt is dropped",
			data:  "![](photo.jpg)\n\nOne.\n",
			texts: []string{"One."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := corpus.ParseArticle("story.md", []byte(tt.data))
			if err != nil {
				t.Fatalf("ParseArticle: %v", err)
			}
			if tt.title == "" {
				tt.title = "Story"
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if want := paragraphs(tt.texts...); !reflect.DeepEqual(a.Passages, want) {
				t.Errorf("Passages = %+v\nwant %+v", a.Passages, want)
			}
		})
	}
}

func TestParseArticleMarkdownErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"headings only is empty", "# Title\n\n## Sub\n", "corpus: a.md: empty: no paragraphs"},
		{"code only is empty", "```\ncode\n```\n", "corpus: a.md: empty: no paragraphs"},
		{"front matter errors have lines in md too", "---\nurl: x\n---\nOne.\n", "corpus: a.md:2: front matter: bad url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := corpus.ParseArticle("a.md", []byte(tt.data))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}
