package dev.lbtriage.engine.message;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One part of a {@link Message}. Sealed, and every renderer is a {@link Visitor}: Java 17 has no
 * pattern {@code switch}, so the visitor is what makes the compiler check that a renderer handles
 * every section type (a new type adds a method every renderer must implement). Texts are plain (no
 * Markdown, no mrkdwn, no ANSI); a renderer escapes them.
 */
public sealed interface Section
    permits Section.Heading, Section.Text, Section.Bullets, Section.Steps, Section.Commands, Section.HowTo,
        Section.Findings, Section.Buttons, Section.Context, Section.Notice {

  /** Calls the visitor's method for this section's type. */
  <R> R accept(Visitor<R> v);

  /** One method per section type: a renderer implements them all. */
  interface Visitor<R> {
    R heading(Heading s);

    R text(Text s);

    R bullets(Bullets s);

    R steps(Steps s);

    R commands(Commands s);

    R howTo(HowTo s);

    R findings(Findings s);

    R buttons(Buttons s);

    R context(Context s);

    R notice(Notice s);
  }

  /** A heading line inside the message. */
  record Heading(String text) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.heading(this);
    }
  }

  /** A paragraph (line breaks in it are kept). */
  record Text(String text) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.text(this);
    }
  }

  /** Unordered items, one line or paragraph each. */
  record Bullets(List<String> items) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.bullets(this);
    }

    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** Numbered steps, in the order to do them. */
  record Steps(List<String> items) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.steps(this);
    }

    public Steps {
      items = List.copyOf(items);
    }
  }

  /**
   * Commands to paste, each with what it does.
   *
   * @param caption one line above them (e.g. "Fix (in this order)"), may be null
   * @param shell the shell they run in
   */
  record Commands(String caption, Shell shell, List<Command> commands) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.commands(this);
    }

    public Commands {
      commands = List.copyOf(commands);
    }
  }

  /**
   * One command.
   *
   * @param description what it does, one line, may be null
   * @param text the command, may span lines
   */
  record Command(String description, String text) {}

  /** The shell commands are written for: a renderer may use it to highlight or label them. */
  enum Shell {
    BASH,
    POWERSHELL,
    CMD,
    /** Not a shell: output or steps to read, shown as they are. */
    TEXT
  }

  /**
   * How to check something, one entry per platform, each kept apart (never Windows and Linux in
   * one block).
   */
  record HowTo(List<Way> ways) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.howTo(this);
    }

    public HowTo {
      ways = List.copyOf(ways);
    }

    /** The way for one platform, if there is one. */
    public Optional<Way> on(Platform p) {
      return ways.stream().filter(w -> w.platform() == p).findFirst();
    }
  }

  /**
   * How on one platform: its lines (commands or portal steps), alternatives or in order as the
   * knowledge base writes them.
   */
  record Way(Platform platform, List<String> lines) {
    public Way {
      lines = List.copyOf(lines);
    }

    /** The lines joined by newlines. */
    public String text() {
      return String.join("\n", lines);
    }
  }

  /** Where a how-to runs. */
  enum Platform {
    WINDOWS("Windows"),
    LINUX("Linux"),
    /** The Azure portal or CLI. */
    AZURE("Azure");

    private final String label;

    Platform(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Causes with their status and evidence. */
  record Findings(String title, List<Finding> rows) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.findings(this);
    }

    public Findings {
      rows = List.copyOf(rows);
    }
  }

  /** One cause in a findings table; {@code evidence} one line each. */
  record Finding(String cause, String title, Status status, List<String> evidence) {
    public Finding {
      evidence = List.copyOf(evidence);
    }
  }

  /** What the evidence says of a cause. */
  enum Status {
    CONFIRMED("confirmed"),
    SUSPECTED("suspected"),
    RULED_OUT("ruled-out");

    private final String id;

    Status(String id) {
      this.id = id;
    }

    /** The stable id: {@code confirmed}, {@code suspected}, {@code ruled-out}. */
    public String id() {
      return id;
    }

    /** The status with this id (case-insensitive). */
    public static Status of(String id) {
      String s = id.toLowerCase(Locale.ROOT).replace('_', '-');
      for (Status v : values()) {
        if (v.id.equals(s)) {
          return v;
        }
      }
      throw new IllegalArgumentException("not a status: " + id);
    }
  }

  /**
   * Suggested answers to the question the message asks; or, with the id {@link #OFFER}, commands
   * offered at the end of a message (the conclusion's "make a support-case bundle"): a face shows them
   * as one line or a button whose click sends the value as the user's line.
   *
   * @param id the question's stable id (what a face sends back with a click), or {@link #OFFER}
   */
  record Buttons(String id, List<Button> buttons) implements Section {
    /** The id of buttons that offer commands rather than answer a question. */
    public static final String OFFER = "offer";

    /** One command offered: {@code label} shown, {@code command} sent back when chosen. */
    public static Buttons offer(String label, String command) {
      return new Buttons(OFFER, List.of(new Button(label, command)));
    }

    /** Whether these buttons offer commands (not answers to a question). */
    public boolean offer() {
      return OFFER.equals(id);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.buttons(this);
    }

    public Buttons {
      buttons = List.copyOf(buttons);
    }
  }

  /**
   * One suggested answer.
   *
   * @param label what the button shows
   * @param value what is sent back as the user's line when it is chosen
   */
  record Button(String label, String value) {}

  /** A small line around the rest: where facts came from, how to go on. */
  record Context(String text) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.context(this);
    }
  }

  /** Something to notice: a refusal of bad input, a missing fact, an error. */
  record Notice(Level level, String text) implements Section {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.notice(this);
    }
  }

  /** How much a notice matters. */
  enum Level {
    INFO,
    WARNING,
    ERROR
  }
}
