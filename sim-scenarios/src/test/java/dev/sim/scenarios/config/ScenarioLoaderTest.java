package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sim.api.BuildContext;
import dev.sim.api.Cut;
import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.api.Target;
import dev.sim.components.client.ClientParams;
import dev.sim.components.lb.LoadBalancerParams;
import dev.sim.components.server.ServerParams;
import dev.sim.components.server.ServerType;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.random.Rng;
import dev.sim.scenarios.faults.ClockFault;
import dev.sim.scenarios.faults.CrashFault;
import dev.sim.scenarios.faults.LossFault;
import dev.sim.scenarios.faults.PartitionFault;
import dev.sim.scenarios.faults.PauseFault;
import dev.sim.scenarios.faults.SlowFault;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(ScenarioLoaderTest.class.getClassLoader());

  static final String MINIMAL =
      """
      name: tiny
      duration: 1m
      nodes:
        api: {type: server}
      """;

  static ScenarioSpec load(String yaml, String... overrides) {
    return ScenarioLoader.parse(yaml, "test.yaml", TYPES, List.of(overrides));
  }

  static String error(String yaml, String... overrides) {
    try {
      load(yaml, overrides);
    } catch (ScenarioException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a ScenarioException");
  }

  static void assertFault(FaultSpec f, Record params, long at, long lasts, long every) {
    assertThat(f.params()).isEqualTo(params);
    assertThat(f.kind().parameters()).isEqualTo(params.getClass());
    assertThat(List.of(f.atNanos(), f.forNanos(), f.everyNanos()))
        .containsExactly(at, lasts, every);
  }

  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  @Test
  void shouldLoadEveryKeyOfTheFormatIntoTheSpec() {
    ScenarioSpec s =
        ScenarioLoader.load(Path.of("src/test/resources/good/every-key.yaml"), TYPES, List.of());

    assertThat(s.name()).isEqualTo("every-key");
    assertThat(s.title()).isEqualTo("Every key: a tour of the scenario format");
    assertThat(s.description()).startsWith("A scenario that exercises every key.\nIt is");
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.durationNanos()).isEqualTo(600 * S);
    assertThat(s.warmupNanos()).isEqualTo(30 * S);
    assertThat(s.windowNanos()).isEqualTo(500 * MS);
    assertThat(s.source()).endsWith("every-key.yaml");

    NetworkSpec n = s.network();
    assertThat(n.latency().describe()).contains("lognormal");
    assertThat(n.loss()).isEqualTo(0.001);
    assertThat(n.duplicate()).isEqualTo(0.0005);
    assertThat(n.bandwidthBitsPerSecond()).isEqualTo(1e9);
    assertThat(n.links()).hasSize(3);
    LinkSpec l0 = n.links().get(0);
    assertThat(l0.a()).containsExactly("clients");
    assertThat(l0.b()).containsExactly("lb");
    assertThat(l0.bothDirections()).isTrue();
    assertThat(l0.latency().mean()).isEqualTo(20 * MS);
    assertThat(l0.loss()).isNull();
    LinkSpec l1 = n.links().get(1);
    assertThat(l1.bothDirections()).isFalse();
    assertThat(l1.a()).containsExactly("api");
    assertThat(l1.b()).containsExactly("db");
    assertThat(l1.loss()).isEqualTo(0.01);
    assertThat(l1.latency()).isNull();
    LinkSpec l2 = n.links().get(2);
    assertThat(l2.a()).containsExactly("api-1", "api-2");
    assertThat(l2.duplicate()).isEqualTo(0.1);
    assertThat(l2.bandwidthBitsPerSecond()).isEqualTo(100e6);
    assertThat(l2.latency().mean()).isEqualTo(2 * MS);

    ClocksSpec c = s.clocks();
    assertThat(c.defaults().offset()).isEqualTo(new SignedDistribution(-5 * MS, 5 * MS));
    assertThat(c.defaults().driftPpm()).isEqualTo(20);
    assertThat(c.overrides()).containsOnlyKeys("api-2", "db");
    assertThat(c.overrides().get("api-2").offset().sample(new Rng(1))).isEqualTo(300 * MS);
    assertThat(c.overrides().get("api-2").driftPpm()).isEqualTo(200);
    assertThat(c.overrides().get("db").offset().min()).isEqualTo(-1500 * MS);
    assertThat(c.overrides().get("db").driftPpm()).isZero();

    assertThat(s.nodes())
        .extracting(NodeGroupSpec::name)
        .containsExactly("clients", "closed", "lb", "api", "db");
    NodeGroupSpec clients = s.nodes().get(0);
    assertThat(clients.type().name()).isEqualTo("client");
    assertThat(clients.count()).isEqualTo(2);
    assertThat(clients.instances()).containsExactly("clients-1", "clients-2");
    assertThat(clients.location().line()).isEqualTo(25);
    ClientParams cp = (ClientParams) clients.params();
    assertThat(cp.target()).isEqualTo("lb");
    assertThat(cp.load().arrivals()).isEqualTo(ClientParams.Arrivals.POISSON);
    assertThat(cp.load().profile())
        .containsExactly(
            new ClientParams.ProfileStep(0, 400, 0),
            new ClientParams.ProfileStep(60 * S, 900, 10 * S));
    assertThat(cp.timeoutNanos()).isEqualTo(500 * MS);
    assertThat(cp.retry())
        .isEqualTo(
            new ClientParams.Retry(
                3,
                ClientParams.BackoffShape.EXPONENTIAL,
                50 * MS,
                2 * S,
                ClientParams.Jitter.FULL));
    assertThat(cp.retryBudget()).isEqualTo(0.1);
    assertThat(cp.throttle().k()).isEqualTo(2);
    assertThat(cp.throttle().windowNanos()).isEqualTo(120 * S);
    assertThat(cp.hedge().afterNanos()).isEqualTo(20 * MS);
    ClientParams closed = (ClientParams) s.nodes().get(1).params();
    assertThat(closed.load().users()).isEqualTo(200);
    assertThat(closed.load().think().mean()).isEqualTo(1e9);
    assertThat(s.nodes().get(1).instances()).containsExactly("closed");

    LoadBalancerParams lb = (LoadBalancerParams) s.nodes().get(2).params();
    assertThat(lb.backends()).isEqualTo("api");
    assertThat(lb.policy()).isEqualTo(LoadBalancerParams.Policy.ROUND_ROBIN);
    assertThat(lb.healthCheck()).isEqualTo(new LoadBalancerParams.HealthCheck(S, 200 * MS, 3, 2));
    assertThat(lb.forgetAfterNanos()).isEqualTo(60 * S);

    ServerParams api = (ServerParams) s.nodes().get(3).params();
    assertThat(s.nodes().get(3).instances()).containsExactly("api-1", "api-2", "api-3");
    assertThat(api.workers()).isEqualTo(8);
    assertThat(api.queue()).isEqualTo(new ServerParams.Queue(1000, ServerParams.Discipline.FIFO));
    assertThat(api.service().mean()).isEqualTo(5 * MS);
    assertThat(api.shed().queueAbove()).isEqualTo(200);
    assertThat(api.calls().target()).isEqualTo("db");
    assertThat(api.calls().timeoutNanos()).isEqualTo(100 * MS);
    assertThat(api.calls().fanout()).isEqualTo(ServerParams.Fanout.ALL);
    assertThat(api.calls().partial()).isEqualTo(ServerParams.Partial.ALLOW);
    assertThat(api.calls().hedge().afterNanos()).isEqualTo(10 * MS);
    assertThat(api.gc().heapBytes()).isEqualTo(2L << 30);
    assertThat(api.gc().allocPerRequestBytes()).isEqualTo(2L << 20);
    assertThat(api.gc().youngPauseNanos()).isEqualTo(3 * MS);
    assertThat(api.gc().pausePerLiveGBNanos()).isEqualTo(400 * MS);
    assertThat(api.gc().fullAt()).isEqualTo(0.7);
    assertThat(api.healthChecks()).isEqualTo(ServerParams.HealthChecks.QUEUED);
    ServerParams db = (ServerParams) s.nodes().get(4).params();
    assertThat(db.workers()).isEqualTo(Integer.MAX_VALUE);
    assertThat(db.queue()).isNull();

    List<FaultSpec> f = s.faults();
    assertThat(f).hasSize(8);
    assertFault(
        f.get(0),
        new PartitionFault.Params(
            Cut.between(List.of(List.of("api-1"), List.of("api-2", "api-3", "clients", "lb")))),
        120 * S,
        30 * S,
        -1);
    assertThat(f.get(0).location().line()).isEqualTo(69);
    assertFault(
        f.get(1),
        new PartitionFault.Params(Cut.oneWay(List.of("db"), List.of("api"))),
        125 * S,
        10 * S,
        -1);
    assertFault(
        f.get(2), new CrashFault.Params(new Target("api-2", false), 20 * S), 200 * S, 20 * S, -1);
    assertFault(f.get(3), new PauseFault.Params(new Target("api-1", false)), 300 * S, 5 * S, -1);
    assertFault(f.get(4), new SlowFault.Params(new Target("db", false), 10), 60 * S, 30 * S, -1);
    assertFault(
        f.get(5), new ClockFault.Params(new Target("api-3", false), -5 * S), 90 * S, -1, -1);
    assertFault(
        f.get(6),
        new LossFault.Params(new LossFault.Burst(List.of(List.of("api"), List.of("db")), 0.3)),
        10 * S,
        10 * S,
        -1);
    assertFault(f.get(7), new CrashFault.Params(new Target("api", true), 5 * S), 0, 5 * S, 30 * S);
    assertThat(f.get(7).describeWithTiming())
        .isEqualTo("crash random(api), restart after 5s, every 30s");
    assertThat(f.get(0).describeWithTiming())
        .isEqualTo("partition api-1 | api-2,api-3,clients,lb for 30s");

    assertThat(s.expect())
        .extracting(ExpectSpec::metric)
        .containsExactly("yield", "latency.p99", "harvest", "counter.oom", "requests.timedOut");
    assertThat(s.expect()).extracting(ExpectSpec::op).containsExactly(">=", "<", ">=", "==", "<=");
    assertThat(s.expect())
        .extracting(ExpectSpec::value)
        .containsExactly(0.99, 200.0, 0.95, 0.0, 100.0);
    assertThat(s.expect().get(1).text()).isEqualTo("latency.p99 < 200ms");
    assertThat(s.expect().get(1).location().line()).isEqualTo(79);

    assertThat(s.report().charts())
        .containsExactly(
            "yield",
            "harvest",
            "latency",
            "throughput",
            "queue",
            "inflight",
            "heap",
            "gc",
            "spacetime");
    assertThat(s.instancesOf("api")).containsExactly("api-1", "api-2", "api-3");
    assertThat(s.instancesOf("api-2")).containsExactly("api-2");
    assertThat(s.instancesOf("nope")).isEmpty();
  }

  @Test
  void shouldAcceptTheChartsAndCountersTheScenariosTypesDeclare() {
    ScenarioSpec s =
        load(
            """
            name: generals
            duration: 1s
            nodes:
              general: {type: two-generals, role: a, peer: other, referee: referee}
              other: {type: two-generals, role: b, peer: general, referee: referee}
              referee: {type: two-generals-referee}
            expect: [counter.trials >= 1, counter.lateMessengers == 0]
            report: {charts: [spacetime, disagreement, messengers-sent, counters]}
            """);
    assertThat(s.report().charts())
        .containsExactly("spacetime", "disagreement", "messengers-sent", "counters");
    assertThat(s.expect()).extracting(ExpectSpec::metric).contains("counter.trials");
    // A server's chart is not this scenario's, and a general records no retries.
    String e =
        error(
            MINIMAL.replace("type: server", "type: two-generals-referee")
                + "expect: [counter.retries == 0]\nreport: {charts: [queue]}\n");
    assertThat(e)
        .contains("unknown counter 'retries': no node type of this scenario declares it")
        .contains("unknown chart 'queue'");
  }

  @Test
  void shouldFillDefaultsForAMinimalScenario() {
    ScenarioSpec s = load(MINIMAL);
    assertThat(s.title()).isEqualTo("tiny");
    assertThat(s.description()).isEmpty();
    assertThat(s.seed()).isEqualTo(ScenarioLoader.DEFAULT_SEED);
    assertThat(s.warmupNanos()).isZero();
    assertThat(s.windowNanos()).isEqualTo(S);
    assertThat(s.network().latency().mean()).isZero();
    assertThat(s.network().loss()).isZero();
    assertThat(s.network().bandwidthBitsPerSecond()).isZero();
    assertThat(s.network().links()).isEmpty();
    assertThat(s.clocks().defaults()).isEqualTo(new ClockSpec(SignedDistribution.constant(0), 0));
    assertThat(s.clocks().overrides()).isEmpty();
    assertThat(s.faults()).isEmpty();
    assertThat(s.expect()).isEmpty();
    assertThat(s.report().charts()).isEqualTo(ScenarioLoader.DEFAULT_CHARTS);
    ServerParams p = (ServerParams) s.nodes().get(0).params();
    assertThat(p.workers()).isEqualTo(Integer.MAX_VALUE);
    assertThat(p.service()).isNull();
    assertThat(s.nodes().get(0).instances()).containsExactly("api");
  }

  @Test
  void shouldApplySetOverridesBeforeValidation() {
    ScenarioSpec s =
        load(
            MINIMAL,
            "nodes.api.workers=16",
            "duration=2m",
            "nodes.api.shed.queueAbove=200",
            "network.loss=0.01",
            "nodes.api.count=3",
            "nodes.api.queue={capacity: 50, discipline: lifo}",
            "seed=7");
    assertThat(s.durationNanos()).isEqualTo(120 * S);
    assertThat(s.network().loss()).isEqualTo(0.01);
    assertThat(s.seed()).isEqualTo(7);
    ServerParams p = (ServerParams) s.nodes().get(0).params();
    assertThat(p.workers()).isEqualTo(16);
    assertThat(p.shed().queueAbove()).isEqualTo(200);
    assertThat(p.queue()).isEqualTo(new ServerParams.Queue(50, ServerParams.Discipline.LIFO));
    assertThat(s.nodes().get(0).instances()).containsExactly("api-1", "api-2", "api-3");
  }

  @Test
  void shouldApplySetOverridesToListEntries() {
    String yaml = MINIMAL + "faults:\n  - {at: 10s, crash: api}\nexpect: [yield >= 0.5]\n";
    ScenarioSpec s =
        load(
            yaml,
            "faults[0].at=20s",
            "faults.0.restart=1s",
            "faults[1]={at: 30s, pause: api, for: 1s}",
            "expect[0]=yield >= 0.9");
    assertThat(s.faults()).hasSize(2);
    assertThat(s.faults().get(0).atNanos()).isEqualTo(20 * S);
    assertThat(s.faults().get(0).forNanos()).isEqualTo(S);
    assertThat(s.faults().get(1).kind().name()).isEqualTo("pause");
    assertThat(s.expect().get(0).value()).isEqualTo(0.9);
  }

  @Test
  void shouldNameTheSetArgumentAndSuggestTheKeyForABadOverride() {
    assertThat(error(MINIMAL, "nodes.api.workrs=16"))
        .isEqualTo(
            "--set nodes.api.workrs=16: nodes.api.workrs: unknown key 'workrs' — did you mean"
                + " 'workers'?");
    assertThat(error(MINIMAL, "nodes.apii.workers=16"))
        .isEqualTo(
            "--set nodes.apii.workers=16: nodes.apii: there is no node group 'apii' to change — did"
                + " you mean 'api'?");
    assertThat(error(MINIMAL, "nodes.api.workers=-3"))
        .isEqualTo(
            "--set nodes.api.workers=-3: nodes.api.workers: expected a positive whole number or"
                + " 'unbounded', found -3");
    assertThat(error(MINIMAL, "duration")).contains("--set duration: expected PATH=VALUE");
    assertThat(error(MINIMAL, "duration.x=1s"))
        .contains("duration.x: duration holds '1m', not a section of keys")
        .doesNotContain("Exception");
  }

  @Test
  void shouldReportAMissingFileWithoutAStackTrace() {
    assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such.yaml"), TYPES))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(Path.of("no/such.yaml") + ": no such file");
  }

  @Test
  void shouldReportEveryProblemOfAFileTogetherInLineOrder() {
    String msg =
        error(
            """
        name: Bad Name
        duration: 10
        nodes:
          api: {type: sevrer, count: 0}
        network: {loss: 1.5}
        """);
    assertThat(msg.lines())
        .containsExactly(
            "test.yaml:1:7: name: expected a name of lower-case letters and digits, with single"
                + " '-' between words (like gc-spiral), found 'Bad Name'",
            "test.yaml:2:11: duration: expected a duration like 5ms or 1.5s, found 10 (a number"
                + " without a unit)",
            "test.yaml:4:15: nodes.api.type: unknown node type 'sevrer' — did you mean 'server'?",
            "test.yaml:4:30: nodes.api.count: count must be at least 1, found 0",
            "test.yaml:5:17: network.loss: expected a probability between 0 and 1, found 1.5");
  }

  @Test
  void shouldTurnAnInstanceCheckIntoAProblemAtTheKey() {
    String msg =
        error(
            """
        name: t
        duration: 1m
        nodes:
          c:
            type: client
            target: api
            load: {rate: 10/s, users: 3}
          api: {type: server}
        """);
    assertThat(msg)
        .isEqualTo("test.yaml:7:5: nodes.c.load: give only one of rate, profile and users");
  }

  @Test
  void shouldKeepSignedClockOffsetsAndRejectOtherDistributionsForThem() {
    ScenarioSpec s = load(MINIMAL + "clocks:\n  api: {offset: {dist: constant, value: -2ms}}\n");
    assertThat(s.clocks().overrides().get("api").offset().min()).isEqualTo(-2 * MS);
    assertThat(
            error(
                MINIMAL
                    + "clocks:\n  default: {offset: {dist: normal, mean: 1ms,"
                    + " stddev: 1ms}}\n"))
        .contains(
            "clocks.default.offset.dist: a clock offset takes a"
                + " constant or a uniform distribution");
  }

  @Test
  void shouldResolveLatencyExpectationsToMilliseconds() {
    ScenarioSpec s = load(MINIMAL + "expect: ['latency.max <= 1.5s', 'events > 10']\n");
    assertThat(s.expect().get(0).value()).isCloseTo(1500.0, within(1e-9));
    assertThat(s.expect().get(1).value()).isEqualTo(10.0);
  }

  /** A plugin-style type, registered by hand as a test would. */
  record RaftParams(
      @Param(
              key = "electionTimeout",
              doc = "Election timeout.",
              unit = Param.Unit.DURATION,
              defaultValue = "150ms")
          long electionTimeoutNanos,
      @Param(doc = "The cluster.", unit = Param.Unit.NODE_REF, required = true) String peers) {}

  static final class RaftType implements NodeType<RaftParams> {
    @Override
    public String name() {
      return "my-raft";
    }

    @Override
    public String summary() {
      return "Raft, for a test.";
    }

    @Override
    public Class<RaftParams> parameters() {
      return RaftParams.class;
    }

    @Override
    public List<dev.sim.api.Problem> check(RaftParams p) {
      return p.electionTimeoutNanos() < MS
          ? List.of(new dev.sim.api.Problem("electionTimeout", "must be at least 1ms"))
          : List.of();
    }

    @Override
    public Node create(RaftParams params, BuildContext ctx) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void shouldBindAPluginTypesParametersWithTheSameMessages() {
    NodeTypeRegistry types = NodeTypeRegistry.of(new RaftType(), new ServerType());
    String yaml =
        """
        name: raft
        duration: 1m
        nodes:
          rafts: {type: my-raft, count: 5, peers: rafts}
        """;
    ScenarioSpec s = ScenarioLoader.parse(yaml, "r.yaml", types, List.of());
    assertThat(((RaftParams) s.nodes().get(0).params()).electionTimeoutNanos()).isEqualTo(150 * MS);
    assertThat(s.nodes().get(0).instances()).hasSize(5).endsWith("rafts-5");

    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    yaml.replace("peers: rafts", "peers: raftz, electionTimout: 1s"),
                    "r.yaml",
                    types,
                    List.of()))
        .hasMessage(
            "r.yaml:4:43: nodes.rafts.peers: node 'raftz' does not exist — did you mean"
                + " 'rafts'?\n"
                + "r.yaml:4:50: nodes.rafts.electionTimout: unknown key 'electionTimout' — did you"
                + " mean 'electionTimeout'?");
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    yaml, "r.yaml", types, List.of("nodes.rafts.electionTimeout=500us")))
        .hasMessage(
            "--set nodes.rafts.electionTimeout=500us: nodes.rafts.electionTimeout: must"
                + " be at least 1ms");
  }

  @Test
  void shouldSayHowManyEntriesAListHasWhenASetIndexIsPastItsEnd() {
    assertThat(error(MINIMAL + "faults:\n  - {at: 1s, crash: api}\n", "faults[3].at=2s"))
        .isEqualTo(
            "--set faults[3].at=2s: faults[3].at: faults has 1 entry (faults[0]); there is no"
                + " faults[3]");
  }

  @Test
  void shouldCheckFaultsAgainstEachOtherAndTheNodes() {
    String msg =
        error(
            MINIMAL.replace("api: {type: server}", "api: {type: server, count: 2}")
                + """
        faults:
          - {at: 1s, partition: {from: api, to: api-1}}
          - {at: 1s, every: 10s, pause: api-1, for: 10s}
          - {at: 1s, clock: api-2, jump: 0s}
          - {at: 1s, slow: api, factor: 0}
          - {at: 1s, loss: {between: [api], rate: 0.1}}
          - {at: 1s, crash: random(db)}
          - {at: 1s, partition: [[api-1]]}
        """);
    assertThat(msg.lines())
        .containsExactly(
            "test.yaml:6:41: faults[0].partition.to: node 'api-1' is named twice in the partition"
                + " (through group 'api' and as 'api-1'); each node can be on one side only",
            "test.yaml:7:45: faults[1].for: 'for' (10s) must be shorter than 'every' (10s), or each"
                + " repetition would overlap the last",
            "test.yaml:8:34: faults[2].jump: a clock jump of 0s does nothing; write a step like 5s"
                + " or -2s",
            "test.yaml:9:33: faults[3].factor: expected a factor of more than 0 (10 is ten times"
                + " slower), found 0",
            "test.yaml:10:30: faults[4].loss.between: expected two sides like [api, db], found 1"
                + " side",
            "test.yaml:11:21: faults[5].crash: node 'db' does not exist; the node groups are api",
            "test.yaml:12:25: faults[6].partition: expected at least two sides like"
                + " [[api-1], [api-2, api-3]], found 1 side");
  }

  @Test
  void shouldWarnWithoutFailingAboutAFaultThatOutlastsTheRun() {
    ScenarioSpec s =
        load(
            MINIMAL
                + "faults:\n"
                + "  - {at: 50s, pause: api, for: 20s}\n"
                + "  - {at: 10s, crash: api, restart: 5s}\n"
                + "  - {at: 55s, crash: api, restart: 10s}\n");
    assertThat(s.faults()).hasSize(3);
    assertThat(s.warnings())
        .extracting(Problem::render)
        .containsExactly(
            "test.yaml:6:32: faults[0].for: the fault is not undone before the run ends: at 50s"
                + " plus for 20s is 70s, after the end of the run (duration 1m)",
            "test.yaml:8:36: faults[2].restart: the fault is not undone before the run ends: at"
                + " 55s plus restart 10s is 65s, after the end of the run (duration 1m)");
    assertThat(load(MINIMAL).warnings()).isEmpty();
  }

  @Test
  void shouldPointACheckOnAnAbsentKeyAtItsNearestWrittenAncestor() {
    String msg =
        error(
            """
        name: t
        duration: 1m
        nodes:
          c:
            type: client
            target: api
            load: {rate: 10/s}
            retry: {max: 3, backoff: exponential}
          api: {type: server}
        """);
    // The client's check names retry.base, which is not written: the message points at retry.
    assertThat(msg)
        .isEqualTo("test.yaml:8:5: nodes.c.retry.base: exponential back-off needs a positive base");
  }
}
