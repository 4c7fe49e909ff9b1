package dev.lbtriage.engine.session;

import dev.lbtriage.engine.conversation.ConversationState;
import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.conversation.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SessionStore} over JDBC: H2 (file or memory) for one process, PostgreSQL for several replicas sharing
 * one store. At open the schema migrations are applied ({@link Migrations}, the same scripts on both); each save
 * is one transaction, committed before it returns, and on H2 written to the file at once ({@code SET WRITE_DELAY
 * 0}, whatever the URL says), so every saved turn survives a killed process (see {@code KilledProcessTest}). The
 * state is stored as JSON ({@link StateJson}). One connection, used under a lock; replicas are kept apart by the
 * database (an optimistic row version per conversation, a unique key, and the {@code processed_inputs} claims),
 * never by this lock.
 */
public final class JdbcSessionStore implements SessionStore {
  private static final String COLUMNS = "state";
  private static final String ROW = "id, conv_key, stage, symptom_id, lb_id, report, turn, created_at, updated_at, saved_seq, state, fact_source";
  /** Answered inputs are remembered this long (Slack redelivers within minutes); older ones are dropped at open. */
  static final Duration INPUTS_KEPT = Duration.ofDays(7);
  private final Connection conn;
  private final String url;
  private final Path file;
  private final int schemaVersion;
  private final Dialect dialect;
  private final Clock clock;
  private final List<String> secrets;

  /** Opens (creating if need be) the database at a JDBC URL and brings its schema up to date. */
  public JdbcSessionStore(String jdbcUrl, Clock clock) {
    this(jdbcUrl, clock, System.getenv());
  }

  /** With the environment to take credentials from ({@link JdbcCredentials}). */
  JdbcSessionStore(String jdbcUrl, Clock clock, java.util.Map<String, String> env) {
    this.url = jdbcUrl;
    this.clock = clock;
    this.dialect = Dialect.of(jdbcUrl);
    this.file = StoreFileCheck.fileOf(jdbcUrl).orElse(null);
    if (file != null) {
      StoreFileCheck.check(file, jdbcUrl);
    }
    JdbcCredentials.Resolved credentials = JdbcCredentials.resolve(jdbcUrl, env);
    this.secrets = credentials.secrets();
    try {
      this.conn = DriverManager.getConnection(credentials.url(), credentials.properties());
      conn.setAutoCommit(false);
      if (dialect == Dialect.H2) {
        try (java.sql.Statement st = conn.createStatement()) {
          st.execute("SET WRITE_DELAY 0");
        }
      }
      this.schemaVersion = Migrations.apply(conn, clock.instant(), dialect);
      forgetOldInputs(clock.instant().minus(INPUTS_KEPT));
    } catch (SQLException e) {
      throw failure("cannot open the session store at " + JdbcSecrets.hide(jdbcUrl, jdbcUrl, secrets), e);
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
    try {
      if (s.key() != null) {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE sessions SET conv_key = NULL WHERE conv_key = ? AND id <> ?")) {
          ps.setString(1, s.key());
          ps.setString(2, s.id());
          ps.executeUpdate();
        }
      }
      try (PreparedStatement ps = conn.prepareStatement(dialect.upsert(ROW + ", row_version",
          "?, ?, ?, ?, ?, ?, ?, ?, ?, " + dialect.nextSave() + ", ?, ?, COALESCE((SELECT row_version + 1 FROM sessions WHERE id = ?), 1)"))) {
        bindRow(ps, s);
        ps.setString(12, s.id());
        ps.executeUpdate();
      }
      conn.commit();
    } catch (SQLException e) {
      rollback();
      throw failure("cannot save session " + s.id(), e);
    }
  }

  /** Binds the row values of a state, in the order of {@link #ROW} without saved_seq, to parameters 1..11. */
  private static void bindRow(PreparedStatement ps, ConversationState s) throws SQLException {
    ps.setString(1, s.id());
    ps.setString(2, s.key());
    ps.setString(3, s.stage().name());
    ps.setString(4, s.symptomId());
    ps.setString(5, s.loadBalancer());
    ps.setString(6, s.report() == null ? null : s.report().length() > 300 ? s.report().substring(0, 300) : s.report());
    ps.setInt(7, s.turn());
    ps.setObject(8, OffsetDateTime.ofInstant(s.created(), ZoneOffset.UTC));
    ps.setObject(9, OffsetDateTime.ofInstant(s.updated(), ZoneOffset.UTC));
    ps.setString(10, StateJson.write(s));
    ps.setString(11, s.factSource());
  }

  @Override
  public synchronized TurnClaim claim(String inputId, String conversationKey, String text, String userId, String owner, Duration lease) {
    Instant now = clock.instant();
    try {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO processed_inputs (input_id, conv_key, owner_id, status, attempt, "
          + "claimed_at, lease_until, input_text, user_id) VALUES (?, ?, ?, 'CLAIMED', 1, ?, ?, ?, ?)")) {
        ps.setString(1, inputId);
        ps.setString(2, conversationKey);
        ps.setString(3, owner);
        ps.setObject(4, utc(now));
        ps.setObject(5, utc(now.plus(lease)));
        ps.setString(6, text);
        ps.setString(7, userId);
        ps.executeUpdate();
        conn.commit();
        return new TurnClaim(inputId, conversationKey, text, userId, owner, 1, TurnClaim.Outcome.CLAIMED, lease, List.of());
      } catch (SQLException e) {
        rollback();
        if (!duplicate(e)) {
          throw e;
        }
      }
      Optional<TurnClaim> taken = takeOver(inputId, owner, lease, now);
      if (taken.isPresent()) {
        return taken.get();
      }
      try (PreparedStatement q = conn.prepareStatement("SELECT status, attempt, owner_id, input_text, user_id FROM processed_inputs "
          + "WHERE input_id = ?")) {
        q.setString(1, inputId);
        try (ResultSet rs = q.executeQuery()) {
          boolean found = rs.next();
          conn.commit();
          if (!found) {
            return claim(inputId, conversationKey, text, userId, owner, lease); // forgotten meanwhile
          }
          TurnClaim.Outcome outcome = "DONE".equals(rs.getString(1)) ? TurnClaim.Outcome.ALREADY_DONE : TurnClaim.Outcome.IN_PROGRESS;
          return new TurnClaim(inputId, conversationKey, rs.getString(4), rs.getString(5), rs.getString(3), rs.getInt(2), outcome, lease, List.of());
        }
      }
    } catch (SQLException e) {
      rollback();
      throw failure("cannot claim input " + inputId, e);
    }
  }

  @Override
  public synchronized List<TurnClaim> stalled(String conversationKey, String owner, Duration lease) {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>();
    try {
      try (PreparedStatement ps = conn.prepareStatement("SELECT input_id FROM processed_inputs WHERE conv_key = ? "
          + "AND status IN ('CLAIMED', 'ANSWERED') AND lease_until < ? AND attempt < ? ORDER BY claimed_at, input_id")) {
        ps.setString(1, conversationKey);
        ps.setObject(2, utc(now));
        ps.setInt(3, MAX_ATTEMPTS);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      conn.commit();
      List<TurnClaim> out = new ArrayList<>();
      for (String id : ids) {
        takeOver(id, owner, lease, now).ifPresent(out::add);
      }
      return out;
    } catch (SQLException e) {
      rollback();
      throw failure("cannot read the stalled inputs of " + conversationKey, e);
    }
  }

  /** Takes a claim over when its lease ran out and it may be tried again; the row as it is then. */
  private Optional<TurnClaim> takeOver(String inputId, String owner, Duration lease, Instant now) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("UPDATE processed_inputs SET owner_id = ?, attempt = attempt + 1, lease_until = ? "
        + "WHERE input_id = ? AND status IN ('CLAIMED', 'ANSWERED') AND lease_until < ? AND attempt < ?")) {
      ps.setString(1, owner);
      ps.setObject(2, utc(now.plus(lease)));
      ps.setString(3, inputId);
      ps.setObject(4, utc(now));
      ps.setInt(5, MAX_ATTEMPTS);
      if (ps.executeUpdate() != 1) {
        conn.commit();
        return Optional.empty();
      }
    }
    try (PreparedStatement q = conn.prepareStatement("SELECT status, attempt, conv_key, input_text, user_id, replies FROM processed_inputs "
        + "WHERE input_id = ?")) {
      q.setString(1, inputId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        boolean answered = "ANSWERED".equals(rs.getString(1));
        TurnClaim claim = new TurnClaim(inputId, rs.getString(3), rs.getString(4), rs.getString(5), owner, rs.getInt(2),
            answered ? TurnClaim.Outcome.DELIVER : TurnClaim.Outcome.TAKEN_OVER, lease,
            answered ? RepliesJson.read(rs.getCharacterStream(6)) : List.of());
        conn.commit();
        return Optional.of(claim);
      }
    }
  }

  @Override
  public synchronized Optional<VersionedState> forTurn(String key) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT state, row_version FROM sessions WHERE conv_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        Optional<VersionedState> out = rs.next()
            ? Optional.of(new VersionedState(StateJson.read(rs.getString(1)), rs.getLong(2))) : Optional.empty();
        conn.commit();
        return out;
      }
    } catch (SQLException e) {
      rollback();
      throw failure("cannot read sessions", e);
    }
  }

  @Override
  public synchronized long saveTurn(ConversationState s, long expectedVersion, TurnClaim claim, List<Reply> replies) {
    try {
      if (expectedVersion == 0) {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sessions (" + ROW + ", row_version) VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, " + dialect.nextSave() + ", ?, ?, 1)")) {
          bindRow(ps, s);
          ps.executeUpdate();
        } catch (SQLException e) {
          if (duplicate(e)) {
            rollback();
            throw new TurnConflictException("conversation " + s.key() + " was started by another replica meanwhile");
          }
          throw e;
        }
      } else {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE sessions SET id = ?, conv_key = ?, stage = ?, symptom_id = ?, lb_id = ?, "
            + "report = ?, turn = ?, created_at = ?, updated_at = ?, state = ?, fact_source = ?, saved_seq = " + dialect.nextSave()
            + ", row_version = row_version + 1 WHERE id = ? AND row_version = ?")) {
          bindRow(ps, s);
          ps.setString(12, s.id());
          ps.setLong(13, expectedVersion);
          if (ps.executeUpdate() != 1) {
            rollback();
            throw new TurnConflictException("conversation " + s.key() + " moved past version " + expectedVersion + " meanwhile");
          }
        }
      }
      if (claim != null) {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE processed_inputs SET status = 'ANSWERED', lease_until = ?, session_id = ?, "
            + "turn = ?, replies = ? WHERE input_id = ? AND owner_id = ? AND attempt = ? AND status = 'CLAIMED'")) {
          ps.setObject(1, utc(clock.instant().plus(claim.lease())));
          ps.setString(2, s.id());
          ps.setInt(3, s.turn());
          ps.setString(4, RepliesJson.write(replies.stream().filter(r -> !(r instanceof Reply.ProgressUpdate)).toList()));
          ps.setString(5, claim.inputId());
          ps.setString(6, claim.owner());
          ps.setInt(7, claim.attempt());
          if (ps.executeUpdate() != 1) {
            rollback();
            throw new TurnConflictException("input " + claim.inputId() + " was taken over by another replica", true);
          }
        }
      }
      conn.commit();
      return expectedVersion + 1;
    } catch (SQLException e) {
      rollback();
      throw failure("cannot save session " + s.id(), e);
    }
  }

  @Override
  public synchronized void delivered(TurnClaim claim) {
    try (PreparedStatement ps = conn.prepareStatement("UPDATE processed_inputs SET status = 'DONE', done_at = ?, replies = NULL "
        + "WHERE input_id = ? AND owner_id = ? AND attempt = ? AND status = 'ANSWERED'")) {
      ps.setObject(1, utc(clock.instant()));
      ps.setString(2, claim.inputId());
      ps.setString(3, claim.owner());
      ps.setInt(4, claim.attempt());
      ps.executeUpdate();
      conn.commit();
    } catch (SQLException e) {
      rollback();
      throw failure("cannot mark input " + claim.inputId() + " delivered", e);
    }
  }

  @Override
  public synchronized void release(TurnClaim claim) {
    try (PreparedStatement ps = conn.prepareStatement("UPDATE processed_inputs SET lease_until = ? WHERE input_id = ? AND owner_id = ? "
        + "AND attempt = ? AND status = 'CLAIMED'")) {
      ps.setObject(1, utc(clock.instant().minusMillis(1)));
      ps.setString(2, claim.inputId());
      ps.setString(3, claim.owner());
      ps.setInt(4, claim.attempt());
      ps.executeUpdate();
      conn.commit();
    } catch (SQLException e) {
      rollback();
      throw failure("cannot release input " + claim.inputId(), e);
    }
  }

  @Override
  public synchronized void saveAddress(String key, String address) {
    try {
      try (PreparedStatement ps = conn.prepareStatement("UPDATE conversation_addresses SET address = ?, updated_at = ? WHERE conv_key = ?")) {
        ps.setString(1, address);
        ps.setObject(2, utc(clock.instant()));
        ps.setString(3, key);
        if (ps.executeUpdate() == 0) {
          try (PreparedStatement in = conn.prepareStatement("INSERT INTO conversation_addresses (conv_key, address, updated_at) VALUES (?, ?, ?)")) {
            in.setString(1, key);
            in.setString(2, address);
            in.setObject(3, utc(clock.instant()));
            in.executeUpdate();
          }
        }
      }
      conn.commit();
    } catch (SQLException e) {
      rollback();
      if (duplicate(e)) { // another replica inserted it first: this one is newer
        saveAddress(key, address);
        return;
      }
      throw failure("cannot save the address of " + key, e);
    }
  }

  @Override
  public synchronized Optional<String> address(String key) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT address FROM conversation_addresses WHERE conv_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        Optional<String> out = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        conn.commit();
        return out;
      }
    } catch (SQLException e) {
      rollback();
      throw failure("cannot read the address of " + key, e);
    }
  }

  @Override
  public synchronized List<String> stalledKeys(String keyPrefix) {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT conv_key FROM processed_inputs WHERE conv_key LIKE ? "
        + "AND status IN ('CLAIMED', 'ANSWERED') AND lease_until < ? AND attempt < ? ORDER BY conv_key")) {
      ps.setString(1, keyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      ps.setObject(2, utc(clock.instant()));
      ps.setInt(3, MAX_ATTEMPTS);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
      conn.commit();
      return keys;
    } catch (SQLException e) {
      rollback();
      throw failure("cannot list the conversations with stalled inputs", e);
    }
  }

  private void forgetOldInputs(Instant before) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM processed_inputs WHERE status = 'DONE' AND done_at < ?")) {
      ps.setObject(1, utc(before));
      ps.executeUpdate();
    }
    conn.commit();
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /** A unique-key violation, on H2 and PostgreSQL alike (SQLSTATE 23505). */
  private static boolean duplicate(SQLException e) {
    return "23505".equals(e.getSQLState());
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
      throw failure("cannot delete session " + id, e);
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
        if (dialect.closing() != null) {
          conn.createStatement().execute(dialect.closing());
        }
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
    String reason = JdbcSecrets.hide(e.getMessage(), url, secrets);
    if (file != null && damage(e)) {
      return StoreFileCheck.damaged(file, damageReason(e));
    }
    return new SessionStoreException(what + ": " + reason, JdbcSecrets.sanitized(e, url, secrets));
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
    String text = JdbcSecrets.hide(String.valueOf(deepest.getMessage()), url, secrets).lines().findFirst().orElse("")
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
