package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

// library is the index the bot answers from, with the corpus it was built
// from, and the means to rebuild it. A rebuild happens beside the serving
// index and is swapped in whole; searches in flight finish first.
type library struct {
	src source
	log *slog.Logger

	mu     sync.RWMutex
	idx    *index.Index
	corpus *corpus.Corpus

	reindexing sync.Mutex
}

func openLibrary(ctx context.Context, src source, log *slog.Logger) (*library, error) {
	idx, c, err := src.open(ctx)
	if err != nil {
		return nil, err
	}
	return &library{src: src, log: log, idx: idx, corpus: c}, nil
}

// Search searches the current index.
func (l *library) Search(ctx context.Context, q index.Query) (*index.Result, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.idx.Search(ctx, q)
}

// Articles lists the current index's articles.
func (l *library) Articles() []index.Article {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.idx.Articles()
}

// Meta describes the current index.
func (l *library) Meta() index.Meta {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.idx.Meta()
}

// Topics returns the topic commands of the current corpus.
func (l *library) Topics() []corpus.Topic {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.corpus.Topics
}

// Reindex rebuilds the index in memory from the corpus and swaps it in. On
// any failure the old index keeps serving.
func (l *library) Reindex(ctx context.Context) (string, error) {
	if !l.reindexing.TryLock() {
		return "", fmt.Errorf("a reindex is already running; please wait for it to finish")
	}
	defer l.reindexing.Unlock()
	start := time.Now()
	c, err := l.src.loadCorpus()
	if err != nil {
		return "", err
	}
	idx, err := index.Build(ctx, c.Articles, "", index.Options{})
	if err != nil {
		return "", err
	}
	l.mu.Lock()
	old, oldCorpus := l.idx, l.corpus
	l.idx, l.corpus = idx, c
	l.mu.Unlock()
	old.Close()
	l.log.Info("reindexed", "articles", len(c.Articles), "passages", c.Passages(), "took", time.Since(start))
	return fmt.Sprintf("Indexed %d article(s), %d passage(s); before: %d article(s), %d passage(s). Index version %s.",
		len(c.Articles), c.Passages(), len(oldCorpus.Articles), oldCorpus.Passages(), idx.Meta().Version), nil
}

// Close closes the index.
func (l *library) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.idx.Close()
}
