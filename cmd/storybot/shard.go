package main

import (
	"fmt"
	"strconv"
	"strings"
)

// Gateway sharding keys.
const (
	envShardID    = "STORYBOT_SHARD_ID"
	envShardCount = "STORYBOT_SHARD_COUNT"
)

// maxShards bounds STORYBOT_SHARD_COUNT; Discord asks for one shard per
// 2,500 guilds, so this is far past any bot's need.
const maxShards = 4096

// shardConfig is the gateway shard a serve process connects as. The zero
// value is no sharding (one connection for every guild).
type shardConfig struct {
	id, count int
}

// sharded tells whether the keys asked for sharding.
func (c shardConfig) sharded() bool { return c.count > 0 }

// syncs tells whether this process writes the command set: only shard 0
// does (or the one process when not sharded), so N shards do not write
// the same set N times against Discord's daily limit.
func (c shardConfig) syncs() bool { return c.id == 0 }

// readShardConfig reads STORYBOT_SHARD_ID and STORYBOT_SHARD_COUNT: both or
// neither. Errors are one line naming the key.
func readShardConfig(env func(string) string) (shardConfig, error) {
	idV, countV := strings.TrimSpace(env(envShardID)), strings.TrimSpace(env(envShardCount))
	switch {
	case idV == "" && countV == "":
		return shardConfig{}, nil
	case countV == "":
		return shardConfig{}, fmt.Errorf("%s is set but %s is not: set both (the shard count is the same for every shard) or neither", envShardID, envShardCount)
	case idV == "":
		return shardConfig{}, fmt.Errorf("%s is set but %s is not: set both (this process's shard, 0 to count-1) or neither", envShardCount, envShardID)
	}
	count, err := strconv.Atoi(countV)
	if err != nil || count < 1 || count > maxShards {
		return shardConfig{}, fmt.Errorf("%s is not a number from 1 to %d", envShardCount, maxShards)
	}
	id, err := strconv.Atoi(idV)
	if err != nil || id < 0 || id >= count {
		return shardConfig{}, fmt.Errorf("%s is not a number from 0 to %d (%s minus one)", envShardID, count-1, envShardCount)
	}
	return shardConfig{id: id, count: count}, nil
}
