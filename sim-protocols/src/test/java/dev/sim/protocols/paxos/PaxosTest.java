package dev.sim.protocols.paxos;

import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.Problem;
import dev.sim.kernel.node.InvariantViolation;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.network.Network;
import dev.sim.testkit.Harness;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaxosTest {
  private static final long MS = 1_000_000L;

  private static ProposerParams proposer(String value, long startNanos, ProposerParams.Backoff b) {
    return new ProposerParams(List.of("acceptor"), value, startNanos, 100 * MS, b);
  }

  private static ProposerParams.Backoff random(long maxNanos) {
    return new ProposerParams.Backoff(BackoffPolicy.RANDOM, 0, maxNanos, null, 500 * MS, null);
  }

  private static ProposerParams.Backoff leader(long leaseNanos) {
    return new ProposerParams.Backoff(
        BackoffPolicy.LEADER, 0, 0, "alice", leaseNanos, List.of("alice", "bob"));
  }

  /** Three acceptors writing for {@code persistNanos}, two learners, latency 9–11ms. */
  private static Harness cluster(long seed, long persistNanos) {
    return Harness.seed(seed)
        .add(
            "acceptor",
            3,
            new PaxosAcceptorType(),
            new AcceptorParams(List.of("learner"), persistNanos, true))
        .add("learner", 2, new PaxosLearnerType(), new LearnerParams(List.of("acceptor")))
        .network(Network.builder().latencyNanos(Distributions.uniform(9 * MS, 11 * MS)));
  }

  private static long total(RunResult r, String group, String counter) {
    return java.util.Arrays.stream(Harness.counterWindows(r, group, counter)).sum();
  }

  @Test
  void shouldChooseALoneProposersValueInOneBallotAndLetEveryLearnerLearnIt() {
    RunResult r =
        cluster(1, 0)
            .add("alice", 1, new PaxosProposerType(), proposer("red", 0, null))
            .run(1000 * MS);
    assertThat(r.stopReason()).isEqualTo(StopReason.QUIESCENT); // nothing left to do
    assertThat(counter(r, "ballots")).isEqualTo(1);
    assertThat(counter(r, "promises")).isEqualTo(3);
    assertThat(counter(r, "nacks")).isZero();
    assertThat(counter(r, "chosen")).isEqualTo(1);
    // Prepare, promise and accept to and from three acceptors; then the first accepted messages.
    assertThat(counter(r, "messagesToChoose")).isBetween(9L, 15L);
    // Three one-way trips of 9–11ms: prepare, promise, accept.
    assertThat(counter(r, "chosenAtMs")).isBetween(27L, 33L);
    assertThat(max(gauge(r, "learner-1", "learned").max())).isEqualTo(1);
    assertThat(max(gauge(r, "learner-2", "learned").max())).isEqualTo(1);
  }

  @Test
  void shouldDuelForEverWithoutBackOffWhenPreemptionIsToldAtOnceAndPromisesTakeADiskWrite() {
    RunResult r =
        cluster(42, 5 * MS)
            .add("alice", 1, new PaxosProposerType(), proposer("red", 0, null))
            .add("bob", 1, new PaxosProposerType(), proposer("blue", 0, null))
            .run(2000 * MS);
    assertThat(counter(r, "chosen")).isZero();
    assertThat(counter(r, "ballots")).isGreaterThan(80);
    // Every ballot ends in a nack, and each proposer jumps above the round the nack reported.
    assertThat(counter(r, "nacks")).isGreaterThanOrEqualTo(counter(r, "ballots") - 2);
    double alice = max(gauge(r, "alice", "round").max());
    double bob = max(gauge(r, "bob", "round").max());
    assertThat(alice + bob).isGreaterThanOrEqualTo(counter(r, "ballots") - 1);
  }

  @Test
  void shouldEndTheDuelWithRandomizedBackOff() {
    for (long seed = 1; seed <= 20; seed++) {
      RunResult r =
          cluster(seed, 5 * MS)
              .add("alice", 1, new PaxosProposerType(), proposer("red", 0, random(40 * MS)))
              .add("bob", 1, new PaxosProposerType(), proposer("blue", 0, random(40 * MS)))
              .run(2000 * MS);
      assertThat(counter(r, "chosen")).as("seed=%d", seed).isEqualTo(1);
      assertThat(counter(r, "chosenAtMs")).as("seed=%d", seed).isLessThan(300);
    }
  }

  @Test
  void shouldLetOnlyTheLeaderProposeWhileItsHeartbeatsArrive() {
    RunResult r =
        cluster(3, 5 * MS)
            .add("alice", 1, new PaxosProposerType(), proposer("red", 0, leader(200 * MS)))
            .add("bob", 1, new PaxosProposerType(), proposer("blue", 0, leader(200 * MS)))
            .run(1000 * MS);
    assertThat(counter(r, "chosen")).isEqualTo(1);
    assertThat(total(r, "bob", "ballots")).isZero();
    assertThat(counter(r, "ballots")).isEqualTo(1);
  }

  @Test
  void shouldLetAFollowerTakeOverALeaseAfterTheLeaderDies() {
    RunResult r =
        cluster(3, 5 * MS)
            .add("alice", 1, new PaxosProposerType(), proposer("red", 0, leader(200 * MS)))
            .add("bob", 1, new PaxosProposerType(), proposer("blue", 0, leader(200 * MS)))
            .crash(1 * MS, "alice")
            .run(1000 * MS);
    assertThat(counter(r, "chosen")).isEqualTo(1);
    assertThat(total(r, "bob", "ballots")).isPositive();
    assertThat(counter(r, "chosenAtMs")).isGreaterThanOrEqualTo(200);
  }

  @Test
  void shouldKeepAChosenValueThroughAcceptorCrashesAndRestarts() {
    // alice's red is chosen by 35ms; every acceptor crashes and restarts; bob proposes blue
    // later and must learn from the promises (durable accepted values) that red was chosen.
    Harness h =
        cluster(5, 0)
            .add("alice", 1, new PaxosProposerType(), proposer("red", 0, null))
            .add("bob", 1, new PaxosProposerType(), proposer("blue", 300 * MS, null));
    for (int i = 1; i <= 3; i++) {
      h.crash(100 * MS, "acceptor-" + i).restart(150 * MS, "acceptor-" + i);
    }
    RunResult r = h.runAllowingFailure(1000 * MS);
    assertThat(r.failure()).isNull();
    assertThat(counter(r, "chosen")).isEqualTo(1);
    assertThat(total(r, "bob", "ballots")).isPositive();
  }

  @Test
  void shouldNeverReuseABallotAfterAProposerRestarts() {
    Harness h =
        cluster(9, 5 * MS)
            .windows(10 * MS, 0)
            .add("alice", 1, new PaxosProposerType(), proposer("red", 0, null))
            .add("bob", 1, new PaxosProposerType(), proposer("blue", 0, null))
            .crash(500 * MS, "alice")
            .restart(520 * MS, "alice");
    RunResult r = h.runAllowingFailure(1000 * MS);
    assertThat(r.failure()).isNull();
    double[] rounds = gauge(r, "alice", "round").max();
    // The run went on after the restart (bob's ballot is chosen while alice is down, and alice's
    // next ballot, above her durable round, adopts it).
    assertThat(rounds.length).isGreaterThan(53);
    assertThat(rounds[rounds.length - 1]).isGreaterThan(rounds[49]);
    // The gauge restarts from the durable round, never from 0. While alice is down (windows 50
    // and 51, from the crash at 500ms) her gauges read 0, as every crashed node's do: those
    // windows are skipped, and the first after the restart is compared with the last before.
    double last = Double.NaN;
    for (int w = 0; w < rounds.length; w++) {
      boolean down = w >= 50 && w < 52;
      if (down || Double.isNaN(rounds[w])) {
        continue;
      }
      if (!Double.isNaN(last)) {
        assertThat(rounds[w]).as("window %d", w).isGreaterThanOrEqualTo(last);
      }
      last = rounds[w];
    }
    assertThat(rounds[50]).as("alice's round while she is down").isZero();
  }

  @Test
  void shouldStopTheRunNamingTheInvariantWhenTwoValuesAreChosen() {
    PaxosObserver o = new PaxosObserver();
    for (int a = 0; a < 3; a++) {
      o.acceptor(a);
    }
    assertThat(o.accepted(0, "acceptor-1", new Ballot(1, 7), "red")).isFalse();
    assertThat(o.accepted(1, "acceptor-2", new Ballot(1, 7), "red")).isTrue();
    assertThat(o.accepted(2, "acceptor-3", new Ballot(1, 7), "red")).isFalse();
    assertThat(o.accepted(0, "acceptor-1", new Ballot(2, 8), "red")).isFalse();
    assertThat(o.accepted(1, "acceptor-2", new Ballot(2, 8), "red")).isFalse(); // same value
    o.accepted(0, "acceptor-1", new Ballot(3, 8), "blue");
    assertThatThrownBy(() -> o.accepted(2, "acceptor-3", new Ballot(3, 8), "blue"))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage(
            "invariant 'at most one value chosen' broken: 'blue' is chosen in ballot 3.8"
                + " (accepted by 2 of 3 acceptors, acceptor-3 last), but 'red' was chosen in"
                + " ballot 1.7");
    assertThatThrownBy(() -> o.accepted(1, "acceptor-2", new Ballot(3, 8), "green"))
        .isInstanceOf(InvariantViolation.class)
        .hasMessageContaining("one ballot, two values");
  }

  @Test
  void shouldStopTheRunWhenTwoLearnersLearnDifferentValues() {
    PaxosObserver o = new PaxosObserver();
    o.learned("learner-1", "red", new Ballot(1, 0));
    o.learned("learner-2", "red", new Ballot(2, 1));
    assertThatThrownBy(() -> o.learned("learner-3", "blue", new Ballot(3, 1)))
        .isInstanceOf(InvariantViolation.class)
        .hasMessage(
            "invariant 'at most one value chosen' broken: learner-3 learned 'blue' (ballot 3.1),"
                + " but learner-1 learned 'red'");
  }

  @Test
  void shouldOrderBallotsByRoundThenProposer() {
    assertThat(new Ballot(2, 0).above(new Ballot(1, 9))).isTrue();
    assertThat(new Ballot(2, 1).above(new Ballot(2, 0))).isTrue();
    assertThat(new Ballot(1, 0).above(Ballot.ZERO)).isTrue();
    assertThat(new Ballot(3, 1)).hasToString("3.1");
  }

  @Test
  void shouldRefuseProposersWithoutAcceptorsOrWithAnIncompleteBackOff() {
    PaxosProposerType type = new PaxosProposerType();
    assertThat(type.check(new ProposerParams(List.of(), null, 0, MS, null)))
        .extracting(Problem::keyPath)
        .containsExactly("acceptors");
    assertThat(type.check(proposer("x", 0, random(0))))
        .extracting(Problem::message)
        .containsExactly(
            "a random back-off needs max above 0s (e.g. max: 50ms, a few round trips)");
    assertThat(
            type.check(
                proposer(
                    "x",
                    0,
                    new ProposerParams.Backoff(
                        BackoffPolicy.RANDOM, 50 * MS, 10 * MS, null, 0, null))))
        .extracting(Problem::message)
        .containsExactly("must be at least min");
    assertThat(
            type.check(
                proposer(
                    "x",
                    0,
                    new ProposerParams.Backoff(BackoffPolicy.LEADER, 0, 0, null, MS, null))))
        .hasSize(2);
    assertThat(new PaxosLearnerType().check(new LearnerParams(List.of())))
        .extracting(Problem::keyPath)
        .containsExactly("acceptors");
  }
}
