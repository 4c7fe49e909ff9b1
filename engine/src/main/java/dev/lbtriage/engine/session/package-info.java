/**
 * Durable conversations: the {@link dev.lbtriage.engine.session.SessionStore} port, and its JDBC
 * adapter ({@link dev.lbtriage.engine.session.JdbcSessionStore}) on H2 for one process and on PostgreSQL for
 * several bot replicas, with one set of ordered schema migrations for both, the state kept as JSON read as
 * untrusted input, one transaction per saved turn, and look-up by conversation key so a chat face can find the
 * session of a thread. For replicas: claims of delivered inputs ({@link dev.lbtriage.engine.session.TurnClaim}),
 * optimistic versions ({@link dev.lbtriage.engine.session.VersionedState}), replies kept until delivered. Facts
 * are never stored; a resumed conversation gathers them again.
 */
package dev.lbtriage.engine.session;
