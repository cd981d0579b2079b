package corpus_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus"
)

func TestParseTopics(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []corpus.Topic
	}{
		{
			name: "sections become topics with header lines",
			data: "# comment\n; another\n\n[who-vetoes]\ndescription = Who can veto?\nquery = veto power\narticle = north-korea\n\n[oil-cap]\nquery=crude oil\ndescription=How much oil?\n",
			want: []corpus.Topic{
				{Name: "who-vetoes", Description: "Who can veto?", Query: "veto power", Article: "north-korea", File: "topics.ini", Line: 4},
				{Name: "oil-cap", Description: "How much oil?", Query: "crude oil", File: "topics.ini", Line: 9},
			},
		},
		{
			name: "keys are case-insensitive values are trimmed and unquoted and article is lower-cased",
			data: "[  x_1  ]\n  Description =  \"  Why? \"  \nQUERY = 'a = b'\nArticle = North-Korea\n",
			want: []corpus.Topic{
				{Name: "x_1", Description: "  Why? ", Query: "a = b", Article: "north-korea", File: "topics.ini", Line: 1},
			},
		},
		{
			name: "unicode names and lengths in characters are accepted",
			data: "[санкции]\ndescription = " + strings.Repeat("é", 100) + "\nquery = " + strings.Repeat("ü", 200) + "\n",
			want: []corpus.Topic{
				{Name: "санкции", Description: strings.Repeat("é", 100), Query: strings.Repeat("ü", 200), File: "topics.ini", Line: 1},
			},
		},
		{
			name: "crlf bom and no final newline parse",
			data: "\ufeff[a]\r\ndescription = d\r\nquery = q",
			want: []corpus.Topic{{Name: "a", Description: "d", Query: "q", File: "topics.ini", Line: 1}},
		},
		{
			name: "empty article means none",
			data: "[a]\ndescription = d\nquery = q\narticle =\n",
			want: []corpus.Topic{{Name: "a", Description: "d", Query: "q", File: "topics.ini", Line: 1}},
		},
		{
			name: "empty file has no topics",
			data: "",
			want: []corpus.Topic{},
		},
		{
			name: "exactly MaxTopics topics are allowed",
			data: topicsFile(corpus.MaxTopics),
			want: nil, // only the count is checked
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := corpus.ParseTopics("topics.ini", []byte(tt.data))
			if err != nil {
				t.Fatalf("ParseTopics: %v", err)
			}
			if tt.want == nil {
				if len(got) != corpus.MaxTopics {
					t.Errorf("got %d topics, want %d", len(got), corpus.MaxTopics)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// topicsFile returns a topics file with n valid topics.
func topicsFile(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[t%d]\ndescription = d\nquery = q\n", i)
	}
	return b.String()
}

func TestParseTopicsErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []string // the problems, in order
	}{
		{
			name: "upper-case name is rejected",
			data: "[Who]\ndescription = d\nquery = q\n",
			want: []string{`corpus: t.ini:1: bad topic name "Who": want 1-32 lower-case letters, digits, '-' or '_'`},
		},
		{
			name: "name with space or punctuation is rejected",
			data: "[who vetoes]\ndescription = d\nquery = q\n[a!]\ndescription = d\nquery = q\n",
			want: []string{`corpus: t.ini:1: bad topic name "who vetoes"`, `corpus: t.ini:4: bad topic name "a!"`},
		},
		{
			name: "empty and too long names are rejected",
			data: "[]\ndescription = d\nquery = q\n[" + strings.Repeat("a", 33) + "]\ndescription = d\nquery = q\n",
			want: []string{`corpus: t.ini:1: bad topic name ""`, `corpus: t.ini:4: bad topic name`},
		},
		{
			name: "duplicate section is rejected at its second header",
			data: "[a]\ndescription = d\nquery = q\n[a]\ndescription = d\nquery = q\n",
			want: []string{`corpus: t.ini:4: duplicate topic "a" (first on line 1)`},
		},
		{
			name: "duplicate key is rejected",
			data: "[a]\ndescription = d\nquery = q\nQuery = r\n",
			want: []string{`corpus: t.ini:4: topic "a": duplicate key "query" (first on line 3)`},
		},
		{
			name: "unknown key is rejected",
			data: "[a]\ndescription = d\nquery = q\nlimit = 3\n",
			want: []string{`corpus: t.ini:4: topic "a": unknown key "limit": want description, query or article`},
		},
		{
			name: "key outside a section is rejected",
			data: "query = q\n[a]\ndescription = d\nquery = q\n",
			want: []string{`corpus: t.ini:1: key "query" outside a [name] section`},
		},
		{
			name: "line that is neither comment section nor key value is rejected",
			data: "[a]\ndescription = d\nquery = q\njust words\n[b\n= value\n",
			want: []string{
				`corpus: t.ini:4: want [name], key = value, a # comment or a blank line, got "just words"`,
				`corpus: t.ini:5: want [name]`,
				`corpus: t.ini:6: want [name]`,
			},
		},
		{
			name: "missing description and query are rejected at the header",
			data: "[a]\narticle = x\n",
			want: []string{`corpus: t.ini:1: topic "a": missing description = ...`, `corpus: t.ini:1: topic "a": missing query = ...`},
		},
		{
			name: "empty description is rejected",
			data: "[a]\ndescription = \"\"\nquery = q\n",
			want: []string{`corpus: t.ini:2: topic "a": description is 0 characters, want 1-100`},
		},
		{
			name: "description over 100 characters is rejected",
			data: "[a]\ndescription = " + strings.Repeat("é", 101) + "\nquery = q\n",
			want: []string{`corpus: t.ini:2: topic "a": description is 101 characters, want 1-100`},
		},
		{
			name: "query over 200 characters is rejected",
			data: "[a]\ndescription = d\nquery = " + strings.Repeat("q", 201) + "\n",
			want: []string{`corpus: t.ini:3: topic "a": query is 201 characters, want 1-200`},
		},
		{
			name: "more than MaxTopics topics are rejected once",
			data: topicsFile(corpus.MaxTopics + 2),
			want: []string{`corpus: t.ini:301: too many topics: at most 100 are allowed`},
		},
		{
			name: "nul byte is rejected as binary",
			data: "[a]\ndescription = d\x00\nquery = q\n",
			want: []string{`corpus: t.ini:2: binary file, not text`},
		},
		{
			name: "invalid utf-8 is rejected with its line",
			data: "[a]\ndescription = d\nquery = \xc3\x28\n",
			want: []string{`corpus: t.ini:3: not valid UTF-8 at byte column 9`},
		},
		{
			name: "file over the size limit is rejected",
			data: strings.Repeat("#", corpus.MaxFileSize+1),
			want: []string{`corpus: t.ini: file too large: 1048577 bytes, the limit is 1048576 bytes`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topics, err := corpus.ParseTopics("t.ini", []byte(tt.data))
			if err == nil {
				t.Fatalf("ParseTopics succeeded with %+v, want an error", topics)
			}
			if topics != nil {
				t.Errorf("topics on error = %+v, want nil", topics)
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(tt.want) {
				t.Fatalf("error has %d problems, want %d:\n%v", len(got), len(tt.want), err)
			}
			for i, want := range tt.want {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("problem %d = %q, want it to start with %q", i+1, got[i], want)
				}
			}
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != "t.ini" || fe.Line == 0 && !strings.Contains(err.Error(), "too large") {
				t.Errorf("error %q is not a *FileError with a line", err)
			}
		})
	}
}

func TestValidName(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"lower-case letters and hyphen are valid", "who-vetoes", true},
		{"digits and underscore are valid", "icbm_2017", true},
		{"non-latin lower-case letters are valid", "санкции", true},
		{"32 characters are valid", strings.Repeat("é", 32), true},
		{"empty is invalid", "", false},
		{"33 characters are invalid", strings.Repeat("a", 33), false},
		{"upper case is invalid", "Oil", false},
		{"space is invalid", "oil cap", false},
		{"punctuation is invalid", "oil.cap", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := corpus.ValidName(tt.s); got != tt.want {
				t.Errorf("ValidName(%q) = %v, want %v", tt.s, got, tt.want)
			}
		})
	}
}
