package dev.lbtriage.engine.session;

import java.util.Locale;

/**
 * The few statements that differ between H2 and PostgreSQL; everything else (the migrations included) is SQL both
 * run. Chosen from the JDBC URL.
 */
enum Dialect {
  H2("NEXT VALUE FOR session_saves", "MERGE INTO sessions (%s) KEY (id) VALUES (%s)", "SHUTDOWN"),
  POSTGRES("nextval('session_saves')", "INSERT INTO sessions (%s) VALUES (%s) ON CONFLICT (id) DO UPDATE SET %s", null);

  /** The lock PostgreSQL sessions take while migrating, so two replicas starting at once migrate one after the other. */
  static final long MIGRATION_LOCK = 0x6c62_7472_6961_6765L; // "lbtriage"

  private final String nextSave;
  private final String upsert;
  private final String closing;

  Dialect(String nextSave, String upsert, String closing) {
    this.nextSave = nextSave;
    this.upsert = upsert;
    this.closing = closing;
  }

  static Dialect of(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") ? POSTGRES : H2;
  }

  /** The expression giving the next save number. */
  String nextSave() {
    return nextSave;
  }

  /**
   * Insert-or-replace of a session row by id.
   *
   * @param columns the column names, comma-separated, {@code id} first
   * @param values the value expressions in the same order
   */
  String upsert(String columns, String values) {
    if (this == H2) {
      return upsert.formatted(columns, values);
    }
    StringBuilder set = new StringBuilder();
    for (String c : columns.split(",")) {
      String col = c.strip();
      if (!col.equals("id")) {
        set.append(set.isEmpty() ? "" : ", ").append(col).append(" = EXCLUDED.").append(col);
      }
    }
    return upsert.formatted(columns, values, set);
  }

  /** The statement run before closing (H2 closes the file at once), or null. */
  String closing() {
    return closing;
  }
}
