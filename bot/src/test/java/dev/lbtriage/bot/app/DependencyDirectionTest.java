package dev.lbtriage.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which of our packages each main source file names (imports and fully qualified names, comments
 * left out), checked against the direction the design wants: kb and rules name nothing of ours
 * outside themselves, the engine names no face, no face names another, and the engine's conversation
 * and check packages do not name each other both ways.
 */
class DependencyDirectionTest {
  static final Path ROOT = Path.of("..");
  static final Pattern OURS = Pattern.compile("\\bdev\\.lbtriage\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");
  static final List<String> FACES = List.of("bot.slack", "bot.terminal", "bot.teams");

  /** Package of each main source file -> the packages of ours it names (its own left out). */
  static Map<String, Set<String>> uses(String module) {
    Map<String, Set<String>> out = new TreeMap<>();
    Path src = ROOT.resolve(module).resolve("src/main/java");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = withoutComments(Files.readString(f));
        Matcher pkg = Pattern.compile("^package dev\\.lbtriage\\.([a-z.]+);", Pattern.MULTILINE).matcher(text);
        if (!pkg.find()) {
          continue;
        }
        String own = pkg.group(1);
        Set<String> named = out.computeIfAbsent(own + " (" + src.relativize(f) + ")", k -> new TreeSet<>());
        Matcher m = OURS.matcher(text);
        while (m.find()) {
          if (!m.group(1).equals(own)) {
            named.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String withoutComments(String java) {
    return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }

  static List<String> violations(String module, java.util.function.BiPredicate<String, String> forbidden) {
    List<String> bad = new ArrayList<>();
    uses(module).forEach((file, named) -> {
      String own = file.substring(0, file.indexOf(' '));
      named.stream().filter(n -> forbidden.test(own, n)).forEach(n -> bad.add(file + " names dev.lbtriage." + n));
    });
    return bad;
  }

  static boolean under(String pkg, String root) {
    return pkg.equals(root) || pkg.startsWith(root + ".");
  }

  @Test
  void the_scan_sees_what_it_should() {
    // guards the scan itself: a known dependency must be seen
    assertThat(uses("engine")).anySatisfy((file, named) -> assertThat(named).contains("rules.facts"));
    assertThat(uses("bot")).anySatisfy((file, named) -> assertThat(named).contains("engine.runtime"));
  }

  @Test
  void kb_and_rules_name_nothing_of_ours_outside_themselves() {
    assertThat(violations("kb", (own, n) -> !under(n, "kb"))).isEmpty();
    assertThat(violations("rules", (own, n) -> !under(n, "rules"))).isEmpty();
  }

  @Test
  void the_engine_names_no_face_and_nothing_of_the_bot() {
    assertThat(violations("engine", (own, n) -> under(n, "bot"))).isEmpty();
  }

  @Test
  void no_face_names_another_face() {
    assertThat(violations("bot", (own, n) -> FACES.stream().anyMatch(f -> under(own, f))
        && FACES.stream().anyMatch(f -> under(n, f) && !under(own, f)))).isEmpty();
  }

  @Test
  void the_engine_core_names_no_transport() {
    // the conversation, its messages and the runtime do no I/O of their own: no Azure SDK, no Slack, no terminal
    List<String> bad = new ArrayList<>();
    for (String pkg : List.of("conversation", "message", "runtime", "diagnosis")) {
      Path dir = ROOT.resolve("engine/src/main/java/dev/lbtriage/engine").resolve(pkg);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = withoutComments(Files.readString(f));
          for (String banned : List.of("com.azure.", "com.slack.", "org.jline.", "java.net.http", "engine.gather.azure")) {
            if (text.contains(banned)) {
              bad.add(f.getFileName() + " names " + banned);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(bad).isEmpty();
  }

  @Test
  void conversation_and_check_do_not_name_each_other_both_ways() {
    boolean conversationToCheck = !violations("engine", (own, n) -> own.equals("engine.conversation") && n.equals("engine.check")).isEmpty();
    boolean checkToConversation = !violations("engine", (own, n) -> own.equals("engine.check") && n.equals("engine.conversation")).isEmpty();
    assertThat(conversationToCheck && checkToConversation).as("a package cycle conversation <-> check").isFalse();
  }

  @Test
  void the_terminal_names_no_other_face_and_goes_through_the_runtime() {
    // the rule above, for the face this was last true of: the terminal names no other face's package, and it names
    // the runtime, the way every face talks to the conversation
    Map<String, Set<String>> terminal = new TreeMap<>();
    uses("bot").forEach((file, named) -> {
      if (under(file.substring(0, file.indexOf(' ')), "bot.terminal")) {
        terminal.put(file, named);
      }
    });
    assertThat(terminal).as("the scan sees the terminal's files").hasSizeGreaterThan(10);
    assertThat(terminal.values().stream().flatMap(Set::stream).filter(n -> FACES.stream().anyMatch(f -> under(n, f)))).isEmpty();
    assertThat(terminal.values()).anySatisfy(named -> assertThat(named).contains("engine.runtime"));
  }

  @Test
  void no_face_runs_a_turn_of_the_engine_itself() throws IOException {
    // read from the compiled classes (every call, lambdas and method references included): a face hands what was
    // said to the runtime (engine.runtime.Conversations), which owns order, de-duplication, saving and errors
    Set<String> turns = Set.of("start", "handle", "resume");
    String engine = "dev/lbtriage/engine/conversation/ConversationEngine";
    List<String> bad = new ArrayList<>();
    int classes = 0;
    for (String face : FACES) {
      Path dir = Path.of("target/classes").resolve(face.replace('.', '/').replace("bot/", "dev/lbtriage/bot/"));
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          classes++;
          for (String call : ClassCalls.of(Files.readAllBytes(f))) {
            if (call.startsWith(engine + ".") && turns.contains(call.substring(engine.length() + 1))) {
              bad.add(f.getFileName() + " calls " + call);
            }
          }
        }
      }
    }
    assertThat(classes).as("compiled face classes seen").isGreaterThan(30);
    assertThat(ClassCalls.of(Files.readAllBytes(Path.of("target/classes/dev/lbtriage/bot/terminal/ChatLoop.class"))))
        .as("the scan sees calls").contains("dev/lbtriage/engine/runtime/Conversations.handle");
    assertThat(bad).isEmpty();
  }

  /** The methods a class file calls, as {@code owner/Class.name}, read from its constant pool. */
  static final class ClassCalls {
    private ClassCalls() {}

    static Set<String> of(byte[] bytes) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      b.position(8); // magic, minor, major
      int count = Short.toUnsignedInt(b.getShort());
      String[] utf8 = new String[count];
      int[] classNames = new int[count];
      int[][] refs = new int[count][];
      int[][] nameAndTypes = new int[count][];
      for (int i = 1; i < count; i++) {
        int tag = Byte.toUnsignedInt(b.get());
        switch (tag) {
          case 1 -> {
            byte[] s = new byte[Short.toUnsignedInt(b.getShort())];
            b.get(s);
            utf8[i] = new String(s, java.nio.charset.StandardCharsets.UTF_8); // modified UTF-8: fine for names
          }
          case 7 -> classNames[i] = Short.toUnsignedInt(b.getShort());
          case 10, 11 -> refs[i] = new int[] {Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort())};
          case 12 -> nameAndTypes[i] = new int[] {Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort())};
          case 3, 4, 9, 17, 18 -> b.position(b.position() + 4);
          case 5, 6 -> {
            b.position(b.position() + 8);
            i++; // takes two entries
          }
          case 8, 16, 19, 20 -> b.position(b.position() + 2);
          case 15 -> b.position(b.position() + 3);
          default -> throw new IllegalStateException("constant pool tag " + tag + " at entry " + i);
        }
      }
      Set<String> calls = new TreeSet<>();
      for (int[] ref : refs) {
        if (ref != null) {
          calls.add(utf8[classNames[ref[0]]] + "." + utf8[nameAndTypes[ref[1]][0]]);
        }
      }
      return calls;
    }
  }
}
