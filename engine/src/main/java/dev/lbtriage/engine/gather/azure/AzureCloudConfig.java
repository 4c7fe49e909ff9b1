package dev.lbtriage.engine.gather.azure;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which cloud to talk to and where: the Resource Manager endpoint, the Entra ID authority host,
 * the token audience, and the tenant, subscription and (optional) resource group. Built from CLI
 * flags and the environment variables the Azure SDK itself reads ({@code AZURE_AUTHORITY_HOST},
 * {@code AZURE_TENANT_ID}, {@code AZURE_SUBSCRIPTION_ID}); a flag wins over the environment.
 *
 * @param cloud {@code AzureCloud}, {@code AzureChinaCloud}, {@code AzureUSGovernment} or {@code Custom}
 * @param resourceManagerEndpoint e.g. {@code https://management.azure.com/} (always ends with {@code /})
 * @param authorityHost e.g. {@code https://login.microsoftonline.com/}
 * @param audience the token audience; the scope asked for is {@code audience + ".default"}
 * @param tenantId may be null (the credential picks its default)
 * @param subscriptionId may be null until a subscription is chosen
 * @param resourceGroup may be null; when set, load balancers are listed and looked up only there
 */
public record AzureCloudConfig(String cloud, String resourceManagerEndpoint, String authorityHost, String audience,
    String tenantId, String subscriptionId, String resourceGroup) {

  public AzureCloudConfig {
    Objects.requireNonNull(cloud, "cloud");
    resourceManagerEndpoint = https(resourceManagerEndpoint, "resource manager endpoint");
    authorityHost = https(authorityHost, "authority host");
    audience = slash(Objects.requireNonNull(audience, "audience"));
  }

  /** A named public cloud: {@code AzureCloud}, {@code AzureChinaCloud} or {@code AzureUSGovernment}. */
  public static AzureCloudConfig of(String cloud) {
    AzureEnvironment env = switch (cloud == null ? "azurecloud" : cloud.toLowerCase(Locale.ROOT)) {
      case "azurecloud", "azure", "public" -> AzureEnvironment.AZURE;
      case "azurechinacloud", "china" -> AzureEnvironment.AZURE_CHINA;
      case "azureusgovernment", "usgov" -> AzureEnvironment.AZURE_US_GOVERNMENT;
      default -> throw new IllegalArgumentException(
          "unknown cloud '" + cloud + "'; use AzureCloud, AzureChinaCloud or AzureUSGovernment, or a custom endpoint");
    };
    String name = env == AzureEnvironment.AZURE ? "AzureCloud"
        : env == AzureEnvironment.AZURE_CHINA ? "AzureChinaCloud" : "AzureUSGovernment";
    return new AzureCloudConfig(name, env.getResourceManagerEndpoint(), env.getActiveDirectoryEndpoint(),
        env.getManagementEndpoint(), null, null, null);
  }

  /**
   * A cloud given by its endpoints, e.g. Azure Stack Hub or a test stub.
   *
   * @param audience the token audience; null means the endpoint itself
   */
  public static AzureCloudConfig custom(String resourceManagerEndpoint, String authorityHost, String audience) {
    return new AzureCloudConfig("Custom", resourceManagerEndpoint, authorityHost,
        audience != null ? audience : resourceManagerEndpoint, null, null, null);
  }

  /**
   * From CLI flags (each may be null) and the environment: {@code --cloud}, or {@code
   * --arm-endpoint} (with {@code --authority-host} and {@code --audience}); {@code --subscription},
   * {@code --tenant}, {@code --resource-group}.
   */
  public static AzureCloudConfig fromFlags(String cloud, String armEndpoint, String authorityHost, String audience,
      String subscription, String tenant, String resourceGroup, Map<String, String> env) {
    if (cloud != null && armEndpoint != null) {
      throw new IllegalArgumentException("give either a cloud name or a Resource Manager endpoint, not both");
    }
    AzureCloudConfig base = armEndpoint != null
        ? custom(armEndpoint, first(authorityHost, env.get("AZURE_AUTHORITY_HOST"), "https://login.microsoftonline.com/"),
            audience)
        : of(cloud);
    if (armEndpoint == null && (authorityHost != null || env.get("AZURE_AUTHORITY_HOST") != null)) {
      base = new AzureCloudConfig(base.cloud, base.resourceManagerEndpoint,
          first(authorityHost, env.get("AZURE_AUTHORITY_HOST"), null), base.audience, null, null, null);
    }
    return base.withTenant(first(tenant, env.get("AZURE_TENANT_ID"), null))
        .withSubscription(first(subscription, env.get("AZURE_SUBSCRIPTION_ID"), null))
        .withResourceGroup(resourceGroup);
  }

  public AzureCloudConfig withSubscription(String subscription) {
    return new AzureCloudConfig(cloud, resourceManagerEndpoint, authorityHost, audience, tenantId, subscription, resourceGroup);
  }

  public AzureCloudConfig withTenant(String tenant) {
    return new AzureCloudConfig(cloud, resourceManagerEndpoint, authorityHost, audience, tenant, subscriptionId, resourceGroup);
  }

  public AzureCloudConfig withResourceGroup(String group) {
    return new AzureCloudConfig(cloud, resourceManagerEndpoint, authorityHost, audience, tenantId, subscriptionId, group);
  }

  /** The token scope for Resource Manager. */
  public String scope() {
    return audience + ".default";
  }

  /** The SDK's view: a copy of the public cloud's endpoints with ours put in. */
  public AzureEnvironment environment() {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", resourceManagerEndpoint);
    endpoints.put("activeDirectoryEndpointUrl", authorityHost);
    endpoints.put("managementEndpointUrl", audience);
    endpoints.put("activeDirectoryResourceId", audience);
    return new AzureEnvironment(endpoints);
  }

  /** For {@code azure-resourcemanager} entry points, should a caller want them. */
  public AzureProfile profile() {
    return new AzureProfile(tenantId, subscriptionId, environment());
  }

  private static String https(String url, String what) {
    Objects.requireNonNull(url, what);
    URI uri = URI.create(url.trim());
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(what + " must be an https URL: " + url);
    }
    return slash(url.trim());
  }

  private static String slash(String s) {
    return s.endsWith("/") ? s : s + "/";
  }

  private static String first(String a, String b, String c) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
  }
}
