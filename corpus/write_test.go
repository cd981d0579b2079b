package corpus_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storybot/storybot/corpus"
)

func TestSafeName(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // the safe name; empty for an error
		err   string // in the error
	}{
		{name: "plain name is kept", input: "story.txt", want: "story.txt"},
		{name: "unix path is stripped to the base name", input: "../../etc/passwd.txt", want: "passwd.txt"},
		{name: "windows path is stripped to the base name", input: `..\..\x.md`, want: "x.md"},
		{name: "folders are stripped", input: "a/b/c.txt", want: "c.txt"},
		{name: "drive letter is stripped", input: `C:\Users\mod\Desktop\Story.md`, want: "story.md"},
		{name: "spaces and brackets become dashes", input: "My Story (Final).TXT", want: "my-story-final.txt"},
		{name: "extension is lower-cased", input: "Story.Md", want: "story.md"},
		{name: "runs of dashes are collapsed", input: "a -- b__c.txt", want: "a-b__c.txt"},
		{name: "ends are trimmed of dashes dots and underscores", input: "  _-Story-_.txt ", want: "story.txt"},
		{name: "dot inside the stem is kept", input: "report.v2.txt", want: "report.v2.txt"},
		{name: "non-ascii letters become dashes", input: "Ünïcödé Story.md", want: "n-c-d-story.md"},
		{name: "accented word keeps its ascii letters", input: "Café au lait.txt", want: "caf-au-lait.txt"},
		{name: "cyrillic name keeps its digits", input: "Москва 2022.txt", want: "2022.txt"},
		{
			name:  "long name is cut at a dash",
			input: strings.Repeat("word-", 20) + "end.txt",
			want:  strings.Repeat("word-", 12) + "word.txt",
		},
		{
			name:  "long name without a dash is cut at 64 characters",
			input: strings.Repeat("a", 100) + ".md",
			want:  strings.Repeat("a", 64) + ".md",
		},
		{
			name:  "long name with an early dash only is cut at 64 characters",
			input: "a-" + strings.Repeat("b", 100) + ".txt",
			want:  "a-" + strings.Repeat("b", 62) + ".txt",
		},
		{name: "empty name is refused", input: "", err: "empty"},
		{name: "blank name is refused", input: "   ", err: "empty"},
		{name: "folder name is refused", input: "uploads/", err: "empty"},
		{name: "dot dot is refused", input: "..", err: "must not start with '.'"},
		{name: "trailing dot dot is refused", input: "a/..", err: "must not start with '.'"},
		{name: "dot dot inside the name is refused", input: "a..b.txt", err: `must not contain ".."`},
		{name: "hidden file is refused", input: ".hidden.txt", err: "must not start with '.'"},
		{name: "hidden file in a folder is refused", input: "x/.hidden.txt", err: "must not start with '.'"},
		{name: "bare extension is refused", input: ".txt", err: "must not start with '.'"},
		{name: "nul byte is refused", input: "a\x00.txt", err: "control characters"},
		{name: "nul byte in a stripped folder is refused", input: "a\x00/b.txt", err: "control characters"},
		{name: "newline is refused", input: "a\nb.txt", err: "control characters"},
		{name: "executable is refused", input: "x.exe", err: `file type ".exe" is not accepted: the accepted types are .txt and .md`},
		{name: "double extension is refused", input: "story.txt.exe", err: `".exe" is not accepted`},
		{name: "name without extension is refused", input: "README", err: "file type (none) is not accepted"},
		{name: "trailing dot is refused", input: "story.txt.", err: `file type "." is not accepted`},
		{name: "name of only symbols is refused", input: "-_-.txt", err: "no letters or digits"},
		{name: "name of only chinese characters is refused", input: "北朝鮮.txt", err: "no letters or digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := corpus.SafeName(tt.input)
			if tt.err != "" {
				if err == nil {
					t.Fatalf("SafeName(%q) = %q, want an error", tt.input, got)
				}
				if !errors.Is(err, corpus.ErrBadName) || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "corpus: file name ") {
					t.Errorf("SafeName(%q) error = %q, want ErrBadName containing %q", tt.input, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("SafeName(%q) = %q, %v, want %q", tt.input, got, err, tt.want)
			}
			if again, err := corpus.SafeName(got); again != got || err != nil {
				t.Errorf("SafeName(%q) = %q, %v, want it unchanged", got, again, err)
			}
		})
	}
}

func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"story.txt", "../../etc/passwd.txt", `..\x.MD`, "My Story (Final).TXT", ".x.txt", "Ünï.md", strings.Repeat("ab-", 40) + ".txt"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		safe, err := corpus.SafeName(name)
		if err != nil {
			if !errors.Is(err, corpus.ErrBadName) {
				t.Fatalf("SafeName(%q) error %v is not ErrBadName", name, err)
			}
			return
		}
		if strings.ContainsAny(safe, `/\`) || strings.HasPrefix(safe, ".") || strings.Contains(safe, "..") || safe != strings.ToLower(safe) {
			t.Fatalf("SafeName(%q) = %q, unsafe", name, safe)
		}
		a, err := corpus.ParseArticle(safe, []byte("One."))
		if err != nil {
			t.Fatalf("SafeName(%q) = %q, which ParseArticle refuses: %v", name, safe, err)
		}
		if a.File != safe || len(a.ID) > 64 {
			t.Fatalf("SafeName(%q) = %q: article %q from %q", name, safe, a.ID, a.File)
		}
		if again, err := corpus.SafeName(safe); again != safe || err != nil {
			t.Fatalf("SafeName(%q) = %q, %v, want it unchanged", safe, again, err)
		}
	})
}

// makeDir returns a new folder holding files, named by their path in it.
func makeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tree returns every file and folder under dir, hidden ones included, by
// slash-separated path: a file's value is its contents, a folder's "/".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			files[filepath.ToSlash(rel)] = "/"
			return nil
		}
		data, err := os.ReadFile(path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// assertUnchanged fails the test when dir does not hold exactly before.
func assertUnchanged(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	if after := tree(t, dir); !maps.Equal(after, before) {
		t.Errorf("folder changed:\nbefore %v\nafter  %v", slices.Sorted(maps.Keys(before)), slices.Sorted(maps.Keys(after)))
	}
}

// load loads the corpus folder dir, failing the test on error.
func load(t *testing.T, dir string) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("Load after the change: %v", err)
	}
	return c
}

// trashName is the form of a file name in the trash, with the ID and
// extension as groups.
var trashName = regexp.MustCompile(`^(.+)\.\d{8}T\d{6}\.\d{9}Z(\.txt|\.md)$`)

// trashed returns the files in the trash of dir, as "name: contents" with
// the time left out of the name, sorted.
func trashed(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, corpus.TrashDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		m := trashName.FindStringSubmatch(e.Name())
		if m == nil {
			t.Errorf("trash file %q is not named ID.TIME.EXT", e.Name())
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, corpus.TrashDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m[1]+m[2]+": "+string(data))
	}
	slices.Sort(files)
	return files
}

// articleFiles returns the names of the files of dir with the article ID
// id, in any letter case and with either extension.
func articleFiles(t *testing.T, dir, id string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		stem, ext := strings.ToLower(strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))), strings.ToLower(filepath.Ext(e.Name()))
		if stem == id && (ext == ".txt" || ext == ".md") {
			names = append(names, e.Name())
		}
	}
	return names
}

// baseFiles is a corpus folder with one article and a topic about it.
var baseFiles = map[string]string{
	"existing.txt": "Existing one.\n",
	"topics.ini":   "[t]\ndescription = d\nquery = q\narticle = existing\n",
}

func TestWriteArticleNew(t *testing.T) {
	dir := makeDir(t, baseFiles)
	data := "---\nsource: AFP\n---\nThe EU agreed new sanctions.\n\nThey start in May.\n"
	a, err := corpus.WriteArticle(dir, "../uploads/EU Sanctions.TXT", []byte(data), false)
	if err != nil {
		t.Fatalf("WriteArticle: %v", err)
	}
	if a.ID != "eu-sanctions" || a.File != "eu-sanctions.txt" || a.Source != "AFP" || len(a.Passages) != 2 {
		t.Errorf("WriteArticle returned %+v", a)
	}
	path := filepath.Join(dir, "eu-sanctions.txt")
	got, err := os.ReadFile(path)
	if err != nil || string(got) != data {
		t.Fatalf("file = %q, %v, want %q", got, err, data)
	}
	if info, err := os.Stat(path); err != nil {
		t.Fatal(err)
	} else if perm := info.Mode().Perm(); runtime.GOOS != "windows" && perm != 0o644 {
		t.Errorf("file mode = %v, want 0644", perm)
	}
	want := maps.Clone(baseFiles)
	want["eu-sanctions.txt"] = data
	assertUnchanged(t, dir, want) // nothing else: no temporary file, no trash
	c := load(t, dir)
	if _, ok := c.Article("eu-sanctions"); !ok || len(c.Articles) != 2 {
		t.Errorf("Load found %d articles, want existing and eu-sanctions", len(c.Articles))
	}
}

func TestWriteArticleRefusesBadContent(t *testing.T) {
	tests := []struct {
		name string
		data string
		is   error // what the error is, if a sentinel
		line int   // the line of the *FileError
	}{
		{name: "binary file is refused", data: "One.\nTwo\x00three", is: corpus.ErrBinary, line: 2},
		{name: "file that is not utf-8 is refused", data: "Caf\xe9 au lait.", is: corpus.ErrNotUTF8, line: 1},
		{name: "file over the size limit is refused", data: strings.Repeat("x", corpus.MaxFileSize+1), is: corpus.ErrTooLarge},
		{name: "empty file is refused", data: "", is: corpus.ErrEmpty},
		{name: "blank file is refused", data: "\n  \n\t\n", is: corpus.ErrEmpty},
		{name: "front matter only is refused", data: "---\ntitle: T\n---\n", is: corpus.ErrEmpty},
		{name: "unknown front matter key is refused", data: "---\nauthor: me\n---\nOne.\n", line: 2},
		{name: "bad url is refused", data: "---\nurl: example.com\n---\nOne.\n", line: 2},
		{name: "unclosed front matter is refused", data: "---\ntitle: T\nOne.\n", line: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := makeDir(t, baseFiles)
			before := tree(t, dir)
			a, err := corpus.WriteArticle(dir, "Story.txt", []byte(tt.data), false)
			if err == nil {
				t.Fatalf("WriteArticle succeeded with %+v, want an error", a)
			}
			_, parseErr := corpus.ParseArticle("story.txt", []byte(tt.data))
			if parseErr == nil || err.Error() != parseErr.Error() {
				t.Errorf("error = %v, want ParseArticle's %v", err, parseErr)
			}
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != "story.txt" || fe.Line != tt.line {
				t.Errorf("error = %#v, want a *FileError for story.txt line %d", err, tt.line)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error = %v, want %v", err, tt.is)
			}
			assertUnchanged(t, dir, before)
		})
	}
}

func TestWriteArticleRefusesBadNames(t *testing.T) {
	for _, name := range []string{"", ".hidden.txt", "x.exe", "../..", "a\x00.txt", "北朝鮮.md"} {
		t.Run(fmt.Sprintf("%q is refused", name), func(t *testing.T) {
			dir := makeDir(t, baseFiles)
			before := tree(t, dir)
			_, err := corpus.WriteArticle(dir, name, []byte("One."), true)
			if !errors.Is(err, corpus.ErrBadName) {
				t.Errorf("error = %v, want ErrBadName", err)
			}
			assertUnchanged(t, dir, before)
		})
	}
}

func TestWriteArticleRefusesExisting(t *testing.T) {
	tests := []struct {
		name     string
		existing string // the file already there
		upload   string
	}{
		{name: "same name is refused", existing: "a.txt", upload: "a.txt"},
		{name: "other extension is refused", existing: "a.md", upload: "a.txt"},
		{name: "other letter case is refused", existing: "A.TXT", upload: "a.txt"},
		{name: "upload in other letter case is refused", existing: "a.md", upload: "A.MD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := makeDir(t, map[string]string{tt.existing: "Old."})
			before := tree(t, dir)
			_, err := corpus.WriteArticle(dir, tt.upload, []byte("New."), false)
			if !errors.Is(err, corpus.ErrExists) {
				t.Fatalf("error = %v, want ErrExists", err)
			}
			for _, s := range []string{"corpus: write ", tt.existing, "pass replace"} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			assertUnchanged(t, dir, before)
		})
	}
}

func TestWriteArticleReplaces(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string // the files already there
		upload  string
		data    string
		want    string   // the one file of article a after
		trashed []string // as trashed returns them
	}{
		{
			name:    "same name is replaced and kept in the trash",
			files:   map[string]string{"a.txt": "Old."},
			upload:  "a.txt",
			data:    "New.",
			want:    "a.txt",
			trashed: []string{"a.txt: Old."},
		},
		{
			name:    "other extension is moved to the trash",
			files:   map[string]string{"a.md": "# Old\n\nOld."},
			upload:  "A.txt",
			data:    "New.",
			want:    "a.txt",
			trashed: []string{"a.md: # Old\n\nOld."},
		},
		{
			name:    "text by markdown is moved to the trash",
			files:   map[string]string{"a.txt": "Old."},
			upload:  "a.md",
			data:    "# New\n\nNew.",
			want:    "a.md",
			trashed: []string{"a.txt: Old."},
		},
		{
			name:    "other letter case is moved to the trash",
			files:   map[string]string{"A.TXT": "Old."},
			upload:  "a.txt",
			data:    "New.",
			want:    "a.txt",
			trashed: []string{"a.txt: Old."},
		},
		{
			name:    "both extensions are trashed leaving one file",
			files:   map[string]string{"a.txt": "Old text.", "a.md": "Old markdown."},
			upload:  "a.txt",
			data:    "New.",
			want:    "a.txt",
			trashed: []string{"a.md: Old markdown.", "a.txt: Old text."},
		},
		{
			name:    "earlier trash is kept",
			files:   map[string]string{"a.txt": "Old.", ".trash/a.20200101T000000.000000000Z.txt": "Older."},
			upload:  "a.txt",
			data:    "New.",
			want:    "a.txt",
			trashed: []string{"a.txt: Old.", "a.txt: Older."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(tt.files)
			files["b.txt"] = "Other article."
			dir := makeDir(t, files)
			a, err := corpus.WriteArticle(dir, tt.upload, []byte(tt.data), true)
			if err != nil {
				t.Fatalf("WriteArticle: %v", err)
			}
			if a.ID != "a" || a.File != tt.want {
				t.Errorf("WriteArticle returned article %q from %q, want a from %q", a.ID, a.File, tt.want)
			}
			if got := articleFiles(t, dir, "a"); !slices.Equal(got, []string{tt.want}) {
				t.Errorf("files of article a = %q, want only %q", got, tt.want)
			}
			if got, err := os.ReadFile(filepath.Join(dir, tt.want)); err != nil || string(got) != tt.data {
				t.Errorf("%s = %q, %v, want %q", tt.want, got, err, tt.data)
			}
			if got := trashed(t, dir); !slices.Equal(got, tt.trashed) {
				t.Errorf("trash = %q, want %q", got, tt.trashed)
			}
			for name := range tree(t, dir) {
				if strings.HasSuffix(name, ".tmp") {
					t.Errorf("temporary file %s left behind", name)
				}
			}
			c := load(t, dir)
			if got, ok := c.Article("a"); !ok || got.File != tt.want {
				t.Errorf("Load: article a = %+v, want it from %s", got, tt.want)
			}
		})
	}
}

func TestWriteArticleReplaceKeepsEveryVersion(t *testing.T) {
	dir := makeDir(t, nil)
	for _, data := range []string{"One.", "Two.", "Three."} {
		if _, err := corpus.WriteArticle(dir, "a.txt", []byte(data), true); err != nil {
			t.Fatalf("WriteArticle %q: %v", data, err)
		}
	}
	if got, want := trashed(t, dir), []string{"a.txt: One.", "a.txt: Two."}; !slices.Equal(got, want) {
		t.Errorf("trash = %q, want %q", got, want)
	}
	if info, err := os.Stat(filepath.Join(dir, corpus.TrashDir)); err != nil {
		t.Fatal(err)
	} else if perm := info.Mode().Perm(); runtime.GOOS != "windows" && perm != 0o755 {
		t.Errorf("trash mode = %v, want 0755", perm)
	}
}

func TestWriteArticleFailureLeavesFolderAsItWas(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		err   string
	}{
		{
			// a.md goes to the trash, then the rename over the folder
			// a.txt fails: a.md must come back and the trash go.
			name:  "failed rename puts the moved file back",
			files: map[string]string{"a.md": "Old.", "a.txt/x": "in a folder"},
			err:   "corpus: write a.txt: rename",
		},
		{
			name:  "failed rename keeps an existing trash",
			files: map[string]string{"a.md": "Old.", "a.txt/x": "in a folder", ".trash/old.txt": "Kept."},
			err:   "corpus: write a.txt: rename",
		},
		{
			name:  "trash that is not a folder is refused",
			files: map[string]string{"a.txt": "Old.", ".trash": "a file"},
			err:   "corpus: write a.txt: .trash is not a folder",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := makeDir(t, tt.files)
			before := tree(t, dir)
			_, err := corpus.WriteArticle(dir, "a.txt", []byte("New."), true)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("error = %v, want one containing %q", err, tt.err)
			}
			assertUnchanged(t, dir, before)
		})
	}
	t.Run("missing folder is not created", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "nope")
		_, err := corpus.WriteArticle(dir, "a.txt", []byte("New."), false)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("error = %v, want fs.ErrNotExist", err)
		}
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("folder was created: %v", err)
		}
	})
}

func TestWriteArticleRemovesStaleTemporaryFiles(t *testing.T) {
	dir := makeDir(t, map[string]string{
		".a.txt.111.tmp": "left by a killed write",
		".a.txt.222.tmp": "being written by another program",
		".b.txt.333.tmp": "of another article",
		".trash/.a.20200101T000000.000000000Z.txt.444.tmp": "left by a killed copy",
	})
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".a.txt.111.tmp", ".b.txt.333.tmp", ".trash/.a.20200101T000000.000000000Z.txt.444.tmp"} {
		if err := os.Chtimes(filepath.Join(dir, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	for _, data := range []string{"One.", "Two."} {
		if _, err := corpus.WriteArticle(dir, "a.txt", []byte(data), true); err != nil {
			t.Fatal(err)
		}
	}
	kept := trashedNames(t, dir)
	if len(kept) != 1 {
		t.Fatalf("trash holds %q, want version One. only", kept)
	}
	got := slices.Sorted(maps.Keys(tree(t, dir)))
	want := []string{".a.txt.222.tmp", ".b.txt.333.tmp", ".trash", ".trash/" + kept[0], "a.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// trashedNames returns the names of the files in the trash of dir.
func trashedNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, corpus.TrashDir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestWriteArticleConcurrently(t *testing.T) {
	dir := makeDir(t, nil)
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := corpus.WriteArticle(dir, fmt.Sprintf("g%d.txt", i), []byte("Own."), false); err != nil {
				t.Error(err)
			}
			if _, err := corpus.WriteArticle(dir, "shared.md", fmt.Appendf(nil, "Version %d.", i), true); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	c := load(t, dir)
	if len(c.Articles) != n+1 {
		t.Errorf("Load found %d articles, want %d", len(c.Articles), n+1)
	}
	if got := len(trashed(t, dir)); got != n-1 {
		t.Errorf("trash holds %d files, want the %d replaced versions", got, n-1)
	}
}

// killDirEnv names the folder that the child process of
// TestWriteArticleSurvivesKill changes until it is killed.
const killDirEnv = "CORPUS_TEST_KILL_DIR"

// churn changes the corpus folder dir forever: it replaces article a with
// "Version 0.", "Version 1." and so on, switching between .txt and .md,
// and adds an article and removes the one before each time.
func churn(dir string) {
	fmt.Println("started")
	for i := 0; ; i++ {
		name := "a.txt"
		if i%3 == 2 {
			name = "a.md"
		}
		if _, err := corpus.WriteArticle(dir, name, fmt.Appendf(nil, "Version %d.", i), true); err != nil {
			panic(err)
		}
		if _, err := corpus.WriteArticle(dir, fmt.Sprintf("n%d.txt", i), []byte("New."), false); err != nil {
			panic(err)
		}
		if i > 0 {
			if _, err := corpus.RemoveArticle(dir, fmt.Sprintf("n%d", i-1)); err != nil {
				panic(err)
			}
		}
	}
}

func TestWriteArticleSurvivesKill(t *testing.T) {
	if dir := os.Getenv(killDirEnv); dir != "" {
		churn(dir)
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	versionPattern := regexp.MustCompile(`^Version (\d+)\.$`)
	for i := range 20 {
		dir := makeDir(t, map[string]string{
			"base.txt":   "Base.",
			"topics.ini": "[t]\ndescription = d\nquery = q\narticle = base\n",
		})
		cmd := exec.Command(exe, "-test.run=^TestWriteArticleSurvivesKill$")
		cmd.Env = append(os.Environ(), killDirEnv+"="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it at a different moment each time once it is changing
		// the folder, which it says.
		if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: child process did not start: %v\n%s", i, err, stderr.Bytes())
		}
		time.Sleep(time.Duration(i) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != -1 && runtime.GOOS != "windows" {
			t.Fatalf("kill %d: child process ended by itself with status %d:\n%s", i, code, stderr.Bytes())
		}
		c := load(t, dir) // the folder always loads
		// No version is lost: the versions of article a, in the folder
		// and the trash, are 0 to the latest, the one in the folder if
		// any. Between moving a.md to the trash and renaming a.txt in,
		// the folder may have none.
		versions := make(map[int]bool)
		latest, current := -1, -1
		files := tree(t, dir)
		for name, data := range files {
			base := filepath.Base(name)
			if base != "a.txt" && base != "a.md" && !strings.HasPrefix(base, "a.") {
				continue
			}
			m := versionPattern.FindStringSubmatch(data)
			if m == nil {
				t.Fatalf("kill %d: %s holds %q", i, name, data)
			}
			var v int
			fmt.Sscan(m[1], &v)
			versions[v] = true
			latest = max(latest, v)
			if !strings.Contains(name, "/") {
				current = v
			}
		}
		if len(versions) != latest+1 {
			t.Errorf("kill %d: versions of a from 0 to %d, but only %d of them: %v", i, latest, len(versions), slices.Sorted(maps.Keys(files)))
		}
		if a, ok := c.Article("a"); ok && current != latest {
			t.Errorf("kill %d: %s holds version %d, but the trash has %d", i, a.File, current, latest)
		}
	}
}

func TestRemoveArticle(t *testing.T) {
	tests := []struct {
		name    string
		file    string // the article's file
		id      string
		trashed string // as trashed returns it
	}{
		{name: "text article is moved to the trash", file: "a.txt", id: "a", trashed: "a.txt: Gone."},
		{name: "markdown article is moved to the trash", file: "a.md", id: "a", trashed: "a.md: Gone."},
		{name: "file in upper case is found", file: "A.TXT", id: "a", trashed: "a.txt: Gone."},
		{name: "id in upper case is found", file: "a.txt", id: "A", trashed: "a.txt: Gone."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := makeDir(t, map[string]string{tt.file: "Gone.", "b.txt": "Stays."})
			path, err := corpus.RemoveArticle(dir, tt.id)
			if err != nil {
				t.Fatalf("RemoveArticle: %v", err)
			}
			if filepath.Dir(path) != filepath.Join(dir, corpus.TrashDir) || !trashName.MatchString(filepath.Base(path)) {
				t.Errorf("RemoveArticle returned %s, want a file in %s", path, corpus.TrashDir)
			}
			if data, err := os.ReadFile(path); err != nil || string(data) != "Gone." {
				t.Errorf("trashed file = %q, %v", data, err)
			}
			if got := trashed(t, dir); !slices.Equal(got, []string{tt.trashed}) {
				t.Errorf("trash = %q, want %q", got, tt.trashed)
			}
			c := load(t, dir)
			if _, ok := c.Article("a"); ok || len(c.Articles) != 1 {
				t.Errorf("Load still sees article a, or not b: %+v", c.Articles)
			}
		})
	}
	t.Run("both files of an id are moved", func(t *testing.T) {
		dir := makeDir(t, map[string]string{"a.txt": "Text.", "a.md": "Markdown.", "b.txt": "Stays."})
		path, err := corpus.RemoveArticle(dir, "a")
		if err != nil {
			t.Fatalf("RemoveArticle: %v", err)
		}
		if !strings.HasSuffix(path, ".md") {
			t.Errorf("RemoveArticle returned %s, want the path of a.md, the first by name", path)
		}
		if got, want := trashed(t, dir), []string{"a.md: Markdown.", "a.txt: Text."}; !slices.Equal(got, want) {
			t.Errorf("trash = %q, want %q", got, want)
		}
		load(t, dir)
	})
}

func TestRemoveArticleRefuses(t *testing.T) {
	tests := []struct {
		name string
		id   string
		is   error
	}{
		{name: "unknown article is not found", id: "zzz", is: fs.ErrNotExist},
		{name: "folder with an article name is not found", id: "dir", is: fs.ErrNotExist},
		{name: "hidden file is not found", id: "hidden", is: fs.ErrNotExist},
		{name: "topics file is not found", id: "topics", is: fs.ErrNotExist},
		{name: "empty id is refused", id: "", is: corpus.ErrBadName},
		{name: "parent path is refused", id: "../b", is: corpus.ErrBadName},
		{name: "path is refused", id: "sub/b", is: corpus.ErrBadName},
		{name: "trash is refused", id: ".trash", is: corpus.ErrBadName},
		{name: "hidden id is refused", id: ".hidden", is: corpus.ErrBadName},
		{name: "nul byte is refused", id: "b\x00", is: corpus.ErrBadName},
		{name: "id with extension is not found", id: "b.txt", is: fs.ErrNotExist},
		{name: "too long id is refused", id: strings.Repeat("b", 65), is: corpus.ErrBadName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := makeDir(t, map[string]string{
				"b.txt":       "Stays.",
				"dir.txt/x":   "in a folder",
				".hidden.txt": "Hidden.",
				"sub/b.txt":   "In a folder.",
				"topics.ini":  "",
			})
			before := tree(t, dir)
			path, err := corpus.RemoveArticle(dir, tt.id)
			if !errors.Is(err, tt.is) || !strings.HasPrefix(fmt.Sprint(err), "corpus: remove ") {
				t.Errorf("RemoveArticle(%q) = %q, %v, want %v", tt.id, path, err, tt.is)
			}
			assertUnchanged(t, dir, before)
		})
	}
}

func ExampleWriteArticle() {
	dir, err := os.MkdirTemp("", "corpus")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	a, err := corpus.WriteArticle(dir, `C:\Downloads\EU Sanctions.TXT`, []byte("The EU agreed new sanctions.\n"), false)
	fmt.Println(a.File, a.Title, err)

	_, err = corpus.WriteArticle(dir, "eu-sanctions.md", []byte("# EU sanctions\n\nThe EU agreed sanctions on Monday.\n"), false)
	fmt.Println(err)

	a, err = corpus.WriteArticle(dir, "eu-sanctions.md", []byte("# EU sanctions\n\nThe EU agreed sanctions on Monday.\n"), true)
	fmt.Println(a.File, a.Title, err)

	old, _ := filepath.Glob(filepath.Join(dir, corpus.TrashDir, "eu-sanctions.*.txt"))
	fmt.Println(len(old), "old version in", corpus.TrashDir)
	// Output:
	// eu-sanctions.txt Eu Sanctions <nil>
	// corpus: write eu-sanctions.md: article already exists as eu-sanctions.txt: pass replace to overwrite it (the old file is kept in .trash)
	// eu-sanctions.md EU sanctions <nil>
	// 1 old version in .trash
}
