package corpus_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/corpus"
)

// paragraphs numbers texts as unsplit paragraphs 1, 2, ...
func paragraphs(texts ...string) []corpus.Passage {
	ps := make([]corpus.Passage, len(texts))
	for i, text := range texts {
		ps[i] = corpus.Passage{Paragraph: i + 1, Part: 1, Text: text}
	}
	return ps
}

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		data      string
		id        string
		title     string
		source    string
		url       string
		published time.Time
		passages  []corpus.Passage
	}{
		{
			name:     "each non-blank line is a paragraph numbered consecutively",
			file:     "story.txt",
			data:     "One.\n\n\nTwo.\n  \t\nThree.\n",
			passages: paragraphs("One.", "Two.", "Three."),
		},
		{
			name:     "runs of white space collapse and lines are trimmed",
			file:     "story.txt",
			data:     "  A \t b\f  c  \n",
			passages: paragraphs("A b c"),
		},
		{
			name:     "crlf and no final newline parse",
			file:     "story.txt",
			data:     "One.\r\n\r\nTwo.",
			passages: paragraphs("One.", "Two."),
		},
		{
			name:     "cr line ends parse",
			file:     "story.txt",
			data:     "One.\rTwo.\r",
			passages: paragraphs("One.", "Two."),
		},
		{
			name:     "leading utf-8 bom is stripped",
			file:     "story.txt",
			data:     "\ufeffOne.\n",
			passages: paragraphs("One."),
		},
		{
			name:     "non-ascii text is kept",
			file:     "story.txt",
			data:     "Kim Jong Un — 김정은 «déjà vu»\n",
			passages: paragraphs("Kim Jong Un — 김정은 «déjà vu»"),
		},
		{
			name:     "id is the lower-cased file name without extension",
			file:     "North-Korea_2022.04.TXT",
			data:     "One.",
			id:       "north-korea_2022.04",
			title:    "North Korea 2022 04",
			passages: paragraphs("One."),
		},
		{
			name:     "title is derived from the file name",
			file:     "north-korea-talks-sanctions.txt",
			data:     "One.",
			title:    "North Korea Talks Sanctions",
			passages: paragraphs("One."),
		},
		{
			name:  "front matter sets title source url and published",
			file:  "story.txt",
			data:  "---\ntitle: US open to talks\nsource: AFP\nurl: https://example.com/a?b=c\npublished: 2022-04-26\n---\nOne.\n",
			title: "US open to talks", source: "AFP", url: "https://example.com/a?b=c",
			published: time.Date(2022, 4, 26, 0, 0, 0, 0, time.UTC),
			passages:  paragraphs("One."),
		},
		{
			name:  "front matter keys are case-insensitive and quotes are removed",
			file:  "story.txt",
			data:  "---\nTITLE: \"Talks: yes\"\nSource: 'AFP'\n---\nOne.\n",
			title: "Talks: yes", source: "AFP",
			passages: paragraphs("One."),
		},
		{
			name:     "front matter allows blank and comment lines",
			file:     "story.txt",
			data:     "---\n\n# a comment\ntitle: T\n\n---\n\nOne.\n",
			title:    "T",
			passages: paragraphs("One."),
		},
		{
			name:      "rfc 3339 published date parses",
			file:      "story.txt",
			data:      "---\npublished: 2022-04-26T15:04:05+02:00\n---\nOne.\n",
			published: time.Date(2022, 4, 26, 13, 4, 5, 0, time.UTC),
			passages:  paragraphs("One."),
		},
		{
			name:     "empty front matter values are unknown",
			file:     "story.txt",
			data:     "---\ntitle:\nurl: \"\"\npublished:\n---\nOne.\n",
			passages: paragraphs("One."),
		},
		{
			name:     "front matter works with crlf and a bom",
			file:     "story.txt",
			data:     "\ufeff---\r\ntitle: T\r\n---\r\nOne.\r\n",
			title:    "T",
			passages: paragraphs("One."),
		},
		{
			name:     "a --- line after the top is text",
			file:     "story.txt",
			data:     "One.\n---\n",
			passages: paragraphs("One.", "---"),
		},
		{
			name:     "form feed and tab are allowed",
			file:     "story.txt",
			data:     "One\ttwo.\f\n",
			passages: paragraphs("One two."),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := corpus.ParseArticle(tt.file, []byte(tt.data))
			if err != nil {
				t.Fatalf("ParseArticle: %v", err)
			}
			if tt.id == "" {
				tt.id = strings.TrimSuffix(tt.file, ".txt")
			}
			if tt.title == "" {
				tt.title = "Story"
			}
			if a.ID != tt.id || a.File != tt.file || a.Title != tt.title || a.Source != tt.source || a.URL != tt.url {
				t.Errorf("got ID %q File %q Title %q Source %q URL %q, want %q %q %q %q %q",
					a.ID, a.File, a.Title, a.Source, a.URL, tt.id, tt.file, tt.title, tt.source, tt.url)
			}
			if !a.Published.Equal(tt.published) {
				t.Errorf("Published = %v, want %v", a.Published, tt.published)
			}
			if !reflect.DeepEqual(a.Passages, tt.passages) {
				t.Errorf("Passages = %+v\nwant %+v", a.Passages, tt.passages)
			}
		})
	}
}

func TestParseArticleErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want []string // each must occur in the error text
		is   error    // when set, errors.Is must hold
	}{
		{
			name: "nul byte is rejected as binary",
			file: "a.txt",
			data: "One.\nTw\x00o.\n",
			want: []string{"corpus: a.txt:2: binary file, not text (control byte 0x00 at column 3)"},
			is:   corpus.ErrBinary,
		},
		{
			name: "other control byte is rejected as binary",
			file: "a.txt",
			data: "One.\x1b[0m\n",
			want: []string{"corpus: a.txt:1: binary file, not text"},
			is:   corpus.ErrBinary,
		},
		{
			name: "binary wins over invalid utf-8 on an earlier line",
			file: "a.txt",
			data: "\x89PNG\r\n\x1a\n",
			want: []string{"corpus: a.txt:2: binary file, not text"},
			is:   corpus.ErrBinary,
		},
		{
			name: "invalid utf-8 is rejected with line and byte column",
			file: "a.txt",
			data: "One.\nna\xefve\n",
			want: []string{"corpus: a.txt:2: not valid UTF-8 at byte column 3"},
			is:   corpus.ErrNotUTF8,
		},
		{
			name: "byte column counts the bom",
			file: "a.txt",
			data: "\ufeffa\xff",
			want: []string{"corpus: a.txt:1: not valid UTF-8 at byte column 5"},
			is:   corpus.ErrNotUTF8,
		},
		{
			name: "empty file is rejected",
			file: "a.txt",
			data: "",
			want: []string{"corpus: a.txt: empty: no paragraphs"},
			is:   corpus.ErrEmpty,
		},
		{
			name: "blank lines only is empty",
			file: "a.txt",
			data: "\n \r\n\t\n",
			want: []string{"corpus: a.txt: empty: no paragraphs"},
			is:   corpus.ErrEmpty,
		},
		{
			name: "front matter only is empty",
			file: "a.txt",
			data: "---\ntitle: T\n---\n",
			want: []string{"corpus: a.txt: empty: no paragraphs"},
			is:   corpus.ErrEmpty,
		},
		{
			name: "file over the size limit is rejected with size and limit",
			file: "a.txt",
			data: strings.Repeat("a", corpus.MaxFileSize+1),
			want: []string{"corpus: a.txt: file too large: 1048577 bytes, the limit is 1048576 bytes"},
			is:   corpus.ErrTooLarge,
		},
		{
			name: "bad id says what is allowed",
			file: "My Story.txt",
			data: "One.",
			want: []string{`corpus: My Story.txt: bad article ID "my story" from the file name: want 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit`},
		},
		{
			name: "id must start with a letter or digit",
			file: "-a.txt",
			data: "One.",
			want: []string{`bad article ID "-a"`},
		},
		{
			name: "id longer than 64 characters is rejected",
			file: strings.Repeat("a", 65) + ".txt",
			data: "One.",
			want: []string{"bad article ID"},
		},
		{
			name: "other extension is rejected",
			file: "a.pdf",
			data: "One.",
			want: []string{"corpus: a.pdf: unsupported file type: the name must end in .txt or .md"},
		},
		{
			name: "unknown front matter key is rejected with its line",
			file: "a.txt",
			data: "---\ntitle: T\nauthor: X\n---\nOne.\n",
			want: []string{`corpus: a.txt:3: front matter: unknown key "author": want title, source, url or published`},
		},
		{
			name: "front matter line without colon is rejected",
			file: "a.txt",
			data: "---\njust words\n---\nOne.\n",
			want: []string{`corpus: a.txt:2: front matter: want "key: value", got "just words"`},
		},
		{
			name: "front matter line with empty key is rejected",
			file: "a.txt",
			data: "---\n: value\n---\nOne.\n",
			want: []string{`corpus: a.txt:2: front matter: want "key: value"`},
		},
		{
			name: "duplicate front matter key is rejected",
			file: "a.txt",
			data: "---\ntitle: A\nTitle: B\n---\nOne.\n",
			want: []string{`corpus: a.txt:3: front matter: duplicate key "title" (first on line 2)`},
		},
		{
			name: "relative url is rejected",
			file: "a.txt",
			data: "---\nurl: /news/a\n---\nOne.\n",
			want: []string{`corpus: a.txt:2: front matter: bad url "/news/a": want an absolute http or https URL`},
		},
		{
			name: "ftp url is rejected",
			file: "a.txt",
			data: "---\nurl: ftp://example.com/a\n---\nOne.\n",
			want: []string{`corpus: a.txt:2: front matter: bad url`},
		},
		{
			name: "url without host is rejected",
			file: "a.txt",
			data: "---\nurl: https:///a\n---\nOne.\n",
			want: []string{`corpus: a.txt:2: front matter: bad url`},
		},
		{
			name: "bad date is rejected",
			file: "a.txt",
			data: "---\npublished: 26/04/2022\n---\nOne.\n",
			want: []string{`corpus: a.txt:2: front matter: bad published date "26/04/2022": want YYYY-MM-DD or RFC 3339`},
		},
		{
			name: "impossible date is rejected",
			file: "a.txt",
			data: "---\npublished: 2022-02-30\n---\nOne.\n",
			want: []string{`corpus: a.txt:2: front matter: bad published date`},
		},
		{
			name: "missing closing --- is rejected at the opening line",
			file: "a.txt",
			data: "---\ntitle: T\nOne.\n",
			want: []string{"corpus: a.txt:1: front matter opened here is not closed by a --- line"},
		},
		{
			name: "all problems are reported together",
			file: "Bad Name.txt",
			data: "---\nauthor: X\nurl: nope\n---\n",
			want: []string{
				"corpus: Bad Name.txt: bad article ID",
				"corpus: Bad Name.txt:2: front matter: unknown key",
				"corpus: Bad Name.txt:3: front matter: bad url",
				"corpus: Bad Name.txt: empty: no paragraphs",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := corpus.ParseArticle(tt.file, []byte(tt.data))
			if err == nil {
				t.Fatalf("ParseArticle succeeded with %+v, want an error", a)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q\ndoes not contain %q", err, want)
				}
			}
			if n := strings.Count(err.Error(), "corpus: "); n != len(tt.want) {
				t.Errorf("error %q\nhas %d problems, want %d", err, n, len(tt.want))
			}
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != tt.file {
				t.Errorf("error %q is not a *FileError for %q", err, tt.file)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %q is not %v", err, tt.is)
			}
			if !reflect.DeepEqual(a, corpus.Article{}) {
				t.Errorf("article on error = %+v, want the zero Article", a)
			}
		})
	}
}

func TestFileErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		err  *corpus.FileError
		want string
	}{
		{"line is shown when set", &corpus.FileError{File: "a.txt", Line: 3, Err: errors.New("bad")}, "corpus: a.txt:3: bad"},
		{"line 0 is left out", &corpus.FileError{File: "a.txt", Err: errors.New("bad")}, "corpus: a.txt: bad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if errors.Unwrap(tt.err) != tt.err.Err {
				t.Errorf("Unwrap does not return Err")
			}
		})
	}
}
