package index

import "sync"

// memoSize is how many passages' readings a memo keeps: enough for the
// candidates of many questions, and a bound on a long-running bot's memory
// whatever the size of its index.
const memoSize = 4096

// memo keeps readings of passages by a key (the passage's number, or its
// number and a word of it), so that a passage read for one question is not
// read again for the next. Past memoSize readings it starts again empty.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// get returns the reading kept for key, if any.
func (c *memo[K, V]) get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

// put keeps the reading of key.
func (c *memo[K, V]) put(key K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= memoSize {
		c.m = make(map[K]V)
	}
	c.m[key] = v
}

// len returns how many readings are kept.
func (c *memo[K, V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
