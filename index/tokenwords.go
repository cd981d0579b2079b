package index

// A candidate passage is analysed word by word before it is ranked: every
// word looked up in the analyser's memo, a map of every word of the
// corpus. The passage file already cuts every passage into tokens of its
// dictionary (a word with the space after it, or a run of other
// characters; see passages.go), so the words of the dictionary's tokens
// are analysed once, and a passage's words are read off its token numbers:
// an index into an array rather than a string hashed and compared in a
// large map. Only the words the tokenizer joins across a token boundary
// ("U.S", "Korea's", "4,600") are still looked up whole. A passage with a
// byte the tokenizer's ASCII path does not read (above 0x7F, or '_') is
// analysed as before.

// tokenWord is what the analyser makes of one token of the passage file's
// dictionary: the word it starts with (its letters and digits), or none
// for a token of punctuation and spaces.
type tokenWord struct {
	m    memoTerm
	n    int  // the word's bytes; 0 for punctuation
	slow bool // the token has a byte the ASCII path does not read
}

// prepareTokenWords analyses the words of every token of the passage
// file's dictionary (dict: Close clears the passages' own); newIndex runs
// it in the background, and searches analyse passages from their text
// until it is done (at 100k passages it takes tens of milliseconds, which
// the first answer need not wait for).
func (x *Index) prepareTokenWords(dict []string) {
	ma, ok := x.wordMemo()
	if !ok {
		return
	}
	tw := make([]tokenWord, len(dict))
	for i, tok := range dict {
		if !plainASCII([]byte(tok)) {
			tw[i].slow = true
			continue
		}
		n := 0
		for n < len(tok) && (isASCIILetter(tok[n]) || isASCIIDigit(tok[n])) {
			n++
		}
		if n > 0 {
			tw[i].m, tw[i].n = ma.lookup([]byte(tok[:n])), n
		}
	}
	x.tokenWordsTable.Store(&tw)
}

// tokenWords returns the analysis of every dictionary token, or nil while
// it is being made (or when the index's analyser is not the memo's).
func (x *Index) tokenWords() []tokenWord {
	if tw := x.tokenWordsTable.Load(); tw != nil {
		return *tw
	}
	return nil
}

// analyzeTokensInto is analyzeWordsInto for a passage of the passage
// file, read off its token numbers (ids, as getTokens reads them; text is
// what they spell); it reports false, having appended nothing, when the
// passage must be analysed from its text.
func (x *Index) analyzeTokensInto(b *analysisBuf, ids []uint32, text string) ([]token, []word, bool) {
	tw := x.tokenWords()
	if tw == nil {
		return nil, nil, false
	}
	for _, v := range ids {
		if int(v) >= len(tw) || tw[v].slow {
			return nil, nil, false
		}
	}
	dict := x.passages.dict
	ma := x.analyzer.(*memoAnalyzer)
	w0, t0 := len(b.words), len(b.toks)
	pos, at := 1, 0
	for k := 0; k < len(ids); k++ {
		t := &tw[ids[k]]
		tok := dict[ids[k]]
		if t.n == 0 {
			at += len(tok)
			continue
		}
		start, end, last := at, at+t.n, k
		// The word goes on past its token while the token ends with it,
		// one joining character follows, and another word.
		for len(dict[ids[last]]) == tw[ids[last]].n && last+2 < len(ids) {
			mid, next := dict[ids[last+1]], &tw[ids[last+2]]
			if len(mid) != 1 || next.n == 0 || !joins(text[end-1], mid[0], text[end+1]) {
				break
			}
			last += 2
			end += 1 + next.n
		}
		m := t.m
		if last != k {
			b.input = append(b.input[:0], text[start:end]...)
			m = ma.lookup(b.input)
		}
		b.add(text, start, end, pos, m)
		pos++
		at = end
		if rest := len(dict[ids[last]]) - tw[ids[last]].n; rest > 0 {
			at += rest // the space after the word
		}
		k = last
	}
	if at != len(text) {
		// the tokens do not add up to the text: analyse the text
		clear(b.words[w0:])
		clear(b.toks[t0:])
		b.words, b.toks = b.words[:w0], b.toks[:t0]
		return nil, nil, false
	}
	return b.toks[t0:len(b.toks):len(b.toks)], b.words[w0:len(b.words):len(b.words)], true
}
