package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.scenarios.plugin.FaultKindRegistry;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.stores.client.KvClientParams.Mix;
import dev.sim.stores.client.KvClientParams.RegisterShares;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The type's description of itself: registration, checks of records built in code, metrics. */
class KvClientTypeTest {
  static final KvClientType TYPE = new KvClientType();

  private static List<String> keys(KvSpecs s) {
    return TYPE.check(s.build()).stream().map(Problem::keyPath).toList();
  }

  @Test
  void shouldBeFoundThroughTheServiceLoaderWithTheOfflineFault() {
    ClassLoader cl = KvClientType.class.getClassLoader();
    assertThat(NodeTypeRegistry.load(cl).find("kv-client")).isPresent();
    assertThat(FaultKindRegistry.load(cl).find("offline")).isPresent();
  }

  @Test
  void shouldAcceptTheDefaults() {
    assertThat(TYPE.check(KvSpecs.open(10).build())).isEmpty();
    assertThat(TYPE.check(KvSpecs.closed(3, null).everything().build())).isEmpty();
  }

  @Test
  void shouldRefuseNegativeSharesNamingEachOne() {
    KvSpecs s = KvSpecs.open(10).mix(new Mix(new RegisterShares(1.5, -0.5, 0), null, null));
    List<Problem> problems = TYPE.check(s.build());
    assertThat(problems).extracting(Problem::keyPath).containsExactly("mix.register.write");
    assertThat(problems.get(0).message()).contains("negative");
  }

  @Test
  void shouldRefuseAMixWithNothingInIt() {
    KvSpecs s = KvSpecs.open(10).mix(new Mix(null, null, null));
    assertThat(keys(s)).containsExactly("mix");
  }

  @Test
  void shouldNameEachBadKeyOfARecordBuiltInCode() {
    KvSpecs s = KvSpecs.open(10).target(null).maxOutstanding(0).keys(0).timeout(0);
    s.incrBy = 0;
    s.explore = 2;
    assertThat(keys(s))
        .contains("target", "maxOutstanding", "keys", "incrBy", "timeout", "explore");
  }

  @Test
  void shouldCheckTheLoadAndRetryAsTheClientDoes() {
    KvSpecs s = KvSpecs.open(0);
    s.retry =
        new dev.sim.components.client.ClientParams.Retry(
            -1,
            dev.sim.components.client.ClientParams.BackoffShape.EXPONENTIAL,
            0,
            0,
            dev.sim.components.client.ClientParams.Jitter.NONE);
    assertThat(keys(s)).contains("load.rate", "retry.max", "retry.base");
  }

  @Test
  void shouldDeclareEveryMetricItRecordsWithCharts() {
    List<String> names = TYPE.metrics().stream().map(MetricSpec::name).toList();
    assertThat(names)
        .contains(
            "kvOk",
            "kvFail",
            "kvInfo",
            "kvReads",
            "kvWrites",
            "kvCas",
            "kvAdds",
            "kvIncrs",
            "kvRetries",
            "droppedArrivals",
            "recordsWritten",
            "offlineQueued",
            "offlineQueue");
    assertThat(TYPE.metrics()).filteredOn(m -> m.kind() == MetricSpec.Kind.LATENCY).hasSize(1);
    assertThat(
            TYPE.metrics().stream()
                .filter(
                    m ->
                        m.name().startsWith("kvO")
                            || m.name().equals("kvFail")
                            || m.name().equals("kvInfo")))
        .allMatch(m -> m.chart().id().equals("kv-outcomes"));
  }
}
