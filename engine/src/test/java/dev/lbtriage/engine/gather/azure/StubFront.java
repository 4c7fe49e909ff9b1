package dev.lbtriage.engine.gather.azure;

/** The stub ARM's HTTPS server on 127.0.0.1: {@link StubJdkFront} (HTTP/1.1) or {@link StubJettyFront} (HTTP/2). */
interface StubFront extends AutoCloseable {

  int port();

  @Override
  void close();
}
