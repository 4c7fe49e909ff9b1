package dev.lbtriage.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link ArmId#same} is defined by {@link ArmId#normalize}: the allocation-free path must agree. */
class ArmIdSameTest {

  static boolean byNormalize(String a, String b) {
    return a != null && b != null && ArmId.normalize(a).equals(ArmId.normalize(b));
  }

  @Test
  void examples() {
    String id = "/subscriptions/s/resourceGroups/RG/providers/Microsoft.Network/networkInterfaces/nic1";
    assertThat(ArmId.same(id, id.toLowerCase())).isTrue();
    assertThat(ArmId.same(id, id.toUpperCase() + "/")).isTrue();
    assertThat(ArmId.same(" " + id + "// ", id)).isTrue();
    assertThat(ArmId.same(id + " /", id)).isFalse();
    assertThat(ArmId.same(id, id + "2")).isFalse();
    assertThat(ArmId.same(id, null)).isFalse();
    assertThat(ArmId.same(null, null)).isFalse();
    assertThat(ArmId.same("", " / ")).isTrue();
    // Non-ASCII: lower-casing may change the length (U+0130), so these go through normalize.
    assertThat(ArmId.same("x\u0130", "xi\u0307")).isEqualTo(byNormalize("x\u0130", "xi\u0307")).isTrue();
    assertThat(ArmId.same("\u00c9t\u00c9", "\u00e9t\u00e9")).isTrue();
    assertThat(ArmId.same("ABC\u03a3", "abc\u03c2")).isEqualTo(byNormalize("ABC\u03a3", "abc\u03c2"));
  }

  @Property(tries = 3000)
  void agreesWithNormalize(@ForAll("ids") String a, @ForAll("ids") String b) {
    assertThat(ArmId.same(a, b)).isEqualTo(byNormalize(a, b));
  }

  @Property(tries = 2000)
  void agreesWithNormalizeOnVariants(@ForAll("ids") String a, @ForAll("variants") java.util.function.UnaryOperator<String> v) {
    String b = v.apply(a);
    assertThat(ArmId.same(a, b)).isEqualTo(byNormalize(a, b));
    assertThat(ArmId.same(b, a)).isEqualTo(byNormalize(b, a));
  }

  @Provide
  Arbitrary<String> ids() {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.of('a', 'B', 'c', 'Z', '/', '/', ' ', '\t', '-', '0', '_'),
        Arbitraries.of('\u0130', '\u0131', 'i', 'I', '\u00df', '\u03a3', '\u03c3', '\u03c2', '\u00e9', '\u00c9', '\u212a', 'k'));
    return chars.list().ofMaxSize(12).map(cs -> {
      StringBuilder sb = new StringBuilder();
      cs.forEach(sb::append);
      return sb.toString();
    });
  }

  @Provide
  Arbitrary<java.util.function.UnaryOperator<String>> variants() {
    Arbitrary<java.util.function.UnaryOperator<String>> one = Arbitraries.of(
        s -> s, String::toUpperCase, String::toLowerCase, s -> s + "/", s -> " " + s, s -> s + " ", s -> s + "x",
        s -> s.isEmpty() ? s : s.substring(1), s -> s.replace('/', '-'));
    return Combinators.combine(one, one).as((f, g) -> s -> g.apply(f.apply(s)));
  }
}
