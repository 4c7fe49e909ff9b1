package dev.lbtriage.bot.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A stack trace with secrets masked: exception messages carry whatever a library put in them (a JDBC URL, a
 * request). Its lines stay lines; a message's own line breaks are left as the library wrote them.
 */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return LogRedaction.mask(super.convert(event));
  }
}
