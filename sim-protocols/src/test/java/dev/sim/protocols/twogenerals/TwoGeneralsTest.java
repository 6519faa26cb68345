package dev.sim.protocols.twogenerals;

import static dev.sim.testkit.Harness.counter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Link;
import dev.sim.network.Network;
import dev.sim.testkit.Harness;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TwoGeneralsTest {
  private static final long MS = 1_000_000L;
  private static final double LOSS = 0.3;
  private static final int SEEDS = 2000;

  private static Harness harness(long seed, double loss, int messengers, int acks, int trials) {
    TwoGeneralsParams a =
        new TwoGeneralsParams(
            Role.A, "general-b", "referee", messengers, 1, 10 * MS, 500 * MS, trials, 1000 * MS);
    TwoGeneralsParams b =
        new TwoGeneralsParams(
            Role.B, "general-a", "referee", 1, acks, 0, 500 * MS, trials, 1000 * MS);
    return Harness.seed(seed)
        .add("general-a", 1, new TwoGeneralsType(), a)
        .add("general-b", 1, new TwoGeneralsType(), b)
        .add("referee", 1, new TwoGeneralsRefereeType(), new TwoGeneralsRefereeParams())
        .network(
            sim ->
                Network.builder()
                    .latencyNanos(Distributions.uniform(20 * MS, 100 * MS))
                    .link(
                        Link.between(sim.members("general-a"), sim.members("general-b"))
                            .lossProbability(loss)));
  }

  private static RunResult run(long seed, double loss, int messengers, int acks, int trials) {
    return harness(seed, loss, messengers, acks, trials).run(trials * 1000 * MS);
  }

  /** The share of {@link #SEEDS} one-trial runs in which exactly one general attacked. */
  private static double disagreementOverSeeds(int messengers) {
    int disagreements = 0;
    for (long seed = 1; seed <= SEEDS; seed++) {
      RunResult r = run(seed, LOSS, messengers, 1, 1);
      assertThat(counter(r, "trials")).as("seed=%d", seed).isEqualTo(1);
      // A attacks only on an acknowledgement, which only a messenger that got through can cause.
      assertThat(counter(r, "aAttacks"))
          .as("seed=%d", seed)
          .isLessThanOrEqualTo(counter(r, "bAttacks"));
      disagreements += (int) counter(r, "disagreement");
    }
    return disagreements / (double) SEEDS;
  }

  @Test
  void shouldDisagreeLessOftenWithMoreMessengersButNeverNever() {
    double[] observed = new double[4];
    int[] ks = {1, 2, 4, 8};
    StringBuilder table = new StringBuilder();
    for (int i = 0; i < ks.length; i++) {
      observed[i] = disagreementOverSeeds(ks[i]);
      double model = TwoGeneralsModel.disagreement(LOSS, ks[i], 1);
      table.append(
          String.format(Locale.ROOT, "k=%d observed=%.4f model=%.4f%n", ks[i], observed[i], model));
      // Four standard errors of a binomial share, plus a little for k = 8's tiny counts.
      double tolerance = 4 * Math.sqrt(model * (1 - model) / SEEDS) + 0.002;
      assertThat(observed[i]).as(table.toString()).isCloseTo(model, within(tolerance));
    }
    assertThat(observed[0]).as(table.toString()).isGreaterThan(observed[1]);
    assertThat(observed[1]).as(table.toString()).isGreaterThan(observed[2]);
    assertThat(observed[2]).as(table.toString()).isGreaterThan(observed[3]);
    assertThat(observed[2]).as(table.toString()).isGreaterThan(0);
  }

  @Test
  void shouldMatchTheModelOverManyTrialsOfOneRun() {
    RunResult r = run(9, LOSS, 2, 1, 4000);
    assertThat(counter(r, "trials")).isEqualTo(4000);
    double share = counter(r, "disagreement") / 4000.0;
    assertThat(share).isCloseTo(TwoGeneralsModel.disagreement(LOSS, 2, 1), within(0.03));
    assertThat(counter(r, "messengersSent")).isEqualTo(8000);
    assertThat(counter(r, "lateMessengers")).isZero();
  }

  @Test
  void shouldAlwaysCoordinateWhenNoMessengerIsEverLost() {
    RunResult r = run(3, 0.0, 1, 1, 50);
    assertThat(counter(r, "coordinated")).isEqualTo(50);
    assertThat(counter(r, "disagreement")).isZero();
  }

  @Test
  void shouldGiveTheModelsKnownValues() {
    assertThat(TwoGeneralsModel.disagreement(0.3, 1, 1)).isCloseTo(0.21, within(1e-12));
    assertThat(TwoGeneralsModel.disagreement(0.3, 2, 1)).isCloseTo(0.1701, within(1e-12));
    assertThat(TwoGeneralsModel.disagreement(0.3, 4, 1))
        .isCloseTo(0.51 * 0.51 * 0.51 * 0.51 - 0.0081, within(1e-12));
    assertThat(TwoGeneralsModel.disagreement(0.0, 3, 1)).isZero();
  }

  @Test
  void shouldLabelMessengersShortlyForTheSpaceTimeDiagram() {
    RunResult r = harness(4, 0.0, 2, 1, 1).recordMessages().run(1000 * MS);
    assertThat(r.messages())
        .extracting(MessageRecord::summary)
        .contains(
            "messenger 1/2 attack@500ms",
            "messenger 2/2 attack@500ms",
            "ack 1",
            "ack 2",
            "A attacks",
            "B attacks");
  }

  @Test
  void shouldWriteAttackTimesCompactly() {
    assertThat(Messenger.toMillisText(500 * MS)).isEqualTo("500ms");
    assertThat(Messenger.toMillisText(1500 * MS + 123)).isEqualTo("1.5s");
    assertThat(Messenger.toMillisText(2000 * MS)).isEqualTo("2s");
    assertThat(Messenger.toMillisText(-3 * MS)).isEqualTo("-3ms");
  }

  @Test
  void shouldRejectAnIntervalThatOutlastsTheAttack() {
    TwoGeneralsParams p =
        new TwoGeneralsParams(Role.A, "general-b", null, 5, 1, 200 * MS, 500 * MS, 1, 1000 * MS);
    assertThat(new TwoGeneralsType().check(p))
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.keyPath()).isEqualTo("interval");
              assertThat(problem.message())
                  .startsWith("the last messenger would leave after the attack time");
            });
  }
}
