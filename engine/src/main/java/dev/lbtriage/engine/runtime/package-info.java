/**
 * The conversation runtime every face calls: {@link dev.lbtriage.engine.runtime.Conversations} takes
 * (conversation key, who, what they typed or clicked) and a sink for replies, and owns what no face
 * should redo: turns of one key in order, redelivered input answered once, the state saved after
 * every turn, progress while facts are gathered, errors as a notice. It names no face: a face builds
 * its own keys.
 */
package dev.lbtriage.engine.runtime;
