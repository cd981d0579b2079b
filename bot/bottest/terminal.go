package bottest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
)

// Console reads slash commands, one a line, runs each through the bot on a
// recording Session, and prints each reply: readable text, or with JSON the
// interaction response as Discord would receive it, one a line. Bad lines
// get a one-line message and the console goes on.
type Console struct {
	Bot *bot.Bot
	// JSON prints the final interaction response JSON instead of text.
	JSON bool
	// Bold renders bold with ANSI escapes (for a terminal) instead of **.
	Bold bool
	// Member is who the console's user is.
	Member Member
}

// Run reads in until it ends or ctx is done.
func (c *Console) Run(ctx context.Context, in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	defs := c.Bot.Commands()
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == "/quit" || line == "/exit" {
			return nil
		}
		i, err := ParseCommand(line, defs, c.Member)
		if err != nil {
			if c.JSON {
				json.NewEncoder(out).Encode(map[string]string{"error": err.Error()})
			} else {
				fmt.Fprintf(out, "error: %v\n", err)
			}
			continue
		}
		s := &Session{}
		c.Bot.Handle(ctx, s, i)
		if err := c.print(out, s, i); err != nil {
			return err
		}
	}
	return sc.Err()
}

func (c *Console) print(out io.Writer, s *Session, i *discordgo.Interaction) error {
	final := s.Final(i.ID)
	if c.JSON {
		resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: final}
		data, err := json.Marshal(resp)
		if err != nil {
			return fmt.Errorf("console: encode reply: %w", err)
		}
		_, err = fmt.Fprintf(out, "%s\n", data)
		return err
	}
	_, err := io.WriteString(out, Text(final, c.Bold)+"\n")
	return err
}

var (
	boldPair  = regexp.MustCompile(`\*\*(.+?)\*\*`)
	italic    = regexp.MustCompile(`(^|[^\\*])\*([^*]+?)\*`)
	maskLink  = regexp.MustCompile(`\[([^\]]*)\]\(<?([^)>]*)>?\)`)
	backslash = regexp.MustCompile(`\\(.)`)
)

// Text renders a reply for a terminal: content, then each embed's title,
// description, fields and footer, and the buttons. Markdown is made
// readable: bold stays ** (or ANSI bold), links show their address, escapes
// are removed.
func Text(d *discordgo.InteractionResponseData, ansi bool) string {
	if d == nil {
		return "(no reply)"
	}
	var b strings.Builder
	if d.Flags&discordgo.MessageFlagsEphemeral != 0 {
		b.WriteString("(only you can see this)\n")
	}
	md := func(s string) string { return plain(s, ansi) }
	if d.Content != "" {
		b.WriteString(md(d.Content) + "\n")
	}
	for _, e := range d.Embeds {
		if e.Title != "" {
			b.WriteString("== " + md(e.Title) + " ==\n")
		}
		if e.Description != "" {
			b.WriteString(md(e.Description) + "\n")
		}
		for _, f := range e.Fields {
			b.WriteString("\n" + md(f.Name) + "\n")
			for _, l := range strings.Split(md(f.Value), "\n") {
				b.WriteString("   " + l + "\n")
			}
		}
		if e.Footer != nil && e.Footer.Text != "" {
			b.WriteString("\n(" + e.Footer.Text + ")\n")
		}
	}
	for _, row := range d.Components {
		if r, ok := row.(discordgo.ActionsRow); ok {
			for _, c := range r.Components {
				if btn, ok := c.(discordgo.Button); ok {
					fmt.Fprintf(&b, "[%s] ", btn.Label)
				}
			}
			b.WriteString("\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// plain makes Discord markdown readable as terminal text.
func plain(s string, ansi bool) string {
	s = maskLink.ReplaceAllString(s, "$1 <$2>")
	if ansi {
		s = boldPair.ReplaceAllString(s, "\x1b[1m$1\x1b[0m")
	}
	s = italic.ReplaceAllString(s, "$1$2")
	return backslash.ReplaceAllString(s, "$1")
}

var _ bot.Session = (*Session)(nil)
