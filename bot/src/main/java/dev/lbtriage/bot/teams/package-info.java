/**
 * The Microsoft Teams face: lb-triage speaks the Bot Connector REST protocol itself (no Java SDK exists).
 * Inbound activities on {@code POST /api/messages} are accepted only with a valid Bot Framework JWT
 * ({@link dev.lbtriage.bot.teams.BotTokenCheck}); replies and card updates go back to the activity's
 * {@code serviceUrl} ({@link dev.lbtriage.bot.teams.ConnectorClient}), also with no activity at hand through
 * the thread's stored {@link dev.lbtriage.bot.teams.ConversationReference} (proactive posts, 1:1 chats); questions
 * are Adaptive Cards ({@link dev.lbtriage.bot.teams.CardRenderer}); the support-case bundle goes by the Teams file
 * flow ({@link dev.lbtriage.bot.teams.FileCards}, {@link dev.lbtriage.bot.teams.FileUpload}). This package imports
 * no other face. See bot/TEAMS.md.
 */
package dev.lbtriage.bot.teams;
