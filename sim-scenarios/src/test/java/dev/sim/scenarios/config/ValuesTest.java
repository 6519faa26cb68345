package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.random.Distribution;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
  static final double MS = 1e6;

  final Problems problems = new Problems();
  final Values values = new Values(problems);

  static YamlNode yaml(String text) {
    Problems syntax = new Problems();
    YamlNode n = YamlReader.read(text, "t.yaml", syntax);
    assertThat(syntax.sorted()).isEmpty();
    return n;
  }

  Distribution dist(String text) {
    return values.distribution(yaml(text), "service");
  }

  List<String> messages() {
    return problems.sorted().stream().map(Problem::render).toList();
  }

  @Test
  void shouldReadABareDurationAsAConstant() {
    Distribution d = dist("5ms");
    assertThat(d.mean()).isEqualTo(5 * MS);
    assertThat(d.describe()).contains("constant");
  }

  @Test
  void shouldReadEveryDistributionOfTheFormat() {
    assertThat(dist("{dist: constant, value: 2ms}").mean()).isEqualTo(2 * MS);
    assertThat(dist("{dist: uniform, min: 1ms, max: 3ms}").mean()).isEqualTo(2 * MS);
    assertThat(dist("{dist: exponential, mean: 5ms}").mean()).isEqualTo(5 * MS);
    assertThat(dist("{dist: normal, mean: 5ms, stddev: 1ms}").mean())
        .isCloseTo(5 * MS, within(1.0));
    assertThat(dist("{dist: lognormal, p50: 2ms, p99: 20ms}").describe())
        .isEqualTo("lognormal(p50=2ms, p99=20ms)");
    assertThat(dist("{dist: lognormal, mean: 4ms, stddev: 2ms}").mean())
        .isCloseTo(4 * MS, within(1.0));
    assertThat(dist("{dist: pareto, scale: 1ms, shape: 2}").mean()).isCloseTo(2 * MS, within(1.0));
    assertThat(dist("{dist: empirical, values: [1ms, 3ms]}").mean()).isEqualTo(2 * MS);
    assertThat(dist("{dist: empirical, values: [1ms, 5ms], weights: [3, 1]}").mean())
        .isEqualTo(2 * MS);
    assertThat(messages()).isEmpty();
  }

  @Test
  void shouldSuggestTheDistributionNameForATypo() {
    assertThat(dist("{dist: exponentail, mean: 5ms}")).isNull();
    assertThat(messages())
        .containsExactly(
            "t.yaml:1:8: service.dist: unknown distribution"
                + " 'exponentail' — did you mean 'exponential'?");
  }

  @Test
  void shouldListTheDistributionsWhenNothingIsNear() {
    dist("{dist: zipf, s: 1}");
    assertThat(messages())
        .containsExactly(
            "t.yaml:1:8: service.dist: unknown distribution"
                + " 'zipf'; known distributions are constant, uniform, exponential, normal, lognormal,"
                + " pareto, empirical");
  }

  @Test
  void shouldNameMissingAndExtraParameters() {
    dist("{dist: uniform, min: 1ms, mx: 3ms}");
    assertThat(messages())
        .containsExactly(
            "t.yaml:1:1: service: a uniform distribution needs 'max' (uniform takes min and max),"
                + " e.g. {dist: uniform, min: 1ms, max: 5ms}",
            "t.yaml:1:27: service.mx: unknown key 'mx' for a uniform distribution — did you mean"
                + " 'max'? (uniform takes min and max)");
  }

  @Test
  void shouldRefuseALognormalGivenBothWays() {
    dist("{dist: lognormal, p50: 1ms, stddev: 2ms}");
    assertThat(messages())
        .singleElement()
        .asString()
        .contains("takes either p50 and p99, or mean and stddev, not both");
  }

  @Test
  void shouldCheckParameterValues() {
    dist("{dist: exponential, mean: 5}");
    dist("{dist: uniform, min: 5ms, max: 1ms}");
    dist("{dist: pareto, scale: 1ms, shape: 0}");
    dist("{dist: empirical, values: [1ms, 2ms], weights: [1]}");
    dist("{dist: empirical, values: []}");
    dist("{dist: exponential, mean: 0s}");
    assertThat(messages())
        .containsExactlyInAnyOrder(
            "t.yaml:1:27: service.mean: expected a duration like 5ms or 1.5s, found 5 (a number"
                + " without a unit)",
            "t.yaml:1:1: service: uniform: max must be at least min, found min 5ms and max 1ms",
            "t.yaml:1:35: service.shape: expected a number more than 0, found 0",
            "t.yaml:1:48: service.weights: expected one weight per value (2), found 1",
            "t.yaml:1:27: service.values: expected at least one value, found an empty list",
            "t.yaml:1:1: service: exponential: mean must be more than 0s (for no delay write 0s)");
  }

  @Test
  void shouldAskForParametersWhenOnlyANameIsGiven() {
    dist("exponential");
    assertThat(messages())
        .containsExactly(
            "t.yaml:1:1: service: an exponential distribution"
                + " needs its parameters: write {dist: exponential, mean: 5ms}");
  }

  @Test
  void shouldExplainABareNumberGivenForADistribution() {
    dist("5");
    assertThat(messages())
        .containsExactly(
            "t.yaml:1:1: service: expected a duration like 5ms"
                + " or 1.5s, found 5 (a number without a unit); or a distribution like {dist:"
                + " exponential, mean: 5ms}");
  }

  @Test
  void shouldReadSignedOffsetsAsConstantOrUniform() {
    assertThat(values.signedDistribution(yaml("-300ms"), "o"))
        .isEqualTo(SignedDistribution.constant(-300_000_000));
    assertThat(values.signedDistribution(yaml("{dist: uniform, min: -5ms, max: 5ms}"), "o"))
        .isEqualTo(new SignedDistribution(-5_000_000, 5_000_000));
    assertThat(values.signedDistribution(yaml("{dist: uniform, min: 5ms, max: -5ms}"), "o"))
        .isNull();
    assertThat(messages()).singleElement().asString().contains("max must be at least min");
  }

  @Test
  void shouldSayWhatWasFoundWhenTheShapeIsWrong() {
    values.duration(yaml("[1ms, 2ms]"), "timeout");
    values.probability(yaml("{p: 1}"), "loss");
    values.choice(yaml("fiffo"), "queue.discipline", List.of("fifo", "lifo"));
    assertThat(messages())
        .containsExactly(
            "t.yaml:1:1: timeout: expected a duration like 5ms or 1.5s, found a list",
            "t.yaml:1:1: loss: expected a probability between 0 and 1, found a section with keys"
                + " {p}",
            "t.yaml:1:1: queue.discipline: expected one of 'fifo' or 'lifo', found 'fiffo' — did"
                + " you mean 'fifo'?");
  }
}
