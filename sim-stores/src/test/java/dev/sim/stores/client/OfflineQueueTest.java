package dev.sim.stores.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.metrics.Outcome;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline queue's bookkeeping of the puts that sync the sets edited offline. */
class OfflineQueueTest {
  private static final class Metrics implements NodeMetrics {
    final Map<String, Double> gauges = new HashMap<>();
    final Map<String, Long> counters = new HashMap<>();

    @Override
    public long offer() {
      return 0;
    }

    @Override
    public void attempt() {}

    @Override
    public void finish(long offerStamp, Outcome outcome, double harvest) {}

    @Override
    public void count(String name, long delta) {
      counters.merge(name, delta, Long::sum);
    }

    @Override
    public void gauge(String name, double value) {
      gauges.put(name, value);
    }
  }

  private final Metrics metrics = new Metrics();
  private final boolean[] offline = {true};
  private final OfflineQueue queue = new OfflineQueue(metrics, () -> offline[0]);

  private static Operation op(long seq, OpKind kind, String key) {
    return new Operation(seq, kind, key, seq, 0, null);
  }

  @Test
  void shouldSendOnePutPerSetInThePlaceOfItsFirstAdd() {
    queue.join(op(1, OpKind.SET_ADD, "s0"));
    queue.add(op(2, OpKind.REGISTER_WRITE, "r0"));
    queue.join(op(3, OpKind.SET_ADD, "s0"));
    queue.join(op(4, OpKind.SET_ADD, "s1"));
    assertThat(queue.size()).isEqualTo(4);
    assertThat(metrics.gauges.get("offlineQueue")).isEqualTo(4.0);
    assertThat(metrics.counters.get("offlineQueued")).isEqualTo(4);
    assertThat(queue.next()).as("offline, nothing goes").isNull();
    offline[0] = false;
    Operation put = queue.next();
    assertThat(put.kind).isEqualTo(OpKind.SET_PUT);
    assertThat(put.key).isEqualTo("s0");
    assertThat(put.members).extracting(o -> o.seq).containsExactly(1L, 3L);
    assertThat(queue.next()).as("one at a time").isNull();
    queue.done(put);
    assertThat(queue.size()).isEqualTo(2);
    Operation write = queue.next();
    assertThat(write.kind).isEqualTo(OpKind.REGISTER_WRITE);
    queue.done(write);
    assertThat(queue.next().key).isEqualTo("s1");
  }

  @Test
  void shouldNotLetANewAddJoinAPutThatWasAlreadySent() {
    queue.join(op(1, OpKind.SET_ADD, "s0"));
    offline[0] = false;
    Operation first = queue.next();
    first.tries = 1;
    // Cut again while it was in flight: it comes back for a retry, and a new add gets a new put.
    offline[0] = true;
    queue.add(first);
    Operation later = op(5, OpKind.SET_ADD, "s0");
    queue.join(later);
    assertThat(later.sync).isNotSameAs(first);
    assertThat(first.members).extracting(o -> o.seq).containsExactly(1L);
    assertThat(queue.size()).isEqualTo(2);
    offline[0] = false;
    assertThat(queue.next()).isSameAs(first);
  }

  @Test
  void shouldDropAnUnsentPutWhoseAddsAllCompletedOnTheirOwn() {
    Operation add = op(1, OpKind.SET_ADD, "s0");
    queue.join(add);
    // A late answer to a try from before the cut completed it.
    queue.done(add);
    assertThat(queue.size()).isZero();
    offline[0] = false;
    assertThat(queue.next()).isNull();
  }
}
