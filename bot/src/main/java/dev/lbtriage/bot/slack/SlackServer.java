package dev.lbtriage.bot.slack;

import com.slack.api.bolt.App;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * HTTP mode: the Bolt app in our own Jetty 12 on a chosen address (Bolt's {@code SlackAppServer} binds every
 * interface and blocks). {@value #EVENTS_PATH} takes events, slash commands and interactivity (point all three
 * Request URLs of the Slack app there); {@value #HEALTH_PATH} answers 200 for load balancers. Nothing else
 * answers: another method on those paths gets 405, any other path 404, and no method (TRACE included) ever echoes
 * the request.
 */
public final class SlackServer implements AutoCloseable {

  public static final String EVENTS_PATH = "/slack/events";
  public static final String HEALTH_PATH = "/healthz";

  private final App app;
  private final Server server;
  private final ServerConnector connector;

  public SlackServer(App app, String bindAddress, int port) {
    this.app = app;
    this.server = new Server();
    this.connector = new ServerConnector(server);
    connector.setHost(bindAddress);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new GuardedSlackAppServlet(app)), EVENTS_PATH);
    context.addServlet(new ServletHolder(new Health()), HEALTH_PATH);
    context.addServlet(new ServletHolder(new Elsewhere()), "/");
    server.setHandler(context);
    server.setStopAtShutdown(true);
  }

  /** Starts the app (checks the token with {@code auth.test}) and the server; returns once listening. */
  public SlackServer start() throws Exception {
    app.start();
    server.start();
    return this;
  }

  /** The port listened on (the real one when 0 was asked). */
  public int port() {
    return connector.getLocalPort();
  }

  public URI eventsUri() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + EVENTS_PATH);
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
    app.stop();
  }

  /** 405 with the one allowed method; the request is not echoed. */
  static void methodNotAllowed(HttpServletResponse resp, String allowed) throws IOException {
    resp.setStatus(405);
    resp.setHeader("Allow", allowed);
    resp.setContentType("text/plain");
    resp.getWriter().write("method not allowed\n");
  }

  private static final class Health extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      if (!"GET".equals(req.getMethod())) {
        methodNotAllowed(resp, "GET");
        return;
      }
      resp.setStatus(200);
      resp.setContentType("text/plain");
      resp.getWriter().write("ok\n");
    }
  }

  /** Every other path: 404 whatever the method. */
  private static final class Elsewhere extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      resp.setStatus(404);
      resp.setContentType("text/plain");
      resp.getWriter().write("not found\n");
    }
  }
}
