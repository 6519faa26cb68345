package dev.sim.network;

import static dev.sim.network.TestDistributions.constant;
import static dev.sim.network.TestDistributions.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.run.SimulationBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The network inside a running simulation: latency, reordering, partitions and heals. */
class NetworkSimulationTest {
  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;

  record Msg(int n) {}

  record Next() {}

  /** Sends {@code count} numbered messages to node {@code to}, one every {@code gapNanos}. */
  static final class Sender implements Node {
    private final int to;
    private final int count;
    private final long gapNanos;
    private int sent;

    Sender(int to, int count, long gapNanos) {
      this.to = to;
      this.count = count;
      this.gapNanos = gapNanos;
    }

    @Override
    public void start(NodeContext ctx) {
      ctx.on(Msg.class, (m, from) -> {});
      startSending(ctx);
    }

    /** Only the sending half, for a node that also receives (it registers its own Msg handler). */
    void startSending(NodeContext ctx) {
      ctx.onTimer(
          Next.class,
          t -> {
            ctx.send(to, new Msg(sent++));
            if (sent < count) {
              ctx.setTimer(gapNanos, new Next());
            }
          });
      ctx.setTimer(0, new Next());
    }
  }

  /** Records (simulated arrival time, message number) of everything it receives. */
  static final class Receiver implements Node {
    private final Simulation sim;
    final List<long[]> arrivals = new ArrayList<>();

    Receiver(Simulation sim) {
      this.sim = sim;
    }

    @Override
    public void start(NodeContext ctx) {
      ctx.on(Msg.class, (m, from) -> arrivals.add(new long[] {sim.now(), m.n()}));
    }

    List<Integer> order() {
      List<Integer> order = new ArrayList<>();
      for (long[] a : arrivals) {
        order.add((int) a[1]);
      }
      return order;
    }
  }

  @Test
  void shouldDeliverAtSendTimePlusLatency() {
    SimulationBuilder b = Simulation.builder("latency", 1);
    Simulation sim =
        b.transport(Network.builder().latencyNanos(constant(2 * MS)).build(b.streams())).build();
    Receiver receiver = new Receiver(sim);
    sim.addNode("sender", "sender", () -> new Sender(1, 3, 5 * MS));
    sim.addNode("receiver", "receiver", () -> receiver);
    sim.run(RunLimits.simulated(1_000 * MS));
    assertThat(receiver.arrivals).extracting(a -> a[0]).containsExactly(2 * MS, 7 * MS, 12 * MS);
  }

  @Test
  void shouldLoseAndDuplicateAboutTheConfiguredFractionsInARun() {
    SimulationBuilder b = Simulation.builder("lossy", 8);
    Simulation sim =
        b.transport(
                Network.builder()
                    .latencyNanos(uniform(0, 1 * MS))
                    .lossProbability(0.1)
                    .duplicateProbability(0.05)
                    .build(b.streams()))
            .build();
    Receiver receiver = new Receiver(sim);
    int sends = 100_000;
    sim.addNode("sender", "sender", () -> new Sender(1, sends, 1 * US));
    sim.addNode("receiver", "receiver", () -> receiver);
    sim.run(RunLimits.simulated(1_000 * MS));
    long distinct = receiver.order().stream().distinct().count();
    assertThat(1 - distinct / (double) sends).as("lost").isCloseTo(0.1, within(0.005));
    assertThat((receiver.arrivals.size() - distinct) / (double) distinct)
        .as("duplicated")
        .isCloseTo(0.05, within(0.005));
  }

  @Test
  void shouldReorderMessagesWhenLatencyVaries() {
    Receiver receiver = runStream(uniform(0, 5 * MS));
    assertThat(receiver.arrivals).hasSize(1000);
    assertThat(receiver.order()).isNotEqualTo(receiver.order().stream().sorted().toList());
  }

  @Test
  void shouldKeepOrderWhenLatencyIsConstant() {
    Receiver receiver = runStream(constant(3 * MS));
    assertThat(receiver.arrivals).hasSize(1000);
    assertThat(receiver.order()).isSorted();
  }

  private static Receiver runStream(dev.sim.kernel.random.Distribution latency) {
    SimulationBuilder b = Simulation.builder("reorder", 2);
    Simulation sim =
        b.transport(Network.builder().latencyNanos(latency).build(b.streams())).build();
    Receiver receiver = new Receiver(sim);
    sim.addNode("sender", "sender", () -> new Sender(1, 1000, 10 * US));
    sim.addNode("receiver", "receiver", () -> receiver);
    sim.run(RunLimits.simulated(1_000 * MS));
    return receiver;
  }

  @Test
  void shouldDropMessagesAcrossPartition() {
    SimulationBuilder b = Simulation.builder("partition", 3);
    Network net = Network.builder().latencyNanos(constant(1 * MS)).build(b.streams());
    Simulation sim = b.transport(net).recordMessages(true).build();
    Receiver receiver = new Receiver(sim);
    sim.addNode("sender", "sender", () -> new Sender(1, 10, 1 * MS));
    sim.addNode("receiver", "receiver", () -> receiver);
    net.partition(new int[][] {{0}, {1}});
    RunResult r = sim.run(RunLimits.simulated(1_000 * MS));
    assertThat(receiver.arrivals).isEmpty();
    assertThat(r.messages()).hasSize(10).allMatch(m -> "partition".equals(m.lostCause()));
  }

  @Test
  void shouldLoseMessagesInFlightWhenAPartitionStarts() {
    SimulationBuilder b = Simulation.builder("in-flight", 4);
    Network net = Network.builder().latencyNanos(constant(10 * MS)).build(b.streams());
    Simulation sim = b.transport(net).recordMessages(true).build();
    Receiver receiver = new Receiver(sim);
    sim.addNode("sender", "sender", () -> new Sender(1, 1, 1 * MS));
    sim.addNode("receiver", "receiver", () -> receiver);
    sim.schedule(5 * MS, "partition", () -> net.partition(new int[][] {{1}}));
    RunResult r = sim.run(RunLimits.simulated(1_000 * MS));
    assertThat(receiver.arrivals).isEmpty();
    MessageRecord m = r.messages().get(0);
    assertThat(m.lostCause()).isEqualTo("partition");
    assertThat(m.deliverNanos()).isEqualTo(-1);
  }

  @Test
  void shouldDeliverAgainAfterTheHeal() {
    SimulationBuilder b = Simulation.builder("heal", 5);
    Network net = Network.builder().latencyNanos(constant(1 * MS)).build(b.streams());
    Simulation sim = b.transport(net).build();
    Receiver receiver = new Receiver(sim);
    sim.addNode("sender", "sender", () -> new Sender(1, 10, 10 * MS));
    sim.addNode("receiver", "receiver", () -> receiver);
    long[] id = new long[1];
    // Messages go at 0, 10, ..., 90 ms; the partition covers those sent at 20, 30 and 40 ms.
    sim.schedule(15 * MS, "partition", () -> id[0] = net.partition(new int[][] {{0}, {1}}));
    sim.schedule(45 * MS, "heal", () -> net.heal(id[0]));
    sim.run(RunLimits.simulated(1_000 * MS));
    assertThat(receiver.order()).containsExactly(0, 1, 5, 6, 7, 8, 9);
  }

  @Test
  void shouldDropOnlyOneDirectionOfAOneWayCut() {
    SimulationBuilder b = Simulation.builder("one-way", 6);
    Network net = Network.builder().latencyNanos(constant(1 * MS)).build(b.streams());
    Simulation sim = b.transport(net).build();
    Receiver atA = new Receiver(sim);
    Receiver atB = new Receiver(sim);
    sim.addNode(
        "a",
        "a",
        () ->
            new Node() {
              @Override
              public void start(NodeContext ctx) {
                new Sender(1, 5, 1 * MS).startSending(ctx);
                atA.start(ctx);
              }
            });
    sim.addNode(
        "b",
        "b",
        () ->
            new Node() {
              @Override
              public void start(NodeContext ctx) {
                new Sender(0, 5, 1 * MS).startSending(ctx);
                atB.start(ctx);
              }
            });
    net.cutOneWay(new int[] {0}, new int[] {1});
    sim.run(RunLimits.simulated(1_000 * MS));
    assertThat(atB.arrivals).as("a -> b is cut").isEmpty();
    assertThat(atA.order()).as("b -> a is open").containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void shouldHealTwoOverlappingPartitionsIndependently() {
    SimulationBuilder b = Simulation.builder("overlap", 7);
    Network net = Network.builder().latencyNanos(constant(1 * MS)).build(b.streams());
    Simulation sim = b.transport(net).build();
    Receiver receiver = new Receiver(sim);
    sim.addNode("sender", "sender", () -> new Sender(2, 10, 10 * MS));
    sim.addNode("other", "other", () -> ctx -> {});
    sim.addNode("receiver", "receiver", () -> receiver);
    long[] ids = new long[2];
    // Sends at 0, 10, ..., 90 ms. The first partition covers 20..60, the second 40..80.
    sim.schedule(15 * MS, "p1", () -> ids[0] = net.partition(new int[][] {{0, 1}, {2}}));
    sim.schedule(35 * MS, "p2", () -> ids[1] = net.partition(new int[][] {{0}}));
    sim.schedule(65 * MS, "heal p1", () -> net.heal(ids[0]));
    sim.schedule(85 * MS, "heal p2", () -> net.heal(ids[1]));
    sim.run(RunLimits.simulated(1_000 * MS));
    assertThat(receiver.order()).containsExactly(0, 1, 9);
  }
}
