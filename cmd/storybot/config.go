package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strings"

	"github.com/joho/godotenv"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/corpus"
)

// Configuration keys; .env.example documents each.
const (
	envCorpus         = "STORYBOT_CORPUS"
	envIndex          = "STORYBOT_INDEX"
	envLogLevel       = "STORYBOT_LOG_LEVEL"
	envModeratorRoles = "STORYBOT_MODERATOR_ROLES"
	envAuditChannel   = "STORYBOT_AUDIT_CHANNEL"
)

// wireBot builds the bot for a library: its configuration from the
// environment, changed by adjust when not nil. A reindex that changes the
// topic commands updates the bot and, when sync is not nil, Discord.
func wireBot(lib *library, src source, env func(string) string, log *slog.Logger, adjust func(*bot.Config), sync func(*bot.Bot) error) (*bot.Bot, error) {
	cfg, err := botConfig(lib, src, env, log)
	if err != nil {
		return nil, err
	}
	if adjust != nil {
		adjust(&cfg)
	}
	b, err := bot.New(cfg)
	if err != nil {
		return nil, err
	}
	lib.onTopics = func(_ context.Context, topics []corpus.Topic) (string, error) {
		if err := b.SetTopics(topics); err != nil {
			return "", err
		}
		if sync == nil {
			return "The topic commands changed.", nil
		}
		if err := sync(b); err != nil {
			return "", err
		}
		return "The topic commands changed and were synced to Discord.", nil
	}
	return b, nil
}

// botConfig is the bot's configuration for a library, from the environment.
func botConfig(lib *library, src source, env func(string) string, log *slog.Logger) (bot.Config, error) {
	cfg := bot.Config{
		Engine:       lib,
		Topics:       lib.Topics(),
		Reindex:      lib.Reindex,
		Logger:       log,
		CorpusDir:    src.corpusDir,
		AuditChannel: strings.TrimSpace(env(envAuditChannel)),
	}
	for _, r := range strings.Split(env(envModeratorRoles), ",") {
		if r = strings.TrimSpace(r); r != "" {
			if !snowflakePattern.MatchString(r) {
				return cfg, fmt.Errorf("%s: %q is not a role ID (17 to 20 digits; in Discord, Developer Mode, then right-click the role > Copy Role ID)", envModeratorRoles, r)
			}
			cfg.ModeratorRoles = append(cfg.ModeratorRoles, r)
		}
	}
	if cfg.AuditChannel != "" && !snowflakePattern.MatchString(cfg.AuditChannel) {
		return cfg, fmt.Errorf("%s is not a channel ID (17 to 20 digits; in Discord, Developer Mode, then right-click the channel > Copy Channel ID)", envAuditChannel)
	}
	return cfg, nil
}

// loadEnv returns a lookup that reads the environment first and then the
// optional .env file of the working folder. A missing .env is fine; a
// malformed one is an error naming it.
func loadEnv(getenv func(string) string) (func(string) string, error) {
	file, err := godotenv.Read(".env")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read .env: %w", err)
	}
	return func(key string) string {
		if v := getenv(key); v != "" {
			return v
		}
		return file[key]
	}, nil
}

// source says where the corpus and the index come from.
type source struct {
	corpusDir string
	indexPath string
}

// addSourceFlags registers --corpus and --index, defaulting to the environment.
func addSourceFlags(fs *flag.FlagSet, env func(string) string, src *source) {
	fs.StringVar(&src.corpusDir, "corpus", env(envCorpus), "articles folder (default: $STORYBOT_CORPUS, else the built-in story)")
	fs.StringVar(&src.indexPath, "index", env(envIndex), "index on disk (default: $STORYBOT_INDEX, else built in memory at start)")
}

// corpusFS is the articles folder, or the built-in story.
func (s source) corpusFS() (fs.FS, string) {
	if s.corpusDir == "" {
		return corpus.Default(), "the built-in story"
	}
	return os.DirFS(s.corpusDir), s.corpusDir
}

// loadCorpus reads and checks the corpus.
func (s source) loadCorpus() (*corpus.Corpus, error) {
	fsys, name := s.corpusFS()
	c, err := corpus.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("load corpus from %s: %w", name, err)
	}
	return c, nil
}

// parseFlags parses flags that may stand before, between or after the
// positional words; "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return words, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(words, rest...), nil
		}
		words = append(words, rest[0])
		args = rest[1:]
	}
}

// newLogger logs text to w at the level STORYBOT_LOG_LEVEL names.
func newLogger(w io.Writer, env func(string) string) *slog.Logger {
	level := slog.LevelInfo
	switch strings.ToLower(env(envLogLevel)) {
	case "debug":
		level = slog.LevelDebug
	case "warn":
		level = slog.LevelWarn
	case "error":
		level = slog.LevelError
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}
