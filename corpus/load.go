package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// Corpus is the content of a corpus folder: its articles and topic commands.
type Corpus struct {
	// Articles are the folder's articles, sorted by file name.
	Articles []Article
	// Topics are the topic commands of the folder's topics file, in file order.
	Topics []Topic
	// Synonyms are the groups of the folder's synonyms file, or the built-in
	// ones (DefaultSynonyms) when the folder has none.
	Synonyms [][]string
}

// Load reads the corpus in the top level of fsys, such as os.DirFS(dir) or
// Default(). Every .txt and .md file is an article (see ParseArticle), the
// file TopicsFile, if present, holds topic commands (see ParseTopics), and
// the file SynonymsFile, if present, synonym groups (see ParseSynonyms;
// without it the built-in groups apply).
// Other files, hidden files (whose name starts with '.') and folders are
// ignored.
//
// Load reports every problem it finds, joined with errors.Join, each a
// *FileError: problems in a file, two files with the same article ID, and
// topics naming an article that does not exist. A folder without any
// article gives ErrNoArticles. On error the Corpus is nil.
func Load(fsys fs.FS) (*Corpus, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("corpus: read folder: %w", err)
	}
	var (
		c           Corpus
		errs        []error
		articles    int                       // article files found
		files       = make(map[string]string) // article ID → first file with it
		topicsData  []byte
		hasTopics   bool
		hasSynonyms bool
	)
	for _, e := range entries { // sorted by file name
		name := e.Name()
		_, ext := splitName(name)
		isArticle := ext == extText || ext == extMarkdown
		if strings.HasPrefix(name, ".") || e.IsDir() || !(isArticle || name == TopicsFile || name == SynonymsFile) {
			continue
		}
		data, err := readFile(fsys, name)
		if errors.Is(err, errSkip) {
			continue
		}
		if name == SynonymsFile {
			if err == nil {
				c.Synonyms, err = ParseSynonyms(name, data)
			}
			if err != nil {
				errs = append(errs, err)
			}
			hasSynonyms = true
			continue
		}
		if !isArticle {
			if err != nil {
				errs = append(errs, &FileError{File: name, Err: err})
				continue
			}
			topicsData, hasTopics = data, true
			continue
		}
		articles++
		p := problems{file: name}
		if id, ok := articleID(name); ok {
			if first := files[id]; first != "" {
				p.addf(0, "article ID %q is already used by %s", id, first)
			} else {
				files[id] = name
			}
		}
		if err != nil {
			p.add(0, err)
		} else if a := parseArticle(&p, name, data); len(p.errs) == 0 {
			c.Articles = append(c.Articles, a)
		}
		errs = append(errs, p.errs...)
	}
	if articles == 0 {
		errs = append(errs, ErrNoArticles)
	}
	if hasTopics {
		c.Topics, errs = loadTopics(topicsData, files, errs)
	}
	if !hasSynonyms {
		c.Synonyms = DefaultSynonyms()
	}
	if err := join(errs); err != nil {
		return nil, err
	}
	return &c, nil
}

// loadTopics parses the topics file and checks that the articles its
// topics name are among files, keyed by article ID, when there are any.
// It returns the topics and errs with the problems added.
func loadTopics(data []byte, files map[string]string, errs []error) ([]Topic, []error) {
	p := problems{file: TopicsFile}
	sections := parseTopics(&p, data)
	for _, s := range sections {
		if s.Article != "" && len(files) > 0 && files[s.Article] == "" {
			p.addf(s.articleLine, "topic %q: no article with ID %q", s.Name, s.Article)
		}
	}
	return validTopics(sections), append(errs, p.errs...)
}

// errSkip tells that a directory entry is not a regular file, to be ignored.
var errSkip = errors.New("not a regular file")

// readFile reads the regular file name of fsys, following symbolic links.
// It returns errSkip for folders and other special files.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errSkip
	}
	if info.Size() > MaxFileSize {
		return nil, tooLarge(info.Size())
	}
	return fs.ReadFile(fsys, name)
}

// Passages returns the number of passages of all articles.
func (c *Corpus) Passages() int {
	n := 0
	for _, a := range c.Articles {
		n += len(a.Passages)
	}
	return n
}

// Article returns the article with the given ID, matched without regard to
// letter case, and whether there is one. The article is the corpus's own,
// not a copy.
func (c *Corpus) Article(id string) (*Article, bool) {
	id = strings.ToLower(id)
	for i := range c.Articles {
		if c.Articles[i].ID == id {
			return &c.Articles[i], true
		}
	}
	return nil, false
}
