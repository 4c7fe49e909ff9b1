package dev.lbtriage.engine.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** TCP connects to one host and port, like {@code psping host:port} or tcping; each connection is closed at once. */
public final class TcpCheck {

  private final String host;
  private final int port;
  private final CheckLimits limits;

  /** @throws IllegalArgumentException for a blank host, a port outside 1..65535 */
  public TcpCheck(String host, int port, CheckLimits limits) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is required");
    }
    CheckLimits.port(port);
    this.host = host.trim();
    this.port = port;
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public CheckResult run() {
    List<CheckResult.Attempt> attempts = new ArrayList<>();
    for (int i = 1; i <= limits.count() && !Thread.currentThread().isInterrupted(); i++) {
      attempts.add(attempt(i));
      limits.pause(i);
    }
    return new CheckResult("TCP connect", host + ":" + port, attempts);
  }

  private CheckResult.Attempt attempt(int number) {
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      InetSocketAddress address = new InetSocketAddress(host, port);
      if (address.isUnresolved()) {
        return new CheckResult.Attempt(number, false, null, "cannot resolve " + host);
      }
      socket.connect(address, (int) limits.timeout().toMillis());
      return new CheckResult.Attempt(number, true, Duration.ofNanos(System.nanoTime() - start), "connected");
    } catch (SocketTimeoutException e) {
      return new CheckResult.Attempt(number, false, null, "timed out after " + limits.timeout().toMillis() + " ms");
    } catch (ConnectException e) {
      return new CheckResult.Attempt(number, false, null, "refused (" + e.getMessage() + ")");
    } catch (NoRouteToHostException | UnknownHostException e) {
      return new CheckResult.Attempt(number, false, null, "unreachable (" + e.getMessage() + ")");
    } catch (IOException e) {
      return new CheckResult.Attempt(number, false, null, "failed (" + e + ")");
    }
  }
}
