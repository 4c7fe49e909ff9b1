package dev.lbtriage.bot.app;

import dev.lbtriage.bot.cli.AzureOptions;
import dev.lbtriage.bot.cli.BadInputException;
import dev.lbtriage.bot.cli.FactSourceOptions;
import dev.lbtriage.bot.cli.LoadBalancerChoice;
import dev.lbtriage.bot.cli.ScopedFactSource;
import dev.lbtriage.bot.slack.EngineConversations;
import dev.lbtriage.bot.slack.SlackCommand;
import dev.lbtriage.bot.slack.TriageConversations;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.gather.FactSource;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/** Puts the real engine behind the Slack face: facts from a snapshot, live Azure, or a bundled example. */
public final class SlackWiring {
  /** The environment variable with how long a replica's claim on an event holds (ISO-8601 like PT3M, or seconds). */
  public static final String LEASE_ENV = "LB_TRIAGE_TURN_LEASE";

  private SlackWiring() {}

  static java.time.Duration lease(String value) {
    if (value == null || value.isBlank()) {
      return EngineConversations.DEFAULT_LEASE;
    }
    try {
      java.time.Duration d = value.strip().matches("\\d+") ? java.time.Duration.ofSeconds(Long.parseLong(value.strip()))
          : java.time.Duration.parse(value.strip());
      if (d.isNegative() || d.isZero()) {
        throw new BadInputException(LEASE_ENV + " must be positive: " + value);
      }
      return d;
    } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
      throw new BadInputException(LEASE_ENV + " '" + value + "' is not a duration: give seconds (180) or ISO-8601 (PT3M)", e);
    }
  }

  /** @param example the bundled example folder to use when neither --snapshot nor --azure is given */
  public static Function<SlackCommand.Source, TriageConversations> conversations(Supplier<Path> example) {
    return source -> {
      AzureOptions azure = source.azureOptions() == null ? new AzureOptions() : source.azureOptions();
      FactSource facts = source.azure() ? azure.openScoped(source.lb())
          : ScopedFactSource.of(FactSourceOptions.openSnapshot(source.snapshot() != null ? source.snapshot() : example.get()),
              azure.resourceGroup(), source.lb(), azure.subscription());
      if (facts.loadBalancers().isEmpty()) {
        throw new BadInputException("nothing to triage: " + LoadBalancerChoice.noneIn(facts));
      }
      ConversationEngine engine = Engines.over(facts);
      return new EngineConversations(engine, Engines.store(source.db()), lease(System.getenv(LEASE_ENV)));
    };
  }
}
