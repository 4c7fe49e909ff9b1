package dev.lbtriage.rules.network;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A set of IP addresses, kept as sorted, disjoint ranges. IPv4 and IPv6 live in one number line:
 * IPv4 addresses are {@code 0 .. 2^32-1}, IPv6 addresses follow from {@code 2^32}, so the two
 * families never overlap. Used to decide whether a rule's prefixes cover, miss or only partly
 * cover what a flow endpoint (an address or a service tag) stands for.
 */
public final class AddressSet {
  private static final BigInteger V6_BASE = BigInteger.ONE.shiftLeft(32);
  private static final BigInteger V4_MAX = V6_BASE.subtract(BigInteger.ONE);
  private static final BigInteger MAX = V6_BASE.add(BigInteger.ONE.shiftLeft(128)).subtract(BigInteger.ONE);

  private static final AddressSet EMPTY = new AddressSet(List.of());
  private static final AddressSet ALL = new AddressSet(single(BigInteger.ZERO, MAX));
  private static final AddressSet ALL_V4 = new AddressSet(single(BigInteger.ZERO, V4_MAX));

  /** Sorted by start, disjoint and not adjacent. */
  private final List<BigInteger[]> ranges;

  private AddressSet(List<BigInteger[]> ranges) {
    this.ranges = ranges;
  }

  private static List<BigInteger[]> single(BigInteger lo, BigInteger hi) {
    return java.util.Collections.singletonList(new BigInteger[] {lo, hi});
  }

  public static AddressSet empty() {
    return EMPTY;
  }

  /** Every IPv4 and IPv6 address ({@code *}). */
  public static AddressSet all() {
    return ALL;
  }

  /** Every IPv4 address ({@code 0.0.0.0/0}). */
  public static AddressSet allIpv4() {
    return ALL_V4;
  }

  public static AddressSet of(IpPrefix prefix) {
    BigInteger base = prefix.ipv6() ? V6_BASE : BigInteger.ZERO;
    return new AddressSet(single(base.add(prefix.first()), base.add(prefix.last())));
  }

  /** Parses each prefix or address. */
  public static AddressSet of(String... prefixes) {
    AddressSet s = EMPTY;
    for (String p : prefixes) {
      s = s.union(of(IpPrefix.parse(p)));
    }
    return s;
  }

  public static AddressSet ofPrefixes(Collection<IpPrefix> prefixes) {
    AddressSet s = EMPTY;
    for (IpPrefix p : prefixes) {
      s = s.union(of(p));
    }
    return s;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public AddressSet union(AddressSet other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    List<BigInteger[]> all = new ArrayList<>(ranges);
    all.addAll(other.ranges);
    all.sort((a, b) -> a[0].compareTo(b[0]));
    List<BigInteger[]> out = new ArrayList<>();
    BigInteger[] cur = all.get(0).clone();
    for (int i = 1; i < all.size(); i++) {
      BigInteger[] r = all.get(i);
      if (r[0].compareTo(cur[1].add(BigInteger.ONE)) <= 0) {
        cur[1] = cur[1].max(r[1]);
      } else {
        out.add(cur);
        cur = r.clone();
      }
    }
    out.add(cur);
    return new AddressSet(List.copyOf(out));
  }

  public AddressSet intersect(AddressSet other) {
    List<BigInteger[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < ranges.size() && j < other.ranges.size()) {
      BigInteger[] a = ranges.get(i);
      BigInteger[] b = other.ranges.get(j);
      BigInteger lo = a[0].max(b[0]);
      BigInteger hi = a[1].min(b[1]);
      if (lo.compareTo(hi) <= 0) {
        out.add(new BigInteger[] {lo, hi});
      }
      if (a[1].compareTo(b[1]) < 0) {
        i++;
      } else {
        j++;
      }
    }
    return new AddressSet(List.copyOf(out));
  }

  /** Every address (IPv4 and IPv6) not in this set. */
  public AddressSet complement() {
    List<BigInteger[]> out = new ArrayList<>();
    BigInteger next = BigInteger.ZERO;
    for (BigInteger[] r : ranges) {
      if (r[0].compareTo(next) > 0) {
        out.add(new BigInteger[] {next, r[0].subtract(BigInteger.ONE)});
      }
      next = r[1].add(BigInteger.ONE);
    }
    if (next.compareTo(MAX) <= 0) {
      out.add(new BigInteger[] {next, MAX});
    }
    return new AddressSet(List.copyOf(out));
  }

  public AddressSet minus(AddressSet other) {
    return intersect(other.complement());
  }

  /** True when every address of {@code other} is in this set. */
  public boolean containsAll(AddressSet other) {
    return other.minus(this).isEmpty();
  }

  public boolean intersects(AddressSet other) {
    return !intersect(other).isEmpty();
  }

  public boolean contains(IpPrefix prefix) {
    return containsAll(of(prefix));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AddressSet other) || other.ranges.size() != ranges.size()) {
      return false;
    }
    for (int i = 0; i < ranges.size(); i++) {
      if (!ranges.get(i)[0].equals(other.ranges.get(i)[0]) || !ranges.get(i)[1].equals(other.ranges.get(i)[1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (BigInteger[] r : ranges) {
      h = 31 * h + r[0].hashCode();
      h = 31 * h + r[1].hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("[");
    for (BigInteger[] r : ranges) {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(r[0].toString(16)).append('-').append(r[1].toString(16));
    }
    return b.append(']').toString();
  }
}
