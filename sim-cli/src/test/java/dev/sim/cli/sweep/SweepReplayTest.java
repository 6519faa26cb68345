package dev.sim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.cli.RunPipeline;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code sim run} command printed for a failing run: every argument, pasteable as printed. */
class SweepReplayTest {
  static SweepPlan plan(List<String> overrides, List<Path> plugins, RunPipeline.Limits limits) {
    return new SweepPlan(
        Path.of("scenarios/x.yaml"),
        List.of(),
        plugins,
        List.of(),
        new Seeds(1, 1),
        limits,
        "x",
        List.of(new SweepPlan.Point(0, List.of(), overrides, null)),
        Shard.WHOLE);
  }

  @Test
  void shouldGiveTheOverridesInOrderAndQuoteWhatAShellWouldSplitOrExpand() {
    SweepPlan p =
        plan(
            List.of(
                "duration=90s",
                "--unset nodes.clients.retry",
                "nodes.clients.retry={max: 3, base: 10ms}",
                "title=it's"),
            List.of(Path.of("my plugins/a.jar")),
            RunPipeline.Limits.DEFAULT);
    assertThat(p.replay(p.points().get(0), 7))
        .isEqualTo(
            "sim run scenarios/x.yaml --seed 7 --set duration=90s --unset nodes.clients.retry"
                + " --set 'nodes.clients.retry={max: 3, base: 10ms}' --set 'title=it'\\''s'"
                + " --plugin 'my plugins/a.jar'");
  }

  @Test
  void shouldCarryLimitsThatAreNotSimRunsDefaults() {
    SweepPlan p = plan(List.of("nodes.api.workers=2"), List.of(), RunPipeline.Limits.of(5000, 1.5));
    assertThat(p.replay(p.points().get(0), -3))
        .isEqualTo(
            "sim run scenarios/x.yaml --seed -3 --set nodes.api.workers=2 --max-events 5000"
                + " --max-wall 1.5");
  }

  @Test
  void shouldLeaveSafeArgumentsAloneAndQuoteTheRest() {
    assertThat(SweepPlan.quote("nodes.clients.load.rate=200/s"))
        .isEqualTo("nodes.clients.load.rate=200/s");
    assertThat(SweepPlan.quote("report.charts=[yield]")).isEqualTo("'report.charts=[yield]'");
    assertThat(SweepPlan.quote("x=$HOME")).isEqualTo("'x=$HOME'");
    assertThat(SweepPlan.quote("~/a.yaml")).isEqualTo("'~/a.yaml'");
    assertThat(SweepPlan.quote("")).isEqualTo("''");
  }
}
