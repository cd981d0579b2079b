// Package fakediscord is a fake Discord on 127.0.0.1 for tests and local
// tries: a REST API under /api/v9 and a JSON gateway websocket that the real
// discordgo client connects to.
//
// Point a session at it by giving the session an http.Client whose transport
// rewrites the host of every request to Server.URL (bot.NewDiscordSession does
// that); the gateway URL the fake hands out is its own ws:// address, so the
// websocket needs nothing more.
//
// A test starts a Server, opens the bot's session, and then acts as Discord's
// users: SendInteraction dispatches an INTERACTION_CREATE over the gateway and
// returns an Exchange that records the bot's callback, edits and follow-ups,
// and Exchange.Final waits for the reply the user would finally see. The fake
// checks what Discord checks (the bot token, the interaction token, the
// 3-second window for the first callback, one callback per interaction,
// message, embed, component and command limits) and answers with Discord's JSON
// errors, so a bot that passes here is not surprised by those on Discord.
// DropConnections cuts every gateway connection to exercise RESUME.
//
// Console reads lines such as "/ask question: how much oil" and prints the
// bot's replies, to drive a running bot by hand.
package fakediscord
