package dev.sim.kernel.run;

import static dev.sim.kernel.testing.SimTime.ms;
import static dev.sim.kernel.testing.SimTime.us;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.testing.Latency;
import dev.sim.kernel.testing.Recorder;
import dev.sim.kernel.testing.Recorder.Entry;
import dev.sim.kernel.testing.Recorder.Kind;
import dev.sim.kernel.testing.TestCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrashAndPauseTest {
  record Msg(int n) {}

  record Tick(int n) {}

  record Gc(long pauseNanos) {}

  record Die(long restartAfterNanos) {}

  /** Durable state: survives crashes. */
  static final class Disk {
    int writes;
  }

  /** Counts messages in a volatile field and on its durable disk. */
  static final class Counter implements Node {
    static final List<String> log = new ArrayList<>();
    int seen;

    @Override
    public void start(NodeContext ctx) {
      Disk disk = ctx.durable(Disk.class, Disk::new);
      ctx.on(
          Msg.class,
          (m, from) -> {
            seen++;
            disk.writes++;
            log.add(
                ctx.localTime() + ": msg " + m.n() + " seen=" + seen + " writes=" + disk.writes);
          });
      log.add(ctx.localTime() + ": start seen=" + seen + " writes=" + disk.writes);
    }
  }

  // ------------------------------------------------------------------ crash and restart

  @Test
  void shouldLoseMessagesAndTimersOfACrashedNodeAndRestartItFresh() {
    TestCluster c = TestCluster.seed(1);
    c.configure().recordMessages(true);
    Recorder db =
        c.add(
            "db",
            Recorder.of(Msg.class)
                .timers(Tick.class)
                .onStart(
                    ctx -> {
                      // Both incarnations set the same timers; only the restarted one's may fire.
                      ctx.setTimer(ms(4), new Tick(4));
                      ctx.setTimer(ms(12), new Tick(12));
                    }));
    c.recorder("client", Msg.class);
    c.send(ms(1), "client", "db", new Msg(1))
        .crash(ms(2), "db")
        .send(ms(3), "client", "db", new Msg(2))
        .restart(ms(5), "db")
        .send(ms(6), "client", "db", new Msg(3));
    RunResult r = c.runFor(ms(30));

    assertThat(db.entries())
        .extracting(Entry::timeNanos, Entry::incarnation, Entry::kind, Entry::payload)
        .containsExactly(
            tuple(0L, 0, Kind.START, null),
            tuple(ms(1), 0, Kind.MESSAGE, new Msg(1)),
            tuple(ms(5), 1, Kind.START, null),
            tuple(ms(6), 1, Kind.MESSAGE, new Msg(3)),
            tuple(ms(9), 1, Kind.TIMER, new Tick(4)),
            tuple(ms(17), 1, Kind.TIMER, new Tick(12)));
    assertThat(r.nodeEvents())
        .containsExactly(
            new NodeEvent(ms(2), c.id("db"), "crash", "test"),
            new NodeEvent(ms(5), c.id("db"), "restart", "test"));
    assertThat(r.messages())
        .extracting(MessageRecord::summary, MessageRecord::lostCause)
        .containsExactly(
            tuple("Msg[n=1]", null), tuple("Msg[n=2]", "crashed"), tuple("Msg[n=3]", null));
  }

  @Test
  void shouldKeepDurableStateButNotVolatileStateAcrossARestart() {
    Counter.log.clear();
    TestCluster c = TestCluster.seed(1);
    c.node("counter", Counter::new);
    c.recorder("client", Msg.class);
    c.send(ms(1), "client", "counter", new Msg(1))
        .send(ms(2), "client", "counter", new Msg(2))
        .crash(ms(3), "counter")
        .restart(ms(4), "counter")
        .send(ms(5), "client", "counter", new Msg(3));
    c.runFor(ms(10));
    assertThat(Counter.log)
        .containsExactly(
            "0: start seen=0 writes=0",
            "1000000: msg 1 seen=1 writes=1",
            "2000000: msg 2 seen=2 writes=2",
            "4000000: start seen=0 writes=2",
            "5000000: msg 3 seen=1 writes=3");
  }

  @Test
  void shouldIgnoreWhatAStaleContextDoesAfterItsNodeCrashed() {
    TestCluster c = TestCluster.seed(1);
    Recorder sink = c.recorder("sink", Msg.class);
    Recorder victim = c.add("victim", Recorder.of().timers(Tick.class));
    NodeContext[] old = new NodeContext[1];
    long[] handle = new long[1];
    c.at(ms(1), "grab", () -> old[0] = victim.ctx())
        .crash(ms(2), "victim")
        .restart(ms(3), "victim")
        .at(
            ms(4),
            "act through the stale context",
            () -> {
              old[0].send(c.id("sink"), new Msg(1));
              handle[0] = old[0].setTimer(ms(1), new Tick(1));
            });
    c.runFor(ms(10));
    assertThat(sink.payloads()).isEmpty();
    assertThat(handle[0]).isEqualTo(-1);
    assertThat(victim.payloads()).isEmpty();
    assertThat(victim.incarnations()).isEqualTo(2);
  }

  @Test
  void shouldCrashAndRestartANodeThatAsksForItFromAHandler() {
    TestCluster c = TestCluster.seed(1);
    Recorder r =
        c.add(
            "n",
            Recorder.of(Msg.class)
                .onStart(
                    ctx ->
                        ctx.on(
                            Die.class,
                            (m, from) -> {
                              ctx.crash("out of memory", m.restartAfterNanos());
                              // The crash takes effect when the handler returns: this send still
                              // goes out.
                              ctx.send(ctx.lookup("client"), new Msg(-1));
                            })));
    Recorder client = c.recorder("client", Msg.class);
    c.send(ms(1), "client", "n", new Die(ms(5)))
        .send(ms(2), "client", "n", new Msg(1))
        .send(ms(7), "client", "n", new Msg(2))
        .send(ms(8), "client", "n", new Die(-1))
        .send(ms(20), "client", "n", new Msg(3));
    RunResult result = c.runFor(ms(50));
    assertThat(r.entries())
        .extracting(Entry::timeNanos, Entry::incarnation, Entry::kind)
        .containsExactly(
            tuple(0L, 0, Kind.START), tuple(ms(6), 1, Kind.START), tuple(ms(7), 1, Kind.MESSAGE));
    assertThat(client.payloads()).containsExactly(new Msg(-1), new Msg(-1));
    assertThat(result.nodeEvents())
        .extracting(NodeEvent::timeNanos, NodeEvent::kind, NodeEvent::reason)
        .containsExactly(
            tuple(ms(1), "crash", "out of memory"),
            tuple(ms(6), "restart", "after out of memory"),
            tuple(ms(8), "crash", "out of memory"));
    assertThat(c.sim().isCrashed(c.id("n"))).isTrue();
  }

  // ------------------------------------------------------------------ pause

  @Test
  void shouldHoldMessagesAndTimersOfAPausedNodeUntilItResumes() {
    TestCluster c = TestCluster.seed(1);
    c.configure().transport(Latency.constant(ms(1)));
    Recorder db =
        c.add(
            "db",
            Recorder.of(Msg.class)
                .timers(Tick.class)
                .onStart(ctx -> ctx.setTimer(ms(4), new Tick(4))));
    c.recorder("client", Msg.class);
    // Arrivals at 2, 3 and 6 ms; the pause runs from 1.5 ms to 6 ms.
    c.send(ms(1), "client", "db", new Msg(1))
        .send(ms(2), "client", "db", new Msg(2))
        .pause(us(1500), "db", us(4500))
        .send(ms(5), "client", "db", new Msg(3))
        .send(ms(6), "client", "db", new Msg(4));
    RunResult r = c.runFor(ms(20));
    // What waited is handled at resume in arrival order, before the message that arrives exactly
    // at the resume time (its delivery was queued after the resume was).
    assertThat(db.payloads())
        .containsExactly(new Msg(1), new Msg(2), new Tick(4), new Msg(3), new Msg(4));
    assertThat(db.times()).containsExactly(ms(6), ms(6), ms(6), ms(6), ms(7));
    assertThat(r.nodeEvents())
        .extracting(NodeEvent::timeNanos, NodeEvent::kind)
        .containsExactly(tuple(us(1500), "pause"), tuple(ms(6), "resume"));
  }

  record Other() {}

  @Test
  void shouldCountTheHeldMessagesOfOneTypeIntoAGaugeUntilTheyAreHandedOverOrLost() {
    TestCluster c = TestCluster.seed(1);
    c.configure()
        .transport(Latency.constant(ms(1)))
        .metricsWindows(ms(1), 0)
        .declareMetrics("db", "test", List.of(MetricSpec.gauge("depth", "Depth", "messages")));
    c.node(
        "db",
        ctx -> {
          ctx.on(Msg.class, (m, from) -> {});
          ctx.on(Other.class, (m, from) -> {});
          ctx.onTimer(Tick.class, t -> {});
          ctx.metrics().gauge("depth", 5);
          ctx.countHeld(Msg.class, "depth");
          ctx.countHeld(Msg.class, "depth"); // asking again is harmless
          ctx.setTimer(us(4500), new Tick(0));
        });
    c.recorder("client", Msg.class);
    // Two Msgs (arriving at 3 and 4 ms), an Other and a timer are held by a pause from 1.5 to 10
    // ms;
    // a third Msg (at 14 ms) by a pause from 12 ms that ends in a crash at 16 ms.
    c.pause(us(1500), "db", us(8500))
        .send(ms(2), "client", "db", new Msg(1))
        .send(us(2500), "client", "db", new Other())
        .send(ms(3), "client", "db", new Msg(2))
        .pause(ms(12), "db", ms(10))
        .send(ms(13), "client", "db", new Msg(3))
        .crash(ms(16), "db");
    RunResult r = c.runFor(ms(20));
    double[] max = r.gauges().get(0).max();
    double[] mean = r.gauges().get(0).mean();
    // Only the Msgs count, on top of the node's own 5; the Other and the timer do not.
    assertThat(max[2]).isEqualTo(5);
    assertThat(max[3]).isEqualTo(6);
    assertThat(mean[4]).isEqualTo(7);
    assertThat(mean[9]).isEqualTo(7);
    // Handed over at the resume (10 ms): back to the node's own value.
    assertThat(mean[10]).isEqualTo(5);
    assertThat(mean[14]).isEqualTo(6);
    // Lost with the crash, and a crashed node's gauges read 0: nothing waits, nothing is held.
    assertThat(mean[16]).isEqualTo(0);
  }

  @Test
  void shouldRefuseToCountASecondTypeOrAnUndeclaredGauge() {
    TestCluster c = TestCluster.seed(1);
    c.configure()
        .declareMetrics("db", "test", List.of(MetricSpec.gauge("depth", "Depth", "messages")));
    c.node(
        "db",
        ctx -> {
          ctx.countHeld(Msg.class, "depth");
          ctx.countHeld(Other.class, "depth");
        });
    RunResult r = c.sim().run(new RunLimits(ms(1), 1000, Long.MAX_VALUE));
    assertThat(r.failure()).isNotNull();
    assertThat(r.failure().message())
        .contains("already counts held Msg messages into gauge 'depth'");

    TestCluster typo = TestCluster.seed(1);
    typo.configure()
        .declareMetrics("db", "test", List.of(MetricSpec.gauge("depth", "Depth", "messages")));
    typo.node("db", ctx -> ctx.countHeld(Msg.class, "dpeth"));
    RunResult t = typo.sim().run(new RunLimits(ms(1), 1000, Long.MAX_VALUE));
    assertThat(t.failure()).isNotNull();
    assertThat(t.failure().message()).contains("dpeth");
  }

  @Test
  void shouldPauseItselfFromAHandlerLikeAGarbageCollector() {
    TestCluster c = TestCluster.seed(1);
    Recorder n =
        c.add(
            "n",
            Recorder.of(Msg.class)
                .timers(Tick.class)
                .onStart(
                    ctx -> {
                      ctx.on(
                          Gc.class,
                          (m, from) -> {
                            ctx.pause(m.pauseNanos(), "gc");
                            ctx.send(ctx.lookup("client"), new Msg(-1));
                          });
                      ctx.setTimer(ms(3), new Tick(3));
                    }));
    Recorder client = c.recorder("client", Msg.class);
    c.send(ms(1), "client", "n", new Gc(ms(10)))
        .send(ms(2), "client", "n", new Msg(1))
        .send(ms(4), "client", "n", new Msg(2))
        .send(ms(12), "client", "n", new Msg(3));
    RunResult r = c.runFor(ms(20));
    assertThat(client.times())
        .as("sent by the handler before the pause began")
        .containsExactly(ms(1));
    assertThat(n.payloads()).containsExactly(new Msg(1), new Tick(3), new Msg(2), new Msg(3));
    assertThat(n.times()).containsExactly(ms(11), ms(11), ms(11), ms(12));
    assertThat(r.nodeEvents())
        .extracting(NodeEvent::timeNanos, NodeEvent::kind, NodeEvent::reason)
        .containsExactly(tuple(ms(1), "pause", "gc"), tuple(ms(11), "resume", "gc"));
  }

  @Test
  void shouldNestPausesAndResumeOnlyAtTheLast() {
    TestCluster c = TestCluster.seed(1);
    Recorder n = c.recorder("n", Msg.class);
    c.recorder("client", Msg.class);
    c.pause(ms(1), "n", ms(5)).pause(ms(2), "n", ms(1)).send(ms(4), "client", "n", new Msg(1));
    c.runFor(ms(10));
    assertThat(n.times()).containsExactly(ms(6));
    assertThat(c.sim().isPaused(c.id("n"))).isFalse();
  }

  @Test
  void shouldLoseTheWaitingMessagesOfAPausedNodeThatCrashes() {
    TestCluster c = TestCluster.seed(1);
    c.configure().recordMessages(true);
    Recorder n = c.recorder("n", Msg.class);
    c.recorder("client", Msg.class);
    c.pause(ms(1), "n", ms(10))
        .send(ms(2), "client", "n", new Msg(1))
        .crash(ms(3), "n")
        .restart(ms(4), "n")
        .send(ms(5), "client", "n", new Msg(2));
    RunResult r = c.runFor(ms(20));
    // The restarted node is not paused, and the old pause's resume does not touch it.
    assertThat(n.payloads()).containsExactly(new Msg(2));
    assertThat(n.times()).containsExactly(ms(5));
    assertThat(r.messages()).extracting(MessageRecord::lostCause).containsExactly("crashed", null);
  }

  @Test
  void shouldStartANodePausedBeforeItsStartOnlyWhenItResumes() {
    TestCluster c = TestCluster.seed(1);
    Recorder n =
        c.add(
            "n",
            Recorder.of(Msg.class)
                .timers(Tick.class)
                .onStart(ctx -> ctx.setTimer(ms(1), new Tick(1))));
    c.recorder("client", Msg.class);
    // Scheduled before the run, this pause at time 0 comes before the node's start event.
    c.pause(0, "n", ms(5)).send(ms(2), "client", "n", new Msg(1));
    c.runFor(ms(20));
    assertThat(n.entries())
        .extracting(Entry::timeNanos, Entry::kind, Entry::payload)
        .containsExactly(
            tuple(ms(5), Kind.START, null),
            tuple(ms(5), Kind.MESSAGE, new Msg(1)),
            tuple(ms(6), Kind.TIMER, new Tick(1)));
  }

  @Test
  void shouldDeliverMessagesThatArriveBetweenARestartAndTheStartInOrder() {
    TestCluster c = TestCluster.seed(1);
    Recorder n = c.recorder("n", Msg.class);
    c.recorder("client", Msg.class);
    c.crash(ms(1), "n");
    // At 2 ms: Msg(1)'s delivery is queued, then the restart queues the start, then Msg(2)'s
    // delivery. Msg(1) finds the node restarted but not yet started, so it waits for the start and
    // is handled right after it, still before Msg(2).
    c.send(ms(2), "client", "n", new Msg(1));
    c.restart(ms(2), "n");
    c.send(ms(2), "client", "n", new Msg(2));
    c.runFor(ms(20));
    assertThat(n.entries())
        .extracting(Entry::timeNanos, Entry::incarnation, Entry::kind, Entry::payload)
        .containsExactly(
            tuple(0L, 0, Kind.START, null),
            tuple(ms(2), 1, Kind.START, null),
            tuple(ms(2), 1, Kind.MESSAGE, new Msg(1)),
            tuple(ms(2), 1, Kind.MESSAGE, new Msg(2)));
  }
}
