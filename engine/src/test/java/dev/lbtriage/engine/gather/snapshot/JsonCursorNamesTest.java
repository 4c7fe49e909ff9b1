package dev.lbtriage.engine.gather.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The loops that replaced the regexes of {@link JsonCursor} (issue 20: one was compiled per field look-up) accept
 * exactly the strings the regexes accepted, so every JSON path in a problem reads as before.
 */
class JsonCursorNamesTest {

  private static final String NAME = "[A-Za-z_$][A-Za-z0-9_$@-]*";
  private static final String SMALL_INTEGER = "-?\\d{1,9}";

  private static List<String> samples() {
    List<String> out = new ArrayList<>(List.of("", "a", "Z", "_", "$", "@", "-", "0", "9", "a1", "1a", "a-b", "a b", "$x",
        "@x", "x@", "x.y", "x[0]", "é", "aé", "properties", "frontendIPConfigurations", "odata.type", "name ", " name",
        "-1", "--1", "+1", "123456789", "1234567890", "-123456789", "-1234567890", "0x1", "1.0", "١٢", "12a", "a12", "-"));
    Random random = new Random(20);
    String alphabet = "aZ_$@-09 .é١['\"x";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void fieldNamesAreTheRegexs() {
    for (String s : samples()) {
      assertThat(JsonCursor.isIdentifier(s)).as("'%s'", s).isEqualTo(s.matches(NAME));
    }
  }

  @Test
  void integerStringsAreTheRegexs() {
    for (String s : samples()) {
      assertThat(JsonCursor.isSmallInteger(s)).as("'%s'", s).isEqualTo(s.matches(SMALL_INTEGER));
    }
    for (int i = 0; i < 5_000; i++) {
      String s = Integer.toString(new Random(i).nextInt());
      assertThat(JsonCursor.isSmallInteger(s)).as(s).isEqualTo(s.matches(SMALL_INTEGER));
    }
  }
}
