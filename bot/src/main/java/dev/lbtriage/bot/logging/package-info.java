/**
 * Log hygiene for every logger of the process (wired in {@code logback.xml}): secrets are masked and control
 * characters escaped in every message and stack trace, whatever library logged them and at whatever level.
 */
package dev.lbtriage.bot.logging;
