package dev.lbtriage.bot.slack;

import dev.lbtriage.bot.cli.FactSourceOptions;
import dev.lbtriage.bot.terminal.Engines;
import dev.lbtriage.engine.conversation.ConversationEngine;
import dev.lbtriage.engine.gather.FactSource;
import dev.lbtriage.engine.gather.snapshot.SnapshotReader;
import dev.lbtriage.engine.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/** Puts the real engine behind the Slack face: facts from a snapshot, live Azure, or a bundled example. */
public final class SlackWiring {
  private SlackWiring() {}

  /** @param example the bundled example folder to use when neither --snapshot nor --azure is given */
  public static Function<SlackCommand.Source, TriageConversations> conversations(Supplier<Path> example) {
    return source -> {
      FactSource facts = source.azure() ? FactSourceOptions.azureFromEnvironment()
          : new SnapshotReader(source.snapshot() != null ? source.snapshot() : example.get());
      ConversationEngine engine = Engines.over(facts);
      return new EngineConversations(engine, JdbcSessionStore.openDefault(Clock.systemUTC()));
    };
  }
}
