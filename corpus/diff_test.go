package corpus_test

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/storybot/storybot/corpus"
)

// article returns the article id of the file id.txt with one passage a
// paragraph.
func article(id string, paragraphs ...string) corpus.Article {
	a := corpus.Article{ID: id, File: id + ".txt", Title: id}
	for i, p := range paragraphs {
		a.Passages = append(a.Passages, corpus.Passage{Paragraph: i + 1, Part: 1, Text: p})
	}
	return a
}

// with returns a after applying change to it, leaving a as it was.
func with(a corpus.Article, change func(*corpus.Article)) corpus.Article {
	a.Passages = append([]corpus.Passage(nil), a.Passages...)
	change(&a)
	return a
}

// topic returns a topic command limited to article.
func topic(name, article string) corpus.Topic {
	return corpus.Topic{Name: name, Description: "About " + name, Query: name + " query", Article: article, File: "topics.ini", Line: 1}
}

func TestDiff(t *testing.T) {
	a := article("a", "A one.", "A two.")
	b := article("b", "B one.", "B two.", "B three.")
	c := article("c", "C one.")
	six := article("d", "1", "2", "3", "4", "5", "6")
	tests := []struct {
		name     string
		old, new *corpus.Corpus
		want     corpus.Changes
	}{
		{
			name: "nil old adds everything",
			new:  &corpus.Corpus{Articles: []corpus.Article{b, a}, Topics: []corpus.Topic{topic("t", "a")}},
			want: corpus.Changes{Added: []string{"a", "b"}, PassagesAdded: 5, TopicsChanged: true},
		},
		{
			name: "nil old and empty new changes nothing",
			new:  &corpus.Corpus{},
		},
		{
			name: "nil new removes everything",
			old:  &corpus.Corpus{Articles: []corpus.Article{a}},
			want: corpus.Changes{Removed: []string{"a"}, PassagesRemoved: 2},
		},
		{
			name: "same corpus changes nothing",
			old:  &corpus.Corpus{Articles: []corpus.Article{a, b}, Topics: []corpus.Topic{topic("t", "a")}},
			new:  &corpus.Corpus{Articles: []corpus.Article{a, b}, Topics: []corpus.Topic{topic("t", "a")}},
		},
		{
			name: "articles are added and removed",
			old:  &corpus.Corpus{Articles: []corpus.Article{a, b}},
			new:  &corpus.Corpus{Articles: []corpus.Article{b, c}},
			want: corpus.Changes{Added: []string{"c"}, Removed: []string{"a"}, PassagesAdded: 1, PassagesRemoved: 2},
		},
		{
			name: "changed title changes the article without passages",
			old:  &corpus.Corpus{Articles: []corpus.Article{a}},
			new:  &corpus.Corpus{Articles: []corpus.Article{with(a, func(a *corpus.Article) { a.Title = "New" })}},
			want: corpus.Changes{Changed: []string{"a"}},
		},
		{
			name: "changed source changes the article",
			old:  &corpus.Corpus{Articles: []corpus.Article{a}},
			new:  &corpus.Corpus{Articles: []corpus.Article{with(a, func(a *corpus.Article) { a.Source = "AFP" })}},
			want: corpus.Changes{Changed: []string{"a"}},
		},
		{
			name: "changed url changes the article",
			old:  &corpus.Corpus{Articles: []corpus.Article{a}},
			new:  &corpus.Corpus{Articles: []corpus.Article{with(a, func(a *corpus.Article) { a.URL = "https://example.com" })}},
			want: corpus.Changes{Changed: []string{"a"}},
		},
		{
			name: "changed date changes the article",
			old:  &corpus.Corpus{Articles: []corpus.Article{a}},
			new: &corpus.Corpus{Articles: []corpus.Article{with(a, func(a *corpus.Article) {
				a.Published = time.Date(2022, 4, 26, 0, 0, 0, 0, time.UTC)
			})}},
			want: corpus.Changes{Changed: []string{"a"}},
		},
		{
			name: "same date in another zone changes nothing",
			old: &corpus.Corpus{Articles: []corpus.Article{with(a, func(a *corpus.Article) {
				a.Published = time.Date(2022, 4, 26, 0, 0, 0, 0, time.UTC)
			})}},
			new: &corpus.Corpus{Articles: []corpus.Article{with(a, func(a *corpus.Article) {
				a.Published = time.Date(2022, 4, 26, 2, 0, 0, 0, time.FixedZone("CEST", 2*60*60))
			})}},
		},
		{
			name: "other file with the same content changes nothing",
			old:  &corpus.Corpus{Articles: []corpus.Article{a}},
			new:  &corpus.Corpus{Articles: []corpus.Article{with(a, func(a *corpus.Article) { a.File = "a.md" })}},
		},
		{
			name: "appended passages are added",
			old:  &corpus.Corpus{Articles: []corpus.Article{six}},
			new:  &corpus.Corpus{Articles: []corpus.Article{article("d", "1", "2", "3", "4", "5", "6", "7", "8")}},
			want: corpus.Changes{Changed: []string{"d"}, PassagesAdded: 2},
		},
		{
			name: "edited passage is added and removed",
			old:  &corpus.Corpus{Articles: []corpus.Article{six}},
			new:  &corpus.Corpus{Articles: []corpus.Article{article("d", "1", "2", "three", "4", "5", "6")}},
			want: corpus.Changes{Changed: []string{"d"}, PassagesAdded: 1, PassagesRemoved: 1},
		},
		{
			name: "cut passages are removed",
			old:  &corpus.Corpus{Articles: []corpus.Article{six}},
			new:  &corpus.Corpus{Articles: []corpus.Article{article("d", "1", "2", "3")}},
			want: corpus.Changes{Changed: []string{"d"}, PassagesRemoved: 3},
		},
		{
			name: "inserted paragraph renumbers the passages after it",
			old:  &corpus.Corpus{Articles: []corpus.Article{article("d", "1", "2", "3")}},
			new:  &corpus.Corpus{Articles: []corpus.Article{article("d", "1", "new", "2", "3")}},
			want: corpus.Changes{Changed: []string{"d"}, PassagesAdded: 3, PassagesRemoved: 2},
		},
		{
			name: "split paragraph changes its parts",
			old:  &corpus.Corpus{Articles: []corpus.Article{article("d", "1")}},
			new: &corpus.Corpus{Articles: []corpus.Article{with(article("d", "1"), func(a *corpus.Article) {
				a.Passages = append(a.Passages, corpus.Passage{Paragraph: 1, Part: 2, Text: "1 continued"})
			})}},
			want: corpus.Changes{Changed: []string{"d"}, PassagesAdded: 1},
		},
		{
			name: "changes are summed over articles and sorted",
			old:  &corpus.Corpus{Articles: []corpus.Article{a, b, c, six}},
			new: &corpus.Corpus{Articles: []corpus.Article{
				article("z", "Z."), article("e", "E."),
				article("c", "C one.", "C two."), article("a", "A one.", "A 2."),
			}},
			want: corpus.Changes{
				Added:           []string{"e", "z"},
				Changed:         []string{"a", "c"},
				Removed:         []string{"b", "d"},
				PassagesAdded:   2 + 1 + 1,
				PassagesRemoved: 3 + 6 + 1,
			},
		},
		{
			name: "changed topic description changes the topics",
			old:  &corpus.Corpus{Articles: []corpus.Article{a}, Topics: []corpus.Topic{topic("t", "a")}},
			new: &corpus.Corpus{Articles: []corpus.Article{a}, Topics: []corpus.Topic{func() corpus.Topic {
				t := topic("t", "a")
				t.Description = "New"
				return t
			}()}},
			want: corpus.Changes{TopicsChanged: true},
		},
		{
			name: "changed topic article changes the topics",
			old:  &corpus.Corpus{Topics: []corpus.Topic{topic("t", "a")}},
			new:  &corpus.Corpus{Topics: []corpus.Topic{topic("t", "")}},
			want: corpus.Changes{TopicsChanged: true},
		},
		{
			name: "added topic changes the topics",
			old:  &corpus.Corpus{Topics: []corpus.Topic{topic("t", "a")}},
			new:  &corpus.Corpus{Topics: []corpus.Topic{topic("t", "a"), topic("u", "")}},
			want: corpus.Changes{TopicsChanged: true},
		},
		{
			name: "removed topics change the topics",
			old:  &corpus.Corpus{Topics: []corpus.Topic{topic("t", "a")}},
			new:  &corpus.Corpus{},
			want: corpus.Changes{TopicsChanged: true},
		},
		{
			name: "topics moved in the file change nothing",
			old:  &corpus.Corpus{Topics: []corpus.Topic{topic("t", "a"), topic("u", "")}},
			new: &corpus.Corpus{Topics: []corpus.Topic{func() corpus.Topic {
				t := topic("u", "")
				t.File, t.Line = "other.ini", 9
				return t
			}(), topic("t", "a")}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := corpus.Diff(tt.old, tt.new)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Diff = %#v\nwant   %#v", got, tt.want)
			}
			if got.Empty() != reflect.DeepEqual(tt.want, corpus.Changes{}) {
				t.Errorf("Empty() = %v for %#v", got.Empty(), got)
			}
		})
	}
}

func TestDiffOfLoadedFolders(t *testing.T) {
	old, err := corpus.Load(fstest.MapFS{
		"a.txt":      file("One.\nTwo.\n"),
		"topics.ini": file("[t]\ndescription = d\nquery = q\narticle = a\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	new, err := corpus.Load(fstest.MapFS{
		"a.md":       file("# Title A\n\nOne.\n\nTwo.\n"),
		"topics.ini": file("# A comment moves the topic down.\n\n[t]\ndescription = d\nquery = q\narticle = a\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	got := corpus.Diff(old, new)
	want := corpus.Changes{Changed: []string{"a"}} // the title, from the heading
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Diff = %#v, want %#v", got, want)
	}
}

func TestChangesString(t *testing.T) {
	tests := []struct {
		name string
		c    corpus.Changes
		want string
	}{
		{name: "no changes say so", want: "no changes"},
		{
			name: "one of each is singular",
			c:    corpus.Changes{Added: []string{"eu-sanctions"}, Changed: []string{"parade"}, PassagesAdded: 1, PassagesRemoved: 3, TopicsChanged: true},
			want: "1 article added (eu-sanctions), 1 changed (parade), 0 removed; 1 passage added, 3 removed; topic commands changed",
		},
		{
			name: "several are plural",
			c:    corpus.Changes{Added: []string{"a", "b"}, Removed: []string{"c"}, PassagesAdded: 12, PassagesRemoved: 1},
			want: "2 articles added (a, b), 0 changed, 1 removed (c); 12 passages added, 1 removed",
		},
		{
			name: "long lists are cut",
			c:    corpus.Changes{Removed: []string{"a", "b", "c", "d", "e"}, PassagesRemoved: 5},
			want: "0 articles added, 0 changed, 5 removed (a, b, c and 2 more); 0 passages added, 5 removed",
		},
		{
			name: "changed title alone counts no passages",
			c:    corpus.Changes{Changed: []string{"a"}},
			want: "0 articles added, 1 changed (a), 0 removed; 0 passages added, 0 removed",
		},
		{
			name: "topics alone leave articles unchanged",
			c:    corpus.Changes{TopicsChanged: true},
			want: "articles unchanged; topic commands changed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.String(); got != tt.want {
				t.Errorf("String() = %q\nwant       %q", got, tt.want)
			}
		})
	}
}

func ExampleDiff() {
	old, err := corpus.Load(fstest.MapFS{
		"talks.txt":  file("The US remains open to talks.\nChina and Russia wield vetoes.\n"),
		"parade.txt": file("Kim showed off tanks.\n"),
	})
	if err != nil {
		panic(err)
	}
	new, err := corpus.Load(fstest.MapFS{
		"talks.txt":        file("The US remains open to talks.\nChina and Russia wield vetoes.\nJapan called for pressure.\n"),
		"eu-sanctions.txt": file("The EU agreed new sanctions.\nThey start in May.\n"),
		"topics.ini":       file("[talks]\ndescription = Are talks still open?\nquery = talks open\n"),
	})
	if err != nil {
		panic(err)
	}
	changes := corpus.Diff(old, new)
	fmt.Println(changes)
	fmt.Println(changes.Added, changes.Changed, changes.Removed)
	// Output:
	// 1 article added (eu-sanctions), 1 changed (talks), 1 removed (parade); 3 passages added, 1 removed; topic commands changed
	// [eu-sanctions] [talks] [parade]
}
