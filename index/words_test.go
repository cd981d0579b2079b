package index

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestWordsInRemembered gives the words the word pattern finds, from the
// cache as from a first reading, past the cache's size and from several
// goroutines at once.
func TestWordsInRemembered(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range wordCacheSize + 50 {
				text := fmt.Sprintf("Who is Ned Price's %d-th Envoy? (g%d)", i%300, g)
				for range 2 { // read, then remembered
					if got, want := wordsIn(text), words.FindAllString(text, -1); !slices.Equal(got, want) {
						t.Errorf("wordsIn(%q) = %q, want %q", text, got, want)
						return
					}
					if got, want := lowerWordsIn(text), words.FindAllString(strings.ToLower(text), -1); !slices.Equal(got, want) {
						t.Errorf("lowerWordsIn(%q) = %q, want %q", text, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
