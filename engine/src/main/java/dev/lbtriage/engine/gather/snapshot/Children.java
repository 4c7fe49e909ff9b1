package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.TransportProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Helpers the resource parsers share for child resources (probes, rules, ipConfigurations, ...). */
final class Children {

  private Children() {}

  /** Reads every object of an array field; one that fails is reported and left out. */
  static <T> List<T> each(JsonCursor parent, String field, Function<JsonCursor, T> read) {
    List<T> out = new ArrayList<>();
    for (JsonCursor c : parent.objects(field)) {
      try {
        T value = read.apply(c);
        if (value != null) {
          out.add(value);
        }
      } catch (FieldException e) {
        c.log().error(e);
      }
    }
    return out;
  }

  /** The child's id; when absent, built from the parent id and the child's name. */
  static String id(JsonCursor c, String parentId, String collection) {
    String id = c.text("id");
    if (id != null) {
      return id;
    }
    String name = c.text("name");
    if (name == null) {
      throw new FieldException(c.path() + ".id", "missing required field 'id' (and no 'name' to build it from)");
    }
    return parentId + "/" + collection + "/" + name;
  }

  static String name(JsonCursor c, String id) {
    String name = c.text("name");
    return name != null ? name : ArmId.name(id);
  }

  /** Parses a required enum-like field, turning the parser's complaint into a {@link FieldException}. */
  static <T> T parse(JsonCursor p, String field, Function<String, T> parser) {
    String value = p.requiredText(field);
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new FieldException(p.child(field).map(JsonCursor::path).orElse(p.path() + "." + field), e.getMessage());
    }
  }

  static TransportProtocol transport(String s) {
    return TransportProtocol.parse(s);
  }
}
