package dev.sim.network;

import static dev.sim.network.TestDistributions.constant;
import static dev.sim.network.TestDistributions.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.node.Sized;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Rng;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private static final long MS = 1_000_000L;

  record Ping(int n) {}

  record Blob(long sizeBytes) implements Sized {}

  private final RecordingDeliveries out = new RecordingDeliveries();

  @Test
  void shouldDeliverAtSendTimePlusSampledLatencyDrawingInTheDocumentedOrder() {
    Distribution latency = uniform(1 * MS, 10 * MS);
    Network net =
        Network.builder()
            .latencyNanos(latency)
            .lossProbability(0.2)
            .duplicateProbability(0.3)
            .build(new Rng(7));
    // Replays the documented order: loss uniform, latency, duplicate uniform, copy's latency.
    Rng replay = new Rng(7);
    for (int i = 0; i < 1000; i++) {
      long now = i * 3 * MS;
      out.clear();
      net.send(0, 1, new Ping(i), now, out);
      if (replay.nextDouble() < 0.2) {
        assertThat(out.causes).containsExactly("loss");
        assertThat(out.times).isEmpty();
        continue;
      }
      long first = now + latency.sampleNanos(replay);
      if (replay.nextDouble() < 0.3) {
        assertThat(out.times).containsExactly(first, now + latency.sampleNanos(replay));
      } else {
        assertThat(out.times).containsExactly(first);
      }
      assertThat(out.causes).isEmpty();
    }
  }

  @Test
  void shouldAddSizeOverBandwidthToTheLatency() {
    Network net =
        Network.builder()
            .latencyNanos(constant(1 * MS))
            .bandwidthBitsPerSecond(1_000_000)
            .build(new Rng(1));
    net.send(0, 1, new Blob(1000), 0, out);
    // 1000 bytes = 8000 bits at 1 Mbit/s: 8 ms on the wire.
    assertThat(out.times).containsExactly(9 * MS);
    out.clear();
    net.send(0, 1, new Ping(1), 0, out);
    assertThat(out.times).as("unsized messages default to 0 bytes").containsExactly(1 * MS);
  }

  @Test
  void shouldUseTheDefaultSizeForUnsizedMessagesAndRoundTransmissionUp() {
    Network net = Network.builder().bandwidthBitsPerSecond(3).defaultSizeBytes(1).build(new Rng(1));
    net.send(0, 1, new Ping(1), 0, out);
    // 8 bits at 3 bit/s = 2.666...s, rounded up to whole nanoseconds.
    assertThat(out.times).containsExactly(2_666_666_667L);
  }

  @Test
  void shouldApplyABetweenOverrideInBothDirections() {
    Network net =
        Network.builder()
            .latencyNanos(constant(1 * MS))
            .link(Link.between(new int[] {0}, new int[] {1, 2}).latencyNanos(constant(20 * MS)))
            .build(new Rng(1));
    assertThat(deliveryTime(net, 0, 1)).isEqualTo(20 * MS);
    assertThat(deliveryTime(net, 2, 0)).isEqualTo(20 * MS);
    assertThat(deliveryTime(net, 1, 2)).as("both ends on the same side").isEqualTo(1 * MS);
    assertThat(deliveryTime(net, 3, 0)).isEqualTo(1 * MS);
  }

  @Test
  void shouldApplyAFromToOverrideInOneDirectionOnly() {
    Network net =
        Network.builder()
            .latencyNanos(constant(1 * MS))
            .link(Link.from(new int[] {0}).to(new int[] {1}).latencyNanos(constant(20 * MS)))
            .build(new Rng(1));
    assertThat(deliveryTime(net, 0, 1)).isEqualTo(20 * MS);
    assertThat(deliveryTime(net, 1, 0)).isEqualTo(1 * MS);
  }

  @Test
  void shouldUseTheFirstMatchingOverride() {
    Network net =
        Network.builder()
            .latencyNanos(constant(1 * MS))
            .link(Link.from(new int[] {0}).to(new int[] {1}).latencyNanos(constant(5 * MS)))
            .link(Link.between(new int[] {0}, new int[] {1, 2}).latencyNanos(constant(20 * MS)))
            .build(new Rng(1));
    assertThat(deliveryTime(net, 0, 1)).isEqualTo(5 * MS);
    assertThat(deliveryTime(net, 1, 0)).isEqualTo(20 * MS);
    assertThat(deliveryTime(net, 0, 2)).isEqualTo(20 * MS);
  }

  @Test
  void shouldKeepTheDefaultsForSettingsAnOverrideLeavesUnset() {
    Network net =
        Network.builder()
            .latencyNanos(constant(3 * MS))
            .bandwidthBitsPerSecond(8_000)
            .link(Link.between(new int[] {0}, new int[] {1}).lossProbability(0.5))
            .build(new Rng(1));
    assertThat(net.lossProbability(0, 1)).isEqualTo(0.5);
    assertThat(net.lossProbability(0, 2)).isEqualTo(0.0);
    // Latency and bandwidth stay the defaults on the overridden link: 3 ms + 1000 B at 8 kbit/s.
    long t = -1;
    for (int i = 0; i < 20 && t < 0; i++) {
      out.clear();
      net.send(0, 1, new Blob(1000), 0, out);
      t = out.times.isEmpty() ? -1 : out.times.get(0);
    }
    assertThat(t).isEqualTo(3 * MS + 1_000_000_000L);
  }

  @Test
  void shouldDeliverSendsToSelfAtOnceWithoutLossOrDraws() {
    Network net =
        Network.builder()
            .latencyNanos(uniform(1 * MS, 2 * MS))
            .lossProbability(1.0)
            .build(new Rng(3));
    net.partition(new int[][] {{4}});
    net.send(4, 4, new Ping(1), 42, out);
    assertThat(out.times).containsExactly(42L);
    assertThat(out.causes).isEmpty();
    assertThat(net.deliverable(4, 4, 42)).isTrue();
  }

  @Test
  void shouldLoseAboutTheConfiguredFractionOfMessages() {
    Network net = Network.builder().lossProbability(0.1).build(new Rng(11));
    int sends = 100_000;
    for (int i = 0; i < sends; i++) {
      net.send(i % 7, 7 + i % 5, new Ping(i), i, out);
    }
    assertThat(out.causes).allMatch("loss"::equals);
    assertThat(out.causes.size() / (double) sends).isCloseTo(0.1, within(0.005));
    assertThat(out.times.size() + out.causes.size()).isEqualTo(sends);
  }

  @Test
  void shouldDuplicateAboutTheConfiguredFractionOfMessages() {
    Network net =
        Network.builder()
            .latencyNanos(uniform(0, 10 * MS))
            .duplicateProbability(0.05)
            .build(new Rng(12));
    int sends = 100_000;
    for (int i = 0; i < sends; i++) {
      net.send(0, 1, new Ping(i), 0, out);
    }
    assertThat(out.causes).isEmpty();
    assertThat((out.times.size() - sends) / (double) sends).isCloseTo(0.05, within(0.005));
  }

  @Test
  void shouldAddALossBurstOnItsLinksOnlyUntilItEnds() {
    Network net = Network.builder().lossProbability(0.1).build(new Rng(13));
    long burst = net.lossBurst(new int[] {0}, new int[] {1}, 0.3);
    // Independent losses: 1 - 0.9 * 0.7.
    assertThat(net.lossProbability(0, 1)).isCloseTo(0.37, within(1e-12));
    assertThat(net.lossProbability(1, 0)).isCloseTo(0.37, within(1e-12));
    assertThat(net.lossProbability(0, 2)).isEqualTo(0.1);
    assertThat(lostFraction(net, 0, 1, 50_000)).isCloseTo(0.37, within(0.01));
    assertThat(lostFraction(net, 2, 0, 50_000)).isCloseTo(0.1, within(0.01));
    assertThat(net.endLossBurst(burst)).isTrue();
    assertThat(net.endLossBurst(burst)).isFalse();
    assertThat(net.lossProbability(0, 1)).isEqualTo(0.1);
    assertThat(lostFraction(net, 0, 1, 50_000)).isCloseTo(0.1, within(0.01));
  }

  @Test
  void shouldCombineOverlappingLossBurstsAndEndThemIndependently() {
    Network net = Network.builder().build(new Rng(14));
    long first = net.lossBurst(new int[] {0}, new int[] {1}, 0.5);
    long second = net.lossBurst(new int[] {0, 1}, new int[] {1}, 0.5);
    assertThat(second).isNotEqualTo(first);
    assertThat(net.lossProbability(0, 1)).isEqualTo(0.75);
    net.endLossBurst(first);
    assertThat(net.lossProbability(0, 1)).isEqualTo(0.5);
    assertThat(net.lossProbability(1, 0)).isEqualTo(0.5);
    net.endLossBurst(second);
    assertThat(net.lossProbability(0, 1)).isEqualTo(0.0);
  }

  @Test
  void shouldLoseMessagesSentAcrossACutWithCausePartitionAndDrawNothing() {
    Network net = Network.builder().latencyNanos(uniform(1 * MS, 2 * MS)).build(new Rng(5));
    long cut = net.cutOneWay(new int[] {0}, new int[] {1});
    net.send(0, 1, new Ping(1), 0, out);
    assertThat(out.causes).containsExactly("partition");
    assertThat(net.deliverable(0, 1, 0)).isFalse();
    assertThat(net.deliverable(1, 0, 0)).isTrue();
    net.heal(cut);
    out.clear();
    net.send(0, 1, new Ping(2), 0, out);
    // The cut send drew nothing, so this one sees the stream's first draws.
    Rng replay = new Rng(5);
    replay.nextDouble();
    assertThat(out.times).containsExactly(uniform(1 * MS, 2 * MS).sampleNanos(replay));
  }

  @Test
  void shouldRejectInvalidSettings() {
    assertThatThrownBy(() -> Network.builder().lossProbability(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loss");
    assertThatThrownBy(() -> Network.builder().duplicateProbability(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> Network.builder().bandwidthBitsPerSecond(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bandwidth");
    assertThatThrownBy(() -> Link.between(new int[] {-1}, new int[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  private long deliveryTime(Network net, int from, int to) {
    out.clear();
    net.send(from, to, new Ping(0), 0, out);
    return out.times.get(0);
  }

  private double lostFraction(Network net, int from, int to, int sends) {
    out.clear();
    for (int i = 0; i < sends; i++) {
      net.send(from, to, new Ping(i), 0, out);
    }
    return out.causes.size() / (double) sends;
  }
}
