package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/storybot/storybot/corpus"
	"github.com/storybot/storybot/index"
)

// Button actions, the first field of a custom_id.
const (
	actionPage = "m" // show another page of results in place
	actionPost = "p" // post the results to the channel for everyone
)

// pageState is everything a results button needs, kept in its custom_id
// (at most 100 characters) so that buttons work after a restart. A /ask
// question is not in it: it is read back from the message the button is on.
type pageState struct {
	Action  string
	Asker   string // the asker's user ID
	Version string // the index version the results came from
	Offset  int
	Topic   string // the topic command, or "" for /ask
	Article string // for /ask: the article the search was scoped to
}

var (
	versionPattern = regexp.MustCompile(`^[0-9a-z]{1,13}$`)
	articlePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
)

// customIDLimit is Discord's limit on a custom_id.
const customIDLimit = 100

// encode writes the state as "action|asker|version|offset|t:topic" or
// "...|a:article", with the asker and offset in base 36.
func (p pageState) encode() (string, error) {
	asker, err := strconv.ParseUint(p.Asker, 10, 64)
	if err != nil {
		return "", fmt.Errorf("custom_id: asker %q is not a snowflake", p.Asker)
	}
	scope := "a:" + p.Article
	if p.Topic != "" {
		scope = "t:" + p.Topic
	}
	id := strings.Join([]string{p.Action, strconv.FormatUint(asker, 36), p.Version, strconv.FormatInt(int64(p.Offset), 36), scope}, "|")
	if len(id) > customIDLimit {
		return "", fmt.Errorf("custom_id: %d characters, over %d", len(id), customIDLimit)
	}
	return id, nil
}

// decodePageState parses a custom_id written by encode, refusing anything
// else: custom_ids come from clients and are checked like any input.
func decodePageState(id string) (pageState, error) {
	bad := func(why string) (pageState, error) {
		return pageState{}, fmt.Errorf("custom_id %.100q: %s", id, why)
	}
	if len(id) > customIDLimit {
		return bad("too long")
	}
	f := strings.Split(id, "|")
	if len(f) != 5 {
		return bad("want 5 fields")
	}
	p := pageState{Action: f[0], Version: f[2]}
	if p.Action != actionPage && p.Action != actionPost {
		return bad("unknown action")
	}
	asker, err := strconv.ParseUint(f[1], 36, 64)
	if err != nil || asker == 0 {
		return bad("bad asker")
	}
	p.Asker = strconv.FormatUint(asker, 10)
	if !versionPattern.MatchString(p.Version) {
		return bad("bad version")
	}
	off, err := strconv.ParseInt(f[3], 36, 32)
	if err != nil || off < 0 || off > index.MaxOffset {
		return bad("bad offset")
	}
	p.Offset = int(off)
	kind, value, _ := strings.Cut(f[4], ":")
	switch {
	case kind == "t" && corpus.ValidName(value):
		p.Topic = value
	case kind == "a" && (value == "" || articlePattern.MatchString(value)):
		p.Article = value
	default:
		return bad("bad scope")
	}
	return p, nil
}
