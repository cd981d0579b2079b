package bench_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/storybot/storybot/internal/bench"
)

func TestGenerateIsDeterministicAndNewsLike(t *testing.T) {
	a, b := bench.Generate(3, 500), bench.Generate(3, 500)
	if a.Passages != 500 || a.RawBytes != b.RawBytes || a.Articles[7].Passages[3].Text != b.Articles[7].Passages[3].Text {
		t.Fatalf("not deterministic: %d passages, %d vs %d bytes", a.Passages, a.RawBytes, b.RawBytes)
	}
	if c := bench.Generate(4, 500); c.Articles[0].Passages[0].Text == a.Articles[0].Passages[0].Text {
		t.Fatal("another seed gave the same text")
	}
	if n := len(bench.Vocabulary()); n < 3000 {
		t.Fatalf("vocabulary of %d words, want a few thousand", n)
	}
	distinct := map[string]bool{}
	for _, art := range a.Articles {
		for _, p := range art.Passages {
			n := len(strings.Fields(p.Text))
			if n < 20 || n > 80 {
				t.Fatalf("passage of %d words: %q", n, p.Text)
			}
			for _, w := range strings.Fields(p.Text) {
				distinct[strings.ToLower(strings.Trim(w, ".,"))] = true
			}
		}
	}
	if len(distinct) < 1000 {
		t.Errorf("500 passages use %d distinct words; news text uses more", len(distinct))
	}
	q := bench.MakeQuestions(1, 10)
	for _, s := range q.Long {
		if n := len(strings.Fields(s)); n < 10 {
			t.Errorf("long question of %d words: %q", n, s)
		}
	}
	for _, s := range q.Short {
		if n := len(strings.Fields(s)); n > 5 {
			t.Errorf("short question of %d words: %q", n, s)
		}
	}
}

func TestRunAtThousand(t *testing.T) {
	var log bytes.Buffer
	rows, err := bench.Run(context.Background(), bench.Config{Sizes: []int{1000}, Seed: 1, Queries: 40, Budget: time.Second, Log: &log}, nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want one per engine", len(rows))
	}
	for _, r := range rows {
		if r.Passages != 1000 || r.Queries < 30 || r.BuildPerS <= 0 || r.DiskBytes <= 0 || r.RawBytes <= 0 ||
			r.FirstAnswerMS <= 0 || r.AskP50MS <= 0 || r.AskP99MS < r.AskP50MS || r.LongP99MS <= 0 || r.CommonP99MS <= 0 ||
			r.Ask2P99MS <= 0 || r.Common2P99MS <= 0 || r.Hits < 1 {
			t.Errorf("%s: figures not sane: %+v", r.Engine, r)
		}
		if r.Engine != bench.Scan && r.DiskRatio < 0.5 {
			t.Errorf("%s: index %.2fx the raw text", r.Engine, r.DiskRatio)
		}
		if (r.Engine == bench.Storybot) != (r.AutocompleteP99MS != nil) {
			t.Errorf("%s: autocomplete %v", r.Engine, r.AutocompleteP99MS)
		}
		if r.AutocompleteP99MS != nil && *r.AutocompleteP99MS <= 0 {
			t.Errorf("autocomplete p99 %v", *r.AutocompleteP99MS)
		}
	}
	var out bytes.Buffer
	if err := bench.WriteJSON(&out, rows); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d JSON lines", len(lines))
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"engine", "passages", "build_per_s", "disk_bytes", "raw_bytes", "rss_bytes", "ask_p50_ms", "ask_p99_ms", "long_p99_ms", "common_p99_ms"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: no key %q", m["engine"], k)
			}
		}
		if _, ok := m["autocomplete_p99_ms"]; ok != (m["engine"] == bench.Storybot) {
			t.Errorf("%s: autocomplete_p99_ms present: %v", m["engine"], ok)
		}
	}
	var table, svg bytes.Buffer
	if err := bench.WriteTable(&table, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "storybot / fts5") || !strings.Contains(table.String(), "scan") {
		t.Errorf("table:\n%s", table.String())
	}
	if err := bench.WriteSVG(&svg, rows); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(svg.String(), "<svg") || strings.Count(svg.String(), "<polyline") != 8 || strings.Contains(svg.String(), "NaN") {
		t.Errorf("svg:\n%s", svg.String())
	}
	t.Logf("\n%s", table.String())
}
