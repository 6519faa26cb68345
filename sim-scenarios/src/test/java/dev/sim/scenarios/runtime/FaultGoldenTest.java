package dev.sim.scenarios.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One run with every built-in fault kind, links and clocks: its event count, trace hash and fault
 * annotations are fixed. Fault event labels (and the random draws of {@code random(group)} targets)
 * are folded into the trace hash, so moving the fault code must change none of them.
 */
@Tag("golden")
class FaultGoldenTest {
  private static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(FaultGoldenTest.class.getClassLoader());

  static final String YAML =
      """
      name: every-fault
      seed: 3
      duration: 60s
      network:
        latency: {dist: exponential, mean: 1ms}
        links:
          - {between: [clients, lb], latency: 2ms}
          - {from: api, to: db, loss: 0.01}
      clocks:
        default: {offset: {dist: uniform, min: -5ms, max: 5ms}, driftPpm: 20}
        api-2: {offset: 300ms}
      nodes:
        clients:
          type: client
          target: lb
          load: {rate: 200/s}
          timeout: 200ms
          retry: {max: 2, backoff: constant, base: 10ms}
        lb:
          type: load-balancer
          backends: api
          healthCheck: {interval: 1s, timeout: 100ms}
        api:
          type: server
          count: 3
          workers: 4
          service: {dist: exponential, mean: 2ms}
          calls: {target: db, timeout: 50ms}
        db:
          type: server
          count: 2
          service: {dist: exponential, mean: 1ms}
      faults:
        - {at: 5s, partition: [[api-1], [api-2, api-3, lb]], for: 3s}
        - {at: 9s, partition: {from: db, to: api}, for: 2s}
        - {at: 12s, crash: api-2, restart: 4s}
        - {at: 18s, pause: api-1, for: 1s}
        - {at: 20s, slow: db, factor: 10, for: 5s}
        - {at: 26s, clock: api-3, jump: -2s}
        - {at: 28s, loss: {between: [api, db], rate: 0.3}, for: 4s}
        - {at: 1s, every: 10s, crash: random(api), restart: 2s}
        - {at: 33s, every: 7s, pause: random(db), for: 500ms}
        - {at: 40s, crash: lb}
      """;

  static final long EVENTS = 136_933;
  static final String HASH = "64c0d2838a039f15";

  /** The fault timeline: label, start, end (-1: to the end of the run) and targets. */
  static final List<String> TIMELINE =
      List.of(
          "crash api-3 1s 3s [api-3]",
          "partition api-1 | api-2,api-3,lb 5s 8s [api-1, api-2, api-3, lb]",
          "cut db → api 9s 11s [db-1, db-2]",
          "crash api-3 11s 13s [api-3]",
          "crash api-2 12s 16s [api-2]",
          "pause api-1 18s 19s [api-1]",
          "slow ×10 db-1,db-2 20s 25s [db-1, db-2]",
          "crash api-3 21s 23s [api-3]",
          "clock -2s api-3 26s 26s [api-3]",
          "loss 30% api ↔ db 28s 32s [api-1, api-2, api-3]",
          "crash api-2 31s 33s [api-2]",
          "pause db-1 33s 33.5s [db-1]",
          "pause db-1 40s 40.5s [db-1]",
          "crash lb 40s -1 [lb]",
          "crash api-1 41s 43s [api-1]",
          "pause db-2 47s 47.5s [db-2]",
          "crash api-3 51s 53s [api-3]",
          "pause db-1 54s 54.5s [db-1]");

  /** The kind of each timeline entry, in order. */
  static final List<String> KINDS =
      List.of(
          "crash",
          "partition",
          "partition",
          "crash",
          "crash",
          "pause",
          "slow",
          "crash",
          "clock",
          "loss",
          "crash",
          "pause",
          "pause",
          "crash",
          "crash",
          "pause",
          "crash",
          "pause");

  private static String seconds(long nanos) {
    if (nanos < 0) {
      return "-1";
    }
    double s = nanos / 1e9;
    return s == Math.rint(s) ? (long) s + "s" : s + "s";
  }

  @Test
  void shouldKeepTheTraceOfARunWithEveryFaultKind() {
    RunResult r =
        ScenarioRunner.run(
            ScenarioLoader.parse(YAML, "every-fault.yaml", TYPES, List.of()),
            3,
            ScenarioRunner.Options.DEFAULTS);
    assertThat(r.events()).isEqualTo(EVENTS);
    assertThat(r.traceHash()).isEqualTo(HASH);
    assertThat(r.annotations())
        .extracting(
            a ->
                a.label()
                    + " "
                    + seconds(a.startNanos())
                    + " "
                    + seconds(a.endNanos())
                    + " "
                    + a.targets())
        .containsExactlyElementsOf(TIMELINE);
    assertThat(r.annotations()).extracting(Annotation::kind).containsExactlyElementsOf(KINDS);
  }
}
