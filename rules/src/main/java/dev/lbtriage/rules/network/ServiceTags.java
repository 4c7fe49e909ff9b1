package dev.lbtriage.rules.network;

import java.util.Locale;
import java.util.Optional;

/**
 * Service tags lb-triage can resolve offline, and the approximations it makes.
 *
 * <ul>
 *   <li>{@code AzureLoadBalancer}: 168.63.129.16/32, the source of health probes.
 *   <li>{@code VirtualNetwork}: the VNet's address space plus the address spaces of its peerings
 *       as the facts show them. Azure also counts on-premises ranges reached through a gateway
 *       and prefixes of user-defined routes; those are unknowable offline and left out. (Azure's
 *       documentation also lists the host address 168.63.129.16 under this tag; lb-triage keeps
 *       it under {@code AzureLoadBalancer} only.) Effective security rules carry Azure's own
 *       expansion, which is used instead when present.
 *   <li>{@code Internet}: approximated as every address outside the {@code VirtualNetwork} tag and
 *       other than 168.63.129.16. Azure's real tag is the public address space; the difference is
 *       private ranges outside the VNet, which Azure's default routes drop anyway. As a flow
 *       <em>source</em>, {@code Internet} means every IPv4 address of that set.
 *   <li>{@code *}, {@code Any}: every address. {@code 0.0.0.0/0} is every IPv4 address.
 * </ul>
 *
 * Every other tag ({@code Storage}, {@code AzureCloud.westus}, ...) is unresolved: a rule using it
 * makes the verdict {@link Verdict#UNKNOWN} unless a rule before it decides. Tag names compare
 * without regard to case; the old upper-case spellings ({@code VIRTUAL_NETWORK},
 * {@code AZURE_LOADBALANCER}, {@code INTERNET}) are accepted.
 */
public final class ServiceTags {
  public static final String AZURE_LOAD_BALANCER = "AzureLoadBalancer";
  public static final String VIRTUAL_NETWORK = "VirtualNetwork";
  public static final String INTERNET = "Internet";
  /** The address behind {@code AzureLoadBalancer}: the Azure host, source of health probes. */
  public static final String AZURE_LOAD_BALANCER_IP = "168.63.129.16";

  private static final AddressSet LB = AddressSet.of(AZURE_LOAD_BALANCER_IP);

  private ServiceTags() {}

  /**
   * The canonical name of a tag this class knows ({@code *} for any), or empty when {@code token}
   * is not one of them.
   */
  public static Optional<String> canonical(String token) {
    if (token == null) {
      return Optional.empty();
    }
    return switch (token.trim().toLowerCase(Locale.ROOT)) {
      case "*", "any" -> Optional.of("*");
      case "azureloadbalancer", "azure_loadbalancer" -> Optional.of(AZURE_LOAD_BALANCER);
      case "virtualnetwork", "virtual_network" -> Optional.of(VIRTUAL_NETWORK);
      case "internet" -> Optional.of(INTERNET);
      default -> Optional.empty();
    };
  }

  /** True when {@code token} is a service tag (known or not), i.e. neither a prefix nor {@code *}. */
  public static boolean isServiceTag(String token) {
    return token != null && !token.isBlank() && !IpPrefix.isPrefix(token) && !"*".equals(canonical(token).orElse(null));
  }

  /** Whether two tokens name the same service tag (case-insensitive, old spellings too). */
  public static boolean sameTag(String a, String b) {
    Optional<String> ca = canonical(a);
    if (ca.isPresent()) {
      return ca.equals(canonical(b));
    }
    return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
  }

  /** What a rule's address token stands for. */
  public static TagResolution resolve(String token, NetworkContext ctx) {
    if (token == null || token.isBlank()) {
      return new TagResolution.Unresolved(String.valueOf(token), "empty address prefix");
    }
    Optional<String> tag = canonical(token);
    if (tag.isPresent()) {
      return switch (tag.get()) {
        case "*" -> new TagResolution.Addresses(AddressSet.all());
        case AZURE_LOAD_BALANCER -> new TagResolution.Addresses(LB);
        case VIRTUAL_NETWORK -> ctx.vnetKnown()
            ? new TagResolution.Addresses(ctx.virtualNetwork())
            : new TagResolution.Unresolved(token, "service tag 'VirtualNetwork' needs the VNet's address space, which is not in the facts");
        default -> ctx.vnetKnown()
            ? new TagResolution.Addresses(ctx.virtualNetwork().union(LB).complement())
            : new TagResolution.Unresolved(token, "service tag 'Internet' needs the VNet's address space, which is not in the facts");
      };
    }
    if (IpPrefix.isPrefix(token)) {
      return new TagResolution.Addresses(AddressSet.of(IpPrefix.parse(token)));
    }
    if (token.indexOf('/') >= 0 || token.indexOf(':') >= 0 || token.trim().chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      String why = IpPrefix.problemWith(token);
      if (why == null) {
        why = "bad address prefix '" + token.trim() + "'";
      }
      return new TagResolution.Unresolved(token.trim(), why);
    }
    return new TagResolution.Unresolved(token.trim(), "service tag '" + token.trim() + "' cannot be resolved offline");
  }

  /**
   * What a flow endpoint stands for: an address, or the addresses of a tag. Unlike a rule token,
   * {@code Internet} as an endpoint is IPv4 only and {@code *} is not accepted.
   */
  public static TagResolution resolveEndpoint(String endpoint, NetworkContext ctx) {
    Optional<String> tag = canonical(endpoint);
    if (tag.isPresent() && tag.get().equals("*")) {
      return new TagResolution.Unresolved(endpoint, "a flow endpoint must be an address or a service tag, not '*'");
    }
    TagResolution r = resolve(endpoint, ctx);
    if (tag.isPresent() && tag.get().equals(INTERNET) && r instanceof TagResolution.Addresses a) {
      return new TagResolution.Addresses(a.set().intersect(AddressSet.allIpv4()));
    }
    return r;
  }
}
