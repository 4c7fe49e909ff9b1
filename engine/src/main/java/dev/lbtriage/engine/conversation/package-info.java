/**
 * The triage conversation as a pure state machine: a person's lines in, platform-neutral
 * {@link Reply} messages out. No I/O: facts come through the {@code gather} port, sessions are saved
 * through a store port, and each face (terminal, Slack, Teams) only renders replies and passes
 * lines and button values back.
 */
package dev.lbtriage.engine.conversation;
