package dev.lbtriage.bot.terminal;

import dev.lbtriage.engine.conversation.Reply;
import dev.lbtriage.engine.scenario.Scenario;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** Without {@code --snapshot}, the chat offers the bundled example scenarios as a numbered list. */
final class ExamplePicker {
  private ExamplePicker() {}

  /** The example picked, or null when the input ended first. */
  static SessionKey pick(TerminalIo io, PrintWriter out) {
    List<Scenario> all = BundledExamples.list();
    Reply.Prompt prompt = new Reply.Prompt("example", "Which example scenario shall we triage? (a number or its name)",
        "No --snapshot was given, so the facts come from one of the bundled examples.", List.of(),
        all.stream().map(s -> new Reply.Choice(s.name() + ": " + s.title(), s.name())).toList());
    out.print(io.renderer().render(prompt));
    while (true) {
      String line;
      try {
        line = io.in().readLine(ChatLoop.YOU);
      } catch (LineSource.Cancelled c) {
        continue;
      }
      if (line == null) {
        out.println();
        out.println("Bye.");
        return null;
      }
      String value = Choices.resolve(prompt, line).strip();
      Optional<Scenario> s = all.stream().filter(x -> x.name().equalsIgnoreCase(value)).findFirst();
      if (s.isPresent()) {
        out.println("Example: " + s.get().name() + " (facts from " + s.get().folder() + ").");
        out.println("It was reported as: \"" + s.get().report() + "\"");
        return SessionKey.ofExample(s.get().name());
      }
      out.print(io.renderer().render(new Reply.Notice(Reply.Notice.Level.WARNING,
          "Please pick one: a number from 1 to " + all.size() + " or a scenario name.")));
      out.print(io.renderer().render(prompt));
    }
  }
}
