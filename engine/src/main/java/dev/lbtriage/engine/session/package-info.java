/**
 * Durable conversations: the {@link dev.lbtriage.engine.session.SessionStore} port, and its JDBC
 * adapter on H2 ({@link dev.lbtriage.engine.session.JdbcSessionStore}) with ordered schema
 * migrations, the state kept as JSON read as untrusted input, one transaction per saved turn, and
 * look-up by conversation key so a chat face can find the session of a thread. Facts are never
 * stored; a resumed conversation gathers them again.
 */
package dev.lbtriage.engine.session;
