package index_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/storybot/storybot/corpus/corpustest"
	"github.com/storybot/storybot/index"
)

func versions(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestStore(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := index.OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open(); !errors.Is(err, index.ErrNoIndex) {
		t.Fatalf("open of an empty store: %v, want ErrNoIndex", err)
	}

	first, err := s.Build(ctx, corpustest.Generate(1, 50), index.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	cur1, _ := s.Current()

	t.Run("a failed check leaves the current version", func(t *testing.T) {
		_, err := s.Build(ctx, corpustest.Generate(2, 60), index.Options{}, func(*index.Index) error { return errors.New("probe says no") })
		if err == nil || !strings.Contains(err.Error(), "probe says no") {
			t.Fatalf("err = %v", err)
		}
		if cur, _ := s.Current(); cur != cur1 {
			t.Errorf("current %s, want %s", cur, cur1)
		}
		if v := versions(t, dir); len(v) != 1 {
			t.Errorf("versions %v, want only the current one", v)
		}
		idx, err := s.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer idx.Close()
		if n, _ := idx.Count(); n != 50 {
			t.Errorf("%d passages served, want the old 50", n)
		}
	})

	t.Run("a cancelled build leaves the current version", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Build(cctx, corpustest.Generate(2, 60), index.Options{}, nil); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v", err)
		}
		if cur, _ := s.Current(); cur != cur1 {
			t.Errorf("current %s, want %s", cur, cur1)
		}
	})

	t.Run("a new version becomes current and cleanup removes the old", func(t *testing.T) {
		second, err := s.Build(ctx, corpustest.Generate(3, 70), index.Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer second.Close()
		cur2, _ := s.Current()
		if cur2 == cur1 || filepath.Base(second.Path()) != cur2 {
			t.Fatalf("current %s (was %s), new index at %s", cur2, cur1, second.Path())
		}
		// An unfinished build, as a crash leaves it.
		os.MkdirAll(filepath.Join(dir, "v-crashed"), 0o755)
		if err := s.Cleanup(); err != nil {
			t.Fatal(err)
		}
		if v := versions(t, dir); len(v) != 1 || v[0] != cur2 {
			t.Errorf("versions after cleanup %v, want [%s]", v, cur2)
		}
	})

	t.Run("one build at a time", func(t *testing.T) {
		var busy atomic.Int32
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				idx, err := s.Build(ctx, corpustest.Generate(4, 3000), index.Options{}, nil)
				if errors.Is(err, index.ErrBuilding) {
					busy.Add(1)
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				idx.Close()
			}()
		}
		wg.Wait()
		if busy.Load() == 0 {
			t.Error("three concurrent builds all ran")
		}
	})

	t.Run("a bad CURRENT is an error", func(t *testing.T) {
		os.WriteFile(filepath.Join(dir, "CURRENT"), []byte("../../etc\n"), 0o644)
		if _, err := s.Open(); err == nil {
			t.Error("opened a store whose CURRENT points outside it")
		}
	})
}

// TestLiveSwapUnderLoad swaps indexes 20 times while searches run, and
// counts no failed or empty search.
func TestLiveSwapUnderLoad(t *testing.T) {
	ctx := context.Background()
	articles := corpustest.Generate(5, 500)
	first, err := index.Build(ctx, articles, "", index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	live := index.NewLive(first)
	stop := make(chan struct{})
	var failed, empty, done atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := live.Search(ctx, index.Query{Text: "security council sanctions"})
				switch {
				case err != nil:
					failed.Add(1)
				case len(res.Hits) == 0:
					empty.Add(1)
				}
				done.Add(1)
			}
		}()
	}
	var old []*index.Index
	for range 20 {
		next, err := index.Build(ctx, articles, "", index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		prev, err := live.Swap(next)
		if err != nil {
			t.Fatal(err)
		}
		old = append(old, prev)
	}
	close(stop)
	wg.Wait()
	if failed.Load() != 0 || empty.Load() != 0 {
		t.Errorf("%d failed and %d empty of %d searches", failed.Load(), empty.Load(), done.Load())
	}
	for _, o := range old {
		if _, err := o.Search(ctx, index.Query{Text: "council"}); !errors.Is(err, index.ErrClosed) {
			t.Errorf("a swapped-out index is still open: %v", err)
		}
	}
	if err := live.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d searches during 20 swaps", done.Load())
}
