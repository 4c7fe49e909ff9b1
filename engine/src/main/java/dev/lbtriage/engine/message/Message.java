package dev.lbtriage.engine.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message, as a face posts it: a title (may be null when the first section says it all) and
 * its sections in order. Immutable; {@link #builder} assembles one.
 */
public record Message(String title, List<Section> sections) {
  public Message {
    sections = List.copyOf(sections);
  }

  public static Message of(String title, Section... sections) {
    return new Message(title, List.of(sections));
  }

  /** A message of one paragraph, without a title. */
  public static Message text(String text) {
    return new Message(null, List.of(new Section.Text(text)));
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** The sections of one type, in order. */
  public <T extends Section> List<T> sectionsOf(Class<T> type) {
    return sections.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Whether it has no title and no sections. */
  public boolean isEmpty() {
    return title == null && sections.isEmpty();
  }

  /** Assembles a message section by section; empty lists and blank texts are left out. */
  public static final class Builder {
    private final String title;
    private final List<Section> sections = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    public Builder add(Section s) {
      sections.add(Objects.requireNonNull(s));
      return this;
    }

    public Builder addAll(List<? extends Section> all) {
      all.forEach(this::add);
      return this;
    }

    public Builder heading(String text) {
      return text == null || text.isBlank() ? this : add(new Section.Heading(text));
    }

    public Builder text(String text) {
      return text == null || text.isBlank() ? this : add(new Section.Text(text));
    }

    public Builder bullets(List<String> items) {
      return items.isEmpty() ? this : add(new Section.Bullets(items));
    }

    public Builder steps(List<String> items) {
      return items.isEmpty() ? this : add(new Section.Steps(items));
    }

    public Builder context(String text) {
      return text == null || text.isBlank() ? this : add(new Section.Context(text));
    }

    public Builder notice(Section.Level level, String text) {
      return text == null || text.isBlank() ? this : add(new Section.Notice(level, text));
    }

    public Message build() {
      return new Message(title, sections);
    }
  }
}
