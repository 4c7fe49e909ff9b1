package dev.lbtriage.engine.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema, as ordered migrations {@code db/lb-triage/V1__sessions.sql}, {@code V2__...} on the
 * classpath, listed in {@link #FILES} (explicit: nothing is discovered by scanning). Applied at
 * open, each once, recorded in {@code schema_version}. Running them on an up-to-date database does
 * nothing. The same scripts run on H2 and PostgreSQL (only SQL both know); on PostgreSQL a session-level advisory
 * lock makes replicas that start at once migrate one after the other.
 */
final class Migrations {
  static final List<String> FILES = List.of("V1__sessions.sql", "V2__fact_source.sql", "V3__shared_turns.sql",
      "V4__conversation_addresses.sql");
  private static final String FOLDER = "/db/lb-triage/";

  private Migrations() {}

  /** Applies the pending migrations on H2; returns the schema version now. */
  static int apply(Connection conn, Instant now) throws SQLException {
    return apply(conn, now, Dialect.H2);
  }

  /** Applies the pending migrations; returns the schema version now. */
  static int apply(Connection conn, Instant now, Dialect dialect) throws SQLException {
    if (dialect != Dialect.POSTGRES) {
      return applyUnlocked(conn, now);
    }
    try (Statement st = conn.createStatement()) {
      st.execute("SELECT pg_advisory_lock(" + Dialect.MIGRATION_LOCK + ")");
    }
    conn.commit();
    try {
      return applyUnlocked(conn, now);
    } catch (SQLException e) {
      conn.rollback();
      throw e;
    } finally {
      try (Statement st = conn.createStatement()) {
        st.execute("SELECT pg_advisory_unlock(" + Dialect.MIGRATION_LOCK + ")");
      }
      conn.commit();
    }
  }

  private static int applyUnlocked(Connection conn, Instant now) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, "
          + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    }
    conn.commit();
    int current = version(conn);
    for (int i = current; i < FILES.size(); i++) {
      String file = FILES.get(i);
      try (Statement st = conn.createStatement()) {
        for (String sql : statements(read(file))) {
          st.execute(sql);
        }
      }
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
        ps.setInt(1, i + 1);
        ps.setString(2, file);
        ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.executeUpdate();
      }
      conn.commit();
    }
    return version(conn);
  }

  static int version(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("migration " + file + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + file, e);
    }
  }

  /** The statements of a script: {@code --} comment lines dropped, split at {@code ;} ending a line. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      cur.append(line).append('\n');
      if (t.endsWith(";")) {
        String sql = cur.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
