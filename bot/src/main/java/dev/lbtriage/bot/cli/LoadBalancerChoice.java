package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import dev.lbtriage.rules.facts.LoadBalancer;
import dev.lbtriage.rules.facts.SnapshotProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --lb} (ARM id, RG/NAME or name), or the only load balancer the source has; several without
 * {@code --lb} is bad input naming them, none is bad input naming the files that could not be read.
 */
public final class LoadBalancerChoice {
  private LoadBalancerChoice() {}

  static String choose(FactSource facts, String lb) {
    if (lb != null) {
      if (facts instanceof ScopedFactSource scoped) {
        try {
          scoped.refuseOutside(lb);
        } catch (IllegalArgumentException e) {
          throw new BadInputException(e.getMessage(), e);
        }
      }
      FactSource inner = facts instanceof ScopedFactSource s ? s.inner() : facts;
      if (inner instanceof SnapshotReader && !lb.startsWith("/") && lb.contains("/")) {
        // RG/NAME, as az writes it: the snapshot knows load balancers by id and name
        String rg = lb.substring(0, lb.indexOf('/'));
        String name = lb.substring(lb.indexOf('/') + 1);
        return facts.loadBalancers().stream()
            .filter(x -> x.name().equalsIgnoreCase(name) && rg.equalsIgnoreCase(x.resourceGroup()))
            .map(LoadBalancerSummary::id).findFirst()
            .orElseThrow(() -> new BadInputException("no load balancer " + name + " in resource group " + rg + " in "
                + facts.describe() + "; it has: " + facts.loadBalancers().stream()
                    .map(x -> x.resourceGroup() + "/" + x.name()).collect(Collectors.joining(", "))));
      }
      return lb;
    }
    List<LoadBalancerSummary> all = facts.loadBalancers();
    if (all.size() == 1) {
      return all.get(0).id();
    }
    if (all.isEmpty()) {
      throw new BadInputException(noneIn(facts));
    }
    throw new BadInputException("several load balancers in " + facts.describe() + "; pick one with --lb: "
        + all.stream().map(LoadBalancerSummary::name).collect(Collectors.joining(", ")));
  }

  /**
   * "no load balancer in SOURCE", with the files that could not be read when a snapshot has them
   * (an unparseable lb.json: its name and the parser's message).
   */
  public static String noneIn(FactSource facts) {
    List<SnapshotProblem> errors = errors(facts);
    if (errors.isEmpty()) {
      return "no load balancer in " + facts.describe();
    }
    return "no load balancer could be read from " + facts.describe() + ": "
        + errors.stream().limit(3).map(p -> p.file() + (p.jsonPath() == null ? "" : " " + p.jsonPath()) + ": "
            + ProblemText.oneLine(p.message())).collect(Collectors.joining("; "))
        + (errors.size() > 3 ? " (and " + (errors.size() - 3) + " more)" : "");
  }

  /** The errors met reading a snapshot folder (none for other sources). */
  public static List<SnapshotProblem> errors(FactSource facts) {
    FactSource inner = facts instanceof ScopedFactSource s ? s.inner() : facts;
    if (!(inner instanceof SnapshotReader reader)) {
      return List.of();
    }
    return reader.everything(Progress.none()).problems().stream()
        .filter(p -> p.severity() == SnapshotProblem.Severity.ERROR).toList();
  }

  /**
   * The ARM id of the load balancer {@code ref} names in what was gathered: by id, by RG/NAME, by
   * name, or the only one there.
   */
  static String idIn(AzureFacts gathered, String ref) {
    List<LoadBalancer> lbs = gathered.loadBalancers();
    for (LoadBalancer lb : lbs) {
      if (ArmId.same(lb.id(), ref)) {
        return lb.id();
      }
    }
    if (!ref.startsWith("/") && ref.contains("/")) {
      String rg = ref.substring(0, ref.indexOf('/'));
      String name = ref.substring(ref.indexOf('/') + 1);
      for (LoadBalancer lb : lbs) {
        if (name.equalsIgnoreCase(ArmId.name(lb.id())) && rg.equalsIgnoreCase(ArmId.resourceGroup(lb.id()))) {
          return lb.id();
        }
      }
    }
    List<LoadBalancer> byName = lbs.stream().filter(lb -> ref.equalsIgnoreCase(ArmId.name(lb.id()))).toList();
    if (byName.size() == 1) {
      return byName.get(0).id();
    }
    return lbs.size() == 1 ? lbs.get(0).id() : ref;
  }
}
