package dev.lbtriage.rules.network;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An IPv4 or IPv6 prefix: {@code 10.0.0.0/8}, {@code 10.0.0.4} (a /32), {@code 2001:db8::/32}.
 * Host bits below the prefix length are cleared ({@code 10.0.0.4/24} is {@code 10.0.0.0/24}), as
 * Azure treats such a prefix. An IPv6 prefix never contains an IPv4 address and the reverse.
 *
 * <p>Parsing never uses exceptions to decide: {@link #tryParse} says "not a prefix" with null, and
 * {@link #parse} throws only for the caller that asked for a prefix and got something else. Parsed
 * prefixes are kept in a small bounded table, so the same string from a rule or an NSG is parsed once.
 *
 * @param ipv6 the family
 * @param network the network address as an unsigned number (host bits zero)
 * @param length the prefix length, 0..32 or 0..128
 */
public record IpPrefix(boolean ipv6, BigInteger network, int length) {
  private static final BigInteger[] MASKS_V4 = masks(32);
  private static final BigInteger[] MASKS_V6 = masks(128);
  private static final int CACHE_LIMIT = 4096;
  private static final Map<String, IpPrefix> CACHE = new ConcurrentHashMap<>();

  public IpPrefix {
    int bits = ipv6 ? 128 : 32;
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + bits);
    }
    network = network.and(mask(ipv6, length));
  }

  /** Parses a CIDR or a single address; throws {@link IllegalArgumentException} naming the input when it is neither. */
  public static IpPrefix parse(String s) {
    IpPrefix p = tryParse(s);
    if (p == null) {
      throw new IllegalArgumentException(problem(s));
    }
    return p;
  }

  /** The prefix or address {@code s} stands for, or null when it is not one (a service tag, {@code *}, a typo). */
  public static IpPrefix tryParse(String s) {
    if (s == null) {
      return null;
    }
    IpPrefix cached = CACHE.get(s);
    if (cached != null) {
      return cached;
    }
    IpPrefix p = read(s);
    if (p != null) {
      if (CACHE.size() >= CACHE_LIMIT) {
        CACHE.clear();
      }
      CACHE.put(s, p);
    }
    return p;
  }

  /** True when {@code s} parses as a prefix or an address (service tags and {@code *} do not). */
  public static boolean isPrefix(String s) {
    return tryParse(s) != null;
  }

  /** True when {@code s} is a single address (no {@code /}, or a full-length prefix). */
  public static boolean isAddress(String s) {
    IpPrefix p = tryParse(s);
    return p != null && p.isHost();
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
    BigInteger[] masks = ipv6 ? MASKS_V6 : MASKS_V4;
    return network.or(masks[length].xor(masks[masks.length - 1]));
  }

  /** True when every address of {@code other} is in this prefix (same family only). */
  public boolean contains(IpPrefix other) {
    return other.ipv6 == ipv6 && other.length >= length && other.network.and(mask(ipv6, length)).equals(network);
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

  private static BigInteger mask(boolean ipv6, int length) {
    return (ipv6 ? MASKS_V6 : MASKS_V4)[length];
  }

  private static BigInteger[] masks(int bits) {
    BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    BigInteger[] out = new BigInteger[bits + 1];
    for (int length = 0; length <= bits; length++) {
      out[length] = all.shiftRight(bits - length).shiftLeft(bits - length);
    }
    return out;
  }

  /** The prefix, or null; no exception on any input. */
  private static IpPrefix read(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return null;
    }
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    boolean v6 = addr.indexOf(':') >= 0;
    BigInteger value = v6 ? v6(addr) : v4(addr);
    if (value == null) {
      return null;
    }
    int bits = v6 ? 128 : 32;
    int len = bits;
    if (slash >= 0) {
      len = digits(t, slash + 1, t.length());
      if (len < 0 || len > bits) {
        return null;
      }
    }
    return new IpPrefix(v6, value, len);
  }

  /** Why {@code s} is not a prefix, naming it (the message {@link #parse} throws), or null when it is one. */
  public static String problemWith(String s) {
    return tryParse(s) != null ? null : problem(s);
  }

  private static String problem(String s) {
    if (s == null || s.isBlank()) {
      return "empty IP prefix";
    }
    String t = s.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    boolean v6 = addr.indexOf(':') >= 0;
    if (v6 ? v6(addr) == null : v4(addr) == null) {
      if (!v6) {
        String[] parts = addr.split("\\.", -1);
        for (String p : parts) {
          int o = digits(p, 0, p.length());
          if (parts.length == 4 && o > 255) {
            return "octet " + o + " is more than 255 in '" + s + "'";
          }
        }
      }
      return "'" + s + "' is not an IP" + (v6 ? "v6 address or prefix" : " address or CIDR prefix");
    }
    int len = digits(t, slash + 1, t.length());
    if (len < 0) {
      return "bad prefix length in '" + s + "'";
    }
    return "prefix length " + len + " is more than " + (v6 ? 128 : 32) + " in '" + s + "'";
  }

  /** 1 to 3 decimal digits in {@code s[from, to)} as a number, else -1. */
  private static int digits(String s, int from, int to) {
    if (to - from < 1 || to - from > 3) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Dotted quad as a number, or -1. */
  private static long quad(String addr) {
    long v = 0;
    int from = 0;
    for (int part = 0; part < 4; part++) {
      int dot = part < 3 ? addr.indexOf('.', from) : addr.length();
      if (dot < 0 || (part == 3 && addr.indexOf('.', from) >= 0)) {
        return -1;
      }
      int o = digits(addr, from, dot);
      if (o < 0 || o > 255) {
        return -1;
      }
      v = (v << 8) | o;
      from = dot + 1;
    }
    return v;
  }

  private static BigInteger v4(String addr) {
    long v = quad(addr);
    return v < 0 ? null : BigInteger.valueOf(v);
  }

  /**
   * An IPv6 literal as a number, or null: groups of hex digits up to {@code ffff}, at most one {@code ::}, an
   * optional dotted-quad tail ({@code ::ffff:10.0.0.1}), no zone; what {@code InetAddress} accepts of these.
   */
  private static BigInteger v6(String addr) {
    int gap = addr.indexOf("::");
    if (gap >= 0 && addr.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap < 0 ? addr : addr.substring(0, gap), gap < 0);
    int[] tail = gap < 0 ? new int[0] : groups(addr.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int n = head.length + tail.length;
    if (gap < 0 ? n != 8 : n > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (all[i] >> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    return new BigInteger(1, bytes);
  }

  /** Colon-separated 16-bit groups (the last may be a dotted quad: two groups), or null; "" is none. */
  private static int[] groups(String part, boolean quadAllowed) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] fields = part.split(":", -1);
    boolean quadTail = fields[fields.length - 1].indexOf('.') >= 0;
    if (quadTail && !quadAllowed) {
      return null;
    }
    int[] out = new int[fields.length + (quadTail ? 1 : 0)];
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      if (i == fields.length - 1 && quadTail) {
        long q = quad(f);
        if (q < 0) {
          return null;
        }
        out[i] = (int) (q >> 16);
        out[i + 1] = (int) (q & 0xffff);
        continue;
      }
      if (f.isEmpty()) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < f.length(); k++) {
        char c = f.charAt(k);
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) {
          return null;
        }
        v = (v << 4) | d;
        if (v > 0xffff) { // the JDK's rule: leading zeros may run past four digits, the value may not
          return null;
        }
      }
      out[i] = v;
    }
    return out;
  }
}
