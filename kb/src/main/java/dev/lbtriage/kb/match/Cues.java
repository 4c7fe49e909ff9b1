package dev.lbtriage.kb.match;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Phrases of the report's own text (before analysis: numbers, paths and punctuation count here) that
 * tell a failing probe from a failing data path, as {@link SecondStage} features ({@code cue:NAME}).
 *
 * <p>Each cue is a fact of the platform, not of one report or repository: a probe on the root path
 * or an HTTP probe that the application answers with 404 (the Kubernetes 1.24+ default of
 * cloud-provider-azure for {@code appProtocol: http}), {@code externalTrafficPolicy: Local}, the
 * probe's source {@code 168.63.129.16} blocked by a guest firewall, a backend marked down; against
 * that, a connection refused or reset (something answers, so the path reaches the backend), the
 * probe said to be green, the frontend called from inside its own backend (floating IP, loopback).
 * Their weights are learnt by the second stage from the development reports, so a cue that does not
 * tell the symptoms apart gets little weight.
 */
final class Cues {
  /**
   * A named pattern over the lower-cased text, tried only when one of its {@code triggers} (plain
   * substrings) is in the text: most reports hold none of them, and a substring search is far cheaper
   * than a pattern without a literal start.
   */
  record Cue(String name, List<String> triggers, Pattern pattern) {
    boolean in(String lower) {
      for (String t : triggers) {
        if (lower.contains(t)) {
          return pattern.matcher(lower).find();
        }
      }
      return false;
    }
  }

  static final List<Cue> ALL = List.of(
      cue("probe-path", List.of("path", "healthz", "/", "appprotocol", "app protocol"),
          "root path|probe path|request[- ]path|health[- ]?check path|healthz|on the path /|path \"?/\"?[ ,.)]|`/`|\"/\"|appprotocol"
              + "|app protocol"),
      cue("k8s-1.24+", List.of("1.2", "1.3"),
          "\\b(?:kubernetes|k8s|aks|version)\\b[^.\\n]{0,40}?\\b1\\.(?:2[4-9]|3[0-9])\\b|\\bv?1\\.(?:2[4-9]|3[0-9])\\.\\d"
              + "|\\bv1\\.(?:2[4-9]|3[0-9])\\b"),
      cue("probe-protocol", List.of("probe"), "(?:http|https|tcp) (?:health )?probe|probe protocol|probe (?:from|to) (?:http|tcp)"),
      cue("answers-404", List.of("404"), "\\b404\\b"),
      cue("guest-firewall", List.of("iptables", "firewall", "ufw"),
          "iptables|firewalld|firewall-cmd|windows firewall|guest firewall|\\bufw\\b|os firewall"),
      cue("marked-down", List.of("marked", "(red)", "0 of", "0of", "0/", "0 /", "probe", "not healthy", "unhealthy", "health status"),
          "marked (?:as )?(?:unhealthy|down)|\\(red\\)|\\b0 ?(?:of|/) ?\\d+\\b|probes? (?:is |are )?fail|probe failure|not healthy"
              + "|unhealthy (?:state|status)|health status"),
      cue("refused", List.of("refused", "reset", "rst"), "refused|econnrefused|reset by peer|connection reset|\\brst\\b"),
      cue("probe-green", List.of("healthy", "green", "ok", "fine", "up", "passing", "succeeds"),
          "probes? (?:is |are |shows? |status )?(?:green|healthy|ok|fine|up|passing)|(?:backends?|instances?|nodes?|vms?)"
              + " (?:are |is |show |shows )?(?:all )?healthy|health probe succeeds"),
      cue("own-frontend", List.of("floating", "direct server", "loopback", "hairpin", "own", "same"),
          "floating ip|direct server return|loopback|hairpin|its own (?:frontend|ip|load balancer)|same (?:vm|node|backend)"),
      cue("listens-locally", List.of("listen", "bound"),
          "listen(?:s|ing)? on (?:localhost|127\\.0\\.0\\.1)|bound to (?:localhost|127\\.0\\.0\\.1)"),
      cue("secondary-nic", List.of("secondary"), "secondary (?:nic|network interface|interface|ip)"),
      cue("provisioning", List.of("pending", "creat", "provisioning", "ensur"),
          "pending|fails? to (?:be )?creat|failed to creat|provisioning|error creating|ensur\\w* load ?balancer"
              + "|creation fail|cannot create|can't create|unable to create"));

  private Cues() {}

  private static Cue cue(String name, List<String> triggers, String regex) {
    return new Cue(name, triggers, Pattern.compile(regex));
  }

  /** 1 for each cue found in {@code text}, 0 otherwise, in {@link #ALL} order. */
  static double[] of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    double[] out = new double[ALL.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALL.get(i).in(lower) ? 1 : 0;
    }
    return out;
  }
}
