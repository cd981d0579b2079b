package fakediscord

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestParseOptions(t *testing.T) {
	str := func(name string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Required: required}
	}
	ask := []*discordgo.ApplicationCommandOption{
		str("question", true),
		{Type: discordgo.ApplicationCommandOptionInteger, Name: "limit"},
		{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Choices: []*discordgo.ApplicationCommandOptionChoice{
			{Name: "Oil Deals", Value: "oil"},
		}},
	}
	config := []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "set", Options: []*discordgo.ApplicationCommandOption{str("key", true), str("value", false)}},
		{Type: discordgo.ApplicationCommandOptionSubCommandGroup, Name: "roles", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "add", Options: []*discordgo.ApplicationCommandOption{str("role", true)}},
		}},
	}
	tests := []struct {
		name    string
		defs    []*discordgo.ApplicationCommandOption
		text    string
		want    string
		wantErr string
	}{
		{"named_values_run_to_the_next_option", ask, "question: how much oil limit: 2", "question=how much oil limit=2", ""},
		{"order_does_not_matter", ask, "limit: 2 question: q", "question=q limit=2", ""},
		{"unknown_words_with_colons_stay_in_the_value", ask, "question: ratio: what is it", "question=ratio: what is it", ""},
		{"leading_text_goes_to_the_first_string_option", ask, "how much oil limit: 1", "question=how much oil limit=1", ""},
		{"choice_given_by_name_sends_its_value", ask, "q topic: oil deals", "question=q topic=oil", ""},
		{"value_without_space_after_colon", ask, "question:oil", "question=oil", ""},
		{"subcommand_with_options", config, "set key: a value: b", "set(key=a value=b)", ""},
		{"subcommand_group", config, "roles add role: <@&5>", "roles(add(role=<@&5>))", ""},
		{"missing_required_option_fails", ask, "limit: 2", "", "missing required option question"},
		{"repeated_option_fails", ask, "question: a question: b", "", "given twice"},
		{"unknown_option_fails", ask, "questoin: a", "", "unknown option questoin"},
		{"text_with_no_string_option_left_fails", []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionInteger, Name: "n"}}, "5", "", "cannot tell"},
		{"missing_subcommand_fails", config, "", "", "choose one of: roles, set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, err := parseOptions(tt.defs, tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want an error with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := formatOptions(opts); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// formatOptions writes options as "a=1 sub(b=2)".
func formatOptions(opts []*discordgo.ApplicationCommandInteractionDataOption) string {
	var parts []string
	for _, o := range opts {
		if o.Options != nil {
			parts = append(parts, o.Name+"("+formatOptions(o.Options)+")")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s=%v", o.Name, o.Value))
	}
	return strings.Join(parts, " ")
}

func TestConvertValue(t *testing.T) {
	tests := []struct {
		name    string
		typ     discordgo.ApplicationCommandOptionType
		in      any
		want    any
		wantErr bool
	}{
		{"integer_from_text", discordgo.ApplicationCommandOptionInteger, " 42 ", int64(42), false},
		{"integer_rejects_words", discordgo.ApplicationCommandOptionInteger, "many", nil, true},
		{"integer_rejects_fractions", discordgo.ApplicationCommandOptionInteger, 1.5, nil, true},
		{"number_from_text", discordgo.ApplicationCommandOptionNumber, "2.5", 2.5, false},
		{"boolean_from_yes", discordgo.ApplicationCommandOptionBoolean, "yes", true, false},
		{"boolean_rejects_maybe", discordgo.ApplicationCommandOptionBoolean, "maybe", nil, true},
		{"user_mention_becomes_id", discordgo.ApplicationCommandOptionUser, "<@!123>", "123", false},
		{"string_kept", discordgo.ApplicationCommandOptionString, "x", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := convertValue(tt.typ, tt.in)
			if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
				t.Errorf("got %v (%T), %v; want %v", got, got, err, tt.want)
			}
		})
	}
}
