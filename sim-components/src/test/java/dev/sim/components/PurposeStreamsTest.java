package dev.sim.components;

import static dev.sim.testkit.Harness.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.random.RandomStreams;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node context's streams per purpose, which the components draw from: each is the stream named
 * {@code node/<name>/<purpose>}, apart from the node's own stream, and a restart continues it.
 */
class PurposeStreamsTest {
  @Test
  void shouldDrawEachPurposeFromItsOwnNamedStreamAcrossRestarts() {
    List<Long> draws = new ArrayList<>();
    Harness.seed(5)
        .node(
            "n",
            "n",
            () ->
                ctx -> {
                  draws.add(ctx.random("arrivals").nextLong());
                  draws.add(ctx.random().nextLong());
                })
        .crash(ms(1), "n")
        .restart(ms(2), "n")
        .run(ms(3));
    RandomStreams streams = new RandomStreams(5);
    var arrivals = streams.stream("node/n/arrivals");
    var own = streams.stream("node/n");
    assertThat(draws)
        .containsExactly(arrivals.nextLong(), own.nextLong(), arrivals.nextLong(), own.nextLong());
  }
}
