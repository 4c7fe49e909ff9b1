package dev.lbtriage.bot.teams;

import dev.lbtriage.bot.cli.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lb-triage teams package}: the Teams app package (manifest + icons) to upload in Teams or the admin center. */
@Command(name = "package", mixinStandardHelpOptions = true,
    description = "Write the Teams app package (manifest.json schema 1.29, color.png, outline.png) as a zip to upload in Teams.")
public final class TeamsPackageCommand implements Callable<Integer> {

  @Option(names = "--app-id", paramLabel = "GUID", description = "The Azure Bot's Microsoft App ID (default: MicrosoftAppId).")
  String appId;

  @Option(names = "--teams-app-id", paramLabel = "GUID", description = "The Teams app's own id (default: the bot's app id).")
  String teamsAppId;

  @Option(names = "--app-version", paramLabel = "SEMVER", defaultValue = "1.0.0", description = "The app version (default: ${DEFAULT-VALUE}); raise it for each upload.")
  String version;

  @Option(names = "--developer", paramLabel = "NAME", defaultValue = "lb-triage", description = "Developer name shown in Teams (default: ${DEFAULT-VALUE}).")
  String developer;

  @Option(names = "--website-url", paramLabel = "URL", required = true, description = "https page about the bot (your wiki or repository).")
  String websiteUrl;

  @Option(names = "--privacy-url", paramLabel = "URL", description = "https privacy statement (default: --website-url).")
  String privacyUrl;

  @Option(names = "--terms-url", paramLabel = "URL", description = "https terms of use (default: --website-url).")
  String termsUrl;

  @Option(names = {"-o", "--output"}, paramLabel = "ZIP", defaultValue = "lb-triage-teams.zip", description = "Where to write it (default: ${DEFAULT-VALUE}).")
  Path output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String bot = appId != null ? appId : System.getenv(TeamsSettings.APP_ID);
    if (bot == null || bot.isBlank()) {
      throw new BadInputException("--app-id is needed (or MicrosoftAppId in the environment): the Azure Bot's Microsoft App ID");
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new BadInputException("--output " + output + ": its folder does not exist");
    }
    String manifest;
    try {
      manifest = TeamsAppPackage.manifest(Map.of(
          "BOT_ID", bot.strip(),
          "TEAMS_APP_ID", teamsAppId != null ? teamsAppId.strip() : bot.strip(),
          "VERSION", version,
          "DEVELOPER_NAME", developer,
          "WEBSITE_URL", websiteUrl,
          "PRIVACY_URL", privacyUrl != null ? privacyUrl : websiteUrl,
          "TERMS_URL", termsUrl != null ? termsUrl : websiteUrl));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    TeamsAppPackage.write(output, manifest);
    spec.commandLine().getOut().println("Wrote " + output + ": upload it in Teams (Apps > Manage your apps > Upload an app) "
        + "or in the Teams admin center.");
    return 0;
  }
}
