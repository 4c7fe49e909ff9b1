/**
 * The triage conversation as a pure state machine: a person's lines in, platform-neutral
 * {@link dev.lbtriage.engine.conversation.Reply} messages out. {@link
 * dev.lbtriage.engine.conversation.ConversationEngine} reads a line against an immutable {@link
 * dev.lbtriage.engine.conversation.ConversationState} and returns a {@link
 * dev.lbtriage.engine.conversation.Turn}: report, matched symptom (confirmed when ambiguous), load
 * balancer, facts gathered (progress sent live), one KB question at a time, conclusion with fixes
 * and support captures; and at any point why, summary, back, change, restart, quit, help. No I/O
 * but the {@code gather} port: the caller saves each state through the {@code session} store, and
 * each face (terminal, Slack, Teams) only renders replies and passes lines and button values back.
 * See {@code engine/CONVERSATION.md}.
 */
package dev.lbtriage.engine.conversation;
