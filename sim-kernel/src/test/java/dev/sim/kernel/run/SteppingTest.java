package dev.sim.kernel.run;

import static dev.sim.kernel.testing.SimTime.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.testing.Latency;
import dev.sim.kernel.testing.Recorder;
import dev.sim.kernel.testing.TestCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Driving a run event by event: {@link Simulation#step} and {@link Simulation#runUntil}. */
class SteppingTest {
  record Ping(int n) {}

  record Tick(int n) {}

  /**
   * A finite program touching every kind of event: messages over a 1 ms link, timers (one of them
   * cancelled), a crash with a restart, and a pause whose resume drains a parked inbox.
   */
  private static TestCluster program() {
    TestCluster c = TestCluster.seed(5);
    c.configure().transport(Latency.constant(ms(1)));
    c.node(
        "a",
        ctx -> {
          ctx.on(
              Ping.class,
              (m, from) -> {
                if (m.n() < 40) {
                  ctx.send(from, new Ping(m.n() + 1));
                }
              });
          ctx.onTimer(Tick.class, t -> ctx.send(ctx.lookup("b"), new Ping(t.n())));
          ctx.setTimer(ms(3), new Tick(0));
          ctx.cancelTimer(ctx.setTimer(ms(4), new Tick(100)));
        });
    c.node(
        "b",
        ctx ->
            ctx.on(
                Ping.class,
                (m, from) -> {
                  if (m.n() < 40) {
                    ctx.send(from, new Ping(m.n() + 1));
                  }
                }));
    c.at(ms(10), "pause b", () -> c.sim().pause(1, "gc"));
    c.at(ms(16), "resume b", () -> c.sim().resume(1, "gc"));
    c.at(ms(30), "crash a", () -> c.sim().crash(0, "fault"));
    c.at(ms(31), "restart a", () -> c.sim().restart(0, "fault"));
    return c;
  }

  @Test
  void shouldGiveTheSameHashAndEventCountStepByStepAsInOneRun() {
    RunResult whole = program().run(RunLimits.simulated(Long.MAX_VALUE));
    assertThat(whole.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(whole.nodeEvents()).hasSize(4);

    Simulation stepped = program().sim();
    long steps = 0;
    while (stepped.step()) {
      steps++;
    }
    assertThat(stepped.eventCount()).isEqualTo(whole.events());
    assertThat(stepped.traceHash()).isEqualTo(whole.traceHash());
    assertThat(stepped.now()).isEqualTo(whole.simulatedNanos());
    // The resume at 16 ms handled b's parked messages inline: fewer steps than events.
    assertThat(steps).isLessThan(whole.events());
    assertThat(stepped.step()).isFalse();

    RunResult finished = stepped.run(RunLimits.simulated(Long.MAX_VALUE));
    assertThat(finished.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(finished.events()).isEqualTo(whole.events());
    assertThat(finished.traceHash()).isEqualTo(whole.traceHash());
    assertThat(finished.nodeEvents()).isEqualTo(whole.nodeEvents());
  }

  @Test
  void shouldContinueAStepDrivenRunWithRun() {
    RunResult whole = program().run(RunLimits.simulated(ms(25)));
    Simulation sim = program().sim();
    for (int i = 0; i < 20; i++) {
      assertThat(sim.step()).isTrue();
    }
    RunResult rest = sim.run(RunLimits.simulated(ms(25)));
    assertThat(rest.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(rest.events()).isEqualTo(whole.events());
    assertThat(rest.traceHash()).isEqualTo(whole.traceHash());
    assertThat(rest.simulatedNanos()).isEqualTo(ms(25));
  }

  @Test
  void shouldStartTheNodesOnTheFirstStepOneEventAtATime() {
    TestCluster c = TestCluster.seed(1);
    Recorder a = c.add("a", Recorder.of());
    Recorder b = c.add("b", Recorder.of());
    Simulation sim = c.sim();
    assertThat(sim.eventCount()).isZero();
    assertThat(sim.step()).isTrue();
    assertThat(sim.eventCount()).isEqualTo(1);
    assertThat(a.incarnations()).isEqualTo(1);
    assertThat(b.incarnations()).isZero();
    assertThat(sim.step()).isTrue();
    assertThat(b.incarnations()).isEqualTo(1);
    assertThat(sim.step()).isFalse();
    assertThat(sim.eventCount()).isEqualTo(2);
  }

  @Test
  void shouldProcessOnlyEventsBeforeTheTimeAndThenSetTheClockToIt() {
    TestCluster c = TestCluster.seed(1);
    Recorder r =
        c.add(
            "a",
            Recorder.of()
                .timers(Tick.class)
                .onStart(
                    ctx -> {
                      ctx.setTimer(ms(5), new Tick(1));
                      ctx.setTimer(ms(10), new Tick(2));
                    }));
    Simulation sim = c.sim();
    sim.runUntil(ms(10));
    assertThat(r.payloads()).containsExactly(new Tick(1));
    assertThat(sim.now()).isEqualTo(ms(10));
    // The timer due at exactly 10 ms is still queued: the next step fires it.
    assertThat(sim.step()).isTrue();
    assertThat(r.payloads()).containsExactly(new Tick(1), new Tick(2));
    // With nothing left, the clock still moves to the time asked for.
    sim.runUntil(ms(50));
    assertThat(sim.now()).isEqualTo(ms(50));
    assertThatThrownBy(() -> sim.runUntil(ms(49)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("49ms")
        .hasMessageContaining("50ms");
    assertThatThrownBy(() -> sim.run(RunLimits.simulated(ms(20))))
        .isInstanceOf(IllegalArgumentException.class);
    RunResult result = sim.run(RunLimits.simulated(ms(60)));
    assertThat(result.stopReason()).isEqualTo(StopReason.QUIESCENT);
    assertThat(result.simulatedNanos()).isEqualTo(ms(50));
  }

  @Test
  void shouldStopSteppingAtAFailureAndReportItFromRun() {
    TestCluster c = TestCluster.seed(1);
    List<Integer> fired = new ArrayList<>();
    c.node(
        "a",
        ctx -> {
          ctx.onTimer(
              Tick.class,
              t -> {
                fired.add(t.n());
                if (t.n() == 2) {
                  throw new IllegalStateException("boom");
                }
              });
          for (int i = 1; i <= 4; i++) {
            ctx.setTimer(ms(i), new Tick(i));
          }
        });
    Simulation sim = c.sim();
    sim.runUntil(ms(100));
    assertThat(fired).containsExactly(1, 2);
    assertThat(sim.failure()).isNotNull();
    assertThat(sim.failure().message()).contains("boom");
    assertThat(sim.now()).as("the clock stays at the failed event").isEqualTo(ms(2));
    assertThat(sim.step()).isFalse();
    RunResult r = sim.run(RunLimits.simulated(ms(100)));
    assertThat(r.stopReason()).isEqualTo(StopReason.NODE_FAILURE);
    assertThat(r.events()).isEqualTo(3);
    assertThat(fired).containsExactly(1, 2);
  }

  @Test
  void shouldRefuseChangesOnceTheRunHasStartedAndStepsOnceItHasEnded() {
    TestCluster c = TestCluster.seed(1);
    c.node("a", ctx -> {});
    Simulation sim = c.sim();
    assertThatThrownBy(() -> sim.crash(0, "too early"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("before the run starts");
    assertThat(sim.isCrashed(0)).isFalse();
    assertThat(sim.isPaused(0)).isFalse();
    sim.step();
    assertThatThrownBy(() -> sim.addNode("b", "b", () -> ctx -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot add node b")
        .hasMessageContaining("started");
    sim.run(RunLimits.simulated(ms(1)));
    assertThatThrownBy(sim::step).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sim.runUntil(ms(2))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sim.run(RunLimits.simulated(ms(2))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already run");
  }

  @Test
  void shouldFixTheConfigurationWhenTheBuilderBuilds() {
    SimulationBuilder b = Simulation.builder("fixed", 1);
    int a = b.addNode("a", "g", () -> ctx -> {});
    int c = b.addNode("c", "g", () -> ctx -> {});
    assertThat(b.members("g")).containsExactly(a, c);
    assertThat(b.nodeName(c)).isEqualTo("c");
    assertThat(b.nodeGroup(a)).isEqualTo("g");
    assertThat(b.nodeId("c")).isEqualTo(c);
    assertThat(b.nodeCount()).isEqualTo(2);
    assertThat(b.streams().masterSeed()).isEqualTo(1);
    Simulation sim = b.build();
    assertThat(sim.streams()).isSameAs(b.streams());
    assertThat(sim.members("g")).containsExactly(a, c);
    assertThatThrownBy(() -> b.transport(Latency.constant(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.recordMessages(true)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.addNode("d", "g", () -> ctx -> {}))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Simulation.builder("bad", 1).metricsWindows(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
