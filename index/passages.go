package index

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// The passages' text and place live beside the Bleve index, in a file of
// their own (passagesFile in the index folder), so that Bleve holds only
// the inverted index: a Bleve document's id is its passage number here.
//
// The text is coded by words: every passage is cut into tokens (a word
// with the space after it, or a run of other characters) and each token is
// written as its number in a dictionary of the index's tokens, numbered in
// the order they are first met, so that frequent tokens, met early, take
// one or two bytes. Reading a passage is a loop over its token numbers; no
// block has to be decompressed, and the file is about a third of the text.
//
// Layout (integers little-endian, "uvarint" as encoding/binary):
//
//	magic      8 bytes "SBPASS01"
//	passages   uint32
//	tokens     uint32   dictionary size
//	dictBytes  uint64   size of the dictionary section
//	dataBytes  uint64   size of the passage section
//	dictionary tokens times: uvarint length, bytes
//	offsets    passages+1 times uint64: where each passage starts in the passage section
//	passage    uvarint article, uvarint paragraph, uvarint part, token numbers as uvarints
//	checksum   uint32   CRC-32C of everything before it
const passagesFile = "storybot.passages"

var passagesMagic = []byte("SBPASS01")

const passagesHeader = 8 + 4 + 4 + 8 + 8

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// passageRef is where a passage stands: its article (an index into the
// article table), paragraph and part.
type passageRef struct {
	article         int
	paragraph, part int
}

// passageWriter codes passages as they are indexed.
type passageWriter struct {
	ids     map[string]uint32
	dict    []string
	data    []byte
	offsets []uint64
}

func newPassageWriter() *passageWriter {
	return &passageWriter{ids: map[string]uint32{}}
}

// add codes one passage; passages are numbered in the order they are added.
func (w *passageWriter) add(article, paragraph, part int, text string) int {
	n := len(w.offsets)
	w.offsets = append(w.offsets, uint64(len(w.data)))
	w.data = binary.AppendUvarint(w.data, uint64(article))
	w.data = binary.AppendUvarint(w.data, uint64(paragraph))
	w.data = binary.AppendUvarint(w.data, uint64(part))
	for i := 0; i < len(text); {
		j := tokenEnd(text, i)
		tok := text[i:j]
		id, ok := w.ids[tok]
		if !ok {
			id = uint32(len(w.dict))
			w.ids[tok] = id
			w.dict = append(w.dict, tok)
		}
		w.data = binary.AppendUvarint(w.data, uint64(id))
		i = j
	}
	return n
}

// tokenEnd returns the end of the token that starts at i: a word (letters,
// digits and any non-ASCII byte) with one space after it, or a run of
// other characters.
func tokenEnd(s string, i int) int {
	j := i
	if isWordByte(s[j]) {
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j < len(s) && s[j] == ' ' {
			j++
		}
		return j
	}
	for j < len(s) && !isWordByte(s[j]) {
		j++
	}
	return j
}

func isWordByte(c byte) bool {
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// encode returns the whole file.
func (w *passageWriter) encode() []byte {
	dictBytes := 0
	for _, t := range w.dict {
		dictBytes += binary.PutUvarint(make([]byte, binary.MaxVarintLen64), uint64(len(t))) + len(t)
	}
	size := passagesHeader + dictBytes + 8*(len(w.offsets)+1) + len(w.data) + 4
	out := make([]byte, 0, size)
	out = append(out, passagesMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(w.offsets)))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(w.dict)))
	out = binary.LittleEndian.AppendUint64(out, uint64(dictBytes))
	out = binary.LittleEndian.AppendUint64(out, uint64(len(w.data)))
	for _, t := range w.dict {
		out = binary.AppendUvarint(out, uint64(len(t)))
		out = append(out, t...)
	}
	for _, o := range w.offsets {
		out = binary.LittleEndian.AppendUint64(out, o)
	}
	out = binary.LittleEndian.AppendUint64(out, uint64(len(w.data)))
	out = append(out, w.data...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli))
}

// check reports whether the writer can encode what it holds.
func (w *passageWriter) check() error {
	if len(w.offsets) > math.MaxUint32-1 || len(w.dict) > math.MaxUint32-1 {
		return errors.New("index: too many passages or words for the passage file")
	}
	return nil
}

// passages reads the passage file.
type passages struct {
	dict     []string
	offsets  []byte // (n+1) uint64s
	data     []byte
	n        int
	articles int
	unmap    func() error
}

// ErrOldIndex is returned by Open for an index written by a storybot from
// before the passage file: it must be built again.
var ErrOldIndex = errors.New("index: built by an older storybot: rebuild it (storybot index)")

// errPassages is wrapped by every error about a damaged passage file.
var errPassages = errors.New("passage file damaged")

// readPassages checks and decodes a passage file. articles is the size of
// the article table that passages point into.
func readPassages(data []byte, articles int) (*passages, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("index: %w: %s", errPassages, fmt.Sprintf(format, args...))
	}
	if len(data) < passagesHeader+8+4 || string(data[:8]) != string(passagesMagic) {
		return nil, bad("not a storybot passage file, or truncated")
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, bad("checksum mismatch (truncated or corrupt)")
	}
	n := int(binary.LittleEndian.Uint32(data[8:]))
	tokens := int(binary.LittleEndian.Uint32(data[12:]))
	dictBytes := binary.LittleEndian.Uint64(data[16:])
	dataBytes := binary.LittleEndian.Uint64(data[24:])
	rest := uint64(len(body) - passagesHeader)
	if dictBytes > rest || uint64(n+1)*8 > rest-dictBytes || dataBytes != rest-dictBytes-uint64(n+1)*8 {
		return nil, bad("sections do not add up to the file's size")
	}
	p := &passages{n: n, articles: articles}
	dict := body[passagesHeader : passagesHeader+int(dictBytes)]
	p.dict = make([]string, 0, min(tokens, len(dict)))
	for len(dict) > 0 {
		l, k := binary.Uvarint(dict)
		if k <= 0 || l > uint64(len(dict)-k) {
			return nil, bad("dictionary entry %d", len(p.dict))
		}
		p.dict = append(p.dict, string(dict[k:k+int(l)]))
		dict = dict[k+int(l):]
	}
	if len(p.dict) != tokens {
		return nil, bad("dictionary holds %d tokens, header says %d", len(p.dict), tokens)
	}
	start := passagesHeader + int(dictBytes)
	p.offsets = body[start : start+(n+1)*8]
	p.data = body[start+(n+1)*8:]
	last := uint64(0)
	for i := 0; i <= n; i++ {
		o := binary.LittleEndian.Uint64(p.offsets[8*i:])
		if o < last || o > uint64(len(p.data)) {
			return nil, bad("offset of passage %d", i)
		}
		last = o
	}
	if last != uint64(len(p.data)) {
		return nil, bad("last offset")
	}
	return p, nil
}

// len is how many passages the file holds.
func (p *passages) len() int { return p.n }

// getTokens returns a passage's place and text, and appends its token
// numbers to ids, reading its record once.
func (p *passages) getTokens(i int, ids []uint32) (passageRef, string, []uint32, error) {
	if i < 0 || i >= p.n {
		return passageRef{}, "", ids, fmt.Errorf("index: passage %d of %d: %w", i, p.n, errPassages)
	}
	rec := p.data[binary.LittleEndian.Uint64(p.offsets[8*i:]):binary.LittleEndian.Uint64(p.offsets[8*i+8:])]
	var head [3]uint64
	for k := range head {
		v, m := binary.Uvarint(rec)
		if m <= 0 {
			return passageRef{}, "", ids, fmt.Errorf("index: passage %d: %w", i, errPassages)
		}
		head[k], rec = v, rec[m:]
	}
	if head[0] >= uint64(p.articles) || head[1] > math.MaxInt32 || head[2] > math.MaxInt32 {
		return passageRef{}, "", ids, fmt.Errorf("index: passage %d: %w", i, errPassages)
	}
	ref := passageRef{article: int(head[0]), paragraph: int(head[1]), part: int(head[2])}
	size, first := 0, len(ids)
	for len(rec) > 0 {
		v, m := binary.Uvarint(rec)
		if m <= 0 || v >= uint64(len(p.dict)) {
			return passageRef{}, "", ids[:first], fmt.Errorf("index: passage %d: %w", i, errPassages)
		}
		size += len(p.dict[v])
		ids = append(ids, uint32(v))
		rec = rec[m:]
	}
	var b strings.Builder // sized exactly: String does not copy
	b.Grow(size)
	for _, v := range ids[first:] {
		b.WriteString(p.dict[v])
	}
	return ref, b.String(), ids, nil
}

// get returns a passage's place and text.
func (p *passages) get(i int) (passageRef, string, error) {
	var buf [128]uint32 // the token numbers of most passages, on the stack
	ref, text, _, err := p.getTokens(i, buf[:0])
	return ref, text, err
}

// writePassages writes the passage file into dir and syncs it.
func writePassages(dir string, data []byte) error {
	f, err := os.OpenFile(filepath.Join(dir, passagesFile), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("index: write passages: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	if _, err := bw.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("index: write passages: %w", err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("index: write passages: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("index: write passages: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("index: write passages: %w", err)
	}
	return syncDir(dir)
}

// loadPassages maps and checks the passage file of the index in dir. The
// file is mapped read-only (and read ahead in one go), not copied: the
// kernel can drop its pages under memory pressure. Close unmaps it.
func loadPassages(dir string, articles int) (*passages, error) {
	f, err := os.Open(filepath.Join(dir, passagesFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w (%s missing)", ErrOldIndex, passagesFile)
	}
	if err != nil {
		return nil, fmt.Errorf("index: read passages: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("index: read passages: %w", err)
	}
	if fi.Size() == 0 || fi.Size() > math.MaxInt32*8 {
		return readPassages(nil, articles)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED|syscall.MAP_POPULATE)
	if err != nil {
		return nil, fmt.Errorf("index: map passages: %w", err)
	}
	p, err := readPassages(data, articles)
	if err != nil {
		syscall.Munmap(data)
		return nil, err
	}
	p.unmap = func() error { return syscall.Munmap(data) }
	return p, nil
}

// close releases the file's mapping, if any. The passages cannot be read
// after it.
func (p *passages) close() error {
	if p.unmap == nil {
		return nil
	}
	err := p.unmap()
	p.unmap = nil
	p.dict, p.offsets, p.data, p.n = nil, nil, nil, 0
	return err
}
