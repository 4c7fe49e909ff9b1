package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.message.Section;
import dev.lbtriage.engine.scenario.Scenario;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Without {@code --snapshot}, the chat offers the bundled example scenarios as a numbered list. It
 * takes a number, a name, {@code quit} (or Ctrl-D) to leave and {@code back} (nothing before it).
 */
final class ExamplePicker {
  private ExamplePicker() {}

  /** The example picked, or null when the user left (quit, or the input ended). */
  static SessionKey pick(TerminalIo io, PrintWriter out) {
    List<Scenario> all = BundledExamples.list();
    Reply.Prompt prompt = new Reply.Prompt("example", "Which example scenario shall we triage? (a number or its name; \"quit\" to leave)",
        "No --snapshot was given, so the facts come from one of the bundled examples.", List.of(),
        all.stream().map(s -> new Reply.Choice(s.name() + ": " + s.title(), s.name())).toList());
    out.print(io.renderer().render(prompt));
    while (true) {
      String line;
      try {
        line = io.in().readLine(ChatLoop.YOU);
      } catch (LineSource.Cancelled c) {
        out.print(io.renderer().render(Reply.Say.notice(Section.Level.INFO, "To leave, type \"quit\" or press Ctrl-D.")));
        continue;
      }
      if (line == null) {
        out.println();
        out.println("Bye.");
        return null;
      }
      String word = line.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "").replaceAll("[.!]+$", "");
      if (List.of("quit", "exit", "bye", "stop").contains(word)) {
        out.println("Bye.");
        return null;
      }
      if (word.isEmpty()) {
        continue;
      }
      if (List.of("back", "undo", "go back").contains(word)) {
        out.print(io.renderer().render(Reply.Say.notice(Section.Level.INFO,
            "There is nothing before this list: pick an example by its number or name, or \"quit\".")));
        out.print(io.renderer().render(prompt));
        continue;
      }
      String value = Choices.resolve(prompt, line).strip();
      Optional<Scenario> s = all.stream().filter(x -> x.name().equalsIgnoreCase(value)).findFirst();
      if (s.isPresent()) {
        out.println("Example: " + s.get().name() + " (facts from " + s.get().folder() + ").");
        out.println("It was reported as: \"" + s.get().report() + "\"");
        return SessionKey.ofExample(s.get().name());
      }
      out.print(io.renderer().render(Reply.Say.notice(Section.Level.WARNING,
          "Please pick one: a number from 1 to " + all.size() + " or a scenario name (or \"quit\").")));
      out.print(io.renderer().render(prompt));
    }
  }
}
