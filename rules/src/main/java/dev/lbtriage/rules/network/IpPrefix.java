package dev.lbtriage.rules.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * An IPv4 or IPv6 prefix: {@code 10.0.0.0/8}, {@code 10.0.0.4} (a /32), {@code 2001:db8::/32}.
 * Host bits below the prefix length are cleared ({@code 10.0.0.4/24} is {@code 10.0.0.0/24}), as
 * Azure treats such a prefix. An IPv6 prefix never contains an IPv4 address and the reverse.
 *
 * @param ipv6 the family
 * @param network the network address as an unsigned number (host bits zero)
 * @param length the prefix length, 0..32 or 0..128
 */
public record IpPrefix(boolean ipv6, BigInteger network, int length) {
  public IpPrefix {
    int bits = ipv6 ? 128 : 32;
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + bits);
    }
    network = network.and(mask(bits, length));
  }

  /** Parses a CIDR or a single address. */
  public static IpPrefix parse(String s) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("empty IP prefix");
    }
    String t = s.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    boolean v6 = addr.indexOf(':') >= 0;
    BigInteger value = v6 ? parseV6(addr, s) : parseV4(addr, s);
    int bits = v6 ? 128 : 32;
    int len = bits;
    if (slash >= 0) {
      String l = t.substring(slash + 1);
      if (l.isEmpty() || l.length() > 3 || !l.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("bad prefix length in '" + s + "'");
      }
      len = Integer.parseInt(l);
      if (len > bits) {
        throw new IllegalArgumentException("prefix length " + len + " is more than " + bits + " in '" + s + "'");
      }
    }
    return new IpPrefix(v6, value, len);
  }

  /** True when {@code s} parses as a prefix or an address (service tags and {@code *} do not). */
  public static boolean isPrefix(String s) {
    try {
      parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True when {@code s} is a single address (no {@code /}, or a full-length prefix). */
  public static boolean isAddress(String s) {
    try {
      IpPrefix p = parse(s);
      return p.isHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public boolean isHost() {
    return length == (ipv6 ? 128 : 32);
  }

  /** The lowest address, as an unsigned number within the family. */
  public BigInteger first() {
    return network;
  }

  /** The highest address, as an unsigned number within the family. */
  public BigInteger last() {
    int bits = ipv6 ? 128 : 32;
    return network.or(mask(bits, length).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
  }

  /** True when every address of {@code other} is in this prefix (same family only). */
  public boolean contains(IpPrefix other) {
    return other.ipv6 == ipv6 && other.length >= length && other.network.and(mask(ipv6 ? 128 : 32, length)).equals(network);
  }

  /** True when the address (or prefix) {@code address} lies inside this prefix. */
  public boolean contains(String address) {
    return contains(parse(address));
  }

  @Override
  public String toString() {
    if (!ipv6) {
      long v = network.longValue();
      return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255) + "/" + length;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 7; i >= 0; i--) {
      b.append(Integer.toHexString(network.shiftRight(i * 16).intValue() & 0xffff));
      if (i > 0) {
        b.append(':');
      }
    }
    return b.append('/').append(length).toString();
  }

  private static BigInteger mask(int bits, int length) {
    BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    return all.shiftRight(bits - length).shiftLeft(bits - length);
  }

  private static BigInteger parseV4(String addr, String original) {
    String[] parts = addr.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("'" + original + "' is not an IP address or CIDR prefix");
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("'" + original + "' is not an IP address or CIDR prefix");
      }
      int o = Integer.parseInt(p);
      if (o > 255) {
        throw new IllegalArgumentException("octet " + o + " is more than 255 in '" + original + "'");
      }
      v = (v << 8) | o;
    }
    return BigInteger.valueOf(v);
  }

  private static BigInteger parseV6(String addr, String original) {
    // Only hex digits, ':' and '.' (embedded IPv4): InetAddress then parses the literal without any lookup.
    String lower = addr.toLowerCase(Locale.ROOT);
    if (!lower.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) {
      throw new IllegalArgumentException("'" + original + "' is not an IPv6 address or prefix");
    }
    try {
      byte[] bytes = InetAddress.getByName(lower).getAddress();
      if (bytes.length == 4) { // ::ffff:a.b.c.d comes back as IPv4; keep it in the IPv6 family
        byte[] b16 = new byte[16];
        b16[10] = (byte) 0xff;
        b16[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, b16, 12, 4);
        bytes = b16;
      }
      return new BigInteger(1, bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + original + "' is not an IPv6 address or prefix", e);
    }
  }
}
