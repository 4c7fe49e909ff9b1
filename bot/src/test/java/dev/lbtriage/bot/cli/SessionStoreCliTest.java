package dev.lbtriage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbtriage.bot.cli.CliProcess.Result;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the real command line keeps sessions ($XDG_DATA_HOME, then $HOME, LB_TRIAGE_DB and --db as a
 * file or a JDBC URL), {@code sessions delete} and {@code --limit 0}, and that the hints it prints
 * work as printed. Each run is a child process with its own HOME.
 */
class SessionStoreCliTest {
  private static final Pattern RESUME = Pattern.compile("go on with: (\\S+) chat --resume (t-[0-9a-f]+)((?: --db \\S+)?)");

  @TempDir Path tmp;

  @Test
  void sessions_follow_xdg_data_home_then_home_not_javas_user_home() throws Exception {
    Map<String, String> env = CliProcess.freshHome(tmp);
    Result withXdg = CliProcess.run(tmp, env, "demo", "--auto");
    env.put("XDG_DATA_HOME", null);
    Result withHome = CliProcess.run(tmp, env, "demo", "--auto");

    assertThat(withXdg.exit()).as(withXdg.err()).isZero();
    assertThat(withHome.exit()).as(withHome.err()).isZero();
    assertThat(tmp.resolve("data/lb-triage/sessions.mv.db")).exists();
    assertThat(tmp.resolve("home/.local/share/lb-triage/sessions.mv.db")).exists();
    assertThat(CliProcess.run(tmp, env, "sessions", "-o", "tsv").out().lines().count()).as("one session in $HOME's store").isEqualTo(2);
  }

  @Test
  void lb_triage_db_takes_a_file_path_or_a_jdbc_url_and_says_what_it_expected() throws Exception {
    Map<String, String> env = CliProcess.freshHome(tmp);
    env.put("LB_TRIAGE_DB", tmp.resolve("mine.mv.db").toString());
    Result file = CliProcess.run(tmp, env, "demo", "--auto");
    env.put("LB_TRIAGE_DB", "jdbc:h2:file:" + tmp.resolve("other"));
    Result url = CliProcess.run(tmp, env, "demo", "--auto");
    env.put("LB_TRIAGE_DB", "mysql://db.example/sessions");
    Result wrong = CliProcess.run(tmp, env, "sessions");

    assertThat(file.exit()).as(file.err()).isZero();
    assertThat(tmp.resolve("mine.mv.db")).exists();
    assertThat(url.exit()).as(url.err()).isZero();
    assertThat(tmp.resolve("other.mv.db")).exists();
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.errLines()).containsExactly("lb-triage sessions: LB_TRIAGE_DB 'mysql://db.example/sessions' is neither a "
        + "JDBC URL nor a file path; give a JDBC URL (jdbc:h2:file:/path/sessions, or jdbc:postgresql://host/db for a store shared by "
        + "several bot replicas) or the path of a session file (/path/sessions.mv.db)");
  }

  @Test
  void db_in_a_folder_that_does_not_exist_is_an_error_and_creates_nothing() throws Exception {
    Path missing = tmp.resolve("no-such-folder");
    Result r = CliProcess.run(tmp, CliProcess.freshHome(tmp), "demo", "--auto", "--db", missing.resolve("s.mv.db").toString());
    Result folder = CliProcess.run(tmp, CliProcess.freshHome(tmp), "sessions", "--db", tmp.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("lb-triage demo: --db " + missing.resolve("s.mv.db") + ": the folder " + missing + " does not exist");
    assertThat(missing).doesNotExist();
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.errLines()).singleElement().asString().contains("is a folder; give a JDBC URL");
  }

  @Test
  void sessions_delete_removes_one_and_refuses_an_unknown_id() throws Exception {
    Map<String, String> env = CliProcess.freshHome(tmp);
    String db = tmp.resolve("s.mv.db").toString();
    String first = resumeHint(CliProcess.run(tmp, env, "demo", "--auto", "--db", db))[1];
    String second = resumeHint(CliProcess.run(tmp, env, "demo", "--auto", "--db", db))[1];

    Result deleted = CliProcess.run(tmp, env, "sessions", "delete", first, "--db", db);
    Result again = CliProcess.run(tmp, env, "sessions", "delete", first, "--db", db);
    Result list = CliProcess.run(tmp, env, "sessions", "--db", db, "-o", "tsv");

    assertThat(deleted.exit()).as(deleted.err()).isZero();
    assertThat(deleted.out()).isEqualTo("Deleted session " + first + ".\n");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.errLines()).singleElement().asString()
        .startsWith("lb-triage sessions delete: there is no saved session " + first + "; list them with: ");
    assertThat(list.out()).contains(second).doesNotContain(first);
  }

  @Test
  void limit_0_lists_every_session_and_a_negative_limit_is_refused() throws Exception {
    Map<String, String> env = CliProcess.freshHome(tmp);
    for (int i = 0; i < 2; i++) {
      assertThat(CliProcess.run(tmp, env, "demo", "--auto").exit()).isZero();
    }
    Result one = CliProcess.run(tmp, env, "sessions", "--limit", "1", "-o", "tsv");
    Result all = CliProcess.run(tmp, env, "sessions", "--limit", "0", "-o", "tsv");
    Result negative = CliProcess.run(tmp, env, "sessions", "--limit", "-1");

    assertThat(one.out().lines().count()).isEqualTo(2);
    assertThat(all.out().lines().count()).isEqualTo(3);
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.errLines()).containsExactly("lb-triage sessions: --limit -1 is negative; give N > 0, or 0 for all sessions");
  }

  @Test
  void the_resume_hint_names_the_launcher_and_the_db_and_works_as_printed() throws Exception {
    Map<String, String> env = CliProcess.freshHome(tmp);
    env.put("LB_TRIAGE_COMMAND", "./lb-triage");
    String db = tmp.resolve("s.mv.db").toString();
    Result demo = CliProcess.run(tmp, env, "demo", "--scenario", "probe-zero-vm-not-responding", "--db", db);

    String[] hint = resumeHint(demo);
    assertThat(hint[0]).isEqualTo("./lb-triage");
    assertThat(hint[2]).isEqualTo(" --db " + db);
    // run the printed command (the launcher is this JVM's Main); stdin closed, as a script would
    String[] args = ("chat --resume " + hint[1] + hint[2]).split(" ");
    Result resumed = CliProcess.run(tmp, env, CliProcess.CLOSED, args);
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("Is the backend VM vm-shop-1 up").contains("go on with: ./lb-triage chat --resume " + hint[1]);
  }

  @Test
  void a_closed_stdin_ends_the_chat_at_once() throws Exception {
    Result r = CliProcess.run(tmp, CliProcess.freshHome(tmp), CliProcess.CLOSED, "chat", "--snapshot",
        Path.of("..", "examples", "nsg-deny-all-nic").toAbsolutePath().toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("What is going wrong with the load balancer?").contains("Bye. The session is saved")
        .doesNotContain("That message holds");
    assertThat(r.err()).isEmpty();
  }

  /** [command, id, " --db X" or ""] of the "go on with:" hint. */
  private static String[] resumeHint(Result r) {
    assertThat(r.exit()).as(r.err()).isZero();
    Matcher m = RESUME.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return new String[] {m.group(1), m.group(2), m.group(3)};
  }
}
