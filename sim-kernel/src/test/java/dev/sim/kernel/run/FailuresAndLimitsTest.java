package dev.sim.kernel.run;

import static dev.sim.kernel.testing.SimTime.ms;
import static dev.sim.kernel.testing.SimTime.s;
import static dev.sim.kernel.testing.SimTime.us;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.testing.Recorder;
import dev.sim.kernel.testing.TestCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailuresAndLimitsTest {
  record Work(int n) {}

  record Unknown() {}

  record Tick() {}

  @Test
  void shouldStopTheRunWhenAHandlerThrowsAndNameTheNodeTimeAndEvent() {
    TestCluster c = TestCluster.seed(1);
    c.node(
        "client",
        ctx -> {
          // Metrics recorded before the failure must survive in the result.
          long first = ctx.metrics().offer();
          ctx.metrics().attempt();
          ctx.metrics().finish(first, Outcome.OK, 1.0);
          ctx.metrics().offer();
          ctx.metrics().count("sent", 2);
          ctx.send(ctx.lookup("server"), new Work(1));
          ctx.setTimer(ms(1), new Tick());
          ctx.onTimer(Tick.class, t -> ctx.send(ctx.lookup("server"), new Work(2)));
        });
    Recorder after = c.recorder("after", Work.class);
    c.node(
        "server",
        ctx ->
            ctx.on(
                Work.class,
                (m, from) -> {
                  if (m.n() == 2) {
                    throw new IllegalStateException("cannot do work " + m.n());
                  }
                }));
    c.send(ms(5), "after", "after", new Work(9));
    RunResult r = c.runFor(s(1));

    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    Failure f = r.failure();
    assertThat(f.nodeName()).isEqualTo("server");
    assertThat(f.node()).isEqualTo(c.id("server"));
    assertThat(f.timeNanos()).isEqualTo(ms(1));
    assertThat(f.event()).isEqualTo("message Work from client");
    assertThat(f.message()).isEqualTo("java.lang.IllegalStateException: cannot do work 2");
    assertThat(f.stackTrace()).contains("cannot do work 2", "FailuresAndLimitsTest");
    assertThat(r.stopDetail())
        .contains("server", "at simulated 1ms", "message Work from client", "cannot do work 2");
    assertThat(r.simulatedNanos()).isEqualTo(ms(1));
    // 3 starts, Work(1), the tick, Work(2): nothing after the failing event runs.
    assertThat(r.events()).isEqualTo(6);
    assertThat(after.payloads()).isEmpty();
    assertThat(r.requests().orElseThrow().totals().offered()).isEqualTo(2);
    assertThat(r.requests().orElseThrow().totals().ok()).isEqualTo(1);
    assertThat(r.requests().orElseThrow().totals().attempts()).isEqualTo(1);
    assertThat(r.counters()).containsEntry("sent", 2L);
    assertThat(r.traceHash()).hasSize(16);
  }

  @Test
  void shouldFailTheNodeThatRecordsAMetricItsGroupDidNotDeclare() {
    SimulationBuilder b =
        Simulation.builder("undeclared", 1)
            .declareMetrics(
                "gossip",
                "node type 'gossip'",
                List.of(MetricSpec.counter("infected", "Newly informed nodes", "nodes")));
    b.addNode(
        "gossip",
        "gossip",
        () ->
            ctx -> {
              ctx.metrics().count("infected", 1);
              ctx.setTimer(ms(3), new Tick());
              ctx.onTimer(Tick.class, t -> ctx.metrics().count("infectd", 1));
            });
    RunResult r = b.build().run(RunLimits.simulated(s(1)));

    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().nodeName()).isEqualTo("gossip");
    assertThat(r.failure().timeNanos()).isEqualTo(ms(3));
    assertThat(r.failure().message())
        .contains("counter 'infectd'", "node type 'gossip' does not declare", "counters infected");
    assertThat(r.counters()).containsEntry("infected", 1L).doesNotContainKey("infectd");
    assertThat(r.metricSpecs()).extracting(MetricSpec::name).containsExactly("infected");
    assertThat(r.requests()).isEmpty();
  }

  @Test
  void shouldFailHelpfullyOnAMessageTypeWithNoHandler() {
    TestCluster c = TestCluster.seed(1);
    c.node("a", ctx -> ctx.send(ctx.lookup("b"), new Unknown()));
    c.recorder("b", Work.class);
    RunResult r = c.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().nodeName()).isEqualTo("b");
    assertThat(r.failure().event()).isEqualTo("message Unknown from a");
    assertThat(r.failure().message())
        .contains(
            "no handler registered for message type",
            Unknown.class.getName(),
            "ctx.on(Unknown.class, ...)");
  }

  @Test
  void shouldFailHelpfullyOnATimerTypeWithNoHandler() {
    TestCluster c = TestCluster.seed(1);
    c.node("a", ctx -> ctx.setTimer(ms(2), new Tick()));
    RunResult r = c.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().event()).isEqualTo("timer Tick");
    assertThat(r.failure().timeNanos()).isEqualTo(ms(2));
    assertThat(r.failure().message()).contains("ctx.onTimer(Tick.class, ...)");
  }

  @Test
  void shouldFailWhenStartThrows() {
    TestCluster c = TestCluster.seed(1);
    c.node(
        "a",
        ctx -> {
          throw new IllegalArgumentException("bad config");
        });
    RunResult r = c.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().event()).isEqualTo("start");
    assertThat(r.failure().message()).contains("bad config");
  }

  @Test
  void shouldFailCleanlyWhenANodeFactoryThrows() {
    TestCluster c = TestCluster.seed(1);
    c.node(
        "a",
        () -> {
          throw new IllegalStateException("cannot build");
        });
    RunResult r = c.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().nodeName()).isEqualTo("a");
    assertThat(r.failure().event()).contains("create");
    assertThat(r.failure().message()).contains("cannot build");
  }

  @Test
  void shouldFailWhenAHandlerUsesANegativeDelayOrAnUnknownNode() {
    TestCluster c = TestCluster.seed(1);
    c.node("a", ctx -> ctx.send(99, new Work(1)));
    RunResult r = c.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.failure().message()).contains("no node with id 99");

    TestCluster d = TestCluster.seed(1);
    d.node("a", ctx -> ctx.setTimer(-1, new Tick()));
    assertThat(d.runFor(s(1)).failure().message()).contains("negative timer delay");
  }

  @Test
  void shouldStopAtTheEventLimitAndSayHowToRaiseIt() {
    TestCluster c = TestCluster.seed(1);
    c.node(
        "busy",
        ctx -> {
          ctx.onTimer(Tick.class, t -> ctx.setTimer(1, t));
          ctx.setTimer(1, new Tick());
        });
    RunResult r = c.run(new RunLimits(s(1), 1000, Long.MAX_VALUE));
    assertThat(r.stopReason()).isEqualTo(StopReason.EVENT_LIMIT);
    assertThat(r.events()).isEqualTo(1000);
    assertThat(r.simulatedNanos()).isEqualTo(999);
    assertThat(r.stopDetail()).contains("1000 events", "--max-events");
  }

  @Test
  void shouldStopAtTheWallLimitUsingTheInjectedClock() {
    TestCluster c = TestCluster.seed(1);
    // A fake wall clock that advances 1 µs per handled timer.
    long[] ticks = new long[1];
    c.configure().wallClock(() -> us(ticks[0]));
    c.node(
        "busy",
        ctx -> {
          ctx.onTimer(
              Tick.class,
              t -> {
                ticks[0]++;
                ctx.setTimer(1, t);
              });
          ctx.setTimer(1, new Tick());
        });
    RunResult r = c.run(new RunLimits(s(1), Long.MAX_VALUE, ms(100)));
    assertThat(r.stopReason()).isEqualTo(StopReason.WALL_LIMIT);
    // The wall clock is read only every 65,536 events, so the stop comes a little after 100 ms.
    assertThat(r.events()).isBetween(100_000L, 100_000L + 65_536);
    assertThat(r.stopDetail()).contains("100ms of wall time", "--max-wall");
  }

  @Test
  void shouldStopQuiescentWhenNoEventsRemain() {
    TestCluster q = TestCluster.seed(1);
    q.node(
        "a",
        ctx -> {
          ctx.onTimer(Tick.class, t -> {});
          ctx.setTimer(ms(3), new Tick());
        });
    RunResult quiet = q.runFor(s(10));
    assertThat(quiet.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(quiet.stopDetail()).contains("no events left");
    assertThat(quiet.simulatedNanos()).isEqualTo(ms(3));
    assertThat(quiet.events()).isEqualTo(2);
  }

  @Test
  void shouldStopQuiescentOnlyWhenTheQueueRunsEmpty() {
    // The event limit reached on the very event that empties the queue: nothing was left, so
    // QUIESCENT, not EVENT_LIMIT.
    TestCluster exact = TestCluster.seed(1);
    exact.node(
        "a",
        ctx -> {
          ctx.onTimer(Tick.class, t -> {});
          ctx.setTimer(ms(3), new Tick());
        });
    RunResult atLimit = exact.run(new RunLimits(s(10), 2, Long.MAX_VALUE));
    assertThat(atLimit.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(atLimit.events()).isEqualTo(2);

    // One more timer queued: the same limit now stops with an event left.
    TestCluster more = TestCluster.seed(1);
    more.node(
        "a",
        ctx -> {
          ctx.onTimer(Tick.class, t -> {});
          ctx.setTimer(ms(3), new Tick());
          ctx.setTimer(ms(4), new Tick());
        });
    assertThat(more.run(new RunLimits(s(10), 2, Long.MAX_VALUE)).stopReason())
        .isEqualTo(StopReason.EVENT_LIMIT);

    // Events left only at or after the limit: TIME_LIMIT, the clock at the limit.
    TestCluster later = TestCluster.seed(1);
    later.node(
        "a",
        ctx -> {
          ctx.onTimer(Tick.class, t -> {});
          ctx.setTimer(s(10), new Tick());
        });
    RunResult timed = later.runFor(s(10));
    assertThat(timed.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(timed.simulatedNanos()).isEqualTo(s(10));
  }

  @Test
  void shouldStopQuiescentWhenOnlyACancelledTimerOrAPausedNodesInboxIsLeft() {
    // A cancelled timer stays queued until its time and is skipped there (counted, hashed).
    TestCluster cancelled = TestCluster.seed(1);
    cancelled.node(
        "a",
        ctx -> {
          ctx.onTimer(Tick.class, t -> {});
          ctx.cancelTimer(ctx.setTimer(ms(7), new Tick()));
        });
    RunResult r = cancelled.runFor(s(1));
    assertThat(r.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(r.events()).isEqualTo(2);
    assertThat(r.simulatedNanos()).isEqualTo(ms(7));

    // A node paused for good holds its messages for ever: nothing more can happen.
    TestCluster paused = TestCluster.seed(1);
    Recorder b = paused.recorder("b", Work.class);
    paused.add("a", Recorder.of());
    paused.at(ms(1), "pause b", () -> paused.sim().pause(paused.id("b"), "for good"));
    paused.send(ms(2), "a", "b", new Work(1));
    RunResult held = paused.runFor(s(1));
    assertThat(held.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(held.simulatedNanos()).isEqualTo(ms(2));
    assertThat(b.payloads()).isEmpty();
  }

  @Test
  void shouldStopAtTheTimeLimitWithoutProcessingEventsAtTheLimit() {
    TestCluster c = TestCluster.seed(1);
    Recorder r =
        c.add(
            "a",
            Recorder.of()
                .timers(Tick.class)
                .onStart(
                    ctx -> {
                      ctx.setTimer(ms(9), new Tick());
                      ctx.setTimer(ms(10), new Tick());
                    }));
    RunResult result = c.runFor(ms(10));
    assertThat(result.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(result.simulatedNanos()).isEqualTo(ms(10));
    assertThat(r.times()).containsExactly(ms(9));
  }

  @Test
  void shouldRefuseToRunTwiceOrChangeAfterRunning() {
    TestCluster c = TestCluster.seed(1);
    c.node("a", ctx -> {});
    c.runFor(ms(1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.runFor(ms(1)))
        .isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.node("b", ctx -> {}))
        .isInstanceOf(IllegalStateException.class);
  }
}
