package dev.lbtriage.bot.cli;

import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.LoadBalancerSummary;
import dev.lbtriage.engine.gather.Progress;
import dev.lbtriage.rules.facts.ArmId;
import dev.lbtriage.rules.facts.AzureFacts;
import java.util.List;
import java.util.Objects;

/**
 * A fact source seen through the filters a person gave ({@code -g/--resource-group}, {@code
 * -n/--name}, {@code --subscription}): only the load balancers that pass them are listed, and
 * gathering one that does not is refused. So a filter is honoured by every face, the chat's "which
 * load balancer?" included.
 */
public final class ScopedFactSource implements FactSource {
  private final FactSource inner;
  private final String resourceGroup;
  private final String name;
  private final String subscription;

  private ScopedFactSource(FactSource inner, String resourceGroup, String name, String subscription) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.resourceGroup = blankToNull(resourceGroup);
    this.name = blankToNull(name);
    this.subscription = blankToNull(subscription);
  }

  /** The source itself when no filter is given. */
  public static FactSource of(FactSource inner, String resourceGroup, String name, String subscription) {
    ScopedFactSource s = new ScopedFactSource(inner, resourceGroup, name, subscription);
    return s.resourceGroup == null && s.name == null && s.subscription == null ? inner : s;
  }

  /** The source without the filters. */
  public FactSource inner() {
    return inner;
  }

  @Override
  public List<LoadBalancerSummary> loadBalancers() {
    return inner.loadBalancers().stream().filter(s -> passes(s.id(), s.resourceGroup(), s.name())).toList();
  }

  @Override
  public AzureFacts gather(String lbIdOrName, Progress progress) {
    refuseOutside(lbIdOrName);
    return inner.gather(lbIdOrName, progress);
  }

  @Override
  public String describe() {
    return inner.describe() + filters();
  }

  /**
   * Refuses a load balancer reference (ARM id, RG/NAME or name) that contradicts a filter.
   *
   * @throws IllegalArgumentException naming the filter and where the load balancer is
   */
  void refuseOutside(String ref) {
    if (ref == null) {
      return;
    }
    String rg = null;
    String sub = null;
    String n = ref;
    if (ref.startsWith("/")) {
      rg = ArmId.resourceGroup(ref);
      sub = ArmId.subscription(ref);
      n = ArmId.name(ref);
    } else if (ref.contains("/")) {
      rg = ref.substring(0, ref.indexOf('/'));
      n = ref.substring(ref.indexOf('/') + 1);
    }
    if (resourceGroup != null && rg != null && !rg.equalsIgnoreCase(resourceGroup)) {
      throw new IllegalArgumentException("load balancer " + ref + " is in resource group " + rg + ", not in " + resourceGroup
          + " (--resource-group)");
    }
    if (subscription != null && sub != null && !sub.equalsIgnoreCase(subscription)) {
      throw new IllegalArgumentException("load balancer " + ref + " is in subscription " + sub + ", not in " + subscription
          + " (--subscription)");
    }
    if (name != null && n != null && !n.equalsIgnoreCase(name)) {
      throw new IllegalArgumentException("load balancer " + ref + " is not " + name + " (--name)");
    }
    if (rg == null && resourceGroup != null) {
      boolean known = inner.loadBalancers().stream().anyMatch(s -> s.name().equalsIgnoreCase(ref) || ArmId.same(s.id(), ref));
      if (known && loadBalancers().stream().noneMatch(s -> s.name().equalsIgnoreCase(ref) || ArmId.same(s.id(), ref))) {
        throw new IllegalArgumentException("no load balancer " + ref + " in resource group " + resourceGroup
            + " (--resource-group); it is in " + inner.loadBalancers().stream().filter(s -> s.name().equalsIgnoreCase(ref))
                .map(LoadBalancerSummary::resourceGroup).distinct().toList());
      }
    }
  }

  private boolean passes(String id, String rg, String n) {
    return (resourceGroup == null || resourceGroup.equalsIgnoreCase(rg))
        && (name == null || name.equalsIgnoreCase(n))
        && (subscription == null || ArmId.subscription(id) == null || subscription.equalsIgnoreCase(ArmId.subscription(id)));
  }

  private String filters() {
    StringBuilder b = new StringBuilder();
    if (resourceGroup != null && !inner.describe().contains("resource group " + resourceGroup)) {
      b.append(", resource group ").append(resourceGroup);
    }
    if (name != null) {
      b.append(", name ").append(name);
    }
    return b.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
