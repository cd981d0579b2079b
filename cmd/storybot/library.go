package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

// library is the index the bot answers from, the corpus it was built from,
// and the means to rebuild it. A rebuild happens beside the serving index,
// is validated, and is swapped in whole; searches in flight finish on the
// old index, which is then closed and removed. On any failure the old
// index keeps serving.
type library struct {
	*index.Live // serves searches

	src   source
	log   *slog.Logger
	store *index.Store // nil when the index lives in memory

	// check, when set, validates a new index further before it is served.
	check func(*index.Index) error
	// onTopics, when set, is called after a rebuild changed the topic
	// commands, to update the bot and sync Discord; it says what it did.
	onTopics func(ctx context.Context, topics []corpus.Topic) (string, error)

	mu     sync.Mutex // guards corpus
	corpus *corpus.Corpus

	rebuilding sync.Mutex // one rebuild at a time
}

// openLibrary loads the corpus and opens its index: the current version in
// the store at STORYBOT_INDEX (built first if the store is empty), or one
// built in memory.
func openLibrary(ctx context.Context, src source, log *slog.Logger) (*library, error) {
	c, err := src.loadCorpus()
	if err != nil {
		return nil, err
	}
	l := &library{src: src, log: log, corpus: c}
	var idx *index.Index
	if src.indexPath == "" {
		idx, err = index.Build(ctx, c.Articles, "", index.Options{Synonyms: c.Synonyms})
	} else {
		if l.store, err = index.OpenStore(src.indexPath); err != nil {
			return nil, err
		}
		idx, err = l.store.Open()
		switch {
		case errors.Is(err, index.ErrNoIndex):
			log.Info("no index yet: building it", "store", src.indexPath, "passages", c.Passages())
			idx, err = l.store.Build(ctx, c.Articles, index.Options{Synonyms: c.Synonyms}, nil)
		case errors.Is(err, index.ErrOldIndex):
			log.Info("index built by an older storybot: building it again", "store", src.indexPath, "passages", c.Passages())
			idx, err = l.store.Build(ctx, c.Articles, index.Options{Synonyms: c.Synonyms}, nil)
		}
		if err == nil {
			err = l.store.Cleanup()
		}
	}
	if err != nil {
		if idx != nil {
			idx.Close()
		}
		return nil, err
	}
	l.Live = index.NewLive(idx)
	return l, nil
}

// Topics returns the topic commands of the current corpus.
func (l *library) Topics() []corpus.Topic {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.corpus.Topics
}

// errBusy is what a moderator sees when a rebuild is already running.
var errBusy = &bot.UserError{Msg: "A reindex is already running; please wait for it to finish, then try again."}

// Reindex rebuilds the index from the corpus folder and swaps it in,
// reporting progress, and says what changed. Errors a moderator can act on
// (a bad file, a rebuild already running) are *bot.UserError.
func (l *library) Reindex(ctx context.Context, progress func(string)) (string, error) {
	if !l.rebuilding.TryLock() {
		return "", errBusy
	}
	defer l.rebuilding.Unlock()
	start := time.Now()
	failed := func(err error) (string, error) {
		l.log.Warn("reindex failed; the old index keeps serving", "err", err)
		var ue *bot.UserError
		if errors.As(err, &ue) {
			return "", err
		}
		return "", &bot.UserError{Msg: "Reindex failed; the old index keeps serving.\n" + err.Error()}
	}
	progress("Reading the corpus folder…")
	c, err := l.src.loadCorpus()
	if err != nil {
		return failed(err)
	}
	files := len(c.Articles)
	progress(fmt.Sprintf("Read %d files: %d passages.", files, c.Passages()))
	opts := index.Options{Progress: func(done, total int) {
		progress(fmt.Sprintf("Read %d files. Indexed %d of %d passages.", files, done, total))
	}}
	idx, err := l.build(ctx, c, opts)
	if errors.Is(err, index.ErrBuilding) {
		return failed(&bot.UserError{Msg: "An index build is already running (from the command line?); please wait for it to finish."})
	}
	if err != nil {
		return failed(err)
	}
	summary, err := l.swap(ctx, idx, c)
	if err != nil {
		return failed(err)
	}
	l.log.Info("reindexed", "articles", len(c.Articles), "passages", c.Passages(), "version", idx.Meta().Version, "took", time.Since(start))
	return fmt.Sprintf("%s\nTook %s. Index version %s.", summary, time.Since(start).Round(time.Millisecond), idx.Meta().Version), nil
}

// build makes and validates a new index for the corpus.
func (l *library) build(ctx context.Context, c *corpus.Corpus, opts index.Options) (*index.Index, error) {
	opts.Synonyms = c.Synonyms
	if l.store != nil {
		return l.store.Build(ctx, c.Articles, opts, l.check)
	}
	idx, err := index.Build(ctx, c.Articles, "", opts)
	if err != nil {
		return nil, err
	}
	if err := idx.Validate(ctx, c.Passages()); err != nil {
		idx.Close()
		return nil, err
	}
	if l.check != nil {
		if err := l.check(idx); err != nil {
			idx.Close()
			return nil, fmt.Errorf("index: validate new index: %w", err)
		}
	}
	return idx, nil
}

// swap serves idx, built from c, retires the old index, and updates the
// topic commands when they changed. It says what changed.
func (l *library) swap(ctx context.Context, idx *index.Index, c *corpus.Corpus) (string, error) {
	if _, err := l.Live.Swap(idx); err != nil {
		l.log.Warn("closing the old index", "err", err)
	}
	if l.store != nil {
		if err := l.store.Cleanup(); err != nil {
			l.log.Warn("removing old index versions", "err", err)
		}
	}
	l.mu.Lock()
	old := l.corpus
	l.corpus = c
	l.mu.Unlock()
	changes := corpus.Diff(old, c)
	summary := changes.String()
	if changes.TopicsChanged && l.onTopics != nil {
		note, err := l.onTopics(ctx, c.Topics)
		if err != nil {
			summary += "\nThe topic commands changed, but updating them failed: " + err.Error()
		} else {
			summary += "\n" + note
		}
	}
	return summary, nil
}

// watch picks up index versions built by another process (storybot index)
// in the store, checking every interval until ctx ends.
func (l *library) watch(ctx context.Context, every time.Duration) {
	if l.store == nil {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := l.reload(ctx); err != nil {
				l.log.Warn("picking up a new index version", "err", err)
			}
		}
	}
}

// reload swaps in the store's current version when it is not the one served.
func (l *library) reload(ctx context.Context) error {
	cur, err := l.store.Current()
	if err != nil || cur == filepath.Base(l.Current().Path()) {
		return err
	}
	if !l.rebuilding.TryLock() {
		return nil // our own rebuild is publishing it
	}
	defer l.rebuilding.Unlock()
	idx, err := l.store.Open()
	if err != nil {
		return err
	}
	if err := idx.Validate(ctx, idx.Meta().Passages); err != nil {
		idx.Close()
		return err
	}
	c, err := l.src.loadCorpus()
	if err != nil {
		// The index is good; keep the topics we have.
		l.log.Warn("new index version picked up, but the corpus folder does not load; topics unchanged", "err", err)
		l.mu.Lock()
		c = l.corpus
		l.mu.Unlock()
	}
	summary, err := l.swap(ctx, idx, c)
	if err != nil {
		return err
	}
	l.log.Info("picked up a new index version", "version", idx.Meta().Version, "changes", summary)
	return nil
}
