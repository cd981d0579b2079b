package corpus

import (
	"errors"
	"fmt"
)

// Errors that FileError wraps, for callers that test with errors.Is.
var (
	// ErrNoArticles reports a corpus folder without any .txt or .md article.
	ErrNoArticles = errors.New("corpus: no .txt or .md articles in folder")
	// ErrTooLarge reports a file bigger than MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrBinary reports a file holding NUL or other control bytes.
	ErrBinary = errors.New("binary file, not text")
	// ErrNotUTF8 reports a file that is not valid UTF-8.
	ErrNotUTF8 = errors.New("not valid UTF-8")
	// ErrEmpty reports an article without any paragraph.
	ErrEmpty = errors.New("empty: no paragraphs")
)

// FileError is a problem found in one file of a corpus folder.
type FileError struct {
	// File is the file name, relative to the corpus folder.
	File string
	// Line is the 1-based line of the problem; 0 when it concerns the whole file.
	Line int
	// Err is the problem.
	Err error
}

// Error formats the problem as "corpus: FILE:LINE: message", or as
// "corpus: FILE: message" when Line is 0.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("corpus: %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("corpus: %s: %v", e.File, e.Err)
}

// Unwrap returns the underlying problem.
func (e *FileError) Unwrap() error { return e.Err }

// problems collects the FileErrors of one file.
type problems struct {
	file string
	errs []error
}

// add records err at line num of the file (0 for the whole file).
func (p *problems) add(num int, err error) {
	p.errs = append(p.errs, &FileError{File: p.file, Line: num, Err: err})
}

// addf records a formatted problem at line num of the file.
func (p *problems) addf(num int, format string, args ...any) {
	p.add(num, fmt.Errorf(format, args...))
}

// join returns nil for no errors, the error itself for one, and the errors
// joined with errors.Join for more.
func join(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

// excerpt quotes s for an error message, shortened when long.
func excerpt(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) > max {
		return fmt.Sprintf("%q…", string(r[:max]))
	}
	return fmt.Sprintf("%q", s)
}
