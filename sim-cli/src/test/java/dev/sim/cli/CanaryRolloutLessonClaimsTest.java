package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.where;
import static dev.sim.cli.LessonRuns.window;
import static dev.sim.cli.LessonRuns.yieldOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The canary-rollout lessons' claims, checked over 20 seeds. A bad v2 (30% errors) is deployed to
 * 20 api servers at 30s. Deployed at once (big-bang, no rollback), every user's yield from then on
 * is 1 − the error rate, 0.70 within ±0.03, and stays there. Deployed in steps from 1% (one
 * instance of 20, a twentieth of the requests) with a rollback above 5% errors over 10s, the
 * rollback comes within the window after the first step, later steps never happen, and the failed
 * requests are bounded by the canary's share: at most 1/20 × 30% of what was offered while the
 * canary ran, with 50% slack for the randomness of a few dozen requests. Every failure message
 * names the seeds and their figures, so {@code sim run FILE --seed N} reproduces it.
 */
class CanaryRolloutLessonClaimsTest {
  static final double ERRORS = 0.3;
  static final double CANARY_SHARE = 1.0 / 20;
  static final double DEPLOY_S = 30;

  /**
   * What one seed shows: yield before the deploy (10s–30s) and after it (31s–98s), the rollback's
   * time (NaN without one), the requests failed and offered while the canary ran, and the most
   * instances on the new version after the rollback.
   */
  record Figures(
      long seed,
      double yieldBefore,
      double yieldAfter,
      double rollbackS,
      long failedCanary,
      long offeredCanary,
      long failedTotal,
      double newAfterRollbackMax) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: yield %.4f before the deploy, %.4f after; rollback at %.1fs; %d failed of %d"
              + " offered while the canary ran (%d failed in all); at most %.2f instances on v2"
              + " after the rollback",
          seed,
          yieldBefore,
          yieldAfter,
          rollbackS,
          failedCanary,
          offeredCanary,
          failedTotal,
          newAfterRollbackMax);
    }
  }

  static List<Figures> runs(String scenario) throws Exception {
    return perSeed(scenario, List.of(), (s, r) -> figures(r));
  }

  static double yieldOf(RunResult r, double fromS, double toS) {
    long[] okOffered = counts(r, fromS, toS);
    return (double) okOffered[0] / okOffered[1];
  }

  /** Requests answered OK, and offered, in the windows from fromS to toS. */
  static long[] counts(RunResult r, double fromS, double toS) {
    List<WindowStats> w = r.requests().orElseThrow().windows();
    long ok = 0;
    long offered = 0;
    for (int i = window(r, fromS); i < window(r, toS); i++) {
      ok += w.get(i).ok();
      offered += w.get(i).offered();
    }
    return new long[] {ok, offered};
  }

  static double rollbackS(RunResult r) {
    return r.annotations().stream()
        .filter(a -> a.kind().equals("rollout") && a.label().startsWith("rollback"))
        .mapToDouble(a -> a.startNanos() / 1e9)
        .findFirst()
        .orElse(Double.NaN);
  }

  /** The most instances on the new version in any window from fromS on, summed over api. */
  static double newMax(RunResult r, double fromS) {
    double[] sum = new double[(int) r.windowCount()];
    for (GaugeSeriesData g : r.gauges()) {
      if (g.name().equals("versionNew")) {
        double[] mean = g.mean();
        for (int i = 0; i < mean.length && i < sum.length; i++) {
          if (!Double.isNaN(mean[i])) {
            sum[i] += mean[i];
          }
        }
      }
    }
    double max = 0;
    for (int i = window(r, fromS); i < sum.length; i++) {
      max = Math.max(max, sum[i]);
    }
    return max;
  }

  static Figures figures(RunResult r) {
    double rb = rollbackS(r);
    // The canary's requests: offered from the deploy to the window after the rollback.
    double canaryEnd = Double.isNaN(rb) ? 98 : StrictMath.ceil(rb) + 1;
    long[] canary = counts(r, DEPLOY_S, canaryEnd);
    long[] all = counts(r, 10, 98);
    return new Figures(
        r.seed(),
        yieldOf(r, 10, DEPLOY_S),
        yieldOf(r, DEPLOY_S + 1, 98),
        rb,
        canary[1] - canary[0],
        canary[1],
        all[1] - all[0],
        Double.isNaN(rb) ? Double.NaN : newMax(r, canaryEnd));
  }

  @Test
  void aBigBangDeployOfABadVersionShouldCutEveryonesYieldTo1MinusItsErrorRate() throws Exception {
    List<Figures> runs = runs("canary-rollout");
    assertThat(where(runs, f -> !(f.yieldBefore() >= 0.999)))
        .as("seeds where yield before the deploy was below 0.999")
        .isEmpty();
    assertThat(where(runs, f -> !(Math.abs(f.yieldAfter() - (1 - ERRORS)) <= 0.03)))
        .as("seeds where yield after the deploy was not 1 - 0.3 = 0.70 within ±0.03")
        .isEmpty();
    assertThat(where(runs, f -> !Double.isNaN(f.rollbackS())))
        .as("seeds where the big-bang deploy rolled back (it has no rollback)")
        .isEmpty();
  }

  @Test
  void aCanaryWithAutomaticRollbackShouldHurtOnlyTheCanarysShare() throws Exception {
    List<Figures> runs = runs("canary-rollout-fixed");
    // Within the 10s window after the first step, and after it (it needs the canary's answers).
    assertThat(where(runs, f -> !(f.rollbackS() > DEPLOY_S && f.rollbackS() <= DEPLOY_S + 10)))
        .as("seeds where the rollback did not come within 10s of the first step at 30s")
        .isEmpty();
    assertThat(where(runs, f -> !(f.newAfterRollbackMax() == 0)))
        .as("seeds where an instance ran v2 after the rollback (a later step was not cancelled)")
        .isEmpty();
    assertThat(
            where(
                runs,
                f -> !(f.failedCanary() <= 1.5 * CANARY_SHARE * ERRORS * f.offeredCanary() + 3)))
        .as(
            "seeds where more requests failed while the canary ran than 1.5 × 1/20 × 30% of those"
                + " offered")
        .isEmpty();
    // Outside the canary's time only the odd request fails, as before any deploy.
    assertThat(where(runs, f -> !(f.failedTotal() - f.failedCanary() <= 5)))
        .as("seeds where more than 5 requests failed outside the canary's time")
        .isEmpty();
    assertThat(where(runs, f -> !(f.yieldBefore() >= 0.999 && f.yieldAfter() >= 0.995)))
        .as("seeds where yield was not back at 1 around the canary")
        .isEmpty();
  }
}
