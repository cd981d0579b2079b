package corpus_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storybot/storybot/corpus"
)

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte("One.\n\nTwo."), false)
	f.Add([]byte("---\ntitle: 'T'\nurl: https://e.com\npublished: 2022-04-26\n---\r\nOne.\rTwo"), false)
	f.Add([]byte("# T\n\n**a** _b_ `c` [d](e) ![f](g) \\* <h@i.j> <b>x</b>\n- i\n1. j\n> k\n```\ncode\n```\nA\n===\n"), true)
	f.Add([]byte(strings.Repeat("Mr. Kim met U.S. envoys. Talks went on! ", 40)), false)
	f.Add([]byte("\ufeff\x00\xff"), true)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		name := "fuzz.txt"
		if markdown {
			name = "fuzz.md"
		}
		a, err := corpus.ParseArticle(name, data)
		if err != nil {
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != name {
				t.Fatalf("error %q is not a *FileError for %s", err, name)
			}
			return
		}
		if len(a.Passages) == 0 {
			t.Fatal("no passages without an error")
		}
		para, part := 0, 0
		for _, p := range a.Passages {
			switch {
			case p.Paragraph == para+1 && p.Part == 1:
				para, part = p.Paragraph, 1
			case p.Paragraph == para && p.Part == part+1:
				part++
			default:
				t.Fatalf("passage %d.%d follows %d.%d", p.Paragraph, p.Part, para, part)
			}
			if p.Text == "" || len(p.Text) > corpus.MaxPassageLen || !utf8.ValidString(p.Text) ||
				p.Text != strings.TrimSpace(p.Text) || strings.Contains(p.Text, "  ") {
				t.Fatalf("bad passage text %q", p.Text)
			}
		}
	})
}

func FuzzParseTopics(f *testing.F) {
	f.Add([]byte("# c\n[who-vetoes]\ndescription = Who?\nquery = veto\narticle = a\n"))
	f.Add([]byte("[a]\r\nDescription='d'\r\nquery=\"q\"\r\n[a]\n[B]\nx\nk = v\n"))
	f.Add([]byte("\ufeff[санкции]\ndescription = é\nquery = ü"))
	f.Fuzz(func(t *testing.T, data []byte) {
		topics, err := corpus.ParseTopics("t.ini", data)
		if err != nil {
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != "t.ini" || topics != nil {
				t.Fatalf("error %q is not a *FileError for t.ini, or topics returned", err)
			}
			return
		}
		if len(topics) > corpus.MaxTopics {
			t.Fatalf("%d topics", len(topics))
		}
		names := make(map[string]bool)
		for _, tp := range topics {
			d, q := utf8.RuneCountInString(tp.Description), utf8.RuneCountInString(tp.Query)
			if !corpus.ValidName(tp.Name) || names[tp.Name] || d < 1 || d > 100 || q < 1 || q > 200 ||
				tp.File != "t.ini" || tp.Line < 1 || tp.Article != strings.ToLower(tp.Article) {
				t.Fatalf("bad topic %+v", tp)
			}
			names[tp.Name] = true
		}
	})
}
