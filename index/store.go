package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/storybot/storybot/corpus"
)

// A Store keeps an index on disk as a folder of versions and a CURRENT file
// naming the one to serve:
//
//	STORE/CURRENT      "v-dn5qk23zamki\n", replaced atomically
//	STORE/v-dn5qk23zamki/  a Bleve index
//	STORE/build.lock   held (flock) by whoever is building
//
// A build writes a new version beside the served one, validates it, and
// only then points CURRENT at it, so a crash at any moment leaves the old
// index or the new one, never a half-written one; unfinished versions are
// removed by the next Cleanup. Servers watch CURRENT to pick up builds made
// by another process.
type Store struct {
	dir string
}

// Store file names.
const (
	currentFile   = "CURRENT"
	lockFile      = "build.lock"
	versionPrefix = "v-"
)

// ErrNoIndex is returned when a store has no index yet.
var ErrNoIndex = errors.New("index: store has no index yet")

// ErrBuilding is returned when another build holds the store's lock.
var ErrBuilding = errors.New("index: another build is running")

// OpenStore opens the store in dir, creating the folder if needed.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index: store %s: %w", dir, err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("index: store %s: holds a bare Bleve index; remove it and run storybot index", dir)
	}
	return &Store{dir: dir}, nil
}

// Dir returns the store's folder.
func (s *Store) Dir() string { return s.dir }

// Current returns the name of the version CURRENT points at.
func (s *Store) Current() (string, error) {
	data, err := os.ReadFile(filepath.Join(s.dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", ErrNoIndex
	}
	if err != nil {
		return "", fmt.Errorf("index: store %s: %w", s.dir, err)
	}
	name := strings.TrimSpace(string(data))
	if !strings.HasPrefix(name, versionPrefix) || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf("index: store %s: CURRENT names %q, not a version", s.dir, name)
	}
	return name, nil
}

// Open opens the current version.
func (s *Store) Open() (*Index, error) {
	name, err := s.Current()
	if err != nil {
		return nil, err
	}
	return Open(filepath.Join(s.dir, name))
}

// Build indexes the articles as a new version, reopens it from disk, checks
// it with Validate and with check (when not nil), and only then makes it
// current. It returns the new index, open. While it runs it holds the
// store's lock: a second build fails with ErrBuilding. On any failure the
// new version is removed and the current one is left as it was.
func (s *Store) Build(ctx context.Context, articles []corpus.Article, opts Options, check func(*Index) error) (*Index, error) {
	unlock, err := s.lock()
	if err != nil {
		return nil, err
	}
	defer unlock()
	if opts.Version == "" {
		opts.Version = formatVersion(time.Now())
	}
	name := versionPrefix + opts.Version
	path := filepath.Join(s.dir, name)
	idx, err := Build(ctx, articles, path, opts)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Index, error) {
		idx.Close()
		os.RemoveAll(path)
		return nil, err
	}
	if err := idx.Close(); err != nil {
		return fail(err)
	}
	if idx, err = Open(path); err != nil {
		return fail(fmt.Errorf("index: reopen new version: %w", err))
	}
	want := 0
	for _, a := range articles {
		want += len(a.Passages)
	}
	if err := idx.Validate(ctx, want); err != nil {
		return fail(err)
	}
	if check != nil {
		if err := check(idx); err != nil {
			return fail(fmt.Errorf("index: validate new version: %w", err))
		}
	}
	if err := writeFileAtomic(filepath.Join(s.dir, currentFile), []byte(name+"\n")); err != nil {
		return fail(fmt.Errorf("index: publish %s: %w", name, err))
	}
	return idx, nil
}

// Cleanup removes the versions that are neither current nor kept, and
// unfinished builds. It does nothing while a build holds the lock.
func (s *Store) Cleanup(keep ...string) error {
	unlock, err := s.lock()
	if errors.Is(err, ErrBuilding) {
		return nil
	}
	if err != nil {
		return err
	}
	defer unlock()
	cur, err := s.Current()
	if err != nil && !errors.Is(err, ErrNoIndex) {
		return err
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return fmt.Errorf("index: cleanup %s: %w", s.dir, err)
	}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		stale := strings.HasPrefix(name, "."+currentFile+".") || // unfinished CURRENT writes
			(strings.HasPrefix(name, versionPrefix) && name != cur && !slices.Contains(keep, name))
		if stale {
			errs = append(errs, os.RemoveAll(filepath.Join(s.dir, name)))
		}
	}
	return errors.Join(errs...)
}

// lock takes the store's build lock without waiting. The lock is an flock,
// so the kernel releases it when its holder dies.
func (s *Store) lock() (func(), error) {
	f, err := os.OpenFile(filepath.Join(s.dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("index: lock %s: %w", s.dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrBuilding
		}
		return nil, fmt.Errorf("index: lock %s: %w", s.dir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// writeFileAtomic replaces path with data: a temporary file beside it,
// synced, renamed over it, and the folder synced.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Validate checks an index before it is served: it holds the expected
// number of passages, and a probe question (the words of a stored passage)
// finds passages.
func (x *Index) Validate(ctx context.Context, passages int) error {
	n, err := x.docCount()
	if err != nil {
		return err
	}
	if n != uint64(passages+x.meta.SynonymDocs) {
		return fmt.Errorf("index: validate: %d documents indexed, want %d passages and %d synonym groups", n, passages, x.meta.SynonymDocs)
	}
	if passages == 0 {
		return nil
	}
	probe, err := x.samplePassage(ctx)
	if err != nil {
		return fmt.Errorf("index: validate: %w", err)
	}
	res, err := x.Search(ctx, Query{Text: probe, Limit: 1})
	if err != nil {
		return fmt.Errorf("index: validate: probe: %w", err)
	}
	if len(res.Hits) == 0 && len(res.Terms) > 0 {
		return fmt.Errorf("index: validate: probe %q found nothing", CapQuery(probe))
	}
	return nil
}

// Path returns the folder of an index on disk, or "" for one in memory.
func (x *Index) Path() string { return x.path }
