package dev.sim.components.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.Problem;
import dev.sim.components.Specs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client type's own checks of its parameters, beyond what the binder checks. */
class ClientTypeTest {
  private static final ClientType CLIENT = new ClientType();

  @Test
  void shouldSayTheRateMustBeAboveZeroWhenARateOfZeroWasGiven() {
    List<Problem> problems = CLIENT.check(Specs.openLoop("api", 0).build());
    assertThat(problems).extracting(Problem::keyPath).containsExactly("load.rate");
    assertThat(problems.get(0).message()).startsWith("must be above 0/s");
  }

  @Test
  void shouldAskForALoadWhenNoneWasGiven() {
    Specs.ClientSpec c = Specs.openLoop("api", 0);
    c.rate = null;
    List<Problem> problems = CLIENT.check(c.build());
    assertThat(problems).extracting(Problem::keyPath).containsExactly("load");
    assertThat(problems.get(0).message()).startsWith("give a rate");
  }
}
