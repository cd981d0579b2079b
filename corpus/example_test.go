package corpus_test

import (
	"fmt"
	"testing/fstest"

	"github.com/storybot/storybot/corpus"
)

func ExampleParseArticle() {
	data := []byte(`---
source: AFP
published: 2022-04-26
---
The United States said Tuesday it remained committed to talks.

China and Russia both wield veto power on the Security Council.
`)
	a, err := corpus.ParseArticle("north-korea-talks-sanctions.txt", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %q from %s, %s\n", a.ID, a.Title, a.Source, a.Published.Format("2 January 2006"))
	for _, p := range a.Passages {
		fmt.Printf("%d.%d %s\n", p.Paragraph, p.Part, p.Text)
	}
	// Output:
	// north-korea-talks-sanctions: "North Korea Talks Sanctions" from AFP, 26 April 2022
	// 1.1 The United States said Tuesday it remained committed to talks.
	// 2.1 China and Russia both wield veto power on the Security Council.
}

func ExampleParseArticle_markdown() {
	data := []byte("# Talks *stall*\n\nKim [vowed](https://example.com) to **accelerate**\nhis program.\n\n- Tanks\n- Rocket launchers\n")
	a, err := corpus.ParseArticle("parade.md", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	for _, p := range a.Passages {
		fmt.Printf("%d %s\n", p.Paragraph, p.Text)
	}
	// Output:
	// Talks stall
	// 1 Kim vowed to accelerate his program.
	// 2 Tanks
	// 3 Rocket launchers
}

func ExampleParseArticle_errors() {
	_, err := corpus.ParseArticle("story.txt", []byte("---\nauthor: AFP\npublished: yesterday\n---\n"))
	fmt.Println(err)
	// Output:
	// corpus: story.txt:2: front matter: unknown key "author": want title, source, url or published
	// corpus: story.txt:3: front matter: bad published date "yesterday": want YYYY-MM-DD or RFC 3339 such as 2022-04-26T15:04:05Z
	// corpus: story.txt: empty: no paragraphs
}

func ExampleParseTopics() {
	data := []byte(`# Topic commands: one section per slash command.
[who-vetoes]
description = Who can veto new UN sanctions on North Korea?
query = veto power Security Council China Russia
article = north-korea-talks-sanctions
`)
	topics, err := corpus.ParseTopics(corpus.TopicsFile, data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range topics {
		fmt.Printf("/%s (%s:%d): %s\n", t.Name, t.File, t.Line, t.Query)
	}
	// Output:
	// /who-vetoes (topics.ini:2): veto power Security Council China Russia
}

func ExampleLoad() {
	fsys := fstest.MapFS{
		"talks.txt":  {Data: []byte("The United States remains open to talks.\nChina and Russia wield veto power.")},
		"topics.ini": {Data: []byte("[who-vetoes]\ndescription = Who can veto?\nquery = veto power\narticle = talks\n")},
		"notes.pdf":  {Data: []byte("ignored")},
	}
	c, err := corpus.Load(fsys)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(c.Articles), "article,", c.Passages(), "passages,", len(c.Topics), "topic")
	if a, ok := c.Article("talks"); ok {
		fmt.Println(a.Title)
	}
	// Output:
	// 1 article, 2 passages, 1 topic
	// Talks
}

func ExampleLoad_errors() {
	fsys := fstest.MapFS{
		"a.txt":      {Data: []byte("One.")},
		"A.md":       {Data: []byte("One.")},
		"topics.ini": {Data: []byte("[Oil]\ndescription = d\nquery = q\narticle = b\n")},
	}
	_, err := corpus.Load(fsys)
	fmt.Println(err)
	// Output:
	// corpus: a.txt: article ID "a" is already used by A.md
	// corpus: topics.ini:1: bad topic name "Oil": want 1-32 lower-case letters, digits, '-' or '_'
	// corpus: topics.ini:4: topic "Oil": no article with ID "b"
}

func ExampleDefault() {
	c, err := corpus.Load(corpus.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	a := c.Articles[0]
	fmt.Println(a.ID, len(a.Passages))
	fmt.Println(a.Passages[10].Text)
	// Output:
	// north-korea-talks-sanctions 11
	// China and Russia both wield veto power on the Security Council although the two countries have agreed to some past UN sanctions after growing exasperated with North Korea.
}

func ExampleValidName() {
	fmt.Println(corpus.ValidName("who-vetoes"), corpus.ValidName("Who-Vetoes"), corpus.ValidName("who vetoes"))
	// Output:
	// true false false
}
