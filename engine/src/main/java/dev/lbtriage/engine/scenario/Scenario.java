package dev.lbtriage.engine.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One example scenario.
 *
 * @param name the folder name, e.g. {@code nsg-deny-all-nic}
 * @param folder the snapshot folder
 * @param report what an on-call engineer would type
 * @param symptom the KB symptom id it exercises
 * @param loadBalancer the load balancer's name in the snapshot
 * @param answers the answers the user would give, question id to value, in order
 * @param expect causes and the status the diagnosis must give them
 * @param expectNoConfirmed true when nothing may be confirmed (the healthy scenario)
 */
public record Scenario(
    String name,
    Path folder,
    String title,
    String report,
    String symptom,
    String loadBalancer,
    Map<String, String> answers,
    List<Expectation> expect,
    boolean expectNoConfirmed) {
  public Scenario {
    answers = Map.copyOf(answers);
    expect = List.copyOf(expect);
  }

  /** @param status {@code confirmed}, {@code suspected} or {@code ruled-out} */
  public record Expectation(String cause, String status) {}
}
