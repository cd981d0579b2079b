package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxFileSize is the size in bytes of the largest article or topics file
// the corpus accepts.
const MaxFileSize = 1 << 20

// utf8BOM is the byte order mark that some editors put at the start of a file.
var utf8BOM = []byte("\xef\xbb\xbf")

// line is one line of a text file, without its line end.
type line struct {
	num  int // 1-based line number
	text string
}

// readLines checks that data is a text file within MaxFileSize, strips a
// leading byte order mark and splits it into lines; \n, \r\n and \r all end
// a line. The returned error is a *FileError about the first problem.
func readLines(name string, data []byte) ([]line, error) {
	if len(data) > MaxFileSize {
		return nil, &FileError{File: name, Err: tooLarge(int64(len(data)))}
	}
	bomLen := 0
	if bytes.HasPrefix(data, utf8BOM) {
		data = data[len(utf8BOM):]
		bomLen = len(utf8BOM)
	}
	raw := splitLines(data)
	// Binary files usually also hold invalid UTF-8: look for control bytes
	// in the whole file first, so that such files are called binary.
	for i, l := range raw {
		if col := controlByte(l); col >= 0 {
			err := fmt.Errorf("%w (control byte 0x%02x at column %d)", ErrBinary, l[col], column(i, col, bomLen))
			return nil, &FileError{File: name, Line: i + 1, Err: err}
		}
	}
	lines := make([]line, len(raw))
	for i, l := range raw {
		if col := invalidUTF8(l); col >= 0 {
			err := fmt.Errorf("%w at byte column %d", ErrNotUTF8, column(i, col, bomLen))
			return nil, &FileError{File: name, Line: i + 1, Err: err}
		}
		lines[i] = line{num: i + 1, text: string(l)}
	}
	return lines, nil
}

// tooLarge describes a file of size bytes over MaxFileSize.
func tooLarge(size int64) error {
	return fmt.Errorf("%w: %d bytes, the limit is %d bytes", ErrTooLarge, size, MaxFileSize)
}

// column turns byte offset off of the line at index i into a 1-based
// column of the file as stored, counting a stripped byte order mark.
func column(i, off, bomLen int) int {
	if i == 0 {
		off += bomLen
	}
	return off + 1
}

// splitLines splits data at \n, \r\n and \r. A final line end does not
// start another line.
func splitLines(data []byte) [][]byte {
	var lines [][]byte
	for len(data) > 0 {
		end := bytes.IndexAny(data, "\r\n")
		if end < 0 {
			lines = append(lines, data)
			break
		}
		lines = append(lines, data[:end])
		next := end + 1
		if data[end] == '\r' && next < len(data) && data[next] == '\n' {
			next++
		}
		data = data[next:]
	}
	return lines
}

// controlByte returns the offset of the first C0 control byte in l other
// than tab and form feed, or -1.
func controlByte(l []byte) int {
	for i, b := range l {
		if b < 0x20 && b != '\t' && b != '\f' {
			return i
		}
	}
	return -1
}

// invalidUTF8 returns the offset of the first byte of l that is not valid
// UTF-8, or -1.
func invalidUTF8(l []byte) int {
	for i := 0; i < len(l); {
		if l[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(l[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// collapse trims s and replaces each run of white space in it by one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// unquote removes one pair of matching double or single quotes around s.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
