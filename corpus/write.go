package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"
)

// TrashDir is the hidden folder of a corpus folder that WriteArticle and
// RemoveArticle move replaced and removed article files into. Load ignores it.
const TrashDir = ".trash"

// trashTimeLayout is the UTC time in the name of a file in TrashDir.
const trashTimeLayout = "20060102T150405.000000000Z"

// Errors of WriteArticle, SafeName and RemoveArticle, for callers that test
// with errors.Is.
var (
	// ErrExists reports an article whose ID is already used by a file of
	// the corpus folder, when replacing it was not asked for.
	ErrExists = errors.New("article already exists")
	// ErrBadName reports a file name or article ID that is refused because
	// it is unsafe or cannot name an article.
	ErrBadName = errors.New("bad name")
)

// nameError is a refused file name or article ID. It is ErrBadName for
// errors.Is but keeps its own message.
type nameError struct{ msg string }

// Error returns the message.
func (e *nameError) Error() string { return e.msg }

// Is reports whether target is ErrBadName.
func (e *nameError) Is(target error) bool { return target == ErrBadName }

// badName returns a nameError about the file name name.
func badName(name, format string, args ...any) error {
	return &nameError{fmt.Sprintf("corpus: file name %s: ", excerpt(name)) + fmt.Sprintf(format, args...)}
}

// maxIDLen is the longest article ID that idPattern accepts.
const maxIDLen = 64

// SafeName turns name, the untrusted name of an uploaded file, into the
// name of an article file in a corpus folder, or explains why it cannot.
//
// Only the base name is kept: everything up to the last '/' or '\' is
// dropped, as are spaces at its ends. A base name that is empty, starts
// with '.', contains ".." or contains a control character (anywhere in
// name) is refused. The extension must be .txt or .md in any letter case;
// it is lower-cased. The rest of the name is lower-cased, each run of
// characters other than a-z, 0-9, '.', '_' and '-' becomes one '-', and
// '-', '.' and '_' are trimmed from its ends. A result longer than 64
// characters is cut at its last '-' within that length, when that keeps at
// least half of it, else at 64 characters. For example "My Story
// (Final).TXT" becomes "my-story-final.txt".
//
// The errors are ErrBadName for errors.Is.
func SafeName(name string) (string, error) {
	for _, r := range name {
		if unicode.IsControl(r) {
			return "", badName(name, "control characters are not allowed")
		}
	}
	base := name
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSpace(base)
	switch {
	case base == "":
		return "", badName(name, "empty: want a file name such as story.txt")
	case strings.HasPrefix(base, "."):
		return "", badName(name, "must not start with '.'")
	case strings.Contains(base, ".."):
		return "", badName(name, `must not contain ".."`)
	}
	ext := filepath.Ext(base)
	lowExt := strings.ToLower(ext)
	if lowExt != extText && lowExt != extMarkdown {
		return "", badName(name, "file type %s is not accepted: the accepted types are %s and %s", describeExt(ext), extText, extMarkdown)
	}
	stem := safeStem(strings.TrimSuffix(base, ext))
	if !idPattern.MatchString(stem) {
		return "", badName(name, "no letters or digits a-z, 0-9 are left to name the article: rename the file")
	}
	return stem + lowExt, nil
}

// describeExt names the file extension ext for an error message.
func describeExt(ext string) string {
	if ext == "" {
		return "(none)"
	}
	return excerpt(ext)
}

// safeStem lower-cases s, replaces each run of characters other than a-z,
// 0-9, '.', '_' and '-' and of '-' by one '-', trims '-', '.' and '_' from
// the ends and cuts the result to maxIDLen characters.
func safeStem(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '.', r == '_':
			b.WriteRune(r)
		case strings.HasSuffix(b.String(), "-"):
		default:
			b.WriteByte('-')
		}
	}
	const trim = "-._"
	stem := strings.Trim(b.String(), trim)
	if len(stem) <= maxIDLen { // only ASCII is left: bytes are characters
		return stem
	}
	cut := stem[:maxIDLen]
	if i := strings.LastIndexByte(stem[:maxIDLen+1], '-'); i >= maxIDLen/2 {
		cut = stem[:i]
	}
	return strings.TrimRight(cut, trim)
}

// writeMu serializes the changes that WriteArticle and RemoveArticle make,
// so that the goroutines of one program do not race on a corpus folder.
var writeMu sync.Mutex

// WriteArticle checks and stores an uploaded article in the corpus folder
// dir, and returns it as ParseArticle reads it.
//
// The file is named SafeName(name), and its contents data must be an
// article that ParseArticle accepts; otherwise the error of SafeName or
// ParseArticle is returned unchanged. An article whose ID is used by a file
// of dir already, with either extension in any letter case, is refused with
// ErrExists unless replace is true. Then the old file is kept in the folder
// TrashDir of dir as "ID.TIME.EXT", TIME being the UTC time as
// 20060102T150405.000000000Z, and a file with another name (a.md replaced by
// a.txt) is moved there so that the ID stays unique.
//
// The file is written to a hidden temporary file in dir, synced and renamed
// over the target, so that a crash leaves the old file or the new one,
// never part of it; a replaced file is copied to TrashDir before. On error
// dir is left as it was, except when syncing the folder fails after the
// rename: the error then says that the file was written. Only when the replaced file had another name is
// there a moment, between moving it to TrashDir and renaming the new file
// in, when the folder holds neither. A temporary file that a killed program
// left behind is hidden, so Load ignores it, and the next write of the same
// name removes it once it is ten minutes old.
//
// Within a program, calls of WriteArticle and RemoveArticle are
// serialized; different programs changing the same folder at once are
// not. The new file has mode 0644.
func WriteArticle(dir, name string, data []byte, replace bool) (Article, error) {
	safe, err := SafeName(name)
	if err != nil {
		return Article{}, err
	}
	a, err := ParseArticle(safe, data)
	if err != nil {
		return Article{}, err
	}
	writeMu.Lock()
	defer writeMu.Unlock()
	if err := writeArticle(dir, safe, a.ID, data, replace); err != nil {
		return Article{}, fmt.Errorf("corpus: write %s: %w", safe, err)
	}
	return a, nil
}

// writeArticle stores data as the file safe of dir, the article with ID id.
func writeArticle(dir, safe, id string, data []byte, replace bool) (err error) {
	old, err := articleFiles(dir, id)
	if err != nil {
		return err
	}
	if len(old) > 0 && !replace {
		return fmt.Errorf("%w as %s: pass replace to overwrite it (the old file is kept in %s)", ErrExists, strings.Join(old, " and "), TrashDir)
	}
	removeStale(dir, "."+safe+".*.tmp")
	tmp, err := writeTemp(dir, "."+safe+".*.tmp", data)
	if err != nil {
		return err
	}
	var (
		t         *trash
		committed bool // whether the new file is in place
	)
	defer func() {
		if committed {
			return
		}
		os.Remove(tmp)
		if err != nil && t != nil {
			err = errors.Join(err, t.undo())
		}
	}()
	if len(old) > 0 {
		if t, err = openTrash(dir); err != nil {
			return err
		}
		now := time.Now()
		for _, f := range old { // copies first: they change nothing in dir
			if f == safe {
				if err := t.copy(f, id, now); err != nil {
					return err
				}
			}
		}
		if err := t.sync(); err != nil {
			return err
		}
		// Moves leave the ID without a file until the rename: no syncing
		// in between.
		for _, f := range old {
			if f != safe {
				if err := t.move(f, id, now); err != nil {
					return err
				}
			}
		}
	}
	if err := os.Rename(tmp, filepath.Join(dir, safe)); err != nil {
		return err
	}
	committed = true
	// The new file is in place: undoing now could lose it.
	if t != nil && len(t.moved) > 0 {
		if err := t.sync(); err != nil {
			return fmt.Errorf("written, but %w", err)
		}
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("written, but syncing the folder failed: %w", err)
	}
	return nil
}

// RemoveArticle moves the file of the article with the given ID, matched
// without regard to letter case, from the corpus folder dir into its folder
// TrashDir as "ID.TIME.EXT" (see WriteArticle), and returns the path it
// now has. When dir has several files with the ID, which Load refuses, all
// are moved and the path of the first in name order is returned.
//
// An ID that is not 1-64 characters a-z, 0-9, '.', '_' or '-' starting
// with a letter or digit is refused with ErrBadName; the error of an ID
// without a file is fs.ErrNotExist for errors.Is.
func RemoveArticle(dir, id string) (string, error) {
	lower := strings.ToLower(id)
	if !idPattern.MatchString(lower) {
		return "", &nameError{fmt.Sprintf("corpus: remove %s: bad article ID: want 1-64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit", excerpt(id))}
	}
	id = lower
	writeMu.Lock()
	defer writeMu.Unlock()
	path, err := removeArticle(dir, id)
	if err != nil {
		return "", fmt.Errorf("corpus: remove %s: %w", id, err)
	}
	return path, nil
}

// removeArticle moves the files of article id of dir into the trash.
func removeArticle(dir, id string) (path string, err error) {
	files, err := articleFiles(dir, id)
	if err != nil {
		return "", err
	}
	if len(files) == 0 {
		return "", fmt.Errorf("no file %s%s or %s%s in %s: %w", id, extText, id, extMarkdown, dir, fs.ErrNotExist)
	}
	t, err := openTrash(dir)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, t.undo())
		}
	}()
	now := time.Now()
	for _, f := range files {
		if err := t.move(f, id, now); err != nil {
			return "", err
		}
	}
	if err := t.sync(); err != nil {
		return "", err
	}
	if err := syncDir(dir); err != nil {
		return "", err
	}
	return filepath.Join(dir, TrashDir, t.moved[0].to), nil
}

// articleFiles returns the names of the files of dir that Load reads as the
// article with ID id, sorted.
func articleFiles(dir, id string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read folder: %w", err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		if got, ok := articleID(name); !ok || got != id {
			continue
		}
		// Load follows symbolic links and ignores all but regular files.
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || !info.Mode().IsRegular() {
			continue
		}
		files = append(files, name)
	}
	return files, nil
}

// staleAge is the age after which a temporary file is taken to be left
// behind by a program that was killed while writing it.
const staleAge = 10 * time.Minute

// removeStale removes the temporary files of dir matching pattern (see
// filepath.Match) that are older than staleAge, ignoring errors.
func removeStale(dir, pattern string) {
	paths, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, p := range paths {
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > staleAge {
			os.Remove(p)
		}
	}
}

// writeTemp writes data to a new file of dir named after pattern (see
// os.CreateTemp) with mode 0644, syncs it and returns its path. On error it
// leaves no file.
func writeTemp(dir, pattern string, data []byte) (string, error) {
	return writeTempFrom(dir, pattern, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeTempFrom is writeTemp with the contents written by write.
func writeTempFrom(dir, pattern string, write func(io.Writer) error) (path string, err error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", fmt.Errorf("create temporary file: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return "", fmt.Errorf("write temporary file: %w", err)
	}
	if err := f.Chmod(0o644); err != nil {
		return "", fmt.Errorf("chmod temporary file: %w", err)
	}
	if err := f.Sync(); err != nil {
		return "", fmt.Errorf("sync temporary file: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("close temporary file: %w", err)
	}
	return f.Name(), nil
}

// trash keeps files of a corpus folder in its TrashDir, and can undo that.
type trash struct {
	dir     string // the corpus folder
	path    string // its TrashDir
	created bool   // whether the TrashDir was created
	copied  []string
	moved   []trashMove
}

// trashMove is a file moved from the corpus folder to its TrashDir.
type trashMove struct{ from, to string } // names in the folder and trash

// openTrash returns the trash of the corpus folder dir, creating its
// TrashDir when needed.
func openTrash(dir string) (*trash, error) {
	t := &trash{dir: dir, path: filepath.Join(dir, TrashDir)}
	err := os.Mkdir(t.path, 0o755)
	switch {
	case err == nil:
		t.created = true
		if err := syncDir(dir); err != nil {
			os.Remove(t.path)
			return nil, fmt.Errorf("create %s: %w", TrashDir, err)
		}
	case errors.Is(err, fs.ErrExist):
		if info, err := os.Stat(t.path); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("%s is not a folder", TrashDir)
		}
	default:
		return nil, fmt.Errorf("create %s: %w", TrashDir, err)
	}
	return t, nil
}

// name returns a name for the file with extension ext of article id in the
// trash at time now that no file has yet.
func (t *trash) name(id, ext string, now time.Time) (string, error) {
	now = now.UTC()
	for {
		name := id + "." + now.Format(trashTimeLayout) + strings.ToLower(ext)
		_, err := os.Lstat(filepath.Join(t.path, name))
		if errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
		if err != nil {
			return "", fmt.Errorf("trash %s: %w", name, err)
		}
		now = now.Add(time.Nanosecond)
	}
}

// copy copies the file name of the corpus folder, of article id, into the
// trash. Call sync to make the copy durable.
func (t *trash) copy(name, id string, now time.Time) error {
	to, err := t.name(id, filepath.Ext(name), now)
	if err != nil {
		return err
	}
	removeStale(t.path, "."+id+".*.tmp")
	src, err := os.Open(filepath.Join(t.dir, name))
	if err != nil {
		return fmt.Errorf("keep old %s: %w", name, err)
	}
	defer src.Close()
	tmp, err := writeTempFrom(t.path, "."+to+".*.tmp", func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
	if err != nil {
		return fmt.Errorf("keep old %s: %w", name, err)
	}
	if err := os.Rename(tmp, filepath.Join(t.path, to)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("keep old %s: %w", name, err)
	}
	t.copied = append(t.copied, to)
	return nil
}

// move moves the file name of the corpus folder, of article id, into the
// trash. Call sync, then sync the corpus folder, to make the move durable.
func (t *trash) move(name, id string, now time.Time) error {
	to, err := t.name(id, filepath.Ext(name), now)
	if err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(t.dir, name), filepath.Join(t.path, to)); err != nil {
		return fmt.Errorf("move %s to %s: %w", name, TrashDir, err)
	}
	t.moved = append(t.moved, trashMove{from: name, to: to})
	return nil
}

// sync makes the trash's changes durable.
func (t *trash) sync() error {
	if err := syncDir(t.path); err != nil {
		return fmt.Errorf("sync %s: %w", TrashDir, err)
	}
	return nil
}

// undo moves the moved files back, removes the copies and removes the
// TrashDir when it created it, returning the problems it had.
func (t *trash) undo() error {
	var errs []error
	for i := len(t.moved) - 1; i >= 0; i-- {
		m := t.moved[i]
		if err := os.Rename(filepath.Join(t.path, m.to), filepath.Join(t.dir, m.from)); err != nil {
			errs = append(errs, fmt.Errorf("restore %s from %s: %w", m.from, TrashDir, err))
		}
	}
	for _, name := range t.copied {
		if err := os.Remove(filepath.Join(t.path, name)); err != nil {
			errs = append(errs, fmt.Errorf("remove copy: %w", err))
		}
	}
	if t.created && len(errs) == 0 {
		os.Remove(t.path) // only when empty
	}
	if len(t.moved) > 0 {
		if err := syncDir(t.dir); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// syncDir syncs the folder dir, making the renames in it durable. It does
// nothing on Windows, which cannot sync a folder, nor where the file system
// does not support it.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if errors.Is(err, errors.ErrUnsupported) {
		err = nil
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
