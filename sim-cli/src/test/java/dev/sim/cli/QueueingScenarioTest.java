package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queueing theory checks of scenarios written in YAML, through the loader and runtime. */
class QueueingScenarioTest {
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(QueueingScenarioTest.class.getClassLoader());

  static RunResult run(String file) {
    ScenarioSpec spec = ScenarioLoader.load(Path.of(file), TYPES, List.of());
    return ScenarioRunner.run(spec, spec.seed(), ScenarioRunner.Options.DEFAULTS);
  }

  @Test
  void shouldMatchTheMm1MeanTimeInSystemWithinThreePercent() {
    RunResult r = run("src/test/resources/scenarios/mm1.yaml");
    double lambda = 800;
    double mu = 1000;
    double theoryMs = 1000 / (mu - lambda);
    assertThat(r.requests().orElseThrow().totals().ok()).isGreaterThanOrEqualTo(1_000_000);
    assertThat(r.requests().orElseThrow().latencyMs().mean())
        .isCloseTo(theoryMs, org.assertj.core.data.Percentage.withPercentage(3));
  }

  @Test
  void shouldMatchErlangCForAnMmcServer() {
    RunResult r = run("src/test/resources/scenarios/mmc.yaml");
    int c = 4;
    double lambda = 3400;
    double mu = 1000;
    double waitMs = erlangC(c, lambda / mu) / (c * mu - lambda) * 1000;
    double theoryMs = waitMs + 1000 / mu;
    assertThat(r.requests().orElseThrow().latencyMs().mean())
        .isCloseTo(theoryMs, org.assertj.core.data.Percentage.withPercentage(4));
  }

  /** Probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
  static double erlangC(int c, double a) {
    double sum = 0;
    double term = 1;
    for (int k = 0; k < c; k++) {
      if (k > 0) {
        term *= a / k;
      }
      sum += term;
    }
    double last = term * a / c;
    double rho = a / c;
    double top = last / (1 - rho);
    return top / (sum + top);
  }
}
