package dev.lbtriage.engine.gather.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbtriage.engine.scan.ScanReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Azure SDK ({@code azure-resourcemanager-resourcegraph}) over HTTPS to a stub Resource Graph on
 * 127.0.0.1 serving a generated fleet in real response shapes: pages followed with {@code $skipToken},
 * subscription batches, the quota headers honoured, a 429 waited out, 403 and 500 as one line.
 */
class ResourceGraphStubTest {
  static final int LBS = 100; // several hundred rows: pages of 250 make both queries page
  static GeneratedFleet fleet;
  static StubResourceGraph stub;
  final List<Duration> waits = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    fleet = GeneratedFleet.generate(GeneratedFleet.examples(), LBS, 5);
    stub = new StubResourceGraph(fleet.rows());
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @BeforeEach
  void fresh() {
    stub.windowPassed();
    stub.bodies.clear();
  }

  GraphReader reader(GraphReader.Options options) throws Exception {
    return new GraphReader(StubGraphAccess.client(stub), options, d -> {
      waits.add(d);
      stub.windowPassed(); // the time waited has passed: a new quota window
    });
  }

  @Test
  void reads_every_page_and_finds_what_the_in_memory_fleet_gives() throws Exception {
    GraphReader reader = reader(new GraphReader.Options(250, 1000, 3, Duration.ofSeconds(5), Duration.ofSeconds(60)));
    List<String> progress = new ArrayList<>();
    FleetFacts facts = reader.read(List.of(), List.of(), (step, done, total) -> progress.add(step + " " + done + "/" + total));
    assertThat(facts.rows()).isEqualTo(fleet.rows().size());
    assertThat(facts.loadBalancers()).hasSize(LBS);
    List<JsonNode> network = stub.bodies.stream().filter(b -> b.path("query").asText().contains("loadbalancers")).toList();
    assertThat(network).hasSizeGreaterThanOrEqualTo(2);
    assertThat(network.get(0).path("options").has("$skipToken")).isFalse();
    assertThat(network.get(1).path("options").path("$skipToken").asText()).isNotBlank();
    assertThat(stub.bodies).allMatch(b -> b.path("options").path("$top").asInt() == 250)
        .allMatch(b -> b.path("query").asText().contains("order by id asc"))
        .allMatch(b -> b.path("options").path("resultFormat").asText().equalsIgnoreCase("objectArray"));
    assertThat(progress).anyMatch(p -> p.startsWith("query network, page 2 ")).anyMatch(p -> p.startsWith("query compute, page 1 "));

    ScanReport live = FleetExpectations.scanner().scan(facts, "stub");
    Map<String, Set<String>> found = FleetExpectations.byLoadBalancer(live);
    for (GeneratedFleet.Placed p : fleet.placed()) {
      assertThat(found.getOrDefault(p.loadBalancerId(), Set.of())).as("load balancer %d (%s)", p.index(), p.template())
          .containsExactlyInAnyOrderElementsOf(FleetExpectations.EXPECTED.get(p.template()));
    }
  }

  @Test
  void subscriptions_go_in_batches_and_each_batch_is_paged() throws Exception {
    List<String> subs = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      subs.add(GeneratedFleet.subscription(k));
    }
    FleetFacts facts = reader(new GraphReader.Options(1000, 2, 3, Duration.ofSeconds(5), Duration.ofSeconds(60)))
        .read(subs.subList(0, 4), List.of(), (s, d, t) -> {});
    assertThat(stub.bodies).allMatch(b -> b.path("subscriptions").size() <= 2 && b.path("subscriptions").size() >= 1);
    assertThat(stub.bodies.stream().map(b -> b.path("subscriptions").toString()).distinct()).hasSize(2);
    long expected = fleet.placed().stream().filter(p -> subs.subList(0, 4).contains(p.subscription())).count();
    assertThat(facts.loadBalancers()).hasSize((int) expected);
  }

  @Test
  void waits_for_the_quota_to_reset_when_it_runs_out() throws Exception {
    // 15 queries a window; pages of 25 rows make well over 15 requests
    GraphReader reader = reader(new GraphReader.Options(25, 1000, 3, Duration.ofSeconds(5), Duration.ofSeconds(60)));
    FleetFacts facts = reader.read(List.of(), List.of(), (s, d, t) -> {});
    assertThat(facts.rows()).isEqualTo(fleet.rows().size());
    assertThat(reader.requests()).isGreaterThan(15);
    assertThat(waits).isNotEmpty().allMatch(d -> d.equals(Duration.ofSeconds(5))); // x-ms-user-quota-resets-after: 00:00:05
    assertThat(reader.requests()).isEqualTo(stub.bodies.size()); // no request was refused: the reader waited before it
  }

  @Test
  void a_429_is_waited_out_and_the_page_asked_again() throws Exception {
    stub.failNext(429);
    GraphReader reader = reader(GraphReader.Options.defaults());
    FleetFacts facts = reader.read(List.of(), List.of(), (s, d, t) -> {});
    assertThat(facts.rows()).isEqualTo(fleet.rows().size());
    assertThat(waits).containsExactly(Duration.ofSeconds(5));
    assertThat(stub.bodies.get(0)).isEqualTo(stub.bodies.get(1)); // the same request again
  }

  @Test
  void a_403_is_one_line_saying_what_is_missing() throws Exception {
    stub.failNext(403);
    assertThatThrownBy(() -> reader(GraphReader.Options.defaults()).read(List.of(), List.of("contoso-prod"), (s, d, t) -> {}))
        .isInstanceOf(GraphReadException.class)
        .hasMessageStartingWith("Resource Graph answered 403 AuthorizationFailed: the signed-in identity may not read")
        .hasMessageContaining("Reader").hasMessageNotContaining("\n");
    assertThat(stub.bodies.get(0).path("managementGroups").toString()).isEqualTo("[\"contoso-prod\"]");
  }

  @Test
  void a_500_is_tried_again_then_one_line() throws Exception {
    stub.failNext(500, 500, 500, 500);
    assertThatThrownBy(() -> reader(GraphReader.Options.defaults()).read(List.of(), List.of(), (s, d, t) -> {}))
        .isInstanceOf(GraphReadException.class)
        .hasMessageStartingWith("Resource Graph answered 500 InternalServerError: Resource Graph failed on its side")
        .hasMessageNotContaining("\n");
    assertThat(stub.bodies).hasSize(4);
  }

  @Test
  void throttled_again_and_again_gives_up_with_one_line() throws Exception {
    stub.failNext(429, 429, 429, 429);
    assertThatThrownBy(() -> reader(GraphReader.Options.defaults()).read(List.of(), List.of(), (s, d, t) -> {}))
        .isInstanceOf(GraphReadException.class)
        .hasMessageStartingWith("Resource Graph answered 429 RateLimiting: Resource Graph throttled the scan")
        .hasMessageContaining("Client application has been throttled");
    assertThat(waits).hasSize(3);
  }
}
