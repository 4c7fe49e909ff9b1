package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SessionStore} over JDBC, made for H2 (file or memory). At open the schema migrations are
 * applied ({@link Migrations}); each save is one transaction, committed before it returns, and on H2
 * written to the file at once ({@code SET WRITE_DELAY 0}, whatever the URL says), so every saved turn
 * survives a killed process (see {@code KilledProcessTest}). The
 * state is stored as JSON ({@link StateJson}). One connection, used under a lock.
 */
public final class JdbcSessionStore implements SessionStore {
  private static final String COLUMNS = "state";
  private final Connection conn;
  private final String url;
  private final Path file;
  private final int schemaVersion;

  /** Opens (creating if need be) the database at a JDBC URL and brings its schema up to date. */
  public JdbcSessionStore(String jdbcUrl, Clock clock) {
    this.url = jdbcUrl;
    this.file = StoreFileCheck.fileOf(jdbcUrl).orElse(null);
    if (file != null) {
      StoreFileCheck.check(file, jdbcUrl);
    }
    try {
      this.conn = DriverManager.getConnection(jdbcUrl);
      conn.setAutoCommit(false);
      if (jdbcUrl.startsWith("jdbc:h2:")) {
        try (java.sql.Statement st = conn.createStatement()) {
          st.execute("SET WRITE_DELAY 0");
        }
      }
      this.schemaVersion = Migrations.apply(conn, clock.instant());
    } catch (SQLException e) {
      throw failure("cannot open the session store at " + JdbcSecrets.url(jdbcUrl), e);
    }
  }

  /** The store of this user: {@code $LB_TRIAGE_DB}, or the H2 file in the user's data folder. */
  public static JdbcSessionStore openDefault(Clock clock) {
    String url;
    try {
      url = DataLocation.current();
    } catch (IllegalArgumentException e) {
      throw new SessionStoreException(e.getMessage(), e);
    }
    if (url.startsWith("jdbc:h2:file:") && DataLocation.isDefault(System.getenv())) {
      String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
      try {
        Files.createDirectories(Path.of(path).toAbsolutePath().getParent());
      } catch (java.io.IOException e) {
        throw new SessionStoreException("cannot create the folder of " + path, e);
      }
    }
    return new JdbcSessionStore(url, clock);
  }

  /** The number of migrations applied. */
  public int schemaVersion() {
    return schemaVersion;
  }

  @Override
  public synchronized void save(ConversationState s) {
    String json = StateJson.write(s);
    try {
      if (s.key() != null) {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE sessions SET conv_key = NULL WHERE conv_key = ? AND id <> ?")) {
          ps.setString(1, s.key());
          ps.setString(2, s.id());
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = conn.prepareStatement("MERGE INTO sessions (id, conv_key, stage, symptom_id, lb_id, report, turn, "
          + "created_at, updated_at, saved_seq, state, fact_source) KEY (id) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NEXT VALUE FOR session_saves, ?, ?)")) {
        ps.setString(1, s.id());
        ps.setString(2, s.key());
        ps.setString(3, s.stage().name());
        ps.setString(4, s.symptomId());
        ps.setString(5, s.loadBalancer());
        ps.setString(6, s.report() == null ? null : s.report().length() > 300 ? s.report().substring(0, 300) : s.report());
        ps.setInt(7, s.turn());
        ps.setObject(8, OffsetDateTime.ofInstant(s.created(), ZoneOffset.UTC));
        ps.setObject(9, OffsetDateTime.ofInstant(s.updated(), ZoneOffset.UTC));
        ps.setString(10, json);
        ps.setString(11, s.factSource());
        ps.executeUpdate();
      }
      conn.commit();
    } catch (SQLException e) {
      rollback();
      throw failure("cannot save session " + s.id(), e);
    }
  }

  @Override
  public Optional<ConversationState> load(String id) {
    return one("SELECT " + COLUMNS + " FROM sessions WHERE id = ?", id);
  }

  @Override
  public Optional<ConversationState> latest() {
    return one("SELECT " + COLUMNS + " FROM sessions ORDER BY saved_seq DESC LIMIT 1", null);
  }

  @Override
  public Optional<ConversationState> byKey(String key) {
    return key == null ? Optional.empty()
        : one("SELECT " + COLUMNS + " FROM sessions WHERE conv_key = ? ORDER BY saved_seq DESC LIMIT 1", key);
  }

  /**
   * Deletes one conversation.
   *
   * @return false when there was none with that id
   */
  public synchronized boolean delete(String id) {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
      ps.setString(1, id);
      int n = ps.executeUpdate();
      conn.commit();
      return n > 0;
    } catch (SQLException e) {
      rollback();
      throw new SessionStoreException("cannot delete session " + id + ": " + e.getMessage(), e);
    }
  }

  /** {@inheritDoc} A limit of 0 or less means all of them. */
  @Override
  public synchronized List<SessionSummary> list(int limit) {
    List<SessionSummary> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT id, conv_key, stage, symptom_id, lb_id, turn, created_at, updated_at, "
        + "report FROM sessions ORDER BY saved_seq DESC LIMIT ?")) {
      ps.setInt(1, limit <= 0 ? Integer.MAX_VALUE : limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new SessionSummary(rs.getString(1), rs.getString(2), Stage.valueOf(rs.getString(3)), rs.getString(4),
              rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
              rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9)));
        }
      }
      conn.commit();
    } catch (SQLException e) {
      rollback();
      throw failure("cannot list sessions", e);
    }
    return out;
  }

  private synchronized Optional<ConversationState> one(String sql, String param) {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      if (param != null) {
        ps.setString(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        Optional<String> json = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        conn.commit();
        return json.map(StateJson::read);
      }
    } catch (SQLException e) {
      rollback();
      throw failure("cannot read sessions", e);
    }
  }

  private void rollback() {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the next call reports it
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (!conn.isClosed()) {
        conn.createStatement().execute("SHUTDOWN");
        conn.close();
      }
    } catch (SQLException e) {
      throw failure("cannot close the session store", e);
    }
  }

  /**
   * The exception for a driver failure: without the URL's secrets (in the message and the cause), and for a store
   * file H2 found damaged, what happened and what to do.
   */
  private SessionStoreException failure(String what, SQLException e) {
    String reason = JdbcSecrets.hide(e.getMessage(), url);
    if (file != null && damage(e)) {
      return StoreFileCheck.damaged(file, damageReason(e));
    }
    return new SessionStoreException(what + ": " + reason, JdbcSecrets.sanitized(e, url));
  }

  /** The most specific thing H2 said (the innermost cause or suppressed exception), without codes and ids. */
  private String damageReason(SQLException e) {
    Throwable deepest = e;
    for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause() : t.getSuppressed().length > 0 ? t.getSuppressed()[0] : null) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        deepest = t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String text = JdbcSecrets.hide(String.valueOf(deepest.getMessage()), url).lines().findFirst().orElse("")
        .replace("\"" + file + "\"", "the file").replaceAll("\\s*\\[[0-9./-]+\\]", "").replaceAll("Reading from file \\S+FileChannelImpl@\\w+ failed at", "reading failed at byte")
        .replaceAll("\\S+FileChannelImpl@\\w+", "the file")
        .replaceAll("(org\\.h2\\.|java\\.)\\S*(Exception|Error): ", "").replace("\"", "");
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  /** H2's codes for a file it cannot read as a store (general error, file corrupted, file version, I/O). */
  private static boolean damage(SQLException e) {
    return switch (e.getErrorCode()) {
      case 50000, 90028, 90030, 90048, 90020 -> true;
      default -> false;
    };
  }
}
