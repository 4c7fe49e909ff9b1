package dev.lbtriage.rules.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The exception-free parser (issue 18) against the JDK's own literal parser: every IPv6 string made of hex
 * digits, colons and dots is accepted or refused as {@code InetAddress} accepts or refuses it, with the same
 * address; IPv4 as the dotted-quad rules say.
 */
class IpPrefixParseTest {

  @Provide
  Arbitrary<String> v6Like() {
    Arbitrary<String> group = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(0).ofMaxLength(5);
    Arbitrary<String> quad = Arbitraries.integers().between(0, 300).list().ofSize(4)
        .map(l -> l.stream().map(String::valueOf).reduce((a, b) -> a + "." + b).orElseThrow());
    Arbitrary<String> piece = Arbitraries.oneOf(group, group, group, quad, Arbitraries.just(""));
    return piece.list().ofMinSize(1).ofMaxSize(10).map(l -> String.join(":", l))
        .injectDuplicates(0.1).edgeCases(e -> e.add("::").add("::1").add("1::").add(":::").add("::ffff:10.0.0.1"));
  }

  @Property(tries = 3000)
  void ipv6AsTheJdkParsesIt(@ForAll("v6Like") String s) {
    if (s.indexOf(':') < 0) {
      return;
    }
    BigInteger jdk = jdk(s);
    IpPrefix ours = IpPrefix.tryParse(s);
    if (jdk == null) {
      assertThat(ours).as(s).isNull();
    } else {
      assertThat(ours).as(s).isNotNull();
      assertThat(ours.network()).as(s).isEqualTo(jdk);
      assertThat(ours.isHost()).isTrue();
    }
  }

  @Test
  void ipv4AndPrefixes() {
    assertThat(IpPrefix.tryParse("10.1.2.3")).isEqualTo(new IpPrefix(false, BigInteger.valueOf(0x0a010203L), 32));
    assertThat(IpPrefix.tryParse(" 10.0.0.0/8 ")).isEqualTo(new IpPrefix(false, BigInteger.valueOf(0x0a000000L), 8));
    for (String bad : List.of("", " ", "*", "VirtualNetwork", "10.0.0", "10.0.0.0.", "10.0.0.0.1", "1..2.3", "10.0.0.256",
        "10.0.0.1/", "10.0.0.1/33", "10.0.0.1/x", "10.0.0.1/0008", "::/129", "1.2.3.4::", "１.2.3.4", "0001.2.3.4")) {
      assertThat(IpPrefix.tryParse(bad)).as(bad).isNull();
      assertThat(IpPrefix.isPrefix(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> IpPrefix.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(IpPrefix.tryParse(null)).isNull();
    assertThat(IpPrefix.isAddress("10.0.0.4")).isTrue();
    assertThat(IpPrefix.isAddress("10.0.0.4/32")).isTrue();
    assertThat(IpPrefix.isAddress("10.0.0.4/31")).isFalse();
    assertThat(IpPrefix.parse("2001:db8::/32").last()).isEqualTo(new BigInteger("20010db8ffffffffffffffffffffffff", 16));
    assertThat(IpPrefix.parse("10.0.0.0/24").last()).isEqualTo(BigInteger.valueOf(0x0a0000ffL));
  }

  private static BigInteger jdk(String s) {
    if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128 || c == ':' || c == '.')) {
      return null;
    }
    try {
      byte[] b = InetAddress.getByName(s).getAddress();
      if (b.length == 4) {
        byte[] b16 = new byte[16];
        b16[10] = (byte) 0xff;
        b16[11] = (byte) 0xff;
        System.arraycopy(b, 0, b16, 12, 4);
        b = b16;
      }
      return new BigInteger(1, b);
    } catch (Exception e) {
      return null;
    }
  }
}
