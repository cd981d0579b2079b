package index

import (
	"context"
	"sync"
)

// Live is the index being served, swapped whole when a new one is built.
// Searches in flight when a new index is swapped in finish on the old one,
// which is closed once nothing uses it. Its methods are safe for concurrent
// use.
type Live struct {
	mu  sync.RWMutex
	cur *handle
}

// handle is one index and the searches using it.
type handle struct {
	idx  *Index
	refs sync.WaitGroup
}

// NewLive serves idx.
func NewLive(idx *Index) *Live {
	return &Live{cur: &handle{idx: idx}}
}

// acquire returns the current index, counted as in use until released.
func (l *Live) acquire() *handle {
	l.mu.RLock()
	defer l.mu.RUnlock()
	h := l.cur
	h.refs.Add(1)
	return h
}

// Search searches the current index.
func (l *Live) Search(ctx context.Context, q Query) (*Result, error) {
	h := l.acquire()
	defer h.refs.Done()
	return h.idx.Search(ctx, q)
}

// Current returns the index being served. Use it for metadata only:
// it may be closed by a swap at any time.
func (l *Live) Current() *Index {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.idx
}

// Articles lists the articles of the current index.
func (l *Live) Articles() []Article { return l.Current().Articles() }

// Meta describes the current index.
func (l *Live) Meta() Meta { return l.Current().Meta() }

// Swap serves idx from now on. It waits for the searches still running on
// the old index, closes it, and returns it (closed), so that the caller can
// remove its files.
func (l *Live) Swap(idx *Index) (*Index, error) {
	l.mu.Lock()
	old := l.cur
	l.cur = &handle{idx: idx}
	l.mu.Unlock()
	old.refs.Wait()
	return old.idx, old.idx.Close()
}

// Close closes the current index once its searches have finished.
func (l *Live) Close() error {
	l.mu.Lock()
	h := l.cur
	l.mu.Unlock()
	h.refs.Wait()
	return h.idx.Close()
}
