package index

import (
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/size"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// textOptions are the indexing options of the text field, as the mapping
// gives them (newMapping): indexed only, no stored value, no term vectors,
// no doc values.
const textOptions = bleveindex.IndexField

// passageDocument is the Bleve document of a passage, the same as the
// mapping makes of a passageDoc (TestPassageDocumentAsMapped), with a text
// field that is analysed in one pass: the words of plain ASCII text are
// cut and looked up in the analyser's memo straight into the term
// frequencies, without the token stream of Bleve's TextField (a Token per
// word, and the term's bytes copied for each) that Bleve's TokenFrequency
// then walks again. Analysis was the largest part of building an index
// after the segments themselves.
func passageDocument(id, text, article string, an *memoAnalyzer, keyword analysis.Analyzer) *document.Document {
	d := document.NewDocument(id)
	d.AddField(&passageField{value: []byte(text), an: an})
	d.AddField(document.NewTextFieldCustom(fieldArticle, nil, []byte(article), bleveindex.IndexField, keyword))
	return d
}

// passageField is the text field of a passage.
type passageField struct {
	value  []byte
	an     *memoAnalyzer
	length int
	freqs  bleveindex.TokenFrequencies
}

func (f *passageField) Name() string                             { return fieldText }
func (f *passageField) ArrayPositions() []uint64                 { return nil }
func (f *passageField) Options() bleveindex.FieldIndexingOptions { return textOptions }
func (f *passageField) Value() []byte                            { return f.value }
func (f *passageField) Text() string                             { return string(f.value) }
func (f *passageField) NumPlainTextBytes() uint64                { return uint64(len(f.value)) }
func (f *passageField) EncodedFieldType() byte                   { return 't' }
func (f *passageField) AnalyzedLength() int                      { return f.length }
func (f *passageField) AnalyzedTokenFrequencies() bleveindex.TokenFrequencies {
	return f.freqs
}

// Size estimates the field's memory, as Bleve's statistics want it,
// without walking the frequencies (Bleve asks after analysis, for every
// document).
func (f *passageField) Size() int {
	perTerm := size.SizeOfString + size.SizeOfPtr + size.SizeOfSlice + size.SizeOfInt
	return size.SizeOfPtr*2 + 2*size.SizeOfInt + len(f.value) + len(f.freqs)*perTerm
}

// Analyze computes the field's length and term frequencies as Bleve's
// TextField does with the analyser.
func (f *passageField) Analyze() {
	_, fast := f.an.Tokenizer.(wordTokenizer)
	if !fast || !plainASCII(f.value) {
		tokens := f.an.Analyze(f.value)
		f.length = len(tokens)
		f.freqs = analysis.TokenFrequency(tokens, nil, textOptions)
		return
	}
	freqs := make(bleveindex.TokenFrequencies, len(f.value)/8+1)
	var slab []bleveindex.TokenFreq
	asciiWords(f.value, func(start, end int, _ bool) {
		m := f.an.lookup(f.value[start:end])
		if !m.keep {
			return
		}
		f.length++
		tf, ok := freqs[m.term]
		if !ok {
			if len(slab) == 0 {
				slab = make([]bleveindex.TokenFreq, max(8, (len(f.value)-start)/8))
			}
			tf = &slab[0]
			slab = slab[1:]
			// The memo's term, shared: Bleve and zap read a TokenFreq's
			// term (they index by the map's key), never write it.
			tf.Term = unsafe.Slice(unsafe.StringData(m.term), len(m.term))
			freqs[m.term] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
	})
	f.freqs = freqs
}
