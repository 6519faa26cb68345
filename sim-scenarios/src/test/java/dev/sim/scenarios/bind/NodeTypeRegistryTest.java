package dev.sim.scenarios.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.PluginException;
import dev.sim.kernel.node.Node;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
