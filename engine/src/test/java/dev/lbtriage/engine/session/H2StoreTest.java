package dev.lbtriage.engine.session;

import java.util.UUID;

/** The store contract on H2 in memory (two stores on one URL are two connections to one database). */
class H2StoreTest extends StoreContract {
  @Override
  String freshUrl() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }
}
