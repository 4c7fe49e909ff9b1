/**
 * The wiring, in one place: which engine (KB, rules, live checks), which session store and which fact
 * source each face gets. Faces (terminal, Slack, Teams) import this package or the engine, never each
 * other.
 */
package dev.lbtriage.bot.app;
