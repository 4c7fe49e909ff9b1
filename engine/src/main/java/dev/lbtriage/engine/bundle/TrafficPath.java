package dev.lbtriage.engine.bundle;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The way a client's packet and the health probe take to one backend, hop by hop, each hop with
 * what the facts and the diagnosis say of it.
 *
 * @param backendIp the backend the picture follows (the one a cause names, else the first failing, else the first)
 * @param data client -> frontend IP:port -> rule -> pool -> subnet NSG -> NIC NSG -> VM:port
 * @param probe 168.63.129.16 -> subnet NSG -> NIC NSG -> VM:probe port
 */
public record TrafficPath(String backendIp, List<Hop> data, List<Hop> probe) {
  public TrafficPath {
    data = List.copyOf(data);
    probe = List.copyOf(probe);
  }

  /** What a hop does to the flow. */
  public enum State {
    /** the facts show it passes */
    OK("passes"),
    /** a confirmed cause or a deny stops the flow here */
    FAILING("fails here"),
    /** a suspected cause the facts point to, or a verdict the facts cannot decide */
    SUSPECTED("suspected"),
    /** nothing at this hop (no NSG attached) */
    NONE("nothing attached");

    private final String words;

    State(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }

    public String css() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param id stable within its lane: {@code client}, {@code frontend}, {@code rule}, {@code pool},
   *     {@code subnet-nsg}, {@code nic-nsg}, {@code route}, {@code vm}, {@code source}
   * @param label what the box says (a name, an address and port)
   * @param why one line: what decided the state
   */
  public record Hop(String lane, String id, String label, State state, String why) {
    /** {@code data:vm}, {@code probe:subnet-nsg}: the id pictures and tests use. */
    public String key() {
      return lane + ":" + id;
    }
  }

  /** Every hop, data lane first. */
  public List<Hop> hops() {
    return Stream.concat(data.stream(), probe.stream()).toList();
  }

  /** The hops that fail (the keys of the hops marked failing). */
  public List<String> failing() {
    return hops().stream().filter(h -> h.state() == State.FAILING).map(Hop::key).toList();
  }

  public Optional<Hop> hop(String key) {
    return hops().stream().filter(h -> h.key().equals(key)).findFirst();
  }
}
