package dev.lbtriage.engine.gather.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureCloudConfigTest {

  @Test
  void namedCloudsUseTheSdksEndpoints() {
    AzureCloudConfig china = AzureCloudConfig.of("AzureChinaCloud");
    assertThat(china.resourceManagerEndpoint()).isEqualTo("https://management.chinacloudapi.cn/");
    assertThat(china.authorityHost()).isEqualTo("https://login.chinacloudapi.cn/");
    assertThat(AzureCloudConfig.of("AzureUSGovernment").resourceManagerEndpoint())
        .isEqualTo("https://management.usgovcloudapi.net/");
    assertThat(AzureCloudConfig.of("AzureCloud").scope()).isEqualTo("https://management.core.windows.net/.default");
    assertThatThrownBy(() -> AzureCloudConfig.of("Mars")).hasMessageContaining("unknown cloud 'Mars'");
  }

  @Test
  void aCustomEndpointIsForAzureStackHubAndTheEnvironmentCopyPointsThere() {
    AzureCloudConfig stack = AzureCloudConfig.custom("https://management.local.azurestack.external",
        "https://adfs.local.azurestack.external/adfs", "https://management.adfs.azurestack.local/4f1c");

    assertThat(stack.scope()).isEqualTo("https://management.adfs.azurestack.local/4f1c/.default");
    assertThat(stack.environment().getResourceManagerEndpoint()).isEqualTo("https://management.local.azurestack.external/");
    assertThat(stack.environment().getActiveDirectoryEndpoint()).isEqualTo("https://adfs.local.azurestack.external/adfs/");
    assertThat(stack.profile().getEnvironment().getResourceManagerEndpoint()).isEqualTo(stack.resourceManagerEndpoint());
    assertThatThrownBy(() -> AzureCloudConfig.custom("http://127.0.0.1:8080", "https://login/", null))
        .hasMessageContaining("must be an https URL");
  }

  @Test
  void flagsWinOverTheVariablesTheSdkReads() {
    Map<String, String> env = Map.of("AZURE_SUBSCRIPTION_ID", "sub-env", "AZURE_TENANT_ID", "tenant-env",
        "AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us/");

    AzureCloudConfig fromEnv = AzureCloudConfig.fromFlags(null, null, null, null, null, null, null, env);
    AzureCloudConfig fromFlags = AzureCloudConfig.fromFlags("AzureUSGovernment", null, null, null, "sub-flag", "t",
        "rg1", env);

    assertThat(fromEnv.subscriptionId()).isEqualTo("sub-env");
    assertThat(fromEnv.tenantId()).isEqualTo("tenant-env");
    assertThat(fromEnv.authorityHost()).isEqualTo("https://login.microsoftonline.us/");
    assertThat(fromFlags.subscriptionId()).isEqualTo("sub-flag");
    assertThat(fromFlags.tenantId()).isEqualTo("t");
    assertThat(fromFlags.resourceGroup()).isEqualTo("rg1");
    assertThat(fromFlags.cloud()).isEqualTo("AzureUSGovernment");
    assertThatThrownBy(() -> AzureCloudConfig.fromFlags("AzureCloud", "https://x/", null, null, null, null, null, env))
        .hasMessageContaining("not both");
  }
}
