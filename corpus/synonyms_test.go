package corpus_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/storybot/storybot/corpus"
)

func TestParseSynonyms(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		groups  int
		wantErr string
	}{
		{"groups, comments, blanks and CRLF parse", "# c\r\nlimit, cap , ceiling\r\n\r\nNorth Korea, DPRK\r\n", 2, ""},
		{"duplicates in a group are dropped", "veto, Veto, block\n", 1, ""},
		{"a lone entry is an error with its line", "ok, fine\nalone\n", 0, "synonyms.csv:2: a group needs two entries"},
		{"an empty entry is an error", "a,,b\n", 0, "synonyms.csv:1: empty entry"},
		{"a long entry is an error", "a, " + strings.Repeat("x", 81) + "\n", 0, "longer than 80"},
		{"binary is an error", "a, b\x00c\n", 0, "binary"},
		{"bad UTF-8 is an error", "a, caf\xe9\n", 0, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			groups, err := corpus.ParseSynonyms("synonyms.csv", []byte(tt.data))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(groups) != tt.groups {
				t.Fatalf("groups %v, err %v; want %d groups", groups, err, tt.groups)
			}
		})
	}
}

func TestLoadSynonyms(t *testing.T) {
	article := &fstest.MapFile{Data: []byte("A paragraph.\n")}
	own, err := corpus.Load(fstest.MapFS{"a.txt": article, "synonyms.csv": {Data: []byte("cap, limit\n")}})
	if err != nil || len(own.Synonyms) != 1 || own.Synonyms[0][0] != "cap" {
		t.Fatalf("own synonyms: %v, %v", own, err)
	}
	def, err := corpus.Load(fstest.MapFS{"a.txt": article})
	if err != nil || len(def.Synonyms) != len(corpus.DefaultSynonyms()) || len(def.Synonyms) < 50 {
		t.Fatalf("a folder without synonyms.csv: %d groups, %v", len(def.Synonyms), err)
	}
	if _, err := corpus.Load(fstest.MapFS{"a.txt": article, "synonyms.csv": {Data: []byte("alone\n")}}); err == nil || !strings.Contains(err.Error(), "synonyms.csv:1") {
		t.Errorf("a bad synonyms file: %v", err)
	}
}
