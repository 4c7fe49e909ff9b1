package dev.lbtriage.engine.conversation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the command grammar (documented in {@code engine/CONVERSATION.md} and the {@code help}
 * reply). A command is the whole line, case-insensitive, optionally with a leading {@code /}:
 *
 * <pre>
 * help | commands                       the commands
 * why | why?                            the evidence so far and the answers given
 * details | more | fixes                every cause, its evidence and every fix step and command
 * support | support case                what to collect for a support case
 * bundle | support bundle               the support-case bundle (a zip) of the conversation so far
 * bundle redact | redacted bundle       the same with ids, public IPs, user names and free text masked
 * tried: WHAT                           remediation already tried, at any stage
 * tried WHAT                            the same after a conclusion (before it, the line is an answer or the report)
 * summary | status                      what is established: report, symptom, LB, answers (numbered)
 * back | undo                           take back the last answer (or the last choice)
 * change N [to] ANSWER                  replace answer number N (as the summary numbers them)
 * change QUESTION-ID [to] ANSWER        replace the answer to that question, or answer it early
 * change N | change QUESTION-ID         forget that answer and be asked again
 * restart | start over                  drop everything and describe the problem again
 * refresh | read again                  read the facts again (after a fix) and diagnose anew
 * quit | exit | bye                     end the conversation (restart still works)
 * </pre>
 *
 * Anything else is input for the current stage.
 */
final class CommandParser {
  private static final Pattern TRIED = Pattern.compile("tried(\\s*:\\s*|\\s+)(?!to\\s)(\\S.*)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern CHANGE = Pattern.compile("change\\s+(\\S+)(?:\\s+(?:to\\s+)?(.+))?", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private CommandParser() {}

  static Command parse(String line) {
    String text = line.strip();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("/")) {
      lower = lower.substring(1);
      text = text.substring(1);
    }
    String bare = lower.replaceAll("[.!]+$", "").strip();
    switch (bare) {
      case "help", "commands", "what can i say", "what can i say?":
        return new Command.Help();
      case "why", "why?":
        return new Command.Why();
      case "summary", "status":
        return new Command.Summary();
      case "details", "detail", "more", "fixes", "show details", "all fixes":
        return new Command.More(Command.More.Part.DETAILS);
      case "support", "support case":
        return new Command.More(Command.More.Part.SUPPORT);
      case "bundle", "support bundle", "make a bundle", "case bundle":
        return new Command.Bundle(false);
      case "bundle redact", "bundle redacted", "bundle --redact", "redacted bundle", "support bundle redact", "support bundle redacted":
        return new Command.Bundle(true);
      case "tried", "tried:":
        return new Command.Tried(null, true);
      case "back", "undo", "go back":
        return new Command.Back();
      case "restart", "start over", "start again":
        return new Command.Restart();
      case "refresh", "reload", "read again", "check again":
        return new Command.Refresh();
      case "quit", "exit", "bye", "stop":
        return new Command.Quit();
      default:
        break;
    }
    Matcher t = TRIED.matcher(text);
    if (t.matches()) {
      return new Command.Tried(t.group(2).strip(), t.group(1).contains(":"));
    }
    Matcher m = CHANGE.matcher(text);
    if (m.matches()) {
      String value = m.group(2) == null ? null : m.group(2).strip();
      return new Command.Change(m.group(1).toLowerCase(Locale.ROOT), value == null || value.isEmpty() ? null : value);
    }
    return new Command.Input(line.strip());
  }
}
