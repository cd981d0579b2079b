package bot

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/bwmarrin/discordgo"
)

// Sync makes the application's commands on Discord (in the guild, or
// global when guildID is empty) equal the bot's command table. It first
// reads what Discord has and overwrites only when something differs, since
// Discord allows 200 command creates a day per guild. It reports whether it
// wrote.
func (b *Bot) Sync(s Session, appID, guildID string) (bool, error) {
	have, err := s.ApplicationCommands(appID, guildID)
	if err != nil {
		return false, fmt.Errorf("sync: list commands: %w", err)
	}
	want := b.Commands()
	if sameCommands(have, want) {
		return false, nil
	}
	if _, err := s.ApplicationCommandBulkOverwrite(appID, guildID, want); err != nil {
		return false, fmt.Errorf("sync: overwrite %d commands: %w", len(want), err)
	}
	return true, nil
}

// commandShape is what storybot sets on a command, for comparing with what
// Discord answers (which adds ids, versions and defaults).
type commandShape struct {
	Name        string
	Description string
	Options     []optionShape
	Permissions string
	Contexts    []discordgo.InteractionContextType
}

type optionShape struct {
	Type         discordgo.ApplicationCommandOptionType
	Name         string
	Description  string
	Required     bool
	Autocomplete bool
	MaxLength    int
	Choices      string
	Options      []optionShape
}

func shapeOf(c *discordgo.ApplicationCommand) commandShape {
	sh := commandShape{Name: c.Name, Description: c.Description}
	if c.DefaultMemberPermissions != nil {
		sh.Permissions = fmt.Sprint(*c.DefaultMemberPermissions)
	}
	if c.Contexts != nil {
		sh.Contexts = *c.Contexts
	}
	sh.Options = optionShapes(c.Options)
	return sh
}

func optionShapes(opts []*discordgo.ApplicationCommandOption) []optionShape {
	var out []optionShape
	for _, o := range opts {
		choices, _ := json.Marshal(o.Choices)
		out = append(out, optionShape{
			Type: o.Type, Name: o.Name, Description: o.Description, Required: o.Required,
			Autocomplete: o.Autocomplete, MaxLength: o.MaxLength, Choices: string(choices),
			Options: optionShapes(o.Options),
		})
	}
	return out
}

// sameCommands reports whether two command sets match by name and shape.
// Contexts that storybot leaves unset are not compared.
func sameCommands(have, want []*discordgo.ApplicationCommand) bool {
	if len(have) != len(want) {
		return false
	}
	byName := map[string]commandShape{}
	for _, c := range have {
		byName[c.Name] = shapeOf(c)
	}
	for _, c := range want {
		h, ok := byName[c.Name]
		if !ok {
			return false
		}
		w := shapeOf(c)
		if w.Contexts == nil {
			h.Contexts = nil
		}
		if !reflect.DeepEqual(h, w) {
			return false
		}
	}
	return true
}
