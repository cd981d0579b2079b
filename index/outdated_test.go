package index

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/storybot/storybot/corpus"
)

// TestOpenOutdated shows that an index built with another text analysis is
// refused with ErrOldIndex (its terms would not match questions analysed
// now), and that one built now opens.
func TestOpenOutdated(t *testing.T) {
	c, err := corpus.Load(corpus.Default())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		analysis int
		want     error
	}{
		{"current analysis opens", analysisVersion, nil},
		{"older analysis is refused", analysisVersion - 1, ErrOldIndex},
		{"no analysis version is refused", 0, ErrOldIndex},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "idx")
			x, err := Build(context.Background(), c.Articles, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			meta := x.Meta()
			meta.Analysis = tc.analysis
			if err := putJSON(x.bi, keyMeta, meta); err != nil {
				t.Fatal(err)
			}
			x.Close()
			y, err := Open(path)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open: %v, want %v", err, tc.want)
			}
			if err == nil {
				y.Close()
			}
		})
	}
}
