package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/corpus/corpustest"
	"github.com/storybot/storybot/index"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds storybot once for the tests that run it as a child process.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "storybot-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "storybot")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// writeCorpus writes generated articles as .txt files, one paragraph a line.
func writeCorpus(t *testing.T, dir string, seed uint64, passages int) int {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	n := 0
	for _, a := range corpustest.Generate(seed, passages) {
		var b strings.Builder
		for _, p := range a.Passages {
			b.WriteString(p.Text + "\n")
			n++
		}
		name := fmt.Sprintf("s%d-%s", seed, a.File)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// killAfter runs the binary and kills it with SIGKILL after d, or lets it
// finish; it reports whether the kill happened before the end.
func killAfter(t *testing.T, d time.Duration, args ...string) bool {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(os.Environ(), "STORYBOT_CORPUS=", "STORYBOT_INDEX=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%v finished with %v: %s", args, err, out.String())
		}
		return false
	case <-time.After(d):
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		return true
	}
}

// TestKillDuringIndexBuild kills `storybot index` at several moments of a
// rebuild; each time the store still opens, on the old index or the new
// one, whole.
func TestKillDuringIndexBuild(t *testing.T) {
	base := t.TempDir()
	dir, store := filepath.Join(base, "corpus"), filepath.Join(base, "index")
	oldN := writeCorpus(t, dir, 1, 4000)
	if killAfter(t, time.Minute, "index", "--corpus", dir, "--index", store) {
		t.Fatal("the first build did not finish in a minute")
	}
	newN := oldN + writeCorpus(t, dir, 2, 8000)
	killed := 0
	for _, d := range []time.Duration{5 * time.Millisecond, 30 * time.Millisecond, 100 * time.Millisecond, 250 * time.Millisecond, 500 * time.Millisecond, 900 * time.Millisecond, 1500 * time.Millisecond, time.Minute} {
		if killAfter(t, d, "index", "--corpus", dir, "--index", store) {
			killed++
		}
		s, err := index.OpenStore(store)
		if err != nil {
			t.Fatal(err)
		}
		idx, err := s.Open()
		if err != nil {
			t.Fatalf("after a kill at %v the store does not open: %v", d, err)
		}
		n, err := idx.Count()
		if err != nil || (n != uint64(oldN) && n != uint64(newN)) {
			t.Errorf("after a kill at %v: %d passages (%v), want %d or %d", d, n, err, oldN, newN)
		}
		if err := idx.Validate(context.Background(), int(n)); err != nil {
			t.Errorf("after a kill at %v: %v", d, err)
		}
		idx.Close()
	}
	if killed < 3 {
		t.Errorf("only %d builds were killed before they ended: the corpus is too small to test this", killed)
	}
	t.Logf("%d builds killed mid-way; the store opened every time", killed)
}

// TestKillDuringUpload kills `storybot corpus add` at several moments; the
// corpus folder always loads, with the article whole or absent.
func TestKillDuringUpload(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "corpus")
	writeCorpus(t, dir, 3, 200)
	var article strings.Builder
	for i := range 15000 {
		fmt.Fprintf(&article, "Paragraph %d of a long upload about fisheries and quotas.\n", i)
	}
	upload := filepath.Join(base, "upload.txt")
	os.WriteFile(upload, []byte(article.String()), 0o644)
	for i, d := range []time.Duration{0, time.Millisecond, 3 * time.Millisecond, 8 * time.Millisecond, 20 * time.Millisecond, time.Minute} {
		killAfter(t, d, "corpus", "add", "--corpus", dir, "--replace", upload)
		c, err := corpus.Load(os.DirFS(dir))
		if err != nil {
			t.Fatalf("kill %d at %v: the corpus does not load: %v", i, d, err)
		}
		if a, ok := c.Article("upload"); ok && len(a.Passages) != 15000 {
			t.Errorf("kill %d at %v: the upload is half there: %d passages", i, d, len(a.Passages))
		}
	}
	if _, ok := mustLoad(t, dir).Article("upload"); !ok {
		t.Error("the upload that was not killed is missing")
	}
}

func mustLoad(t *testing.T, dir string) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return c
}
