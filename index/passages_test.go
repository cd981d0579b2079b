package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storybot/storybot/corpus/corpustest"
)

func TestPassageFileRoundTrip(t *testing.T) {
	texts := []string{
		"The U.S. said on Monday, 3.5% of \"crude\" imports... would stop.",
		"",
		"  leading spaces and trailing  ",
		"Ünïcödé wörds — and 中文 text, tabs\tand\nnewlines",
		"The U.S. said on Monday",
		"a",
		"!!!",
	}
	w := newPassageWriter()
	for i, s := range texts {
		w.add(i%3, i+1, i%2+1, s)
	}
	p, err := readPassages(w.encode(), 3)
	if err != nil {
		t.Fatal(err)
	}
	if p.len() != len(texts) {
		t.Fatalf("%d passages, want %d", p.len(), len(texts))
	}
	for i, want := range texts {
		ref, got, err := p.get(i)
		if err != nil || got != want || ref != (passageRef{article: i % 3, paragraph: i + 1, part: i%2 + 1}) {
			t.Errorf("passage %d: %+v %q %v, want %q", i, ref, got, err, want)
		}
	}
	if _, _, err := p.get(len(texts)); err == nil {
		t.Error("a passage past the end was read")
	}
}

func TestPassageFileDamaged(t *testing.T) {
	w := newPassageWriter()
	for i := range 50 {
		w.add(i%4, i, 1, strings.Repeat("word and another, ", i%7)+"end.")
	}
	good := w.encode()
	if _, err := readPassages(good, 4); err != nil {
		t.Fatal(err)
	}
	if _, _, err := mustRead(t, good, 3); !errors.Is(err, errPassages) {
		t.Errorf("a passage pointing past the article table: %v, want errPassages", err)
	}
	for n := range len(good) {
		if _, err := readPassages(good[:n], 4); !errors.Is(err, errPassages) {
			t.Fatalf("truncated to %d bytes: %v, want errPassages", n, err)
		}
	}
	for i := range len(good) {
		bad := append([]byte(nil), good...)
		bad[i] ^= 0x40
		if _, err := readPassages(bad, 4); !errors.Is(err, errPassages) {
			t.Fatalf("byte %d flipped: %v, want errPassages", i, err)
		}
	}
}

// mustRead reads a file whose checksum is fine and returns its first
// passage that fails, if any.
func mustRead(t *testing.T, data []byte, articles int) (passageRef, string, error) {
	t.Helper()
	p, err := readPassages(data, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	p.articles = articles
	for i := range p.len() {
		if ref, s, err := p.get(i); err != nil {
			return ref, s, err
		}
	}
	return passageRef{}, "", nil
}

func TestOpenDamagedPassageFile(t *testing.T) {
	w := newPassageWriter()
	w.add(0, 1, 1, "text")
	dir := t.TempDir()
	if err := writePassages(dir, w.encode()); err != nil {
		t.Fatal(err)
	}
	if _, err := loadPassages(dir, 1); err != nil {
		t.Fatal(err)
	}
	os.Truncate(filepath.Join(dir, passagesFile), 20)
	if _, err := loadPassages(dir, 1); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated file: %v", err)
	}
	os.Remove(filepath.Join(dir, passagesFile))
	if _, err := loadPassages(dir, 1); !errors.Is(err, ErrOldIndex) || !strings.Contains(err.Error(), passagesFile) {
		t.Errorf("missing file: %v, want ErrOldIndex naming the file", err)
	}
}

func TestOpenIndexWithDamagedPassageFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	idx, err := Build(context.Background(), corpustest.Generate(1, 30), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	idx.Close()
	file := filepath.Join(path, passagesFile)
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	os.Truncate(file, fi.Size()-1)
	if idx, err := Open(path); err == nil {
		idx.Close()
		t.Fatal("opened an index with a truncated passage file")
	} else if !strings.Contains(err.Error(), path) || !errors.Is(err, errPassages) {
		t.Errorf("error %q does not name the path and the damaged file", err)
	}
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "x\u00a0y\u0085z", "\xff \xfe", "one,two three."} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}
