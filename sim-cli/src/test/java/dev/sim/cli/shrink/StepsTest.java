package dev.sim.cli.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes of the search: ddmin's chunks, the values tried below a number, joined changes. */
class StepsTest {
  @Test
  void shouldSplitAListAsDdminDoesBiggestChunksFirst() {
    assertThat(Steps.chunks(5))
        .containsExactly(
            List.of(0, 1, 2, 3, 4),
            List.of(0, 1, 2),
            List.of(3, 4),
            List.of(0, 1),
            List.of(2, 3),
            List.of(4),
            List.of(0),
            List.of(1),
            List.of(2),
            List.of(3));
    assertThat(Steps.chunks(1)).containsExactly(List.of(0));
    assertThat(Steps.chunks(0)).isEmpty();
  }

  @Test
  void shouldTrySmallValuesFirstAndEndOneStepBelow() {
    assertThat(Steps.smaller(4, 1, 1)).containsExactly(1L, 2L, 3L);
    assertThat(Steps.smaller(200, 1, 1))
        .containsExactly(1L, 3L, 6L, 12L, 25L, 50L, 100L, 150L, 175L, 188L, 194L, 199L);
    // Durations in whole windows of 1s, at least one window.
    long s = 1_000_000_000L;
    assertThat(Steps.smaller(240 * s, s, s))
        .containsExactly(
            s, 2 * s, 4 * s, 8 * s, 15 * s, 30 * s, 60 * s, 120 * s, 180 * s, 210 * s, 225 * s,
            233 * s, 239 * s);
    assertThat(Steps.smaller(1, 1, 1)).isEmpty();
    assertThat(Steps.smaller(3 * s, s, 0)).containsExactly(0L, s, 2 * s);
  }

  @Test
  void shouldJoinTheChangesOfOneValueInTheFirstOnesPlace() {
    assertThat(
            Shrinker.merge(
                List.of(
                    "duration 4m → 2m",
                    "fault 1 at 1m → 10s",
                    "duration 2m → 95s",
                    "fault 1 at 10s → 0s",
                    "nodes.api.count 4 → 2",
                    "removed nodes.api.retry ({max: 3})",
                    "nodes.api.count 3 → 1",
                    "network.latency {dist: exponential, mean: 5ms} → 5ms")))
        .containsExactly(
            "duration 4m → 95s",
            "fault 1 at 1m → 0s",
            "nodes.api.count 4 → 2",
            "removed nodes.api.retry ({max: 3})",
            "nodes.api.count 3 → 1",
            "network.latency {dist: exponential, mean: 5ms} → 5ms");
  }

  @Test
  void shouldTellAPathInsideAnother() {
    assertThat(Steps.inside("nodes.api.retry", "nodes.api")).isTrue();
    assertThat(Steps.inside("faults[0].at", "faults")).isTrue();
    assertThat(Steps.inside("nodes.api", "nodes.api")).isFalse();
    assertThat(Steps.inside("nodes.apiary", "nodes.api")).isFalse();
  }
}
