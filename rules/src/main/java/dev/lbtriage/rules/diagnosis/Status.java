package dev.lbtriage.rules.diagnosis;

/** What the evidence says of a cause. Order matters: a stronger status wins when findings merge. */
public enum Status {
  RULED_OUT("ruled-out"),
  SUSPECTED("suspected"),
  CONFIRMED("confirmed");

  private final String id;

  Status(String id) {
    this.id = id;
  }

  /** The JSON spelling: {@code confirmed}, {@code suspected}, {@code ruled-out}. */
  public String id() {
    return id;
  }
}
