package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node type's {@code namedBy} rule as the loader applies it: a queue must be named by some
 * worker, by its group or by an instance name; a producer naming it does not count.
 */
class NamedByTest {
  static final NodeTypeRegistry TYPES = NodeTypeRegistry.load(NamedByTest.class.getClassLoader());

  static String scenario(String workers) {
    return """
        name: named-by
        duration: 1m
        nodes:
          producers:
            type: client
            target: jobs
            load: {rate: 10/s}
          jobs:
            type: queue
            count: 2
          emails:
            type: queue
        """
        + workers;
  }

  static List<String> problems(String yaml) {
    try {
      ScenarioLoader.parse(yaml, "t.yaml", TYPES, List.of());
      return List.of();
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  @Test
  void shouldAcceptQueuesNamedByWorkersByInstanceName() {
    String yaml =
        scenario(
            """
              a:
                type: worker
                queue: jobs-1
              b:
                type: worker
                queue: jobs-2
              c:
                type: worker
                queue: emails
            """);
    assertThat(problems(yaml)).isEmpty();
  }

  @Test
  void shouldRefuseAQueueOnlyAProducerNames() {
    String yaml =
        scenario(
            """
              c:
                type: worker
                queue: emails
            """);
    assertThat(problems(yaml))
        .singleElement()
        .asString()
        .contains("t.yaml:8:3: nodes.jobs: no node of type worker names the queue 'jobs'");
  }

  @Test
  void shouldNotAddTheRuleToOtherProblems() {
    // The worker's reference is wrong; that is the one problem, not a queue without consumers.
    String yaml =
        scenario(
            """
              c:
                type: worker
                queue: email
            """);
    assertThat(problems(yaml)).hasSize(1);
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "t.yaml", TYPES, List.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("did you mean 'emails'?")
        .hasMessageNotContaining("nothing would ever take from it");
  }
}
