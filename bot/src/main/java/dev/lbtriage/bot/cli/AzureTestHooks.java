package dev.lbtriage.bot.cli;

import com.azure.core.credential.TokenCredential;
import dev.lbtriage.engine.gather.azure.AzureReadOptions;
import java.util.Objects;

/**
 * Test seam for the live Azure source: tests in this package point {@code --arm-endpoint} at a stub
 * Resource Manager and set a credential and read options here (an HTTP client that trusts the
 * stub's self-signed certificate, short retry delays). Never set in production, where {@code
 * DefaultAzureCredential} and {@link AzureReadOptions#defaults()} are used.
 */
final class AzureTestHooks {

  /** What the live source is built with instead of the defaults. */
  record Seam(TokenCredential credential, AzureReadOptions options) {
    Seam {
      Objects.requireNonNull(credential, "credential");
      Objects.requireNonNull(options, "options");
    }
  }

  static volatile Seam seam;

  private AzureTestHooks() {}

  static void use(TokenCredential credential, AzureReadOptions options) {
    seam = new Seam(credential, options);
  }

  static void reset() {
    seam = null;
  }
}
