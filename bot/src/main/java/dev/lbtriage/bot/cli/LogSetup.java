package dev.lbtriage.bot.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

/**
 * Logs go to stderr (level from {@code LB_TRIAGE_LOG}, default warn, see logback.xml) and, when
 * {@code LB_TRIAGE_LOG_FILE} names a file, to that file instead. Never to stdout.
 */
final class LogSetup {
  private LogSetup() {}

  static void apply(java.util.Map<String, String> env) {
    String file = env.get("LB_TRIAGE_LOG_FILE");
    if (file == null || file.isBlank() || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{30} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(ctx);
    appender.setName("FILE");
    appender.setFile(file);
    appender.setEncoder(encoder);
    appender.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAppender("STDERR");
    root.addAppender(appender);
  }
}
