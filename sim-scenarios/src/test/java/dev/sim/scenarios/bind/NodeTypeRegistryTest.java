package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.PluginException;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeTypeRegistryTest {
  @Test
  void shouldFindTheBuiltInTypesThroughTheServiceLoader() {
    NodeTypeRegistry r = NodeTypeRegistry.load(getClass().getClassLoader());
    assertThat(r.names()).contains("client", "load-balancer", "server").isSorted();
    assertThat(r.find("server")).isPresent();
    assertThat(r.types()).extracting(NodeType::name).isEqualTo(r.names());
  }

  @Test
  void shouldListNamesSortedAndSuggestTheNearMiss() {
    NodeTypeRegistry r =
        NodeTypeRegistry.of(
            new TestTypes.NeedsType("zeta"),
            new TestTypes.NeedsType("alpha"),
            new TestTypes.NeedsType("my-raft"));
    assertThat(r.names()).containsExactly("alpha", "my-raft", "zeta");
    assertThat(r.find("nope")).isEmpty();
    assertThat(r.suggest("my-rafft")).contains("my-raft");
    assertThat(r.unknownTypeMessage("my-rafft"))
        .isEqualTo("unknown node type 'my-rafft' — did you mean 'my-raft'?");
    assertThat(r.unknownTypeMessage("paxos"))
        .isEqualTo(
            "unknown node type 'paxos'; known types"
                + " are alpha, my-raft, zeta (see 'sim list')");
    assertThatThrownBy(() -> r.require("zeda"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown node type 'zeda' — did you mean 'zeta'?");
  }

  @Test
  void shouldRefuseTwoTypesWithOneNameNamingBothClasses() {
    assertThatThrownBy(() -> NodeTypeRegistry.of(new TestTypes.NeedsType("x"), new Other("x")))
        .isInstanceOf(PluginException.class)
        .hasMessage(
            "two node types are named 'x': "
                + TestTypes.NeedsType.class.getName()
                + " and "
                + Other.class.getName()
                + "; names must be unique");
  }

  @Test
  void shouldRefuseAMalformedName() {
    for (String bad : new String[] {"My-Raft", "raft_2", "", "-raft", "raft-", "a--b"}) {
      assertThatThrownBy(() -> NodeTypeRegistry.of(new TestTypes.NeedsType(bad)))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("node type name '" + bad + "' is not valid");
    }
  }

  @Test
  void shouldRefuseATypeWhoseParameterRecordIsFaulty() {
    NodeType<TestTypes.BadDefault> faulty =
        new NodeType<>() {
          @Override
          public String name() {
            return "faulty";
          }

          @Override
          public String summary() {
            return "x";
          }

          @Override
          public Class<TestTypes.BadDefault> parameters() {
            return TestTypes.BadDefault.class;
          }

          @Override
          public Node create(TestTypes.BadDefault params, BuildContext ctx) {
            throw new UnsupportedOperationException();
          }
        };
    assertThatThrownBy(() -> NodeTypeRegistry.of(faulty))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("node type 'faulty' (")
        .hasMessageContaining("default '5' is not valid");
  }

  @Test
  void shouldRefuseUnsoundMetricDeclarations() {
    MetricSpec sent = MetricSpec.counter("sent", "Sent", "messages");
    assertThatThrownBy(() -> NodeTypeRegistry.of(new Declaring("twice", List.of(sent, sent))))
        .isInstanceOf(PluginException.class)
        .hasMessageStartingWith("node type 'twice' (")
        .hasMessageContaining("declares counter 'sent' twice");
    assertThatThrownBy(
            () -> NodeTypeRegistry.of(new Declaring("generic", List.of(sent.chart("latency")))))
        .hasMessageContaining("metric 'sent' is drawn on chart 'latency', a name the generic");
    assertThatThrownBy(
            () ->
                NodeTypeRegistry.of(
                    new Declaring(
                        "mixed",
                        List.of(sent, MetricSpec.gauge("backlog", "Backlog", "x").chart("sent")))))
        .hasMessageContaining("chart 'sent' holds both a counter and a gauge");
    assertThatThrownBy(() -> NodeTypeRegistry.of(new Declaring("none", null)))
        .hasMessageContaining("metrics() returned null");
    // One name may be a counter and a gauge: they are told apart by kind.
    assertThat(
            NodeTypeRegistry.of(
                new Declaring(
                    "ok", List.of(sent, MetricSpec.gauge("sent", "Sent", "x").chart("level")))))
        .isNotNull();
  }

  @Test
  void shouldReportARegistrationThatCannotBeLoaded(@TempDir Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(NodeType.class.getName()), "com.example.Missing\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      assertThatThrownBy(() -> NodeTypeRegistry.load(loader))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("cannot load a node type")
          .hasMessageContaining("com.example.Missing");
    }
  }

  /** A type declaring the given metrics. */
  static final class Declaring extends NeedsBase {
    private final List<MetricSpec> metrics;

    Declaring(String name, List<MetricSpec> metrics) {
      super(name);
      this.metrics = metrics;
    }

    @Override
    public List<MetricSpec> metrics() {
      return metrics;
    }
  }

  /** A second class for the duplicate-name test. */
  static final class Other extends NeedsBase {
    Other(String name) {
      super(name);
    }
  }

  abstract static class NeedsBase implements NodeType<TestTypes.Needs> {
    private final String name;

    NeedsBase(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String summary() {
      return "x";
    }

    @Override
    public Class<TestTypes.Needs> parameters() {
      return TestTypes.Needs.class;
    }

    @Override
    public Node create(TestTypes.Needs params, BuildContext ctx) {
      throw new UnsupportedOperationException();
    }
  }
}
