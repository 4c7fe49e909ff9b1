package dev.lbtriage.bot.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %msg} with secrets masked and control characters escaped (see {@link LogRedaction#oneLine}). */
public final class RedactingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return LogRedaction.oneLine(super.convert(event));
  }
}
