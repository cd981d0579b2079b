package corpus

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Changes are the differences between two versions of a corpus, as Diff
// finds them.
type Changes struct {
	// Added, Changed and Removed are the IDs of the articles that only the
	// new corpus has, that both have but differ, and that only the old
	// corpus has, each sorted.
	Added, Changed, Removed []string
	// PassagesAdded and PassagesRemoved count the passages that only the
	// new and only the old versions of the articles have: all passages of
	// added and removed articles, and for changed articles the passages
	// whose paragraph, part and text are not all found in the other version.
	PassagesAdded, PassagesRemoved int
	// TopicsChanged reports whether the set of topic commands differs, by
	// name, description, query or article, in any order.
	TopicsChanged bool
}

// Diff returns the changes from the corpus old to the corpus new. An
// article is changed when its title, source, URL, published date or any
// passage differs; the file it is read from does not count, nor do the file
// and line of a topic. A nil old (or new) is an empty corpus.
func Diff(old, new *Corpus) Changes {
	if old == nil {
		old = &Corpus{}
	}
	if new == nil {
		new = &Corpus{}
	}
	var c Changes
	before := make(map[string]*Article, len(old.Articles))
	for i := range old.Articles {
		before[old.Articles[i].ID] = &old.Articles[i]
	}
	seen := make(map[string]bool, len(new.Articles))
	for i := range new.Articles {
		a := &new.Articles[i]
		seen[a.ID] = true
		b, ok := before[a.ID]
		switch {
		case !ok:
			c.Added = append(c.Added, a.ID)
			c.PassagesAdded += len(a.Passages)
		case !sameArticle(a, b):
			c.Changed = append(c.Changed, a.ID)
			c.PassagesAdded += missingPassages(a.Passages, b.Passages)
			c.PassagesRemoved += missingPassages(b.Passages, a.Passages)
		}
	}
	for i := range old.Articles {
		if b := &old.Articles[i]; !seen[b.ID] {
			c.Removed = append(c.Removed, b.ID)
			c.PassagesRemoved += len(b.Passages)
		}
	}
	slices.Sort(c.Added)
	slices.Sort(c.Changed)
	slices.Sort(c.Removed)
	c.TopicsChanged = !slices.Equal(topicSet(old.Topics), topicSet(new.Topics))
	return c
}

// sameArticle reports whether a and b have the same title, source, URL,
// published date and passages.
func sameArticle(a, b *Article) bool {
	return a.Title == b.Title && a.Source == b.Source && a.URL == b.URL &&
		a.Published.Equal(b.Published) && slices.Equal(a.Passages, b.Passages)
}

// missingPassages returns the number of passages of ps that are not in
// others.
func missingPassages(ps, others []Passage) int {
	in := make(map[Passage]bool, len(others))
	for _, p := range others {
		in[p] = true
	}
	n := 0
	for _, p := range ps {
		if !in[p] {
			n++
		}
	}
	return n
}

// topicKey is what Diff compares of a Topic.
type topicKey struct{ name, description, query, article string }

// topicSet returns the keys of topics, sorted.
func topicSet(topics []Topic) []topicKey {
	keys := make([]topicKey, len(topics))
	for i, t := range topics {
		keys[i] = topicKey{t.Name, t.Description, t.Query, t.Article}
	}
	slices.SortFunc(keys, func(a, b topicKey) int {
		return cmp.Or(strings.Compare(a.name, b.name), strings.Compare(a.description, b.description),
			strings.Compare(a.query, b.query), strings.Compare(a.article, b.article))
	})
	return keys
}

// Empty reports whether there are no changes.
func (c Changes) Empty() bool {
	return len(c.Added) == 0 && len(c.Changed) == 0 && len(c.Removed) == 0 &&
		c.PassagesAdded == 0 && c.PassagesRemoved == 0 && !c.TopicsChanged
}

// maxListed is the largest number of article IDs String lists per group.
const maxListed = 3

// String describes the changes on one short line, such as "1 article added
// (eu-sanctions), 1 changed (parade), 0 removed; 12 passages added, 3
// removed; topic commands changed", or "no changes". It lists up to three
// IDs of each group.
func (c Changes) String() string {
	if c.Empty() {
		return "no changes"
	}
	var parts []string
	if len(c.Added)+len(c.Changed)+len(c.Removed) > 0 || c.PassagesAdded+c.PassagesRemoved > 0 {
		parts = append(parts,
			fmt.Sprintf("%s added%s, %d changed%s, %d removed%s",
				plural(len(c.Added), "article"), listIDs(c.Added),
				len(c.Changed), listIDs(c.Changed),
				len(c.Removed), listIDs(c.Removed)),
			fmt.Sprintf("%s added, %d removed", plural(c.PassagesAdded, "passage"), c.PassagesRemoved))
	} else {
		parts = append(parts, "articles unchanged")
	}
	if c.TopicsChanged {
		parts = append(parts, "topic commands changed")
	}
	return strings.Join(parts, "; ")
}

// plural returns "1 thing" or "n things".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// listIDs returns " (a, b, c)" for ids, with at most maxListed of them
// and a count of the others, or "" for none.
func listIDs(ids []string) string {
	switch {
	case len(ids) == 0:
		return ""
	case len(ids) > maxListed:
		return fmt.Sprintf(" (%s and %d more)", strings.Join(ids[:maxListed], ", "), len(ids)-maxListed)
	}
	return " (" + strings.Join(ids, ", ") + ")"
}
