package dev.sim.kernel.run;

import static dev.sim.kernel.testing.SimTime.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.testing.Latency;
import dev.sim.kernel.testing.Recorder;
import dev.sim.kernel.testing.TestCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderingAndTimersTest {
  record Msg(int n) {}

  record Tick(int n) {}

  @Test
  void shouldBreakTimeTiesFirstInFirstOut() {
    TestCluster c = TestCluster.seed(1);
    // The sink's own timers for 1 ms are set at start, before anything else is scheduled for 1 ms.
    Recorder sink =
        c.add(
            "sink",
            Recorder.of(Msg.class)
                .timers(Tick.class)
                .onStart(
                    ctx -> {
                      for (int i = 1; i <= 3; i++) {
                        ctx.setTimer(ms(1), new Tick(i));
                      }
                    }));
    c.recorder("source", Msg.class);
    for (int i = 1; i <= 5; i++) {
      c.send(ms(1), "source", "sink", new Msg(i));
    }
    c.runFor(ms(10));
    assertThat(sink.payloads())
        .containsExactly(
            new Tick(1),
            new Tick(2),
            new Tick(3),
            new Msg(1),
            new Msg(2),
            new Msg(3),
            new Msg(4),
            new Msg(5));
    assertThat(sink.times()).containsOnly(ms(1));
  }

  @Test
  void shouldDeliverMessagesArrivingAtTheSameTimeInTheOrderTheyWereSent() {
    TestCluster c = TestCluster.seed(1);
    c.configure().transport(Latency.constant(ms(2)));
    Recorder sink = c.recorder("sink", Msg.class);
    c.node(
        "a",
        ctx -> {
          for (int i = 0; i < 4; i++) {
            ctx.send(ctx.lookup("sink"), new Msg(i));
          }
        });
    c.node("b", ctx -> ctx.send(ctx.lookup("sink"), new Msg(100)));
    c.runFor(ms(10));
    assertThat(sink.payloads())
        .containsExactly(new Msg(0), new Msg(1), new Msg(2), new Msg(3), new Msg(100));
    assertThat(sink.times()).containsOnly(ms(2));
  }

  @Test
  void shouldRunControlActionsAtTheSameTimeInSchedulingOrder() {
    TestCluster c = TestCluster.seed(1);
    List<String> seen = new ArrayList<>();
    for (String s : List.of("first", "second", "third")) {
      c.at(ms(3), s, () -> seen.add(s));
    }
    c.at(ms(2), "earlier", () -> seen.add("earlier"));
    RunResult r = c.runFor(ms(10));
    assertThat(seen).containsExactly("earlier", "first", "second", "third");
    assertThat(r.stopReason()).isEqualTo(StopReason.QUIESCENT);
  }

  @Test
  void shouldNeverFireACancelledTimer() {
    TestCluster c = TestCluster.seed(1);
    List<Boolean> cancelled = new ArrayList<>();
    Recorder r =
        c.add(
            "n",
            Recorder.of()
                .timers(Tick.class)
                .onStart(
                    ctx -> {
                      ctx.setTimer(ms(1), new Tick(1));
                      long h = ctx.setTimer(ms(2), new Tick(2));
                      ctx.setTimer(ms(3), new Tick(3));
                      cancelled.add(ctx.cancelTimer(h));
                      cancelled.add(ctx.cancelTimer(h));
                    }));
    RunResult result = c.runFor(ms(10));
    assertThat(r.payloads()).containsExactly(new Tick(1), new Tick(3));
    assertThat(cancelled).containsExactly(true, false);
    // A cancelled timer still leaves its queue entry, processed as a skip: 1 start + 3 entries.
    assertThat(result.events()).isEqualTo(4);
  }

  @Test
  void shouldRefuseToCancelATimerThatAlreadyFired() {
    TestCluster c = TestCluster.seed(1);
    long[] handle = new long[1];
    List<Boolean> results = new ArrayList<>();
    c.add(
        "n",
        Recorder.of()
            .timers(Tick.class)
            .onStart(ctx -> handle[0] = ctx.setTimer(ms(1), new Tick(1))));
    c.at(ms(2), "cancel late", () -> results.add(c.recorder("n").ctx().cancelTimer(handle[0])));
    c.runFor(ms(10));
    assertThat(results).containsExactly(false);
    assertThat(c.recorder("n").payloads()).containsExactly(new Tick(1));
  }

  @Test
  void shouldNotLetAStaleHandleCancelTheTimerThatReusedItsSlot() {
    TestCluster c = TestCluster.seed(1);
    long[] first = new long[1];
    long[] second = new long[1];
    List<Boolean> results = new ArrayList<>();
    Recorder r =
        c.add(
            "n",
            Recorder.of()
                .onStart(
                    ctx -> {
                      ctx.onTimer(
                          Tick.class,
                          t -> {
                            if (t.n() == 1) {
                              // The fired timer's slot is free again, so this timer takes it.
                              second[0] = ctx.setTimer(ms(1), new Tick(2));
                              results.add(ctx.cancelTimer(first[0]));
                            }
                          });
                      first[0] = ctx.setTimer(ms(1), new Tick(1));
                    }));
    c.at(ms(3), "check", () -> results.add(r.ctx().cancelTimer(second[0])));
    c.runFor(ms(10));
    assertThat((int) second[0])
        .as("the second timer reuses the first one's slot")
        .isEqualTo((int) first[0]);
    assertThat(second[0]).isNotEqualTo(first[0]);
    // The stale handle cancels nothing; the second timer then fires at 2 ms, so at 3 ms it is gone.
    assertThat(results).containsExactly(false, false);
  }

  @Test
  void shouldNotLetAStaleHandleCancelAPendingTimerThatReusedItsSlot() {
    TestCluster c = TestCluster.seed(1);
    long[] stale = new long[1];
    long[] reused = new long[1];
    List<Boolean> results = new ArrayList<>();
    List<Tick> fired = new ArrayList<>();
    c.node(
        "n",
        ctx -> {
          ctx.onTimer(
              Tick.class,
              t -> {
                fired.add(t);
                if (t.n() == 2) {
                  // Free slots are reused last-freed first: this one takes Tick(2)'s slot, the next
                  // one
                  // takes the slot of the cancelled Tick(1), skipped just before.
                  ctx.setTimer(ms(1), new Tick(3));
                  reused[0] = ctx.setTimer(ms(2), new Tick(4));
                  results.add(ctx.cancelTimer(stale[0]));
                }
              });
          stale[0] = ctx.setTimer(ms(1), new Tick(1));
          results.add(ctx.cancelTimer(stale[0]));
          ctx.setTimer(ms(1), new Tick(2));
        });
    c.runFor(ms(20));
    assertThat((int) reused[0])
        .as("the new timer reuses the stale handle's slot")
        .isEqualTo((int) stale[0]);
    assertThat(results).containsExactly(true, false);
    assertThat(fired).containsExactly(new Tick(2), new Tick(3), new Tick(4));
  }

  @Test
  void shouldRefuseToCancelUnknownHandlesAndOtherNodesTimers() {
    TestCluster c = TestCluster.seed(1);
    long[] handle = new long[1];
    List<Boolean> results = new ArrayList<>();
    Recorder a =
        c.add(
            "a",
            Recorder.of()
                .timers(Tick.class)
                .onStart(ctx -> handle[0] = ctx.setTimer(ms(5), new Tick(1))));
    Recorder b = c.add("b", Recorder.of());
    c.at(
        ms(1),
        "cancel",
        () -> {
          NodeContext other = b.ctx();
          results.add(other.cancelTimer(handle[0]));
          results.add(other.cancelTimer(-1));
          results.add(other.cancelTimer(Long.MAX_VALUE));
          results.add(other.cancelTimer(0xFFFF_FFFFL));
          results.add(other.cancelTimer(1L << 40 | 1_000_000));
        });
    c.runFor(ms(10));
    assertThat(results).containsOnly(false);
    assertThat(a.payloads()).containsExactly(new Tick(1));
  }

  @Test
  void shouldDeliverTimersOnTheLocalClockAfterTheirDelay() {
    TestCluster c = TestCluster.seed(1);
    Recorder r =
        c.add(
            "n",
            Recorder.of()
                .timers(Tick.class)
                .onStart(
                    ctx -> {
                      ctx.setTimer(ms(7), new Tick(7));
                      ctx.setTimer(0, new Tick(0));
                      ctx.setTimer(ms(3), new Tick(3));
                    }));
    c.runFor(ms(10));
    assertThat(r.payloads()).containsExactly(new Tick(0), new Tick(3), new Tick(7));
    assertThat(r.times()).containsExactly(0L, ms(3), ms(7));
  }
}
