package bottest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot/bottest"
)

var defs = []*discordgo.ApplicationCommand{
	{Name: "ask", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionString, Name: "question", Required: true, MaxLength: 300},
		{Type: discordgo.ApplicationCommandOptionBoolean, Name: "private"},
	}},
	{Name: "page", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionInteger, Name: "n"},
		{Type: discordgo.ApplicationCommandOptionNumber, Name: "x"},
	}},
	{Name: "help"},
}

func TestParseCommand(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    string // "name opt=value(type) ..."
		wantErr string
	}{
		{"named option", "/ask question: how much oil", "ask question=how much oil(3)", ""},
		{"bare text fills the one required option", "/ask how much oil", "ask question=how much oil(3)", ""},
		{"colon inside a question stays text", "/ask question: what happened at 5:30 today: the launch", "ask question=what happened at 5:30 today: the launch(3)", ""},
		{"two options in any order", "/ask private: yes question: who vetoes", "ask private=true(5) question=who vetoes(3)", ""},
		{"bare text then an option", "/ask who vetoes private: false", "ask question=who vetoes(3) private=false(5)", ""},
		{"integers and numbers are typed", "/page n: 3 x: 2.5", "page n=3(4) x=2.5(10)", ""},
		{"command names are case-insensitive", "/HELP", "help", ""},
		{"no slash", "help", "", "commands start with /"},
		{"unknown command", "/nope", "", "unknown command /nope"},
		{"missing required option", "/ask", "", "needs the option question"},
		{"bad boolean", "/ask question: x private: maybe", "", "true or false"},
		{"bad integer", "/page n: three", "", "whole number"},
		{"option given twice", "/ask question: a question: b", "", "given twice"},
		{"text for a command without options", "/help me", "", "takes no options"},
		{"too long for Discord", "/ask " + strings.Repeat("a", 301), "", "Discord allows 300"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, err := bottest.ParseCommand(tt.line, defs, bottest.Member{UserID: "1", Permissions: 32})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			d := i.ApplicationCommandData()
			got := d.Name
			for _, o := range d.Options {
				got += fmt.Sprintf(" %s=%v(%d)", o.Name, o.Value, o.Type)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if i.Member == nil || i.Member.Permissions != 32 || i.Type != discordgo.InteractionApplicationCommand || i.ID == "" || i.Token == "" {
				t.Errorf("interaction %+v", i)
			}
		})
	}
}
