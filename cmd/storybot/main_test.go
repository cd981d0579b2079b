package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// runCmd runs the program with args and an environment, in the current folder.
func runCmd(t *testing.T, env map[string]string, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err = run(context.Background(), append([]string{"storybot"}, args...), getenv, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func TestAskJSON(t *testing.T) {
	out, _, err := runCmd(t, nil, "", "ask", "--json", "--limit", "3", "who", "vetoes")
	// Only paragraph 11 speaks of a veto; the limit caps, it does not pad.
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Query   string  `json:"query"`
		TookMS  float64 `json:"took_ms"`
		Results []struct {
			Rank      int     `json:"rank"`
			Article   string  `json:"article"`
			Title     string  `json:"title"`
			Paragraph int     `json:"paragraph"`
			Score     float64 `json:"score"`
			Text      string  `json:"text"`
			Excerpt   string  `json:"excerpt"`
		} `json:"results"`
		Answer     string `json:"answer"`
		Weak       bool   `json:"weak"`
		DidYouMean string `json:"did_you_mean"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if got.Query != "who vetoes" || got.TookMS <= 0 || len(got.Results) == 0 || len(got.Results) > 3 {
		t.Fatalf("got %+v", got)
	}
	if got.Answer != "China and Russia" || got.Weak {
		t.Errorf("answer %q, weak %v; want China and Russia, clear", got.Answer, got.Weak)
	}
	r := got.Results[0]
	if r.Rank != 1 || r.Article != "north-korea-talks-sanctions" || r.Paragraph != 11 || r.Score <= 0 || r.Title == "" {
		t.Errorf("first result %+v", r)
	}
	if strings.Contains(r.Text, "**") || !strings.HasPrefix(r.Text, "China and Russia both wield veto power") {
		t.Errorf("text is not the plain passage: %q", r.Text)
	}
	if !strings.Contains(r.Excerpt, "**veto**") {
		t.Errorf("excerpt %q lacks the bold match", r.Excerpt)
	}
}

func TestAskText(t *testing.T) {
	out, _, err := runCmd(t, nil, "", "ask", "how much crude oil", "--limit", "1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "Answer: from four million to two million barrels\n\n1. North Korea Talks Sanctions, paragraph 8") || !strings.Contains(out, "**crude oil**") || !strings.Contains(out, "1 passage matched") {
		t.Errorf("output:\n%s", out)
	}
}

func TestAskCorpusFromFlagAndEnvironment(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"flag", nil, []string{"ask", "--json", "--corpus", "testdata/corpus", "Hokkaido", "shelter"}},
		{"environment", map[string]string{"STORYBOT_CORPUS": "testdata/corpus"}, []string{"ask", "--json", "Hokkaido", "shelter"}},
		{"flag beats environment", map[string]string{"STORYBOT_CORPUS": "testdata/bad"}, []string{"ask", "--json", "--corpus", "testdata/corpus", "Hokkaido", "shelter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, tt.env, "", tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, `"article":"japan-protests-launch","title":"Japan Protests Launch","paragraph":2`) {
				t.Errorf("output:\n%s", out)
			}
		})
	}
}

func TestAskErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no question", []string{"ask", "--json"}, "no question"},
		{"limit too big", []string{"ask", "--limit", "500", "veto"}, "--limit must be between 1 and 50"},
		{"limit zero", []string{"ask", "--limit", "0", "veto"}, "--limit must be between 1 and 50"},
		{"unknown flag", []string{"ask", "--jsn", "veto"}, "flag provided but not defined"},
		{"bad corpus names file and line", []string{"ask", "--corpus", "testdata/bad", "veto"}, "broken.txt:2"},
		{"missing corpus", []string{"ask", "--corpus", "testdata/none", "veto"}, "testdata/none"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, nil, "", tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if out != "" {
				t.Errorf("printed %q on error", out)
			}
		})
	}
}

func TestConsole(t *testing.T) {
	in := "/who-vetoes\n/oil-cap\n/ask question: how much crude oil can North Korea import?\n/help\n/nope\n/ask question: veto private: maybe\n\n/sources\n"
	out, _, err := runCmd(t, nil, in, "console")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"== Who can veto new UN sanctions on North Korea? ==",
		"both wield **veto power**",
		"— North Korea Talks Sanctions, paragraph 11",
		"**two million barrels**",
		"== how much crude oil can North Korea import? ==",
		"== storybot help ==",
		"error: unknown command /nope; try /help",
		`error: option private takes true or false, not "maybe"`,
		"== Sources ==",
		"passages matched",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q", want)
		}
	}
}

func TestConsoleJSON(t *testing.T) {
	out, _, err := runCmd(t, nil, "/who-vetoes\n/ask question: oil\n/reindex\n", "console", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var r struct {
			Type discordgo.InteractionResponseType `json:"type"`
			Data struct {
				Embeds     []discordgo.MessageEmbed `json:"embeds"`
				Components []json.RawMessage        `json:"components"`
			} `json:"data"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if r.Type != discordgo.InteractionResponseChannelMessageWithSource || len(r.Data.Embeds) == 0 {
			t.Errorf("response %s", l)
		}
	}
	if !strings.Contains(lines[2], "Index rebuilt") {
		t.Errorf("/reindex in the console: %s", lines[2])
	}
}

func TestConsoleMemberCannotReindex(t *testing.T) {
	out, _, err := runCmd(t, nil, "/reindex\n", "console", "--member")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Only moderators") {
		t.Errorf("output:\n%s", out)
	}
}

func TestIndexThenAsk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "idx")
	env := map[string]string{"STORYBOT_INDEX": path}
	for round := range 2 { // the second build replaces the first
		out, _, err := runCmd(t, env, "", "index", "--corpus", "testdata/corpus")
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if !strings.Contains(out, "indexed 2 articles, 17 passages into "+path) {
			t.Errorf("round %d: %s", round, out)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// ask reads the index on disk: the distractor is found without --corpus.
	out, _, err := runCmd(t, env, "", "ask", "--json", "Hokkaido")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "japan-protests-launch") {
		t.Errorf("ask did not use the index on disk: %s", out)
	}
}

func TestIndexNeedsPath(t *testing.T) {
	_, _, err := runCmd(t, nil, "", "index")
	if err == nil || !strings.Contains(err.Error(), "STORYBOT_INDEX") {
		t.Fatalf("err = %v", err)
	}
}

func TestEmptyFolderAndDotEnv(t *testing.T) {
	wd, _ := os.Getwd()
	corpusDir := filepath.Join(wd, "testdata", "corpus")
	t.Run("empty folder uses the built-in story", func(t *testing.T) {
		t.Chdir(t.TempDir())
		out, _, err := runCmd(t, nil, "/sources\n", "console")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "North Korea Talks Sanctions") || strings.Contains(out, "Japan") {
			t.Errorf("output:\n%s", out)
		}
	})
	t.Run(".env configures the corpus", func(t *testing.T) {
		dir := t.TempDir()
		t.Chdir(dir)
		os.WriteFile(".env", []byte("# test\nSTORYBOT_CORPUS="+corpusDir+"\n"), 0o600)
		out, _, err := runCmd(t, nil, "/sources\n", "console")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "Japan Protests Launch") {
			t.Errorf("output:\n%s", out)
		}
	})
	t.Run("environment beats .env", func(t *testing.T) {
		t.Chdir(t.TempDir())
		os.WriteFile(".env", []byte("STORYBOT_CORPUS=/nowhere\n"), 0o600)
		_, _, err := runCmd(t, map[string]string{"STORYBOT_CORPUS": corpusDir}, "/sources\n", "console")
		if err != nil {
			t.Fatal(err)
		}
	})
	t.Run("malformed .env is an error naming it", func(t *testing.T) {
		t.Chdir(t.TempDir())
		os.WriteFile(".env", []byte("STORYBOT_CORPUS='unterminated\n"), 0o600)
		_, _, err := runCmd(t, nil, "", "ask", "veto")
		if err == nil || !strings.Contains(err.Error(), ".env") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestEvalCommand(t *testing.T) {
	out, _, err := runCmd(t, nil, "", "eval", "--corpus", "testdata/corpus", "../../index/testdata/eval/questions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	last := strings.TrimSpace(out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:])
	if !strings.HasPrefix(last, "top1=") || !strings.Contains(last, "top3=") || !strings.Contains(last, "mrr=") || !strings.Contains(last, "answers ") {
		t.Errorf("last line %q", last)
	}
	if _, _, err := runCmd(t, nil, "", "eval", "--corpus", "testdata/corpus", "--article", "nope", "../../index/testdata/eval/questions.tsv"); err == nil || !strings.Contains(err.Error(), `no article "nope"`) {
		t.Errorf("unknown article: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "q.tsv")
	if err := os.WriteFile(bad, []byte("Who vetoes?\t11\nWho protested?\tnope:1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCmd(t, nil, "", "eval", "--corpus", "testdata/corpus", bad); err == nil || !strings.Contains(err.Error(), `q.tsv:2: the corpus has no article "nope"`) {
		t.Errorf("unknown article on a line: %v", err)
	}
}

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	bar := progressBar(&buf)
	bar(500, 2000)
	bar(2000, 2000)
	out := buf.String()
	if !strings.Contains(out, "\r[#######") || !strings.Contains(out, " 25% 500/2000 passages") || !strings.HasSuffix(out, "100% 2000/2000 passages\n") {
		t.Errorf("bar output %q", out)
	}
}
