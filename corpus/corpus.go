// Package corpus holds storybot's domain of articles: it reads a folder of
// article files into Articles split into Passages, and reads the topic
// commands file that moderators edit. It ships the default story, embedded.
package corpus

import "time"

// Article is one news article read from a file of the corpus folder.
type Article struct {
	// ID is the file name without its extension; it is unique in a corpus.
	ID string
	// File is the file name the article was read from, relative to the corpus folder.
	File string
	// Title is the front matter title, or one derived from the article.
	Title string
	// Source names the publisher, when known.
	Source string
	// URL links to the original article, when known.
	URL string
	// Published is the publication date; the zero time when unknown.
	Published time.Time
	// Passages are the article's searchable units, in reading order.
	Passages []Passage
}

// Passage is a searchable unit of an article: a paragraph, or one part of a
// very long paragraph split at sentence boundaries.
type Passage struct {
	// Paragraph is the 1-based number of the paragraph the passage is from.
	Paragraph int
	// Part is the 1-based part of a split paragraph; 1 when it was not split.
	Part int
	// Text is the passage as plain text.
	Text string
}
