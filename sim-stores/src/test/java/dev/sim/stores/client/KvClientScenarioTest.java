package dev.sim.stores.client;

import static dev.sim.stores.client.Histories.pairs;
import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.history.OpType;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import dev.sim.stores.client.Histories.Pair;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** kv-client and the offline fault through the real loader and runner. */
class KvClientScenarioTest {
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.of(new KvClientType(), new FakeStoreType());

  static ScenarioSpec load(String yaml) {
    return ScenarioLoader.parse(yaml, "test.yaml", TYPES, List.of());
  }

  static String messages(String yaml) {
    try {
      load(yaml);
    } catch (ScenarioException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the scenario to be refused:\n" + yaml);
  }

  /**
   * These tests look at the history, not the checker's verdict. The offline phone's queued register
   * writes each stay outstanding for seconds, hundreds at once, which is the case the
   * linearizability search cannot decide in its default 60 s (docs/histories.md, "Limits"), so the
   * runs give it two.
   */
  static final ScenarioRunner.Options QUICK_CHECK =
      ScenarioRunner.Options.DEFAULTS.withCheckTimeout(java.time.Duration.ofSeconds(2));

  static final String OFFLINE =
      """
      name: offline-edits
      duration: 10s
      network:
        latency: 1ms
      nodes:
        phones:
          type: kv-client
          count: 2
          target: store
          load: {users: 2, think: 20ms}
          mix: {register: {read: 0.5, write: 0.5}}
          keys: 3
          finalReads: 2s
        store:
          type: kv-store
      faults:
        - {at: 2s, offline: phones-1, for: 3s}
      """;

  @Test
  void shouldTakeTheClientOffTheNetworkAndQueueItsWritesUntilTheFaultEnds() {
    RunResult r = ScenarioRunner.run(load(OFFLINE), 1, QUICK_CHECK);
    assertThat(r.failure()).isNull();
    Histories.assertWellFormed(r);
    List<Pair> offline =
        pairs(r).stream()
            .filter(p -> p.invoke().node().equals("phones-1"))
            .filter(p -> p.invoke().time() >= s(2) && p.invoke().time() < s(5))
            .toList();
    assertThat(offline).hasSizeGreaterThan(200);
    for (Pair p : offline) {
      if (p.invoke().f().equals("write")) {
        assertThat(p.type()).isEqualTo(OpType.OK);
        assertThat(p.completion().time()).isGreaterThan(s(5));
      } else {
        assertThat(p.type()).isEqualTo(OpType.FAIL);
      }
    }
    // The other phone never noticed.
    assertThat(
            pairs(r).stream()
                .filter(p -> p.invoke().node().equals("phones-2") && p.completion() != null))
        .allMatch(p -> p.is(OpType.OK));
    assertThat(counter(r, "offlineQueued")).isPositive();
    List<Annotation> bands =
        r.annotations().stream().filter(a -> a.kind().equals("offline")).toList();
    assertThat(bands).hasSize(1);
    assertThat(bands.get(0).label()).isEqualTo("offline phones-1");
    assertThat(bands.get(0).endNanos()).isEqualTo(s(5));
  }

  @Test
  void shouldGiveTheSameRunForTheSameSeed() {
    RunResult a = ScenarioRunner.run(load(OFFLINE), 7, QUICK_CHECK);
    RunResult b = ScenarioRunner.run(load(OFFLINE), 7, QUICK_CHECK);
    assertThat(a.traceHash()).isEqualTo(b.traceHash());
    assertThat(a.history().ops()).isEqualTo(b.history().ops());
  }

  @Test
  void shouldShowOnlyInTheFinalReadsThatTheIgnoredWritesWereLost() {
    String yaml =
        """
        name: silent-data-loss
        duration: 10s
        network:
          latency: 1ms
        nodes:
          workers:
            type: kv-client
            target: store
            load: {rate: 50/s}
            mix: {set: {add: 1}}
            keys: 2
            checkAnswers: false
            finalReads: 2s
          store:
            type: kv-store
            throttleWrites: true
        expect:
          - counter.recordsWritten > 300
          - counter.kvFail == 0
        """;
    RunResult r = ScenarioRunner.run(load(yaml), 3, QUICK_CHECK);
    assertThat(r.expectations()).allMatch(e -> e.ok());
    List<Pair> reads = pairs(r).stream().filter(p -> p.invoke().f().equals("read")).toList();
    assertThat(reads).hasSize(2).allMatch(p -> ((List<?>) p.completion().value()).isEmpty());
  }

  static final String CONFLICTS =
      """
      name: offline-conflicts
      duration: 10s
      network:
        latency: 1ms
      nodes:
        phones:
          type: kv-client
          count: 2
          target: store
          load: {users: 2, think: 20ms}
          mix: {set: {add: 0.8, read: 0.2}}
          keys: 1
          finalReads: 2s
          SYNC
        store:
          type: kv-store
          put: PUT
      faults:
        - {at: 2s, offline: phones-2, for: 2s}
      """;

  /** The elements acknowledged in the history that the final reads (at 9 s) do not hold. */
  static TreeSet<Long> lostAdds(String sync, String put) {
    String yaml = CONFLICTS.replace("SYNC", sync).replace("PUT", put);
    RunResult r = ScenarioRunner.run(load(yaml), 5, QUICK_CHECK);
    assertThat(r.failure()).isNull();
    Histories.assertWellFormed(r);
    TreeSet<Long> acked = new TreeSet<>();
    TreeSet<Long> read = new TreeSet<>();
    for (Pair p : pairs(r)) {
      if (p.invoke().f().equals("add") && p.is(OpType.OK)) {
        acked.add(p.invoke().longValue());
      } else if (p.invoke().time() == s(9) && p.is(OpType.OK)) {
        ((List<?>) p.completion().value()).forEach(e -> read.add((Long) e));
      }
    }
    assertThat(read).isNotEmpty();
    acked.removeAll(read);
    return acked;
  }

  @Test
  void shouldLoseTheOnlinePhonesAddsOnlyWhenTheOfflinePhoneUploadsItsCopyToAReplacingStore() {
    // The default, offlineSync: put, against a store whose put replaces the set: phones-1's
    // acknowledged adds of the offline period are gone (about 160 of them).
    assertThat(lostAdds("", "replace")).hasSizeGreaterThan(100);
    assertThat(lostAdds("offlineSync: put", "union")).isEmpty();
    assertThat(lostAdds("offlineSync: replay", "replace")).isEmpty();
  }

  @Test
  void shouldNameTheChoicesOfAnUnknownOfflineSync() {
    assertThat(messages(client("offlineSync: upload")))
        .contains("offlineSync")
        .contains("put")
        .contains("replay");
  }

  static String client(String extra) {
    return """
        name: bad
        duration: 10s
        nodes:
          clients:
            type: kv-client
            target: store
            load: {rate: 10/s}
        %s
          store:
            type: kv-store
        """
        .formatted(extra.lines().map(l -> "    " + l).collect(Collectors.joining("\n")));
  }

  @Test
  void shouldNameTheKeyOfAnUnknownKeyDistribution() {
    assertThat(messages(client("keyDistribution: zipff")))
        .contains("keyDistribution")
        .contains("zipf");
  }

  @Test
  void shouldRefuseAZipfExponentThatIsNotAboveZero() {
    assertThat(messages(client("keyDistribution: zipf\nexponent: 0")))
        .contains("exponent")
        .contains("above 0");
    assertThat(messages(client("keyDistribution: uniform\nexponent: 1.5")))
        .contains("only keyDistribution: zipf takes an exponent");
  }

  @Test
  void shouldRefuseMixSharesThatDoNotAddUpToOne() {
    assertThat(messages(client("mix: {register: {read: 0.5, write: 0.4}}")))
        .contains("mix")
        .contains("add up to 1")
        .contains("0.9");
    assertThat(messages(client("mix: {register: {read: 1.5}}"))).contains("read");
  }

  @Test
  void shouldRefuseAHotDistributionWithoutItsShare() {
    assertThat(messages(client("keyDistribution: hot"))).contains("hot").contains("like 0.8");
    assertThat(messages(client("keyDistribution: hot\nhot: 0.9\nhotKeys: 10")))
        .contains("hotKeys")
        .contains("fewer than keys (10)");
  }

  @Test
  void shouldRequireATarget() {
    String yaml =
        """
        name: bad
        duration: 10s
        nodes:
          clients:
            type: kv-client
            load: {rate: 10/s}
        """;
    assertThat(messages(yaml)).contains("target");
  }

  @Test
  void shouldRequireTheOfflineFaultsTarget() {
    String yaml = OFFLINE.replace("{at: 2s, offline: phones-1, for: 3s}", "{at: 2s, for: 3s}");
    assertThatThrownBy(() -> load(yaml)).isInstanceOf(ScenarioException.class);
    String unknown = OFFLINE.replace("offline: phones-1", "offline: phones-9");
    assertThat(messages(unknown)).contains("phones-9");
  }
}
