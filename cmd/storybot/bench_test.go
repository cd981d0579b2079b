package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchJSONAndChart(t *testing.T) {
	chart := filepath.Join(t.TempDir(), "bench.svg")
	out, stderr, err := runCmd(t, nil, "", "bench", "--sizes", "300", "--queries", "30", "--json", "--chart", chart)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a JSON line per engine, got:\n%s", out)
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if m["passages"] != 300.0 || m["ask_p99_ms"] == 0.0 {
			t.Errorf("bad row %s", l)
		}
	}
	svg, err := os.ReadFile(chart)
	if err != nil || !strings.HasPrefix(string(svg), "<svg") {
		t.Fatalf("chart: %v %.40q", err, svg)
	}
}

// TestBenchSlowest lists the slowest questions of each kind after the
// table, slowest first.
func TestBenchSlowest(t *testing.T) {
	out, stderr, err := runCmd(t, nil, "", "bench", "--sizes", "300", "--queries", "30", "--engines", "storybot", "--slowest", "2")
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	_, list, ok := strings.Cut(out, "slowest questions, storybot at 300 passages:\n")
	if !ok {
		t.Fatalf("no list of slowest questions:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 8 {
		t.Fatalf("%d lines, want 2 of each of 4 kinds:\n%s", len(lines), list)
	}
	for i, kind := range []string{"ask", "ask", "long", "long", "common", "common", "autocomplete", "autocomplete"} {
		if f := strings.Fields(lines[i]); len(f) < 4 || f[0] != kind || f[2] != "ms" {
			t.Errorf("line %d %q, want a %s question", i, lines[i], kind)
		}
	}
}

func TestBenchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"bench", "--sizes", "ten"},
		{"bench", "--sizes", "0"},
		{"bench", "--engines", "lucene"},
		{"bench", "extra"},
		{"bench", "--slowest", "-1"},
	} {
		if _, _, err := runCmd(t, nil, "", args...); exitCode(err) != 2 {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
	for s, want := range map[string]int{"1000": 1000, "10k": 10_000, "1M": 1_000_000} {
		if n, err := parseSize(s); err != nil || n != want {
			t.Errorf("parseSize(%q) = %d, %v", s, n, err)
		}
	}
}
