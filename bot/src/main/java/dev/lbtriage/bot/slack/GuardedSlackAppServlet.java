package dev.lbtriage.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import dev.lbtriage.bot.logging.LogRedaction;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet behind a gate, because anyone can reach this path. In order, before Bolt parses anything: only
 * POST (405 otherwise, nothing echoed); a body over {@link #MAX_BODY_BYTES} is refused with 413 unread; the
 * signature and timestamp are checked ({@link SlackRequestCheck}, 401); a signed request seen before within the
 * window is a replay and is acknowledged without being handled ({@link ReplayGuard}); a request that would start a
 * conversation without a channel gets a clear 400. Whatever Bolt or a handler still cannot digest is answered 400
 * with a short JSON error (never a 500 page), and logged as one short line with its control characters escaped.
 */
final class GuardedSlackAppServlet extends SlackAppServlet {

  /** Slack's largest payloads (a message with many blocks in an interaction) are well under this. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(GuardedSlackAppServlet.class);
  private static final int LOGGED_BODY_CHARS = 120;

  private final transient SlackAppServletAdapter adapter;
  private final transient SlackRequestCheck check;
  private final transient ReplayGuard replays;
  private final transient LongSupplier nowSeconds;

  GuardedSlackAppServlet(App app) {
    this(app, () -> System.currentTimeMillis() / 1000);
  }

  GuardedSlackAppServlet(App app, LongSupplier nowSeconds) {
    super(app);
    this.adapter = new SlackAppServletAdapter(app.config());
    this.check = new SlackRequestCheck(app.config().getSigningSecret());
    this.replays = new ReplayGuard(SlackRequestCheck.MAX_SKEW_SECONDS, 200_000);
    this.nowSeconds = nowSeconds;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    if (!"POST".equals(req.getMethod())) {
      SlackServer.methodNotAllowed(resp, "POST");
      return;
    }
    super.service(req, resp);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    long now = nowSeconds.getAsLong();
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(resp, SlackRequestCheck.Refusal.of(413, "request body over " + MAX_BODY_BYTES + " bytes"), req);
      return;
    }
    byte[] body = readAtMost(req.getInputStream(), MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      refuse(resp, SlackRequestCheck.Refusal.of(413, "request body over " + MAX_BODY_BYTES + " bytes"), req);
      return;
    }
    String signature = req.getHeader("X-Slack-Signature");
    Optional<SlackRequestCheck.Refusal> refused = check.signature(req.getHeader("X-Slack-Request-Timestamp"), signature, body, now);
    if (refused.isPresent()) {
      refuse(resp, refused.get(), req);
      return;
    }
    if (!replays.firstSighting(signature.trim(), now)) {
      LOG.info("Replayed request on {} ignored: the same signed request was already received", SlackServer.EVENTS_PATH);
      resp.setStatus(200);
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    refused = SlackRequestCheck.content(req.getContentType(), text);
    if (refused.isPresent()) {
      LOG.info("Request body refused: {}", LogRedaction.preview(text, LOGGED_BODY_CHARS));
      refuse(resp, refused.get(), req);
      return;
    }
    // what SlackAppServlet.doPost does, but a request Bolt (or a handler) cannot digest is a 400, not a 500
    Response answer;
    try {
      Request<?> slackRequest = adapter.buildSlackRequest(new CachedBody(req, body));
      answer = slackRequest == null ? null : getApp().run(slackRequest);
    } catch (Exception e) {
      LOG.warn("Request on {} could not be handled ({}: {}); answered 400. Body: {}", SlackServer.EVENTS_PATH,
          e.getClass().getSimpleName(), LogRedaction.preview(String.valueOf(e.getMessage()), LOGGED_BODY_CHARS),
          LogRedaction.preview(text, LOGGED_BODY_CHARS));
      answer = null;
    }
    if (answer == null) {
      if (!resp.isCommitted()) {
        resp.reset();
        write(resp, SlackRequestCheck.Refusal.of(400, "invalid request"));
      }
      return;
    }
    adapter.writeResponse(resp, answer);
  }

  private static void refuse(HttpServletResponse resp, SlackRequestCheck.Refusal refusal, HttpServletRequest req) throws IOException {
    LOG.info("Request on {} from {} answered {}: {}", SlackServer.EVENTS_PATH, req.getRemoteAddr(), refusal.status(), refusal.reason());
    write(resp, refusal);
  }

  private static void write(HttpServletResponse resp, SlackRequestCheck.Refusal refusal) throws IOException {
    resp.setStatus(refusal.status());
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(refusal.answer());
  }

  /** Reads up to {@code limit} bytes; a body longer than that comes back {@code limit} long (and is refused). */
  static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 16 * 1024));
    byte[] buf = new byte[8192];
    int n;
    while (out.size() < limit && (n = in.read(buf, 0, Math.min(buf.length, limit - out.size()))) > 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** The request with its body already read, for Bolt to read again. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }
  }
}
