package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/storybot/storybot/corpus"
)

// functionWords are the most frequent English words, most frequent first;
// they open the vocabulary, as they open every frequency list of news text.
var functionWords = strings.Fields(`
the of to and a in that for is on said with was it as by at he from
his be have are has but not an will its they were who been had their this
after would also which or more about she new one over than up her we there
two when out all into some can could year first last people other them most
what if no only so our just three may time where before while because between
`)

// newsWords are content words of news text, roughly by frequency; the
// generator adds their inflections and a long tail of names.
var newsWords = strings.Fields(`
government president minister officials country state police people week
percent million billion told police security military united nations
council sanctions north south east west china russia japan korea india iran
israel ukraine europe european union trade oil gas exports imports economy
market prices bank election vote parliament party opposition leader prime
foreign ministry defence army troops border missile nuclear test launch
programme weapons agreement deal summit meeting diplomats envoy ambassador
resolution draft statement spokesman reporters monday tuesday wednesday
thursday friday saturday sunday january february march april june july
august september october november december dollars barrels tonnes growth
inflation interest rates protest crisis refugees aid humanitarian health
hospital vaccine climate energy power plant coal solar wind emissions
targets court judge ruling law rights investigation report company shares
investors profit quarter analysts central capital city region province
village residents flood storm earthquake rescue workers strike wages
talks ceasefire peace war attack forces rebels fighting civilians killed
wounded hostages talk meet plan call warn say tell ask agree reject accept
deny confirm announce expect raise cut increase decrease ban impose lift
support oppose approve block veto threaten demand urge seek hold
sign order arrest charge accuse release launch fire hit kill die
win lose lead open close build start end begin return visit leave arrive
export import sell buy pay cost fund invest borrow lend owe spend
official leaders nation countries states governments allies ally partner
neighbour rival enemy regime administration cabinet senate congress house
committee commission agency authority board panel group organisation
network alliance coalition bloc camp side team family children women men
students teachers doctors nurses soldiers officers sailors pilots farmers
voters citizens migrants prisoners victims survivors witnesses experts
scientists researchers economists lawyers judges ministers diplomat general
commander chief head director secretary chairman spokeswoman adviser aide
source sources document documents letter email message speech interview
news media newspaper television radio website online internet social
phone data information intelligence evidence record records figures
statistics survey poll result results score level levels rate amount
number total share value price cost budget debt deficit revenue tax taxes
tariff tariffs subsidy subsidies loan loans bond bonds currency dollar euro
yen yuan rouble pound oilfield pipeline refinery port harbour airport
railway road bridge highway tunnel factory mine farm field forest river
sea ocean coast island mountain desert lake valley border frontier zone
area territory land water food grain wheat rice corn sugar coffee steel
iron copper gold silver aluminium uranium plutonium fuel diesel petrol
electricity grid reactor warhead rocket satellite drone jet aircraft ship
submarine tank vehicle truck car bus train fleet convoy base camp
headquarters embassy consulate palace office building hall square street
district town suburb county department bureau institute university school
church mosque temple museum stadium market mall hotel restaurant shop store
industry sector business firm bank banks insurer lender carrier operator
producer supplier exporter importer buyer seller customer consumer user
program project scheme policy strategy reform measure step move decision
choice option proposal offer bid request appeal plea demand claim charge
case trial hearing verdict sentence fine penalty punishment jail prison
custody bail parole pardon amnesty immunity asylum visa passport permit
licence contract treaty accord pact memorandum protocol framework charter
constitution amendment bill act decree rule regulation guideline standard
limit cap ceiling quota threshold deadline schedule timetable date period
season month months year years decade century day days hour hours minute
morning afternoon evening night weekend today yesterday tomorrow recent
early late future past current former previous next final annual monthly
weekly daily major minor key main top senior junior chief high low large
small big little long short great good bad better worse best worst strong
weak hard soft heavy light fast slow quick rapid sharp steep steady stable
`)

// suffixes inflect content words into the forms news text uses.
var suffixes = []string{"s", "ed", "ing", "er", "ly", "ment", "al", "ity"}

// syllables build the long tail: names of people, places and companies,
// and rare words, as a real news corpus has thousands of.
var syllables = strings.Fields(`ka ro vi an mel dor sen ta li ber gu nan cho pa
ris to mar el ven go sha tin lu bar ko de ma ni zu ra fel on ham su tek ol
wan dri po sel kir ga bu nor ia es val kel mun tor`)

// vocabSize is how many distinct words the generated corpora draw from.
const vocabSize = 6000

// Vocabulary returns the generator's words, most frequent first: function
// words, then news words with their inflections, then a tail of made-up
// names; about vocabSize words, the same every time.
func Vocabulary() []string {
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if len(out) < vocabSize && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range functionWords {
		add(w)
	}
	for _, w := range newsWords {
		add(w)
	}
	for _, s := range suffixes {
		for _, w := range newsWords {
			add(inflect(w, s))
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	for len(out) < vocabSize {
		n := 2 + r.IntN(3)
		var b strings.Builder
		for range n {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		add(b.String())
	}
	return out
}

func inflect(w, suffix string) string {
	switch {
	case strings.HasSuffix(w, "e") && (suffix == "ed" || suffix == "ing" || suffix == "er" || suffix == "al" || suffix == "ity"):
		return w[:len(w)-1] + suffix
	case strings.HasSuffix(w, "s") && suffix == "s":
		return w + "es"
	}
	return w + suffix
}

// Zipf parameters: s near 1 as in English text, and a Mandelbrot offset
// that flattens the head a little, so "the" is about 5 % of all words.
const (
	zipfS = 1.07
	zipfV = 2.7
)

// Corpus is a generated corpus and the questions asked of it.
type Corpus struct {
	Articles []corpus.Article
	// Passages is how many passages the articles hold.
	Passages int
	// RawBytes is the passages' text, in bytes.
	RawBytes int64
}

// Generate returns articles holding n passages in all, each passage a
// paragraph of 20 to 80 words drawn with a Zipf distribution from
// Vocabulary, 20 passages an article; the same seed gives the same corpus.
func Generate(seed uint64, n int) *Corpus {
	vocab := Vocabulary()
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	zipf := rand.NewZipf(r, zipfS, zipfV, uint64(len(vocab)-1))
	const perArticle = 20
	c := &Corpus{}
	for c.Passages < n {
		num := len(c.Articles) + 1
		id := fmt.Sprintf("bench-%07d", num)
		title := capitalise(vocab[zipfContent(zipf)] + " " + vocab[zipfContent(zipf)] + " " + vocab[zipfContent(zipf)])
		a := corpus.Article{ID: id, File: id + ".txt", Title: title}
		for p := 1; p <= perArticle && c.Passages < n; p++ {
			text := sentence(r, zipf, vocab, 20+r.IntN(61))
			a.Passages = append(a.Passages, corpus.Passage{Paragraph: p, Part: 1, Text: text})
			c.Passages++
			c.RawBytes += int64(len(text))
		}
		c.Articles = append(c.Articles, a)
	}
	return c
}

// zipfContent draws a word rank past the function words.
func zipfContent(z *rand.Zipf) uint64 {
	for {
		if k := z.Uint64(); k >= uint64(len(functionWords)) {
			return k
		}
	}
}

// sentence writes n words as sentences of 8 to 25 words, with commas.
func sentence(r *rand.Rand, z *rand.Zipf, vocab []string, n int) string {
	var b strings.Builder
	start := true
	left := 8 + r.IntN(18)
	for i := range n {
		w := vocab[z.Uint64()]
		if start {
			w = capitalise(w)
			start = false
		}
		b.WriteString(w)
		left--
		switch {
		case i == n-1 || left == 0:
			b.WriteString(". ")
			start, left = true, 8+r.IntN(18)
		case r.IntN(12) == 0:
			b.WriteString(", ")
		default:
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
