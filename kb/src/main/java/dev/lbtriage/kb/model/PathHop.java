package dev.lbtriage.kb.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where on a load balancer's traffic path a cause shows (the KB's {@code pathHop} on a cause): the
 * support bundle's path picture marks that hop with the cause's finding. The path has two lanes, the
 * clients' data lane (client, frontend, rule, pool, NSGs, return route, VM) and the health probe's
 * lane (source, NSGs, return route, VM). A hop without a lane ({@link #VM}, {@link #ROUTE}) is marked
 * on both lanes; {@code data-…} and {@code probe-…} on one. A cause without it is marked nowhere
 * (platform traffic, for one). A finding about one evaluated route says so itself (the rules'
 * {@code Finding.about}) and is then marked on {@link #ROUTE} whatever its cause's hop.
 */
public enum PathHop {
  /** The client (a backend calling its own internal load balancer, the client on the backend's own NIC). */
  CLIENT,
  /** The load-balancing rule (a scale set's probe locking its backend port). */
  RULE,
  /** The subnet and NIC NSGs on the clients' data lane. */
  DATA_NSG,
  /** The subnet and NIC NSGs on the health probe's lane. */
  PROBE_NSG,
  /** The backend's return route (a user-defined route sending replies to an appliance), on both lanes. */
  ROUTE,
  /** The backend VM on both lanes (stopped, not responding). */
  VM,
  /** The backend VM on the data lane (nothing listening on the data port). */
  DATA_VM,
  /** The backend VM on the probe lane (nothing listening on the probe port, a wrong answer to the probe). */
  PROBE_VM;

  /** The KB's spelling: {@code DATA_NSG} is {@code data-nsg}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<PathHop> byToken(String token) {
    return Arrays.stream(values()).filter(h -> h.token().equals(token)).findFirst();
  }

  /** Every token, for error messages. */
  public static String tokens() {
    return Arrays.stream(values()).map(PathHop::token).collect(Collectors.joining(", "));
  }

}
