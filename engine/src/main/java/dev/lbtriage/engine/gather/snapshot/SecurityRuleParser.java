package dev.lbtriage.engine.gather.snapshot;

import dev.lbtriage.rules.facts.Access;
import dev.lbtriage.rules.facts.Direction;
import dev.lbtriage.rules.facts.SecurityRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one security rule: an NSG's custom or default rule (ARM or az shape) or an effective rule.
 * Singular and plural fields ({@code sourceAddressPrefix}/{@code sourceAddressPrefixes}, ...) are
 * merged.
 */
final class SecurityRuleParser {

  private SecurityRuleParser() {}

  static SecurityRule parse(JsonCursor c, String nsgId, boolean isDefault) {
    String name = c.requiredText("name");
    JsonCursor p = c.props();
    String protocol = p.text("protocol");
    return new SecurityRule(name, nsgId, p.requiredInt("priority"),
        Children.parse(p, "direction", SecurityRuleParser::direction),
        Children.parse(p, "access", SecurityRuleParser::access),
        protocol == null ? dev.lbtriage.rules.facts.TransportProtocol.ALL : Children.parse(p, "protocol", Children::transport),
        merged(p, "sourceAddressPrefix", "sourceAddressPrefixes"),
        merged(p, "sourcePortRange", "sourcePortRanges"),
        merged(p, "destinationAddressPrefix", "destinationAddressPrefixes"),
        merged(p, "destinationPortRange", "destinationPortRanges"),
        merged(p, "expandedSourceAddressPrefix", "expandedSourceAddressPrefixes"),
        merged(p, "expandedDestinationAddressPrefix", "expandedDestinationAddressPrefixes"),
        p.refIds("sourceApplicationSecurityGroups"),
        p.refIds("destinationApplicationSecurityGroups"),
        isDefault || name.toLowerCase(Locale.ROOT).startsWith("defaultsecurityrules/"));
  }

  private static List<String> merged(JsonCursor p, String singular, String plural) {
    // strict: a rule with one of its prefixes or ports left out would admit or deny other traffic than Azure does;
    // the whole rule is left out (a problem), the NSG's other rules kept
    List<String> out = new ArrayList<>(p.strictStrings(singular));
    p.strictStrings(plural).stream().filter(x -> !out.contains(x)).forEach(out::add);
    return out;
  }

  private static Direction direction(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "inbound" -> Direction.INBOUND;
      case "outbound" -> Direction.OUTBOUND;
      default -> throw new IllegalArgumentException("unknown direction '" + s + "' (expected Inbound or Outbound)");
    };
  }

  private static Access access(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "allow" -> Access.ALLOW;
      case "deny" -> Access.DENY;
      default -> throw new IllegalArgumentException("unknown access '" + s + "' (expected Allow or Deny)");
    };
  }
}
