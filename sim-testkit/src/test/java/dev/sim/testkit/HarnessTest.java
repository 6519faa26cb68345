package dev.sim.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Problem;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Harness#add} checks a node type's parameters against its group, as the loader does. */
class HarnessTest {
  /** Parameters of {@link Quorum}. */
  record QuorumParams(
      @Param(doc = "Peers each node needs in its group.", unit = Unit.COUNT) int need) {}

  /** A node type that needs a group of at least {@code need} instances; records what it saw. */
  static final class Quorum implements NodeType<QuorumParams> {
    final List<Group> checked = new ArrayList<>();

    @Override
    public String name() {
      return "quorum";
    }

    @Override
    public String summary() {
      return "Needs peers.";
    }

    @Override
    public Class<QuorumParams> parameters() {
      return QuorumParams.class;
    }

    @Override
    public List<Problem> check(QuorumParams p) {
      return p.need() > 0 ? List.of() : List.of(new Problem("need", "must be positive"));
    }

    @Override
    public List<Problem> check(QuorumParams p, Group group) {
      checked.add(group);
      List<Problem> out = new ArrayList<>(check(p));
      if (p.need() > group.count()) {
        out.add(
            new Problem(
                "need",
                "needs " + p.need() + " peers, but '" + group.name() + "' has " + count(group)));
      }
      return out;
    }

    private static String count(Group g) {
      return g.count() + " " + g.instances();
    }

    @Override
    public Node create(QuorumParams params, BuildContext ctx) {
      return new Node() {
        @Override
        public void start(NodeContext ctx) {}
      };
    }
  }

  @Test
  void shouldRefuseAGroupTooSmallForTheTypeWithTheKeyAndTheInstancesNamed() {
    Quorum type = new Quorum();
    assertThatThrownBy(() -> Harness.seed(1).add("peers", 2, type, new QuorumParams(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peers.need: needs 3 peers, but 'peers' has 2 [peers-1, peers-2]");
  }

  @Test
  void shouldStillReportTheChecksOfTheParametersAlone() {
    assertThatThrownBy(() -> Harness.seed(1).add("peers", 2, new Quorum(), new QuorumParams(0)))
        .hasMessage("peers.need: must be positive");
  }

  @Test
  void shouldPassTheGroupAsTheRuntimeNamesItAndRunWhenItFits() {
    Quorum type = new Quorum();
    Harness h = Harness.seed(1).add("peers", 3, type, new QuorumParams(3));
    Harness.seed(1).add("solo", 1, type, new QuorumParams(1));
    assertThat(type.checked)
        .containsExactly(
            new Group("peers", List.of("peers-1", "peers-2", "peers-3")),
            new Group("solo", List.of("solo")));
    assertThat(h.run(Harness.s(1)).failure()).isNull();
    assertThat(h.id("peers-3")).isNotNegative();
  }
}
