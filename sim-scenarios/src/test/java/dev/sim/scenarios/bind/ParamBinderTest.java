package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.Param;
import dev.sim.api.PluginException;
import dev.sim.scenarios.config.Problem;
import dev.sim.scenarios.config.Problems;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamBinderTest {
  final Problems problems = new Problems();
  final ParamBinder binder = new ParamBinder(problems);

  TestTypes.Everything bind(String yaml) {
    Problems syntax = new Problems();
    YamlMap map = (YamlMap) YamlReader.read(yaml, "p.yaml", syntax);
    assertThat(syntax.sorted()).isEmpty();
    return binder.bind(TestTypes.Everything.class, map, "nodes.x", List.of("type", "count"));
  }

  List<String> messages() {
    return problems.sorted().stream().map(Problem::render).toList();
  }

  @Test
  void shouldFillEveryDefaultWhenNothingIsWritten() {
    TestTypes.Everything e = bind("{}");
    assertThat(messages()).isEmpty();
    assertThat(e.timeout()).isEqualTo(500_000_000L);
    assertThat(e.skew()).isZero();
    assertThat(e.rate()).isEqualTo(10.0);
    assertThat(e.heap()).isEqualTo(1L << 20);
    assertThat(e.loss()).isZero();
    assertThat(e.factor()).isEqualTo(1.0);
    assertThat(e.service()).isNull();
    assertThat(e.workers()).isEqualTo(Param.UNBOUNDED);
    assertThat(e.users()).isZero();
    assertThat(e.tries()).isEqualTo(1L);
    assertThat(e.k()).isEqualTo(3);
    assertThat(e.ratio()).isEqualTo(0.5);
    assertThat(e.greeting()).isEqualTo("hello");
    assertThat(e.discipline()).isEqualTo("fifo");
    assertThat(e.policy()).isEqualTo(TestTypes.Policy.ROUND_ROBIN);
    assertThat(e.verbose()).isFalse();
    assertThat(e.target()).isNull();
    assertThat(e.peers()).isNull();
    assertThat(e.retry()).isNull();
    assertThat(e.backup()).isEqualTo(new TestTypes.Retry(3, 50_000_000L));
    assertThat(e.profile()).isNull();
    assertThat(e.maxSizeBytes()).isNull();
  }

  @Test
  void shouldBindEveryUnitAndShape() {
    TestTypes.Everything e =
        bind(
            """
        timeout: 1.5s
        skew: -3ms
        rate: 30/m
        heap: 2GB
        loss: 0.25
        factor: 10
        service: {dist: exponential, mean: 5ms}
        workers: 8
        users: 0
        tries: 5
        k: 7
        ratio: 2.5
        greeting: 42
        discipline: lifo
        policy: least-outstanding
        verbose: true
        target: lb
        peers: api
        retry: {max: 0}
        profile:
          - {at: 0s, rate: 1/s}
          - {at: 1m, rate: 2/s}
        max-size: 1KB
        type: ignored
        """);
    assertThat(messages()).isEmpty();
    assertThat(e.timeout()).isEqualTo(1_500_000_000L);
    assertThat(e.skew()).isEqualTo(-3_000_000L);
    assertThat(e.rate()).isEqualTo(0.5);
    assertThat(e.heap()).isEqualTo(2L << 30);
    assertThat(e.loss()).isEqualTo(0.25);
    assertThat(e.factor()).isEqualTo(10.0);
    assertThat(e.service().mean()).isEqualTo(5e6);
    assertThat(e.workers()).isEqualTo(8);
    assertThat(e.users()).isZero();
    assertThat(e.tries()).isEqualTo(5L);
    assertThat(e.k()).isEqualTo(7);
    assertThat(e.ratio()).isEqualTo(2.5);
    assertThat(e.greeting()).isEqualTo("42");
    assertThat(e.discipline()).isEqualTo("lifo");
    assertThat(e.policy()).isEqualTo(TestTypes.Policy.LEAST_OUTSTANDING);
    assertThat(e.verbose()).isTrue();
    assertThat(e.target()).isEqualTo("lb");
    assertThat(e.peers()).containsExactly("api");
    assertThat(e.retry()).isEqualTo(new TestTypes.Retry(0, 50_000_000L));
    assertThat(e.profile())
        .containsExactly(new TestTypes.Step(0, 1), new TestTypes.Step(60_000_000_000L, 2));
    assertThat(e.maxSizeBytes()).isEqualTo(1024L);
    assertThat(binder.nodeRefs())
        .extracting(NodeRef::name, NodeRef::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lb", "nodes.x.target"),
            org.assertj.core.groups.Tuple.tuple("api", "nodes.x.peers"));
  }

  @Test
  void shouldSuggestTheKeyForAnUnknownOneAtEveryLevel() {
    assertThat(bind("timout: 1s\nretry: {maxx: 3}\ncont: 3\n")).isNull();
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:1: nodes.x.timout: unknown key 'timout' — did you mean 'timeout'?",
            "p.yaml:2:9: nodes.x.retry.maxx: unknown key 'maxx' — did you mean 'max'?",
            "p.yaml:3:1: nodes.x.cont: unknown key 'cont' — did you mean 'count'?");
  }

  @Test
  void shouldListTheKnownKeysWhenNoneIsNear() {
    bind("retry: {zzzzzz: 3}\n");
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:9: nodes.x.retry.zzzzzz: unknown key"
                + " 'zzzzzz'; known keys are max, base");
  }

  @Test
  void shouldCheckCountsAgainstTheirBounds() {
    bind("workers: -3\nusers: -1\ntries: unbounded\nk: 0\n");
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:10: nodes.x.workers: expected a positive whole number or 'unbounded', found -3",
            "p.yaml:2:8: nodes.x.users: expected a whole number (0 or more) or 'unbounded', found -1",
            "p.yaml:3:8: nodes.x.tries: expected a whole number between 1 and 5, found 'unbounded'",
            "p.yaml:4:4: nodes.x.k: expected a whole number of at least 1, found 0");
  }

  @Test
  void shouldCheckNumbersAgainstTheirBounds() {
    bind("factor: 200\nloss: 2\nratio: many\nk: 2.5\ntimeout: 5\n");
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:9: nodes.x.factor: expected a number between 0 and 100, found 200",
            "p.yaml:2:7: nodes.x.loss: expected a probability between 0 and 1, found 2",
            "p.yaml:3:8: nodes.x.ratio: expected a number, found 'many'",
            "p.yaml:4:4: nodes.x.k: expected a whole number, found 2.5 (not a whole number)",
            "p.yaml:5:10: nodes.x.timeout: expected a duration like 5ms or 1.5s, found 5 (a number"
                + " without a unit)");
  }

  @Test
  void shouldSuggestTheChoiceForATypo() {
    bind("discipline: fiffo\npolicy: round-robbin\nverbose: yes\n");
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:13: nodes.x.discipline: expected one of 'fifo' or 'lifo', found 'fiffo' — did"
                + " you mean 'fifo'?",
            "p.yaml:2:9: nodes.x.policy: expected one of 'round-robin' or 'least-outstanding', found"
                + " 'round-robbin' — did you mean 'round-robin'?",
            "p.yaml:3:10: nodes.x.verbose: expected one of 'true' or 'false', found 'yes'");
  }

  @Test
  void shouldReportMissingRequiredKeysOfListItemsAndConstructorChecks() {
    bind("profile:\n  - {at: 1s}\n  - {at: 2s, rate: 2000000/s}\n  - 5\n");
    assertThat(messages())
        .containsExactly(
            "p.yaml:2:5: nodes.x.profile[0]: missing key 'rate' (how much)",
            "p.yaml:3:5: nodes.x.profile[1]: a step's rate must be at most 1000000/s",
            "p.yaml:4:5: nodes.x.profile[2]: expected a section of keys (at, rate), found 5");
  }

  @Test
  void shouldReportTheWrongShape() {
    bind("retry: 3\nprofile: {at: 1s}\npeers: {a: 1}\ntarget: [a, b]\ntarget2: 1\n");
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:8: nodes.x.retry: expected a section of keys (max, base), found 3",
            "p.yaml:2:10: nodes.x.profile: expected a list of sections like [{...}, {...}], found a"
                + " section with keys {at}",
            "p.yaml:3:8: nodes.x.peers: expected a list, found a section with keys {a}",
            "p.yaml:4:9: nodes.x.target: expected a node name, found a list",
            "p.yaml:5:1: nodes.x.target2: unknown key 'target2' — did you mean 'target'?");
  }

  @Test
  void shouldRejectSomethingThatCannotBeANodeName() {
    bind("target: Load Balancer\n");
    assertThat(messages())
        .containsExactly(
            "p.yaml:1:9: nodes.x.target: expected a node name"
                + " (lower-case letters and digits, single '-' between words), found 'Load"
                + " Balancer'");
  }

  @Test
  void shouldRefuseRecordsWhoseAnnotationsDoNotFit() {
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.NoParam.class))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("TestTypes$NoParam.timeout has no @Param");
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.WrongJavaType.class))
        .hasMessageContaining(
            "WrongJavaType.timeout: unit DURATION needs a long (nanoseconds)," + " found int");
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.BadDefault.class))
        .hasMessageContaining(
            "BadDefault.timeout (key 'timeout'): default '5' is not valid:"
                + " expected a duration like 5ms or 1.5s, found 5 (a number without a unit)");
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.ChoiceWithoutChoices.class))
        .hasMessageContaining("unit CHOICE needs choices");
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.RequiredWithDefault.class))
        .hasMessageContaining("a required parameter cannot also have a default");
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.DuplicateKeys.class))
        .hasMessageContaining("two components use the YAML key 't' (a and b)");
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.SingleNotANodeRef.class))
        .hasMessageContaining("single and nodeTypes apply to a NODE_REF only");
    assertThatThrownBy(() -> ParamBinder.checkRecord(TestTypes.NestedFault.class))
        .hasMessageContaining("NoParam.timeout has no @Param");
  }

  @Test
  void shouldAcceptTheTestRecordAndListItsKeys() {
    ParamBinder.checkRecord(TestTypes.Everything.class);
    assertThat(ParamBinder.keys(TestTypes.Retry.class)).containsExactly("max", "base");
  }
}
