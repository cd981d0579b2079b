package index_test

import (
	"context"
	"testing"

	"github.com/storybot/storybot/index"
)

// TestNoWrongAnswers asks, over the story and all six distractors,
// questions that once drew a wrong short answer: each now gets the right
// one, or none when the articles do not say.
func TestNoWrongAnswers(t *testing.T) {
	idx := build(t, loadAll(t).Articles, index.Options{})
	for _, tc := range []struct {
		name, q, want string
	}{
		{"a country the article never names", "How much oil does Japan import?", ""},
		{"South Korea is not the DPRK's Republic of Korea", "Who is the president of South Korea?", ""},
		{"a relative clause's noun is not the doer, the noun it hangs on is", "Which countries won exemptions?", "landlocked members"},
		{"a doer's noun is not its subject", "Who leads the Myanmar military?", ""},
		{"a time that is no cause", "Why did Kim hold a parade?", ""},
		{"the verb with no doer gives no name near it", "Which powers could stop new sanctions?", "China and Russia"},
		{"a verb inside an aside", "Who deteriorated relations with the West?", "Russia"},
		{"a verb inside an aside after names joined by and", "What countries signed the accord?", "Russia and China"},
		{"a quantity about another country", "How many barrels of oil does China import?", ""},
		{"a number that counts something else", "How many talks has Biden offered?", ""},
		{"used to is no vow", "What would the oil be used for?", ""},
		{"a thing asked for is no relationship: the invasion, not an ally", "What invasion hurt Russia's ties with the West?", "Ukraine invasion"},
		{"who has: a verb the index does not hold", "who has the power to block sanctions", ""},
		{"who is a name: the title before it, not a name near it", "who is biden", "President"},
		{"whose: the name that owns the question's word", "Whose administration has offered dialogue?", "President Joe Biden"},
		{"a role noun after the article is no doer", "What is the official name of North Korea?", "Democratic People's Republic of Korea"},
		{"the one list of things", "What weapons were shown at the military parade?", "tanks, rocket launchers and intercontinental ballistic missiles"},
		{"what year is a year", "What year was North Korea's previous ICBM test?", "2017"},
		{"the object, not a possessive near it", "Who did Kim meet three times?", "Donald Trump"},
		{"a name inside the subject is not the doer, the noun it hangs on is", "Who said the discussions would cover interceptor batteries?", "Officials"},
		{"who is a name typed in lower case", "who is ned price", "State Department spokesman"},
		{"the two countries names again, and counts no council", "How many countries sit on the Security Council?", ""},
		{"how many counts the words after it: 15 members, not two launches", "how many security council members received the draft", "15"},
		{"a name ending in -en is no participle", "who has biden offered dialogue", ""},
		{"with the question's name inside the other party's words", "Who met Biden?", ""},
		{"the object is the question's own name", "Who did Trump meet?", ""},
		{"what a passage about another calls a threat", "What does Russia consider a threat?", ""},
		{"the subject of what is asked is not in the passage", "What is the radar a threat to?", ""},
		{"price in a keyword question is a name, not a quantity", "price provocations obligation", ""},
		{"a level is no change", "How many barrels a day will OPEC+ cut?", ""},
		{"the noun after a preposition is not the subject", "Who staged protests?", "Residents"},
		{"a quantity noun after the auxiliary is no quantity asked", "what provocations did price mention", ""},
		{"a keyword role: not the name of another's role", "Democratic People's Republic of Korea spokesman", ""},
		{"a keyword role: no inverse of an aside", "china closest ally", ""},
		{"a number far from the limit the passage names is no limit", "crude limit", ""},
		{"a name's second half is no name beside the first", "Who is the UN envoy?", ""},
		{"a place that is not where it happens", "where is the un resolution being discussed", ""},
		{"the name of a doer: the relative clause's verb, not a name beside a word", "what is the name of the news agency that saw the draft", "AFP"},
		{"name the doer: the same, asked in the imperative", "name the news agency that saw the draft", "AFP"},
		{"the name of: the role's holder, not a passage that says name", "What's the name of the State Department spokesman?", "Ned Price"},
		{"an official name of words is no acronym", "official name of north korea", "Democratic People's Republic of Korea"},
		{"a name read whole through the question's word after of", "what is the official name of korea", "Democratic People's Republic of Korea"},
		{"a name going on with the question's own name is the question's", "who was president before biden", ""},
		{"what X offered a name: the object, without the name it was offered to", "What has Biden's administration offered North Korea?", "dialogue"},
		{"the same, the name said another way", "what did biden's team offer pyongyang", "dialogue"},
		{"a verb's object before a name that is no recipient of it", "what did the EU offer Ukraine", ""},
		{"names joined before a plural aside are all it describes", "which countries are the largest producers in OPEC+", "Saudi Arabia and Russia"},
		{"a singular aside describes the name before it alone", "Who is North Korea's closest ally?", "China"},
		{"an answer does not open with the verb be", "what did the prime minister call the launch", "an outrageous act"},
		{"what X agreed: the infinitive past a time, with no dangling words", "what did OPEC+ agree on Wednesday", "to cap the group's combined crude output"},
		{"who said it, where the passage says he: the previous paragraph's speaker", "who told reporters about the provocations", "Ned Price"},
		{"half a million is one number, not half", "how much oil will the ceiling remove from the market", "half a million barrels"},
		{"what fraction asks for a quantity", "what fraction of the bloc's oil purchases will be cut", "two thirds"},
		{"the verb before a time the question ends with, its object cut at the time", "what will the allies hold next month", "a joint military drill"},
		{"the same asked with the -ing form", "what are the allies holding next month", "a joint military drill"},
		{"what is done, without how: no adverb of manner", "what is kim accelerating", "his nuclear program"},
		{"what is X's Y asks a name as who does", "what is north korea's closest ally", "China"},
		{"a place named after a part of it", "where were residents told to take shelter", "Hokkaido"},
		{"a possessive's noun that the passage gives another owner", "who is kim's predecessor", ""},
		{"the same, with a word between the owner and the noun", "who is russia's ally", ""},
		{"what others called for is not the protesters'", "what were the protesters calling for", ""},
		{"how much a thing is, not how much it rose", "how much is brent crude", ""},
		{"the first time, of a passage's 'first since'", "when did north korea first test an icbm", ""},
		{"the first since, asked as such", "first icbm since", "2017"},
		{"one of the longest is no quantity", "how far is 4,600 kilometres compared to other north korean launches", ""},
		{"who, ending on a preposition: the name, not its prepositional phrase", "who will tokyo and seoul coordinate with", "Washington"},
		{"a yes-or-no question has no short answer", "is russia an ally of north korea", ""},
		{"after a name, a comma lists: no name beside it", "who is the president of france", ""},
		{"whose name: the owner must be in the passage", "what is kim's sister's name", ""},
		{"a price is money, not a percentage", "what is the price of brent crude", ""},
		{"a name and its aside after a comma", "who is china an ally of", "North Korea"},
		{"a role the passage gives another country's name", "who is the leader of south korea", ""},
		{"the same, for a name the passage holds elsewhere", "who is the leader of china", ""},
		{"the role of the country asked about", "who is the leader of north korea", "Kim Jong Un"},
		{"a quantity about a name typed in lower case that the passage does not hold", "how many barrels of oil does north korea produce", ""},
		{"the doer is the question's own name, not the rest of it", "who watched the parade with kim", ""},
		{"the doer with no own name in it", "who watched the parade", "Kim Jong Un"},
		{"which agency: one the passage does not say did it", "which agency reported on the draft", ""},
		{"a preposition after a name is the verb's: accuse … of", "What did the US accuse North Korea of?", ""},
		{"who did it to another object is not who did it", "who won the vote on the resolution", ""},
		{"what X would do: the noun it ends with is no verb", "what would the draft do to sanctions", ""},
		{"a number counts the plural after the question's word", "how many icbms does north korea have", ""},
		{"a qualifier the passage does not say picks another holder", "who was the previous state department spokesman", ""},
		{"the time of another event than the question's", "when did kim jong un take power", ""},
		{"the time of another event: becoming leader", "when did kim become leader", ""},
		{"a vote the passage does not say: not when the draft was presented", "when will the security council vote on the draft", ""},
		{"the doer is the spokesman, not the ministry he speaks for", "who urged restraint", "A spokesman for China's foreign ministry"},
		{"call on is not call for", "who called for restraint", ""},
		{"State Department is one name, not a name beside State", "who's the secretary of state", ""},
		{"a closing phrase of place is no verb, and the passage must hold it", "what did north korea show at the parade", ""},
		{"a count belongs to its possessor: Kim's meetings, not another's", "how many meetings did moon have with trump", ""},
		{"a count with no one named in the question", "how many high profile meetings were there", "three"},
		{"a name in an aside after the own name describes it, and is not its ally", "who is china's main ally", ""},
		{"another country in the passage where the question names one it does not hold", "what have china and the us agreed to", ""},
		{"another country in the passage: the reason is Russia's and China's", "why did china and the us agree to past sanctions", ""},
		{"another country in the passage: the DPRK's lack of interest", "what kind of talks has china shown little interest in", ""},
		{"another country in the passage: the DPRK's name", "what is the official name of china?", ""},
		{"another country in the passage: Price called the DPRK a threat", "who said china threatens international peace", ""},
		{"a verb after its subject is no kind of the noun", "which kind of talks has south korea rejected?", ""},
		{"a spokesman's we is no country the question names", "What does Russia have an obligation to do?", ""},
		{"the noun's holder must be the question's", "what obligation does north korea have", ""},
		{"a particle after a subject question's verb is no stranded preposition", "who watched tanks pass by", "Kim Jong Un"},
		{"a time after the verb is no object", "what would north korea be allowed to import", ""},
		{"the subject's words are no verb whose object answers", "who did the state department spokesman talk about", ""},
		{"a noun going on past a role noun is no one spoken to: a weekly news conference", "who did the spokesman talk to", ""},
		{"a quotation far from what the question names it for is not its word", "what word did the us use for the sanctions", ""},
		{"a range is a length, not a count of launches", "what is the range of north korea's icbm", ""},
		{"an aside that is a clause about a name does not say what it is", "What was North Korea's most recent long-range missile test?", ""},
		{"the name of something the question does not ask about", "state dept guy name", ""},
		{"a common word of the question may describe the other party", "Which former president met Kim?", "Donald Trump"},
		{"a phrase cut at its length limit keeps its list whole", "What are the new export restrictions on?", "new exports by North Korea including of mineral fuels and clocks"},
		{"what a passage a rule reads an answer off ranks up: Kim's vow", "What did kim say", "to accelerate his nuclear program rapidly"},
		{"what a passage a rule reads an answer off ranks up: the exports", "what exports would the draft restrict", "mineral fuels and clocks"},
		{"which missiles: the missiles of the parade's list, not the tanks", "what missiles were at the parade", "intercontinental ballistic missiles"},
		{"a relative clause after a preposition has its own subject", "who won exemptions", "landlocked members"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := idx.Search(context.Background(), index.Query{Text: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			if res.Answer != tc.want {
				t.Errorf("%q: answer %q, want %q", tc.q, res.Answer, tc.want)
			}
		})
	}
}
