package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.runtime.Expectations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code consistency.*} figures in {@code expect:}: reading them, and their values. */
class ConsistencyExpectTest {
  private static ScenarioSpec load(String checks) {
    return ScenarioLoaderTest.load(ScenarioLoaderTest.MINIMAL + "expect: " + checks + "\n");
  }

  private static String error(String checks) {
    return ScenarioLoaderTest.error(ScenarioLoaderTest.MINIMAL + "expect: " + checks + "\n");
  }

  private static RunResult run(boolean valid, long lost, long stale) {
    ConsistencySummary c =
        new ConsistencySummary(
            "register",
            valid,
            120,
            lost,
            stale,
            2,
            1,
            valid ? "valid" : "invalid",
            3,
            1.5,
            100,
            15,
            5,
            List.of(),
            List.of(),
            null,
            "");
    return RunResult.builder("tiny", 1).family(c).build();
  }

  @Test
  void shouldReadValidAsTrueOrFalseAndTheCountsAsWholeNumbers() {
    ScenarioSpec s =
        load(
            "['consistency.valid == true', 'consistency.valid != false', 'consistency.lostWrites"
                + " == 0', 'consistency.staleReads < 10', 'consistency.siblingsMax <= 2',"
                + " 'consistency.divergentKeys == 0', 'consistency.ops > 100',"
                + " 'consistency.okShare >= 0.8', 'consistency.siblingsMean < 1.5']");
    assertThat(s.expect())
        .extracting(ExpectSpec::value)
        .containsExactly(1.0, 0.0, 0.0, 10.0, 2.0, 0.0, 100.0, 0.8, 1.5);
  }

  @Test
  void shouldEvaluateTheFiguresOfTheConsistencyFamily() {
    ScenarioSpec s =
        load(
            "['consistency.valid == true', 'consistency.lostWrites == 0', 'consistency.staleReads"
                + " < 10', 'consistency.divergentKeys == 0', 'consistency.okShare > 0.8']");
    assertThat(Expectations.evaluate(s.expect(), run(true, 0, 9)))
        .extracting(e -> e.ok())
        .containsExactly(true, true, true, false, true);
    assertThat(Expectations.evaluate(s.expect(), run(false, 3, 10)))
        .extracting(e -> e.actual())
        .containsExactly(0.0, 3.0, 10.0, 1.0, 100.0 / 120);
  }

  @Test
  void shouldFailEveryConsistencyCheckOfARunWithoutAHistory() {
    ScenarioSpec s = load("['consistency.valid == true', 'consistency.lostWrites == 0']");
    assertThat(Expectations.evaluate(s.expect(), RunResult.builder("tiny", 1).build()))
        .allSatisfy(
            e -> {
              assertThat(e.ok()).isFalse();
              assertThat(e.actual()).isNaN();
            });
  }

  @Test
  void shouldSuggestTheNearestFigureForAMisspelling() {
    assertThat(error("['consistency.lostWrite == 0']"))
        .contains(
            "unknown metric 'consistency.lostWrite' — did you mean 'consistency.lostWrites'?");
    assertThat(error("['consistency.vaild == true']"))
        .contains("did you mean 'consistency.valid'?");
    assertThat(error("['consistency == 0']"))
        .contains("'consistency' needs a figure: consistency.valid, consistency.ops,");
  }

  @Test
  void shouldRefuseValidComparedAsANumber() {
    assertThat(error("['consistency.valid == 1']"))
        .contains("consistency.valid: expected true or false, found 1");
    assertThat(error("['consistency.valid < true']"))
        .contains("consistency.valid: is true or false: compare it with == or !=");
    assertThat(error("['consistency.lostWrites == -1']"))
        .contains("consistency.lostWrites: expected a count of 0 or more");
  }
}
