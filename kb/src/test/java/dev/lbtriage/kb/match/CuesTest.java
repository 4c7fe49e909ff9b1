package dev.lbtriage.kb.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each cue of {@link Cues} fires on the platform wording it is about, and not on a near miss. */
class CuesTest {

  static List<String> fired(String text) {
    double[] v = Cues.of(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      if (v[i] > 0) {
        out.add(Cues.ALL.get(i).name());
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    "probe-path | the probe hits the root path and nginx answers 404",
    "k8s-1.24+ | after we upgraded AKS to 1.24.9 the ingress stopped answering",
    "k8s-1.24+ | my AKS is running on v1.28.0",
    "probe-protocol | the HTTP probe fails while a TCP probe works",
    "answers-404 | the ingress returns 404 for /",
    "guest-firewall | iptables drops packets from the probe",
    "marked-down | Health Probe Status shows 0 of 2 healthy",
    "refused | curl: connection refused on the frontend",
    "probe-green | the health probe is green but the site times out",
    "own-frontend | a VM calling its own frontend through the ILB fails (floating IP off)",
    "listens-locally | the service listens on 127.0.0.1 only",
    "secondary-nic | the backend is on the secondary NIC",
    "provisioning | the external IP stays pending",
  })
  void cueFires(String cue, String text) {
    assertThat(fired(text)).as(text).contains(cue);
  }

  @ParameterizedTest(name = "{0} not in: {1}")
  @CsvSource(delimiter = '|', value = {
    "k8s-1.24+ | we run kubernetes 1.21 and istio 1.8.1",
    "refused | the connection times out",
    "probe-green | the health probe is red",
    "provisioning | the frontend IP times out",
    "answers-404 | error 4040 in the log",
  })
  void cueDoesNotFire(String cue, String text) {
    assertThat(fired(text)).as(text).doesNotContain(cue);
  }
}
