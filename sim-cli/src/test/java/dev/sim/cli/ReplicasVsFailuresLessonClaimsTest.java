package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The replicas-vs-failures lessons' claims, over 20 seeds (20 simulated years) for 1, 2 and 3
 * replicas, each failing independently with mtbf 30d and mttr 8h. The arithmetic: one replica is
 * down u = mttr / (mtbf + mttr) = 8/728 of the time, n replicas all at once about u^n. The test
 * pools the 20 years' failed probes: with one replica within 25% of u (a year of a dozen failures
 * varies by about 40%, so 20 years' mean by about 9%); with two within a factor of three of u² (a
 * handful of overlaps in 20 years); with three below 1e-5 (u³ is 1.3e-6). Per seed: one replica is
 * below 99.5% with an outage on at least 5 days; three have an outage on at most one day. Failure
 * messages name the seeds and figures, so {@code sim run FILE --seed N} reproduces them.
 */
class ReplicasVsFailuresLessonClaimsTest {
  static final double U = 8.0 / (30 * 24 + 8);

  /** One seed's year: probes, failed probes, downtime, days with an outage, crashes. */
  record Year(
      long seed, long probes, long failed, long downtimeMinutes, long outageDays, long crashes) {
    double unavailability() {
      return (double) failed / probes;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: availability %.6f, %d of %d probes failed, %d min down, %d days with an"
              + " outage, %d crashes",
          seed,
          1 - unavailability(),
          failed,
          probes,
          downtimeMinutes,
          outageDays,
          crashes);
    }
  }

  static List<Year> years(String scenario, List<String> overrides) throws Exception {
    return perSeed(scenario, overrides, (s, r) -> year(s, r));
  }

  static Year year(long seed, RunResult r) {
    var t = r.requests().orElseThrow().totals();
    long crashes = r.nodeEvents().stream().filter(e -> e.kind().equals("crash")).count();
    return new Year(
        seed,
        t.offered(),
        t.offered() - t.ok(),
        r.counters().getOrDefault("downtimeMinutes", 0L),
        r.counters().getOrDefault("outageDays", 0L),
        crashes);
  }

  /** The 20 years' failed probes over their probes. */
  static double pooled(List<Year> ys) {
    long failed = ys.stream().mapToLong(Year::failed).sum();
    long probes = ys.stream().mapToLong(Year::probes).sum();
    return (double) failed / probes;
  }

  @Test
  void oneReplicaIsDownMttrOverMtbfPlusMttrOfTheTime() throws Exception {
    List<Year> ys = years("replicas-vs-failures", List.of());
    double u = pooled(ys);
    assertThat(u)
        .as("pooled unavailability of one replica vs u = %.5f; %s", U, ys)
        .isBetween(0.75 * U, 1.25 * U);
    assertThat(ys)
        .as("every year below 99.5%% with an outage on at least 5 days")
        .allMatch(y -> y.unavailability() > 0.005 && y.outageDays() >= 5);
    // Downtime counts one 5-minute interval per failed probe.
    assertThat(ys).allMatch(y -> y.downtimeMinutes() == 5 * y.failed(), "downtime = 5m × failed");
    // About 12 failures a year (365d / 30.3d).
    double crashes = ys.stream().mapToLong(Year::crashes).average().orElseThrow();
    assertThat(crashes).as("mean crashes a year; %s", ys).isBetween(10.0, 14.0);
  }

  @Test
  void twoReplicasAreDownAboutUSquaredOfTheTime() throws Exception {
    List<Year> ys = years("replicas-vs-failures", List.of("nodes.replicas.count=2"));
    double u = pooled(ys);
    assertThat(u)
        .as("pooled unavailability of two replicas vs u² = %.3g; %s", U * U, ys)
        .isBetween(U * U / 3, U * U * 3);
  }

  @Test
  void threeReplicasGiveFiveNinesAndNoOutageDays() throws Exception {
    List<Year> ys = years("replicas-vs-failures-fixed", List.of());
    assertThat(pooled(ys)).as("pooled unavailability of three replicas; %s", ys).isLessThan(1e-5);
    assertThat(ys).as("at most one day with an outage a year").allMatch(y -> y.outageDays() <= 1);
    // Three times the failures of one replica: it is not that they fail less.
    double crashes = ys.stream().mapToLong(Year::crashes).average().orElseThrow();
    assertThat(crashes).as("mean crashes a year; %s", ys).isBetween(30.0, 42.0);
  }
}
