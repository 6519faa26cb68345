package dev.sim.cli;

import static dev.sim.cli.LessonRuns.perSeed;
import static dev.sim.cli.LessonRuns.where;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The hot-shard lesson's claim, checked over 20 seeds from each store node's own gauges: with the
 * customer id as the shard key one node is saturated with a full queue while the others idle, and
 * p99 latency explodes; with the order id as the key every node takes a share and nothing queues.
 * Every failure message names the seeds and each seed's per-node figures, so {@code sim run FILE
 * --seed N} reproduces it.
 */
class HotShardLessonClaimsTest {

  /**
   * What one seed's run shows of its store group: each node's mean queue and utilisation after the
   * warm-up (nodes in instance-name order), p99 latency, and the requests the store throttled.
   */
  record Shards(
      long seed,
      TreeMap<String, Double> queue,
      TreeMap<String, Double> busy,
      double p99Ms,
      long throttled) {

    /** The node with the longest mean queue. */
    String hottest() {
      return queue.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The longest mean queue of a node other than {@link #hottest()}. */
    double queueOfOthers() {
      String hot = hottest();
      return queue.entrySet().stream()
          .filter(e -> !e.getKey().equals(hot))
          .mapToDouble(Map.Entry::getValue)
          .max()
          .orElseThrow();
    }

    /** The median node's utilisation: a typical node, neither the hot one nor the idlest. */
    double medianBusy() {
      double[] b = busy.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return (b[(b.length - 1) / 2] + b[b.length / 2]) / 2;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "seed %d: queue %s, busy %s, p99 %.0fms, throttled %d",
          seed,
          rounded(queue),
          rounded(busy),
          p99Ms,
          throttled);
    }

    private static String rounded(TreeMap<String, Double> m) {
      StringBuilder s = new StringBuilder("{");
      m.forEach(
          (k, v) ->
              s.append(s.length() > 1 ? ", " : "")
                  .append(k)
                  .append('=')
                  .append(String.format(Locale.ROOT, "%.2f", v)));
      return s.append('}').toString();
    }
  }

  /** Each seed's store figures for {@code scenario}, in seed order 1..SEEDS. */
  static List<Shards> shards(String scenario) throws Exception {
    return perSeed(scenario, List.of(), (s, r) -> shardsOf(s, r));
  }

  static Shards shardsOf(long seed, RunResult r) {
    return new Shards(
        seed,
        perNodeMean(r, "storeQueue"),
        perNodeMean(r, "storeUtilisation"),
        r.requests().orElseThrow().latencyMs().p99(),
        r.counters().getOrDefault("storeThrottled", 0L));
  }

  /**
   * Each store node's gauge {@code name}, averaged over the windows after the warm-up: the level
   * the per-node chart shows it at once the run has settled.
   */
  static TreeMap<String, Double> perNodeMean(RunResult r, String name) {
    int from = (int) (r.warmupNanos() / r.windowNanos());
    TreeMap<String, Double> out = new TreeMap<>();
    for (GaugeSeriesData g : r.gauges()) {
      if (g.group().equals("store") && g.name().equals(name)) {
        double[] after =
            Arrays.copyOfRange(g.mean(), Math.min(from, g.mean().length), g.mean().length);
        out.put(
            g.nodeName(),
            Arrays.stream(after).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN));
      }
    }
    assertThat(out).as("store nodes with a %s gauge in %s", name, r.scenario()).hasSize(8);
    return out;
  }

  @Test
  void customerAsShardKeyShouldSaturateOneNodeWhileTheOthersIdleInEverySeed() throws Exception {
    List<Shards> runs = shards("hot-shard");
    // The hot node is at its queue limit (100), every other node's queue is short.
    assertThat(where(runs, s -> !(s.queue().get(s.hottest()) > 80 && s.queueOfOthers() < 10)))
        .as("seeds where no single node's queue stood far above all the others'")
        .isEmpty();
    assertThat(where(runs, s -> !(s.busy().get(s.hottest()) > 0.95 && s.medianBusy() < 0.3)))
        .as("seeds where the hot node was not saturated while a typical node idled")
        .isEmpty();
    // Placement depends on key names only, never on the seed: the biggest customer's node.
    assertThat(runs.stream().map(Shards::hottest).distinct().toList())
        .as("the hot node of each seed: %s", runs)
        .hasSize(1);
    assertThat(where(runs, s -> !(s.p99Ms() > 300 && s.throttled() > 1000)))
        .as("seeds where p99 stayed at or below 300ms or little was throttled")
        .isEmpty();
  }

  @Test
  void orderAsShardKeyShouldSpreadTheSameLoadOverEveryNodeInEverySeed() throws Exception {
    List<Shards> runs = shards("hot-shard-fixed");
    assertThat(where(runs, s -> !(s.queue().get(s.hottest()) < 2)))
        .as("seeds where some node's queue was not flat (mean below 2 waiting)")
        .isEmpty();
    assertThat(where(runs, s -> !(s.busy().values().stream().allMatch(b -> b > 0.15 && b < 0.75))))
        .as("seeds where some node was saturated or idle (utilisation outside 0.15..0.75)")
        .isEmpty();
    assertThat(where(runs, s -> !(s.p99Ms() < 150 && s.throttled() == 0)))
        .as("seeds where p99 was 150ms or more, or something was throttled")
        .isEmpty();
  }
}
