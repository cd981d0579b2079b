package corpus_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/storybot/storybot/corpus"
)

// file returns a MapFS file with the given contents.
func file(data string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(data)}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"b.txt":            file("B one.\nB two.\n"),
		"a.md":             file("# Title A\n\nA one.\n"),
		"C.TXT":            file("C one."),
		"topics.ini":       file("[b-topic]\ndescription = d\nquery = q\narticle = B\n[free]\ndescription = d\nquery = q\n"),
		"README":           file("\x00 not an article"),
		"notes.pdf":        file("\x00"),
		"embed.go":         file("package corpus"),
		".hidden.txt":      file("\x00"),
		".topics.ini.swp":  file("\x00"),
		"sub/d.txt":        file("D one."),
		"folder.txt/e.txt": file("E one."),
	}
	c, err := corpus.Load(fsys)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var files []string
	for _, a := range c.Articles {
		files = append(files, a.File)
	}
	if got, want := strings.Join(files, " "), "C.TXT a.md b.txt"; got != want {
		t.Errorf("article files = %q, want %q (sorted, others ignored)", got, want)
	}
	if got := c.Passages(); got != 4 {
		t.Errorf("Passages() = %d, want 4", got)
	}
	if len(c.Topics) != 2 || c.Topics[0].Name != "b-topic" || c.Topics[0].Article != "b" || c.Topics[1].Line != 5 {
		t.Errorf("Topics = %+v", c.Topics)
	}
	t.Run("article found by id", func(t *testing.T) {
		a, ok := c.Article("a")
		if !ok || a.Title != "Title A" {
			t.Errorf("Article(%q) = %+v, %v", "a", a, ok)
		}
	})
	t.Run("article id is matched without regard to case", func(t *testing.T) {
		if a, ok := c.Article("C"); !ok || a.File != "C.TXT" {
			t.Errorf("Article(%q) = %+v, %v", "C", a, ok)
		}
	})
	t.Run("unknown article is not found", func(t *testing.T) {
		if a, ok := c.Article("zzz"); ok || a != nil {
			t.Errorf("Article(%q) = %+v, %v, want nil, false", "zzz", a, ok)
		}
	})
	t.Run("article is the corpus's own", func(t *testing.T) {
		a, _ := c.Article("a")
		a.Title = "changed"
		if c.Articles[1].Title != "changed" {
			t.Errorf("Article returned a copy")
		}
	})
}

func TestLoadWithoutTopicsFile(t *testing.T) {
	c, err := corpus.Load(fstest.MapFS{"a.txt": file("One.")})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(c.Articles) != 1 || c.Topics != nil {
		t.Errorf("got %d articles and topics %+v, want 1 and none", len(c.Articles), c.Topics)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fsys fstest.MapFS
		want []string // the problems, in order
	}{
		{
			name: "folder without articles is rejected",
			fsys: fstest.MapFS{"README": file("x"), "sub/a.txt": file("One.")},
			want: []string{"corpus: no .txt or .md articles in folder"},
		},
		{
			name: "topics without articles is rejected",
			fsys: fstest.MapFS{"topics.ini": file("[a]\ndescription = d\nquery = q\narticle = x\n")},
			want: []string{"corpus: no .txt or .md articles in folder"},
		},
		{
			name: "same id in txt and md names both files",
			fsys: fstest.MapFS{"a.txt": file("One."), "a.md": file("One.")},
			want: []string{`corpus: a.txt: article ID "a" is already used by a.md`},
		},
		{
			name: "same id in different letter case names both files",
			fsys: fstest.MapFS{"A.txt": file("One."), "a.txt": file("One.")},
			want: []string{`corpus: a.txt: article ID "a" is already used by A.txt`},
		},
		{
			name: "problems of every file are reported",
			fsys: fstest.MapFS{
				"a.txt":      file(""),
				"b.md":       file("---\nurl: x\n---\nOne."),
				"c d.txt":    file("One."),
				"e.txt":      file("ok\n\xff"),
				"f.txt":      file("One."),
				"topics.ini": file("[A]\ndescription = d\nquery = q\n"),
			},
			want: []string{
				"corpus: a.txt: empty: no paragraphs",
				"corpus: b.md:2: front matter: bad url",
				`corpus: c d.txt: bad article ID "c d"`,
				"corpus: e.txt:2: not valid UTF-8 at byte column 1",
				`corpus: topics.ini:1: bad topic name "A"`,
			},
		},
		{
			name: "topic naming a missing article is rejected at the article line",
			fsys: fstest.MapFS{
				"a.txt":      file("One."),
				"topics.ini": file("[x]\ndescription = d\nquery = q\narticle = nope\n"),
			},
			want: []string{`corpus: topics.ini:4: topic "x": no article with ID "nope"`},
		},
		{
			name: "topic naming an article with problems is not also rejected",
			fsys: fstest.MapFS{
				"a.txt":      file("\x00"),
				"topics.ini": file("[x]\ndescription = d\nquery = q\narticle = a\n"),
			},
			want: []string{`corpus: a.txt:1: binary file, not text`},
		},
		{
			name: "file over the size limit is rejected before reading",
			fsys: fstest.MapFS{
				"a.txt": file("One."),
				"b.txt": file(strings.Repeat("x", corpus.MaxFileSize+1)),
			},
			want: []string{"corpus: b.txt: file too large: 1048577 bytes, the limit is 1048576 bytes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := corpus.Load(tt.fsys)
			if err == nil {
				t.Fatalf("Load succeeded with %+v, want an error", c)
			}
			if c != nil {
				t.Errorf("corpus on error = %+v, want nil", c)
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
		})
	}
}

func TestLoadNoArticlesIsErrNoArticles(t *testing.T) {
	_, err := corpus.Load(fstest.MapFS{})
	if !errors.Is(err, corpus.ErrNoArticles) {
		t.Errorf("Load(empty) = %v, want ErrNoArticles", err)
	}
}

func TestLoadDirFS(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("story.txt", "One.\r\nTwo.")
	write("topics.ini", "[s]\ndescription = d\nquery = q\narticle = story\n")
	write("main.go", "package main")
	if err := os.Mkdir(filepath.Join(dir, "old.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "old.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Logf("no symbolic link to a folder: %v", err)
	}
	c, err := corpus.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if c.Passages() != 2 || len(c.Articles) != 1 || len(c.Topics) != 1 {
		t.Errorf("got %d articles, %d passages, %d topics; want 1, 2, 1", len(c.Articles), c.Passages(), len(c.Topics))
	}
}

func TestLoadMissingFolder(t *testing.T) {
	_, err := corpus.Load(os.DirFS(filepath.Join(t.TempDir(), "missing")))
	if err == nil || !strings.HasPrefix(err.Error(), "corpus: read folder: ") || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want a read folder error wrapping ErrNotExist", err)
	}
}
