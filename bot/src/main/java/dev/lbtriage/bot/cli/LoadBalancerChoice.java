package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import java.util.List;
import java.util.stream.Collectors;

/** {@code --lb}, or the only load balancer the source has; several without {@code --lb} is bad input naming them. */
final class LoadBalancerChoice {
  private LoadBalancerChoice() {}

  static String choose(FactSource facts, String lb) {
    if (lb != null) {
      return lb;
    }
    List<LoadBalancerSummary> all = facts.loadBalancers();
    if (all.size() == 1) {
      return all.get(0).id();
    }
    throw new BadInputException(all.isEmpty() ? "no load balancer in " + facts.describe()
        : "several load balancers in " + facts.describe() + "; pick one with --lb: "
            + all.stream().map(LoadBalancerSummary::name).collect(Collectors.joining(", ")));
  }
}
