package dev.lbtriage.bot.app;

import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.bot.cli.ProblemText;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.diagnosis.Diagnoser;
import dev.lbtriage.engine.gather.snapshot.SnapshotFolderException;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.DataLocation;
import dev.lbtriage.engine.session.JdbcSessionStore;
import dev.lbtriage.engine.session.SessionStoreException;
import dev.lbtriage.kb.load.KnowledgeBaseLoader;
import dev.lbtriage.kb.match.SymptomMatcher;
import dev.lbtriage.kb.model.KnowledgeBase;
import dev.lbtriage.rules.diagnosis.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Builds what the terminal commands share: the engine over a snapshot folder, and the session store.
 *
 * <p>The knowledge base, the symptom matcher and the rules are loaded once per process, on two background
 * threads started the first time this class is used (the command opens its store through it before
 * it needs an engine), so their class loading and index building overlap the store's opening and the
 * terminal's set-up instead of following them (issue 18). {@link #over} waits for them.
 */
public final class Engines {
  private static final String H2_FILE = "jdbc:h2:file:";
  private static final CompletableFuture<SymptomMatcherAndKb> MATCHER = background("lb-triage-load-kb",
      () -> {
        KnowledgeBase kb = KnowledgeBaseLoader.loadBundled();
        return new SymptomMatcherAndKb(kb, new SymptomMatcher(kb));
      });
  private static final CompletableFuture<RuleEngine> RULES = background("lb-triage-load-rules", RuleEngine::fromClasspath);

  private record SymptomMatcherAndKb(KnowledgeBase kb, SymptomMatcher matcher) {}

  private Engines() {}

  private static <T> CompletableFuture<T> background(String name, Supplier<T> load) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(load.get());
      } catch (Throwable e) { // handed to the caller of over(), which reports it as before
        f.completeExceptionally(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** What a background load gave, or its failure thrown as it would have been thrown in the caller's thread. */
  public static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** The conversation engine over the bundled KB and rules, reading facts from a snapshot folder. */
  public static ConversationEngine over(Path snapshot) {
    return over(snapshot, false);
  }

  /**
   * @param inside the user said (a flag) this machine is inside the load balancer's network, so "Check
   *     from here" is offered at once; otherwise it is asked before the first check
   */
  public static ConversationEngine over(Path snapshot, boolean inside) {
    SnapshotReader reader;
    try {
      reader = new SnapshotReader(snapshot);
    } catch (SnapshotFolderException e) {
      throw new BadInputException("cannot use the snapshot " + snapshot + ": " + e.getMessage()
          + "; point --snapshot at a folder of az/ARM JSON files (see engine/SNAPSHOT-FORMAT.md)", e);
    }
    return over(reader, inside);
  }

  /**
   * The conversation engine over any fact source (a snapshot, live Azure). It offers "Check from here" at
   * the listening questions: a TCP check, only to the load balancer's own backends, when the user asks.
   * Over a snapshot the facts say nothing of where lb-triage runs, so the check is offered only once the
   * user says this machine is inside the load balancer's network; over live Azure the prompt says which
   * machine checks.
   */
  public static ConversationEngine over(dev.lbtriage.engine.gather.FactSource source) {
    return over(source, false);
  }

  public static ConversationEngine over(dev.lbtriage.engine.gather.FactSource source, boolean inside) {
    SymptomMatcherAndKb loaded = join(MATCHER);
    return new ConversationEngine(loaded.matcher(), new Diagnoser(loaded.kb(), join(RULES)), source,
        Clock.systemUTC(), runner(source, inside), documents(source));
  }

  /**
   * The ARM documents for the chat's {@code bundle} command: a snapshot folder's JSON files, read when a bundle is
   * asked for; none over live Azure (the chat then names the {@code lb-triage bundle --azure} command).
   */
  public static dev.lbtriage.engine.conversation.ArmDocuments documents(FactSource source) {
    FactSource inner = source instanceof dev.lbtriage.bot.cli.ScopedFactSource scoped ? scoped.inner() : source;
    if (inner instanceof SnapshotReader snapshot) {
      Path folder = snapshot.folder();
      return lbId -> java.util.Optional.of(dev.lbtriage.engine.bundle.SnapshotDocumentsReader.fromFolder(folder));
    }
    return dev.lbtriage.engine.conversation.ArmDocuments.none();
  }

  /** The live checks for a source: gated on a snapshot (unless {@code inside}), said to run from this host otherwise. */
  public static dev.lbtriage.engine.check.TcpLiveCheckRunner runner(FactSource source, boolean inside) {
    FactSource inner = source instanceof dev.lbtriage.bot.cli.ScopedFactSource scoped ? scoped.inner() : source;
    boolean snapshot = inner instanceof SnapshotReader;
    return new dev.lbtriage.engine.check.TcpLiveCheckRunner(snapshot && !inside, "this machine (" + hostName() + ")");
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "lb-triage's host";
    }
  }

  /**
   * The store at {@code --db} (a JDBC URL or a file path whose folder exists), else {@code $LB_TRIAGE_DB}
   * (the same), else the H2 file in the user's data folder (created when absent).
   */
  public static JdbcSessionStore store(String db) {
    String url;
    boolean explicit = db != null && !db.isBlank() || !DataLocation.isDefault(System.getenv());
    try {
      url = db != null && !db.isBlank() ? DataLocation.explicit(db, "--db") : DataLocation.current();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    try {
      if (!explicit && url.startsWith(H2_FILE)) {
        Path parent = Path.of(url.substring(H2_FILE.length()).split(";", 2)[0]).toAbsolutePath().getParent();
        Files.createDirectories(parent);
      }
      return new JdbcSessionStore(url, Clock.systemUTC());
    } catch (SessionStoreException | IOException e) {
      throw new BadInputException(ProblemText.oneLine(e.getMessage())
          + (explicit ? "" : " (set LB_TRIAGE_DB or --db to use another database)"), e);
    }
  }

  /**
   * The conversation runtime for a terminal session: the engine is asked for at the first line the user types,
   * so the greeting is shown while it still loads; new sessions get {@link #newId() short ids}.
   */
  public static dev.lbtriage.engine.runtime.Conversations conversations(Supplier<ConversationEngine> engine,
      dev.lbtriage.engine.session.SessionStore store) {
    return new dev.lbtriage.engine.runtime.Conversations(engine, store, Engines::newId,
        dev.lbtriage.engine.runtime.Conversations.DEFAULT_LEASE, Clock.systemUTC());
  }

  /** A short new session id. */
  public static String newId() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String user() {
    return System.getProperty("user.name", "user");
  }
}
