package index

import (
	"maps"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// analyzerName is storybot's English analyser: Bleve's "en" (unicode words,
// possessives removed, lower case, English stop words, Porter stemming) with
// irregular verb and noun forms brought to their base form before stemming,
// so that "saw" and "seen" both find "see", and "men" finds "man".
const analyzerName = "storybot_en"

// baseFormsName is the token filter that maps irregular forms to base forms.
const baseFormsName = "storybot_base_forms"

// acronymsName is the token filter that keeps acronyms that spell a stop
// word ("US", "IT", "WHO") from being dropped as one.
const acronymsName = "storybot_acronyms"

func init() {
	if err := registry.RegisterTokenFilter(baseFormsName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return baseForms{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(acronymsName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return acronyms{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(analyzerName, newAnalyzer); err != nil {
		panic(err)
	}
}

func newAnalyzer(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
	tokenizer, err := cache.TokenizerNamed(unicode.Name)
	if err != nil {
		return nil, err
	}
	var filters []analysis.TokenFilter
	for _, name := range []string{en.PossessiveName, acronymsName, lowercase.Name, en.StopName, baseFormsName, porter.Name} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		filters = append(filters, f)
	}
	if u, ok := tokenizer.(*unicode.UnicodeTokenizer); ok {
		tokenizer = wordTokenizer{unicode: u}
	}
	return &memoAnalyzer{DefaultAnalyzer: analysis.DefaultAnalyzer{Tokenizer: tokenizer, TokenFilters: filters}}, nil
}

// memoAnalyzer is the analyser with what its token filters make of each
// word remembered: every filter of the chain looks at one token alone
// (its bytes), so a word always gives the same term, or none. Passages and
// questions repeat the same words, and stemming was a third of the cost of
// analysing them.
//
// Reads take no lock: they look the word up in a map that is never
// written once published (the building goroutines of Bleve and every
// search read it at once). New words go to a small map under a mutex and
// are published with the others in a new map when there are enough of
// them, so that copying stays a fraction of the work.
type memoAnalyzer struct {
	analysis.DefaultAnalyzer
	memo    atomic.Pointer[map[string]memoTerm] // published, read-only
	mu      sync.Mutex
	pending map[string]memoTerm // new words not yet published
}

type memoTerm struct {
	term  string
	keep  bool   // false when a filter drops the word (a stop word)
	lower string // the word in lower case, for the answer rules
}

// memoLimit bounds the words remembered; past it, words are filtered
// every time.
const memoLimit = 1 << 20

// term returns what the filters make of a word as the tokenizer cut it.
func (a *memoAnalyzer) term(word []byte) (string, bool) {
	m := a.lookup(word)
	return m.term, m.keep
}

// lookup returns what the filters make of a word, from the memo.
func (a *memoAnalyzer) lookup(word []byte) memoTerm {
	if memo := a.memo.Load(); memo != nil {
		if m, ok := (*memo)[string(word)]; ok {
			return m
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if m, ok := a.pending[string(word)]; ok {
		return m
	}
	key := string(word)
	stream := analysis.TokenStream{{Term: []byte(key), Start: 0, End: len(key), Position: 1, Type: analysis.AlphaNumeric}}
	for _, f := range a.TokenFilters {
		stream = f.Filter(stream)
	}
	m := memoTerm{lower: strings.ToLower(key)}
	if len(stream) == 1 {
		m.term, m.keep = string(stream[0].Term), true
	}
	published := 0
	if memo := a.memo.Load(); memo != nil {
		published = len(*memo)
	}
	if published+len(a.pending) >= memoLimit {
		return m
	}
	if a.pending == nil {
		a.pending = map[string]memoTerm{}
	}
	a.pending[key] = m
	if len(a.pending) >= 64+published/4 {
		next := make(map[string]memoTerm, published+len(a.pending))
		if memo := a.memo.Load(); memo != nil {
			maps.Copy(next, *memo)
		}
		maps.Copy(next, a.pending)
		a.memo.Store(&next)
		a.pending = nil
	}
	return m
}

// Analyze tokenizes input and filters each token through the memo.
func (a *memoAnalyzer) Analyze(input []byte) analysis.TokenStream {
	stream := a.Tokenizer.Tokenize(input)
	out := stream[:0]
	for _, t := range stream {
		term, keep := a.term(t.Term)
		if !keep {
			continue
		}
		t.Term = []byte(term)
		out = append(out, t)
	}
	return out
}

// acronyms writes an upper-case word of two to four letters that spells an
// English stop word or pronoun with dots ("US" becomes "U.S", as the
// tokenizer leaves "U.S."), so that it is kept, "US" and "U.S." are one
// term, and neither is "us" (nor "used", which Porter stems to "us").
type acronyms struct{}

// pronouns are the personal pronouns that Bleve's English stop words leave
// in; an acronym that spells one ("US") is not that word.
var pronouns = map[string]bool{"us": true}

func (acronyms) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if n := len(t.Term); n < 2 || n > 4 || !isUpperASCII(t.Term) {
			continue
		}
		lw := strings.ToLower(string(t.Term))
		if _, stop := stopWords[lw]; !stop && !pronouns[lw] {
			continue
		}
		dotted := make([]byte, 0, 2*len(t.Term))
		for i, c := range t.Term {
			if i > 0 {
				dotted = append(dotted, '.')
			}
			dotted = append(dotted, c)
		}
		t.Term = dotted
	}
	return input
}

func isUpperASCII(b []byte) bool {
	for _, c := range b {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// baseForms replaces irregular word forms by their base form, and keeps
// from the stemmer the words it would make a common word of.
type baseForms struct{}

func (baseForms) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if base, ok := irregular[string(t.Term)]; ok {
			t.Term = []byte(base)
		}
		if unstemmed[string(t.Term)] {
			t.KeyWord = true // the stemmer leaves a keyword as it is
		}
	}
	return input
}

// unstemmed are words that Porter's stemmer makes another, common word of:
// "willing" becomes "will", which a fifth of news passages hold.
var unstemmed = map[string]bool{"willing": true}

// irregular maps the past tense and participle of common English irregular
// verbs, and irregular plurals, to their base form. A form is listed only
// when its verb reading is the usual one in news text: forms that are more
// often other words (ground, bound, bit, fed, won) are left out.
var irregular = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(irregularForms, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		for _, form := range fields[1:] {
			m[form] = fields[0]
		}
	}
	return m
}()

// irregularForms lists a base form, then its irregular forms, one verb or
// noun a line.
const irregularForms = `
arise arose arisen
awake awoke awoken
bear bore borne born
beat beaten
become became
begin began begun
bend bent
bid bade bidden
bleed bled
blow blew blown
break broke broken
breed bred
bring brought
build built
burn burnt
buy bought
catch caught
choose chose chosen
come came
creep crept
deal dealt
dig dug
do did done does
draw drew drawn
dream dreamt
drink drank drunk
drive drove driven
eat ate eaten
fall fell fallen
feel felt
fight fought
find found
flee fled
fly flew flown
forbid forbade forbidden
forecast forecasted
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone goes
grow grew grown
hang hung
have had has
hear heard
hide hid hidden
hold held
keep kept
kneel knelt
know knew known
lead led
lean leant
leap leapt
learn learnt
leave left
lend lent
lose lost
make made
mean meant
meet met
mislead misled
overcome overcame
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid
prove proven
rethink rethought
ride rode ridden
ring rang rung
rise rose risen
run ran
say said says
see saw seen
seek sought
sell sold
send sent
shake shook shaken
shine shone
shoot shot
show shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat
sleep slept
slide slid
speak spoke spoken
spend spent
spin spun
spring sprang sprung
stand stood
steal stole stolen
stick stuck
sting stung
stride strode stridden
strike struck stricken
strive strove striven
swear swore sworn
sweep swept
swim swam swum
swing swung
take took taken
teach taught
tear tore torn
tell told
think thought
throw threw thrown
understand understood
undertake undertook undertaken
uphold upheld
wake woke woken
wear wore worn
weave wove woven
weep wept
withdraw withdrew withdrawn
withhold withheld
write wrote written
child children
man men
woman women
person people
mouse mice
foot feet
tooth teeth
analysis analyses
crisis crises
criterion criteria
phenomenon phenomena
`
