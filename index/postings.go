package index

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// On a large index the candidates are found term at a time, straight from
// the index's postings, rather than by Bleve's search: for every way of
// finding a concept, each passage holding it gains the way's BM25 score in
// an array of scores, and the best passages of the array are the
// candidates. Bleve scores a disjunction document at a time, through a
// term searcher, a heap of searchers and a match object for every posting
// of every word: about 95 ns a posting, most of the time of a question
// whose words are in thousands of passages. Here a posting costs its
// decoding and an addition. The candidates are ranked as before, the best
// 20 (largeCandidates) since they are scored as the ranking scores words;
// which passages they are may differ from Bleve's, which scores with its
// own BM25 (a query norm, coordination).

// way is one way of finding a concept, weighed: its terms (several for a
// phrase, rarest first; the ranking checks their order in the passage).
type way struct {
	terms  []string
	weight float64
}

// retrievalWays are the ways of finding the question's concepts that the
// retrieval looks for (retrievedConcepts), with their weights, at most
// searcherBudget terms. A common synonym is left to the ranking when the
// question has a word that is not common, as retrievalSynonyms does.
func (x *Index) retrievalWays(ctx context.Context, q *question) []way {
	kept, rare := x.retrievedConcepts(q)
	var ways []way
	budget := searcherBudget
	for _, i := range kept {
		c := q.concepts[i]
		for k, a := range c.alts {
			if k > 0 && rare && len(a.terms) == 1 && x.common(x.docFreq(ctx, x.reader, a.terms)) {
				continue
			}
			if len(a.terms) > budget {
				continue
			}
			budget -= len(a.terms)
			terms := a.terms
			if len(terms) > 1 {
				// a phrase's rarest word first: scoreSegment reads its
				// passages and skips along the others' to them
				terms = slices.Clone(terms)
				slices.SortFunc(terms, func(t, u string) int {
					return cmp.Compare(x.docFreq(ctx, x.reader, []string{t}), x.docFreq(ctx, x.reader, []string{u}))
				})
			}
			ways = append(ways, way{terms: terms, weight: c.weight * a.weight})
		}
	}
	return ways
}

// bm25Saturation is BM25's weight of a word found tf times in a passage of
// length terms, where passages average avgLen terms.
func bm25Saturation(tf, length, avgLen float64) float64 {
	return tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*length/avgLen))
}

// bm25Once returns the BM25 saturation of a word found once in a passage,
// by the passage's length in terms, for the lengths most passages have:
// most postings are of words found once. avgLen is the index's average
// length, which never changes, so the table is made once.
func (x *Index) bm25Once(avgLen float64) []float64 {
	x.bm25Made.Do(func() {
		x.bm25Table = make([]float64, 1024)
		for n := range x.bm25Table {
			x.bm25Table[n] = bm25Saturation(1, float64(n), avgLen)
		}
	})
	return x.bm25Table
}

// scoredHit is a passage found term at a time: its segment, its number in
// the segment, and its score.
type scoredHit struct {
	seg   int
	num   uint32
	score float64
}

// worst is a heap of the best hits met so far, the worst on top; of equal
// scores the one met later is worse, as in reading order.
type worst []scoredHit

// worse reports whether a ranks below b.
func worse(a, b scoredHit) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	if a.seg != b.seg {
		return a.seg > b.seg
	}
	return a.num > b.num
}

func (h worst) Len() int           { return len(h) }
func (h worst) Less(i, j int) bool { return worse(h[i], h[j]) }
func (h worst) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worst) Push(v any)        { *h = append(*h, v.(scoredHit)) }
func (h *worst) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// scoreBuf is one segment's scores and the passages that have one,
// reused by the next search.
type scoreBuf struct {
	scores  []float64
	touched []uint32
	docs    []uint32  // a phrase's passages
	sums    []float64 // and their scores
}

var scoreBufs = sync.Pool{New: func() any { return &scoreBuf{} }}

// topByPostings returns the k best passages of the index's snapshot for
// the ways, best first, as Bleve document ids with their scores, and how
// many passages hold any way.
func (x *Index) topByPostings(ctx context.Context, snap *scorch.IndexSnapshot, ways []way, k int) (ids []string, scores []float64, total uint64, err error) {
	avgLen := x.meta.AvgTokens
	if avgLen <= 0 {
		avgLen = 30
	}
	best := make(worst, 0, k+1)
	for si, ss := range snap.Segments() {
		n, err := x.scoreSegment(ctx, si, ss, ways, avgLen, k, &best)
		if err != nil {
			return nil, nil, 0, err
		}
		total += n
	}
	out := make([]scoredHit, len(best))
	for i := len(best) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&best).(scoredHit)
	}
	segs := snap.Segments()
	ids = make([]string, len(out))
	scores = make([]float64, len(out))
	for i, h := range out {
		id, err := segs[h.seg].DocID(uint64(h.num))
		if err != nil {
			return nil, nil, 0, fmt.Errorf("index: passage %d of segment %d: %w", h.num, h.seg, err)
		}
		ids[i], scores[i] = string(id), h.score
	}
	return ids, scores, total, nil
}

// scoreSegment adds the ways' scores of one segment's passages and offers
// the passages to the best; it returns how many passages hold a way.
func (x *Index) scoreSegment(ctx context.Context, si int, ss *scorch.SegmentSnapshot, ways []way, avgLen float64, k int, best *worst) (uint64, error) {
	size := ss.Count()
	if size == 0 || size > math.MaxUint32 {
		return 0, nil
	}
	dict, err := ss.Segment().Dictionary(fieldText)
	if err != nil {
		return 0, fmt.Errorf("index: postings: %w", err)
	}
	b := scoreBufs.Get().(*scoreBuf)
	defer func() {
		for _, d := range b.touched {
			b.scores[d] = 0
		}
		b.touched, b.docs, b.sums = b.touched[:0], b.docs[:0], b.sums[:0]
		scoreBufs.Put(b)
	}()
	if uint64(len(b.scores)) < size {
		b.scores = make([]float64, size)
	}
	once := x.bm25Once(avgLen)
	bm25 := func(p segment.Posting) float64 {
		var tf, length uint64
		if zp, ok := p.(*zap.Posting); ok {
			// zap keeps the passage's length itself as the norm's bits
			tf, length = zp.Frequency(), zp.NormUint64()
		} else {
			tf, length = p.Frequency(), 1
			if norm := p.Norm(); norm > 0 {
				length = uint64(math.Round(1 / (norm * norm)))
			}
		}
		if tf == 1 && length < uint64(len(once)) {
			return once[length]
		}
		return bm25Saturation(float64(tf), float64(length), avgLen)
	}
	var (
		pl segment.PostingsList
		it segment.PostingsIterator
	)
	postings := func(t string) error {
		if pl, err = dict.PostingsList([]byte(t), ss.Deleted(), pl); err != nil {
			return fmt.Errorf("index: postings of %q: %w", t, err)
		}
		it = pl.Iterator(true, true, false, it)
		return nil
	}
	add := func(d uint32, s float64) {
		if s <= 0 {
			return
		}
		if b.scores[d] == 0 {
			b.touched = append(b.touched, d)
		}
		b.scores[d] += s
	}
	for _, w := range ways {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if len(w.terms) == 1 {
			if err := postings(w.terms[0]); err != nil {
				return 0, err
			}
			for {
				p, err := it.Next()
				if err != nil {
					return 0, fmt.Errorf("index: postings of %q: %w", w.terms[0], err)
				}
				if p == nil {
					break
				}
				add(uint32(p.Number()), w.weight*bm25(p))
			}
			continue
		}
		// A phrase: the passages that hold all of its words, each word
		// scored with the phrase's weight, as the retrieval's
		// conjunction of them is. The rarest word's passages (the first,
		// see retrievalWays) are read, and the others' postings are
		// skipped along to them.
		docs, sums := b.docs[:0], b.sums[:0]
		for ti, t := range w.terms {
			if err := postings(t); err != nil {
				return 0, err
			}
			if ti == 0 {
				for {
					p, err := it.Next()
					if err != nil {
						return 0, fmt.Errorf("index: postings of %q: %w", t, err)
					}
					if p == nil {
						break
					}
					docs, sums = append(docs, uint32(p.Number())), append(sums, bm25(p))
				}
				continue
			}
			// at is the passage of the posting last read, atScore its
			// score: a posting read past one passage may be the next's.
			kept, at, atScore := 0, int64(-1), 0.0
			for i, d := range docs {
				if int64(d) > at {
					p, err := it.Advance(uint64(d))
					if err != nil {
						return 0, fmt.Errorf("index: postings of %q: %w", t, err)
					}
					if p == nil {
						break // no more postings: no later passage holds it
					}
					at, atScore = int64(p.Number()), bm25(p)
				}
				if at == int64(d) {
					docs[kept], sums[kept] = d, sums[i]+atScore
					kept++
				}
			}
			docs, sums = docs[:kept], sums[:kept]
		}
		for i, d := range docs {
			add(d, w.weight*sums[i])
		}
		b.docs, b.sums = docs, sums
	}
	for _, d := range b.touched {
		h := scoredHit{seg: si, num: d, score: b.scores[d]}
		switch {
		case len(*best) < k:
			heap.Push(best, h)
		case worse((*best)[0], h):
			(*best)[0] = h
			heap.Fix(best, 0)
		}
	}
	return uint64(len(b.touched)), nil
}
