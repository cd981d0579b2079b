package bot_test

import (
	"context"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
	"github.com/storybot/storybot/corpus/corpustest"
	"github.com/storybot/storybot/index"
)

// BenchmarkAsk measures a whole /ask: parse the interaction's options,
// search, highlight and render the embed, on the story and on 10,000
// generated passages. go test ./bot -run '^$' -bench Ask -benchmem
func BenchmarkAsk(b *testing.B) {
	story, _ := storyEngine(b)
	gen, err := index.Build(context.Background(), corpustest.Generate(1, 10_000), "", index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer gen.Close()
	for _, bc := range []struct {
		name   string
		engine bot.Engine
		q      string
	}{
		{"story", story, "how much crude oil can North Korea import?"},
		{"generated-10k", gen, "security council sanctions on oil exports"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			bt := newBot(b, bot.Config{Engine: bc.engine}, nil)
			i := ask(bc.q)
			s := &bottest.Session{}
			for b.Loop() {
				s.Reset()
				bt.Handle(context.Background(), s, i)
			}
			if f := s.Final(i.ID); f == nil || len(f.Embeds) == 0 || f.Flags&discordgo.MessageFlagsEphemeral != 0 {
				b.Fatalf("bad reply %+v", f)
			}
		})
	}
}

// BenchmarkAutocomplete measures a question's autocomplete, which Discord
// wants answered within 3 s and cannot be deferred.
func BenchmarkAutocomplete(b *testing.B) {
	gen, err := index.Build(context.Background(), corpustest.Generate(1, 10_000), "", index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer gen.Close()
	bt := newBot(b, bot.Config{Engine: gen}, nil)
	i := autocomplete("ask", "question", "security council sanc")
	s := &bottest.Session{}
	for b.Loop() {
		s.Reset()
		bt.Handle(context.Background(), s, i)
	}
	if r := s.Response(i.ID); r == nil || len(r.Data.Choices) == 0 {
		b.Fatalf("no choices: %+v", r)
	}
}
