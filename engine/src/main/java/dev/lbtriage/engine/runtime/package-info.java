/**
 * The conversation runtime every face calls: {@link dev.lbtriage.engine.runtime.Conversations} takes
 * (conversation key, who, what they typed or clicked) and a sink for replies, and owns what no face
 * should redo: turns of one key in order, redelivered input answered once, the state saved after
 * every turn, progress while facts are gathered, errors as a notice. A face may also open a conversation
 * before anyone speaks (the greeting needs no engine, so it is not kept waiting while the engine loads),
 * resume a saved one, and call off a turn until it is saved ({@link dev.lbtriage.engine.runtime.Cancellation}).
 * It names no face: a face builds its own keys.
 */
package dev.lbtriage.engine.runtime;
