package index

import (
	"context"
	"testing"

	"github.com/storybot/storybot/corpus"
)

// TestShortAnswers reads short answers off passages unlike the story's, one
// rule of extract.go each, and checks that an unsure passage gives none.
func TestShortAnswers(t *testing.T) {
	paragraphs := []string{
		"Mexico, the country's largest trading partner, and Canada, whose economy depends on car exports, have so far opposed the tariff plan.",
		"The report on prison conditions was written last year by Amnesty International.",
		"A senior official said the harbour talks had failed.",
		"The new rules ban imports of coal, steel and timber from the region.",
		"Sanctions on the junta target several sectors including banking and shipping.",
		"The finance minister pledged to cut fuel prices before the election, officials said.",
		"The fishing talks collapsed after a dispute over quotas in northern waters.",
		"The emergency aid is meant for humanitarian purposes only.",
		"Foreign minister Ana Souza met her counterpart in Lisbon.",
		"The port's chief pilot Rui Costa named the new tug, by its official name, the Santa Maria.",
		"Uruguay, Paraguay's largest trading partner, and Argentina disagreed on river tolls.",
		"Bolivia, whose exports go by river, has so far rejected the new toll plan.",
		"Mayor Lina Ortiz, opening the bridge on Sunday, vowed to cut the tolls by half as crowds cheered.",
		"A new river toll plan drafted last month by the ministry and seen by Reuters would double fees.",
		"Quito and Lima said they would dredge the shared canal together.",
		"The festival was held on Saturday in the old port.",
		"Brazil and Chile sent observers, while Peru and Bolivia stayed away from the summit.",
		"Officials from Brazil and Peru met on the border bridge.",
		"Engineers in Quito said the new dam was safe.",
		"Fishermen warned that the river was rising.",
		"The trade envoy met Chilean president Gabriel Boric twice in May.",
		"Peru's trade ministry has repeatedly offered new talks.",
		"The rocket travelled about 900 kilometres before landing.",
		"Brazil and Chile both hold a veto over the fishing panel, diplomats said.",
		"Inland members that depend on river ports won exemptions from the toll.",
		"The council's special adviser briefed the ambassadors by video link.",
		"The regional envoy thanked the ambassadors for the ceasefire.",
		"A spokesman for Peru's river authority urged calm after the flood.",
		"The navy's harbour display showed patrol boats, field guns and cruise missiles.",
		"Officials said the Andes crisis had worsened the ties between the two ports.",
		"Mayor Lina Ortiz unveiled a bronze statue at the harbour festival.",
		"The river council has drawn up a plan to widen the old locks.",
		"The mayor said the survey confirms \"our worst fears about the dam,\" and called for repairs.",
		"Harbour Authority spokesman Tiago Reis said the cranes would be replaced.",
		"The mayor watched as floats, brass bands and fire engines rolled past on Sunday.",
		"Quilts, honey and pottery were displayed at the spring fair.",
		"Lima's water board criticised the dam plan and warned that the valley would flood.",
		"The port police arrested the deputy minister on Friday.",
		"The new harbour chief Rui Alves inspected the quays on Monday.",
		"Talks ended in a deal in which river towns that depend on ferries won new subsidies.",
		"The council voted to cap the city's combined summer water use at about 40 million litres a day.",
		"Peru, whose ties with Bolivia have soured over water rights, and Chile met last week.",
		"The ferry sank last month, its first accident since 2009.",
		"The probe rocket fell into the Pacific Ocean after a short flight.",
		"The trade summit was held in Lisbon, far from Madrid, on Friday.",
		"The inspectors said the leaking tanker constitutes a threat to local fisheries.",
		"Governor Maria Lopes, touring the flooded valley on Sunday, promised new levees as she inspected the broken dams.",
		"Chile and Peru agreed to share the data, officials said, while he signed the accord.",
		"Pilots said the new rules of the International Civil Aviation Organization take effect in May, and ICAO inspectors will check them.",
		"WMO forecasters expect a wet season.",
		"The new quota would cut the trawler catch from 900 tonnes to 600 tonnes a season.",
		"Under the plan, the new ferry fare would rise to 12 dollars.",
		"The ministers held talks in Lima on sharing river data.",
		"The ministry has shown scant interest in the dam project.",
		"Lima offered the dam plan to Quito, which has shown little interest in it.",
		"The port authority said it had a duty to inspect the hulls before winter.",
		"The storm hit the coast last week, the first since 2015.",
		"Delegates from Ghana, Togo's closest neighbour, and Benin met at the port.",
		"Harbour officials conceded it would offer little shelter.",
		"Quotas for the coming season were issued by the Fisheries Ministry in Santiago.",
		"Rui Costa's two meetings with Bolivian minister Ana Paz ended without a deal.",
		"Fishing ministers agreed on Friday a new pact.",
		"The flood wrecked the roads and bridges of the valley, the mayor said.",
		"Farmers in parts of Salta were told to move their cattle.",
		"The flood siren sounded shortly after seven in the morning, the mayor said.",
		"The night ferry docked at 9 a.m. on the island.",
		"The old bakery reopened last week, its first opening since 2019.",
		"Tomas Vidal met Peru's river envoy Marta Diaz.",
		"A union statement calling for a dredging ban was withdrawn after objections from boatmen.",
		"The striking dockers were calling for higher harbour wages.",
		"Harbour diesel prices fell nearly 8 percent after the storm.",
		"The dockers' union said on Monday it hopes through the courts to stop dredging.",
		"The mayor stood by the river after the storm despite its \"catastrophe\" for the farms.",
		"Peru and Ecuador share the river basin, and the two countries signed a water pact in May.",
		"Port director Ines Faria said the harbour would stay open through the winter.",
		"\"But we also have a duty to dredge the channel,\" she told fishermen.",
		"The Harbour Board said on Friday it was still open to talks even as it seeks through the courts to block the canal.",
		"Mayor Lina Ortiz said the old bridge would close for repairs as it seeks to reopen the ferry.",
		"Harbour master Jon Vik watched tugs, barges and dredgers sail past at dawn.",
		"The board voted to cut the dredging budget from nine million to six million dollars next year.",
		"The new charter, sent to all 12 harbour captains, bans night fishing.",
		"Uruguay and Brazil have raised ferry fares after growing tired of the tolls.",
		"The agency said the oil spill poses a threat to coastal tourism and to the regional fishing fleet.",
		"The coast guard met the trawler crews and urged them to stay in port.",
		"The survey drone flew 700 kilometres, one of the longest distances flown by a drone.",
	}
	x := buildArticle(t, "world.txt", paragraphs, Options{Synonyms: corpus.DefaultSynonyms()})
	for _, tc := range []struct {
		name, question, want string
	}{
		{"subject across asides", "Which countries opposed the tariff plan?", "Mexico and Canada"},
		{"an infinitive's object, its doer the clause's subject far before it", "What does the dockers' union want to stop?", "dredging"},
		{"the word asked for, in quotation marks after what it is for", "What word did the mayor use for the storm?", "catastrophe"},
		{"what the subject did, to the question's words after it", "What did the storm do last week?", "hit the coast last week"},
		{"what the subject did, where the passage lacks the question's time", "What did the storm do in May?", ""},
		{"who the other party met: the possessor of the meetings", "Who did Ana Paz meet?", "Rui Costa"},
		{"a pair said as 'the two countries': the two names before it", "Who signed a water pact?", "Peru and Ecuador"},
		{"agent of a passive verb", "Who wrote the report on prison conditions?", "Amnesty International"},
		{"common noun subject", "Who said the harbour talks had failed?", "A senior official"},
		{"bare list of things", "What goods do the new rules ban?", "coal, steel and timber"},
		{"list after including", "Which sectors do the sanctions on the junta target?", "banking and shipping"},
		{"what was pledged", "What did the finance minister pledge?", "to cut fuel prices"},
		{"cause", "Why did the fishing talks collapse?", "after a dispute over quotas in northern waters"},
		{"purpose", "For what purpose is the emergency aid meant?", "humanitarian purposes"},
		{"name beside the question's word", "Who is the foreign minister?", "Ana Souza"},
		{"the name of the word before name", "chief pilot name", "Rui Costa"},
		{"the official name", "What is the tug's official name?", "Santa Maria"},
		{"a pronoun after a verb of saying", "Who will dredge the shared canal?", "Quito and Lima"},
		{"what a passive verb with the question's agent was done to", "What plan has Reuters seen?", "A new river toll plan"},
		{"what a name said, past an aside", "What did Lina Ortiz say at the bridge opening?", "to cut the tolls by half"},
		{"a stance: what the name does about it", "What is Bolivia's stance on the toll plan?", "has so far rejected the new toll plan"},
		{"how two names stand: the aside after one", "What is Uruguay's relationship to Paraguay?", "Paraguay's largest trading partner"},
		{"the one time given", "When was the festival held?", "Saturday"},
		{"subject of the right verb", "Which countries stayed away from the summit?", "Peru and Bolivia"},
		{"the passage does not say who did it", "Who built the border bridge?", ""},
		{"a name inside the subject is not the doer, the noun it hangs on is", "Who said the new dam was safe?", "Engineers"},
		{"a plural subject that starts the sentence", "Who warned that the river was rising?", "Fishermen"},
		{"object of the question's verb", "Who did the trade envoy meet?", "Gabriel Boric"},
		{"subject after a possessive name", "Who offered new talks?", "Peru's trade ministry"},
		{"how far asks for a quantity", "How far did the rocket travel?", "900 kilometres"},
		{"doers before a verb and its noun", "Which countries could block the fishing panel?", "Brazil and Chile"},
		{"the subject a relative clause hangs on", "Which countries won exemptions from the toll?", "Inland members"},
		{"a verb inside an aside: the name it hangs on", "Who has soured ties with Bolivia?", "Peru"},
		{"what year: the year, not another time", "What year was the ferry accident before last month?", "2009"},
		{"where: the place after a preposition", "Where did the probe rocket fall?", "Pacific Ocean"},
		{"where: the nearest place", "Where was the trade summit held?", "Lisbon"},
		{"a common noun with a possessive after the article", "Who briefed the ambassadors?", "The council's special adviser"},
		{"a quantity in the clause of the question's quantity noun", "How many litres a day will the council cap water use at?", "40 million litres"},
		{"a relative clause after a preposition has a subject of its own", "Who won new subsidies?", "river towns"},
		{"a doer that is another way of saying the question's other word", "Who thanked the ambassadors?", "The regional envoy"},
		{"who is a named person: the role before the name", "Who is Gabriel Boric?", "Chilean president"},
		{"a plural subject with its adjective", "Who warned that the river was rising?", "Fishermen"},
		{"when: not the time of the earlier one after first since", "When did the ferry sink?", "last month"},
		{"when the previous one was: the time after first since", "When was the ferry's previous accident?", "2009"},
		{"who has done it: the participle is the verb", "Who has seen the new river toll plan?", "Reuters"},
		{"a pronoun opening a clause of time: the main clause's subject", "Who inspected the broken dams?", "Governor Maria Lopes"},
		{"an aside opening with -ing: the name it hangs on", "Who was touring the flooded valley?", "Governor Maria Lopes"},
		{"a pronoun that does not agree with the main subject", "Who signed the accord?", ""},
		{"what would it fall to: the end of the range", "What would the dredging budget fall to?", "six million dollars"},
		{"what would it fall from: the whole range, where its start has no unit", "What would the dredging budget fall from?", "from nine million to six million dollars"},
		{"what does X threaten: what follows its threat's to", "What does the leaking tanker threaten?", "local fisheries"},
		{"who else besides X: the others", "Who else holds a veto over the fishing panel besides Brazil?", "Chile"},
		{"who else besides X: none when X is all", "Who else has rejected the new toll plan besides Bolivia?", ""},
		{"who reported seeing it: the doer of seeing", "Who reported seeing the toll plan?", "Reuters"},
		{"who has the power to veto: who holds a veto", "Which countries have the power to veto the fishing panel?", "Brazil and Chile"},
		{"what did X urge Y to do: the infinitive past the object pronoun", "What did the coast guard urge the crews to do?", "to stay in port"},
		{"which kind does X threaten: the one of that kind after 'and to'", "Which fleet does the oil spill threaten?", "the regional fishing fleet"},
		{"what threatens Y asks the subject, not Y", "What do the inspectors say threatens local fisheries?", ""},
		{"an -ing verb after a subordinator: the main clause's subject", "Who grew tired of the tolls?", "Uruguay and Brazil"},
		{"whose: the name a relative whose hangs on", "Whose ties with Bolivia have soured?", "Peru"},
		{"who was it sent to: what follows the verb's to", "Who was the new charter sent to?", "all 12 harbour captains"},
		{"to whom was it sent: the same, the preposition put first", "To whom was the new charter sent?", "all 12 harbour captains"},
		{"who has, an adverb and a participle: the participle's doer", "Who has repeatedly offered new talks?", "Peru's trade ministry"},
		{"what would it rise to: the quantity after to", "What would the ferry fare rise to?", "12 dollars"},
		{"what did X watch do: what X watched", "What did the harbour master watch go by?", "tugs, barges and dredgers"},
		{"which noun did X verb: the verb's object", "Which dams did the governor inspect?", "the broken dams"},
		{"it opening a clause of time: the main clause's subject", "Who is trying to block the canal?", "Harbour Board"},
		{"it after a nearer subject that is a thing: no name", "Who is trying to reopen the ferry?", ""},
		{"who said it: whom the pronoun of any verb of saying stands for", "Who said the port has a duty to dredge the channel?", "Ines Faria"},
		{"an acronym spelt out by the initials of a name", "What does ICAO stand for?", "International Civil Aviation Organization"},
		{"an acronym the passage does not spell out", "What does WMO stand for?", ""},
		{"a range with the unit the question counts", "How many tonnes can the trawlers catch?", "from 900 tonnes to 600 tonnes"},
		{"what would the quantity noun be: a number", "What would the new ferry fare be?", "12 dollars"},
		{"a noun's to is no infinitive", "What did the inspectors say was a threat to fisheries?", ""},
		{"what is considered the noun: the subject of a linking verb before it", "What do the inspectors consider a threat to fisheries?", "the leaking tanker"},
		{"an attribution after the verb is no part of it", "What does the leaking tanker constitute according to the inspectors?", "a threat to local fisheries"},
		{"a name's possessive inside the subject: the noun the preposition hangs on", "Who urged calm after the flood?", "A spokesman for Peru's river authority"},
		{"how many counts the noun, not the names after it", "how many times rui costa and ana paz met", "two meetings"},
		{"what did it: the one list, as the verb's subject", "What rolled past the mayor on Sunday?", "floats, brass bands and fire engines"},
		{"what was done to: the one list, the passive verb's subject", "What was displayed at the spring fair?", "Quilts, honey and pottery"},
		{"what did X verb: the subject is the name the question's words describe", "What did the harbour chief inspect?", "the quays"},
		{"who did X verb: a person's noun after an article", "Who did the port police arrest?", "the deputy minister"},
		{"a range is a length", "What is the rocket's range?", "900 kilometres"},
		{"a second verb after and shares the first one's subject", "Who warned that the valley would flood?", "Lima's water board"},
		{"who speaks for an office: its spokesman", "Who speaks for the Harbour Authority?", "Tiago Reis"},
		{"an object in quotes after the verb", "What does the survey confirm?", "our worst fears about the dam"},
		{"what noun: what the passage says it is to do", "What plan has the river council drawn up?", "to widen the old locks"},
		{"the verb before a closing phrase of place", "What did Lina Ortiz unveil at the harbour festival?", "a bronze statue"},
		{"a closing phrase of place the passage does not hold", "What did Lina Ortiz unveil at the airport?", ""},
		{"which noun: the name before it in lower case, with it", "Which crisis worsened the ties between the ports?", "Andes crisis"},
		{"which noun followed by a verb the name stands before is no reading", "Which officials said the ties had worsened?", ""},
		{"which noun: the items of a list that it names", "What missiles were at the harbour display?", "cruise missiles"},
		{"take place says no more than when", "When did the festival take place?", "Saturday"},
		{"when: the time of another event is no answer", "When did the festival end?", ""},
		{"the deed of a name's ministry is the name's", "What has Peru offered?", "new talks"},
		{"what is seen as the noun: the same reading", "What do the inspectors see as a threat to fisheries?", "the leaking tanker"},
		{"what follows the preposition the question ends on", "What did the ministers hold talks on?", "sharing river data"},
		{"how interested: the word of degree before it", "How interested is the ministry in the dam project?", "scant interest"},
		{"how interested: not when the interest is another name's", "How interested is Lima in the dam plan?", ""},
		{"a noun's to with a verb and its object after it", "What does the port authority have a duty to do?", "to inspect the hulls"},
		{"when was the last one: last is not the question's own word in last week", "When was the last storm?", "last week"},
		{"an acronym typed in lower case", "what does icao stand for", "International Civil Aviation Organization"},
		{"the full name of an acronym", "What is the full name of ICAO?", "International Civil Aviation Organization"},
		{"what is one name to another: the aside after it", "what is ghana to togo", "Togo's closest neighbour"},
		{"a keyword question for a role with a possessive", "togo's closest neighbour", "Ghana"},
		{"what the question's verb was done to", "What did Maria Lopes inspect?", "the broken dams"},
		{"what was done, when the passage does not say by whom", "What did the harbour officials offer?", ""},
		{"how long ago asks when", "How long ago did the ferry sink?", "last month"},
		{"previously asks for the earlier time", "When did the ferry previously have an accident?", "2009"},
		{"what is the purpose of: the qualifying words", "What is the purpose of the emergency aid?", "humanitarian purposes"},
		{"a question ending on a preposition: not a time after it", "What did the fishing ministers agree on?", ""},
		{"a question ending on in", "What has the ministry shown scant interest in?", "the dam project"},
		{"what has damaged asks why", "What has damaged the fishing talks?", "after a dispute over quotas in northern waters"},
		{"what made asks why", "What made the fishing talks collapse?", "after a dispute over quotas in northern waters"},
		{"which noun: the name that ends in it", "Which ministry issued the quotas for the coming season?", "Fisheries Ministry"},
		{"which noun: the head of the noun phrase, not its modifier (the agent is read instead)", "Which ministry officials issued the quotas for the coming season?", "Fisheries"},
		{"who met X: the other party after the deed's noun and with", "Who met Rui Costa?", "Ana Paz"},
		{"who met X: the possessor of the deed's noun, when X stands after with", "Who met Ana Paz?", "Rui Costa"},
		{"what is an acronym: spelt out", "What is the ICAO?", "International Civil Aviation Organization"},
		{"what cut: a quantity", "What cut would the new quota make to the trawler catch?", "from 900 tonnes to 600 tonnes"},
		{"who, ending on a preposition: what follows it", "Who did Rui Costa hold two meetings with?", "Bolivian minister Ana Paz"},
		{"what does X want to do: what X vowed to do", "What does Lina Ortiz want to do?", "to cut the tolls by half"},
		{"a keyword question for a role: the name right after it", "chilean president", "Gabriel Boric"},
		{"a keyword question for a role said otherwise in the passage", "peruvian president", ""},
		{"an object of two nouns joined by and", "What did the flood wreck?", "the roads and bridges of the valley"},
		{"who was told: the subject of the passive verb, not the name after in", "Who was told to move the cattle?", "Farmers"},
		{"who has it: the subject of a verb of having", "Which members have a veto over the fishing panel?", "Brazil and Chile"},
		{"a time of day, and how near it", "When did the flood siren sound?", "shortly after seven in the morning"},
		{"a time of day in figures", "When did the night ferry dock?", "9 a.m"},
		{"what year: a year, which the passage need not call one", "What year was the ferry's previous accident?", "2009"},
		{"the first time, of a first since", "When did the old bakery first reopen?", ""},
		{"the name after the question's possessive and noun", "Who is Peru's river envoy?", "Marta Diaz"},
		{"no name for another's possessive and noun", "Who is Chile's river envoy?", ""},
		{"how far: a quantity in a unit of distance", "How far did the rocket travel?", "900 kilometres"},
		{"what distance: a quantity in its unit, though the passage says distances farther off", "What distance did the survey drone fly?", "700 kilometres"},
		{"how heavy: no quantity in a unit of weight", "How heavy was the rocket that travelled?", ""},
		{"an -ing verb's doer must be the question's", "What were the boatmen calling for?", ""},
		{"the question's doer before the -ing verb", "What were the striking dockers calling for?", "higher harbour wages"},
		{"how much is it: not how much it changed", "How much is harbour diesel?", ""},
		{"how much did it change: the change", "How much did harbour diesel prices fall?", "8 percent"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), Query{Text: tc.question})
			if err != nil {
				t.Fatal(err)
			}
			if res.Answer != tc.want {
				top := ""
				if len(res.Hits) > 0 {
					top = res.Hits[0].Text
				}
				t.Errorf("answer %q, want %q (top passage: %q, confidence %.2f)", res.Answer, tc.want, top, res.Confidence)
			}
		})
	}
}

// TestNamesDoer checks what moves a passage up for a "who did it" question:
// the question's verb with a name as its subject or agent.
func TestNamesDoer(t *testing.T) {
	texts := []string{
		"Norway and Iceland have so far vetoed the quota plan.",
		"Any new quota plan would face the threat of a veto.",
		"The quota plan was vetoed last year by the fisheries board of Iceland.",
		"Officials in Oslo vetoed the quota plan.",
		"The quota plan was vetoed in March by Greenland.",
	}
	x := buildArticle(t, "quota.txt", texts, Options{})
	q := x.analyse(context.Background(), x.reader, "Who vetoed the quota plan?", false)
	for _, tc := range []struct {
		name string
		text string
		want bool
	}{
		{"subject names the doer", texts[0], true},
		{"the verb as a noun with no doer", texts[1], false},
		{"agent of a passive verb", texts[4], true},
		{"agent that is not a name", texts[2], false},
		{"name inside the subject", texts[3], false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &candidate{hit: Hit{Text: tc.text}}
			c.toks, c.words = x.analyzeWords(tc.text)
			q.match(c)
			if got := namesDoer(q, c); got != tc.want {
				t.Errorf("namesDoer(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}
