package dev.lbtriage.bot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import dev.lbtriage.engine.session.DataLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Where logs go, never stdout. At the default level (warn) they go to a log file only
 * ({@code LB_TRIAGE_LOG_FILE}, else {@code lb-triage.log} in the data folder, created at the first
 * line), so the Azure SDK's warnings stay off the screen and a one-line error can say where the
 * details are. {@code --verbose} (info) and {@code --debug} (debug), or {@code LB_TRIAGE_LOG=level},
 * send them to stderr as well.
 */
public final class LogSetup {
  private static volatile Path file;

  private LogSetup() {}

  /** The file logs are written to, or null when none (they go to stderr only). */
  public static Path file() {
    return file;
  }

  /** " (details: FILE; --debug shows them here)", or the --debug hint alone when there is no log file. */
  public static String detailsHint() {
    Path f = file;
    return f == null ? " (run again with --debug for details)" : " (details in " + f + "; --debug shows them here)";
  }

  /** Applies the level and destinations from the environment and the arguments, before the command runs. */
  static void apply(Map<String, String> env, List<String> args) {
    int end = args.indexOf("--");
    List<String> options = end < 0 ? args : args.subList(0, end);
    String level = options.contains("--debug") ? "debug" : options.contains("--verbose") ? "info" : env.get("LB_TRIAGE_LOG");
    boolean toStderr = level != null && !level.isBlank();
    Path logFile = logFile(env);
    configure(level == null || level.isBlank() ? "warn" : level, toStderr || logFile == null, logFile);
  }

  /** Called when --debug or --verbose is parsed (in-process runs, where {@link #apply} did not run). */
  static void raise(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
      Level wanted = Level.toLevel(level, Level.WARN);
      if (root.getLevel() == null || wanted.toInt() < root.getLevel().toInt()) {
        root.setLevel(wanted);
      }
    }
  }

  private static Path logFile(Map<String, String> env) {
    String f = env.get("LB_TRIAGE_LOG_FILE");
    if (f != null && !f.isBlank()) {
      return Path.of(f).toAbsolutePath();
    }
    try {
      return DataLocation.currentDataDir().resolve("lb-triage.log");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void configure(String level, boolean stderr, Path logFile) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(Level.toLevel(level, Level.WARN));
    if (stderr) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(ctx);
      console.setName("STDERR");
      console.setTarget("System.err");
      console.setEncoder(encoder(ctx, "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n%redactedEx"));
      console.start();
      root.addAppender(console);
    }
    if (logFile != null) {
      LazyFile appender = new LazyFile(ctx, logFile);
      appender.setContext(ctx);
      appender.setName("FILE");
      appender.start();
      root.addAppender(appender);
      file = logFile;
    }
  }

  /** Opens the log file at the first line, so a run that logs nothing leaves no file behind. */
  private static final class LazyFile extends AppenderBase<ILoggingEvent> {
    private final LoggerContext ctx;
    private final Path path;
    private FileAppender<ILoggingEvent> delegate;

    LazyFile(LoggerContext ctx, Path path) {
      this.ctx = ctx;
      this.path = path;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
      if (delegate == null) {
        FileAppender<ILoggingEvent> f = new FileAppender<>();
        f.setContext(ctx);
        f.setName("FILE-OPEN");
        f.setFile(path.toString());
        f.setEncoder(encoder(ctx, "%d{ISO8601} %-5level [%thread] %logger{30} - %msg%n%redactedEx"));
        f.start();
        delegate = f;
      }
      delegate.doAppend(event);
    }

    @Override
    public synchronized void stop() {
      if (delegate != null) {
        delegate.stop();
      }
      super.stop();
    }
  }

  private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }
}
