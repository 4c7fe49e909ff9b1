package dev.lbtriage.engine.session;

import java.io.IOException;
import java.time.Clock;

/**
 * A child process for {@link KilledProcessTest}: saves turns 1..N of one conversation to the H2 file
 * URL it is given, prints {@code saved N} after each, then blocks on standard input until killed.
 */
public final class SaveThenWait {
  private SaveThenWait() {}

  public static void main(String[] args) throws IOException {
    JdbcSessionStore store = new JdbcSessionStore(args[0], Clock.systemUTC());
    int turns = Integer.parseInt(args[1]);
    for (int turn = 1; turn <= turns; turn++) {
      store.save(States.at("killed", "k", turn));
      System.out.println("saved " + turn);
      System.out.flush();
    }
    System.in.read();
  }
}
