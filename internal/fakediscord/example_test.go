package fakediscord_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/internal/fakediscord"
)

// A whole end-to-end round: start the fake, open a real discordgo session on
// it, sync commands, send a slash command as a moderator and read the reply
// the user would see.
func Example() {
	srv := fakediscord.New()
	defer srv.Close() // runs last: close the session first

	s, err := bot.NewDiscordSession(srv.Token(), srv.URL())
	if err != nil {
		log.Fatal(err)
	}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		q := ic.ApplicationCommandData().GetOption("question").StringValue()
		_ = s.InteractionRespond(ic.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "You asked: " + q},
		})
	})
	if err := s.Open(); err != nil { // returns after READY
		log.Fatal(err)
	}
	defer s.Close()
	_, err = s.ApplicationCommandBulkOverwrite(s.State.User.ID, "", []*discordgo.ApplicationCommand{{
		Name: "ask", Description: "Ask a question",
		Options: []*discordgo.ApplicationCommandOption{{
			Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "The question", Required: true,
		}},
	}})
	if err != nil {
		log.Fatal(err)
	}

	ex, err := srv.SendInteraction(
		fakediscord.SlashCommand("ask", fakediscord.StringOption("question", "how much oil")),
		fakediscord.WithMember("1180000000000000099", discordgo.PermissionManageGuild),
	)
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	msg, err := ex.Final(ctx)
	if err != nil {
		log.Fatal(err) // names what the fake rejected, if anything
	}
	fmt.Println(msg.Content)
}
