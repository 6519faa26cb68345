package dev.sim.stores.client;

import dev.sim.kernel.history.History;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.node.NodeContext;

/**
 * Records each operation twice over, as it begins and as it ends: in the run's history (invoke,
 * then exactly one of ok, fail and info) and in the node's metrics (a request offered, finished
 * with an outcome, and the counters by f and by history outcome). It is the one place that keeps
 * the history's rules for a client: an operation completes once, and a user whose operation ended
 * {@code info} continues on a new process, since as far as a checker knows the old one may still be
 * in flight.
 */
final class Recorder {
  private final NodeContext ctx;
  private final History history;
  private final NodeMetrics metrics;
  private long invoked;

  Recorder(NodeContext ctx) {
    this.ctx = ctx;
    this.history = ctx.history();
    this.metrics = ctx.metrics();
  }

  /** How many operations this client has invoked so far; the next one's seq is one more. */
  long invoked() {
    return invoked;
  }

  /** A new history process for this client. */
  int newProcess() {
    return history.newProcess(ctx.name());
  }

  /** Invokes an operation on {@code process} for {@code user} (null: none waits for it). */
  Operation invoke(OpKind kind, String key, Object value, int process, User user) {
    Operation op = new Operation(++invoked, kind, key, value, process, user);
    history.invoke(process, kind.f, key, value);
    metrics.count(kind.counter, 1);
    op.stamp = metrics.offer();
    return op;
  }

  /** It happened; {@code value} is what a read read, or what was written. */
  void ok(Operation op, Object value) {
    end(op);
    history.ok(op.process, value);
    metrics.count("kvOk", 1);
    if (op.kind.write) {
      metrics.count("recordsWritten", 1);
    }
    metrics.finish(op.stamp, Outcome.OK, 1.0);
  }

  /** It definitely did not happen; {@code why} is the request outcome the metrics show. */
  void fail(Operation op, Outcome why) {
    end(op);
    history.fail(op.process, op.value);
    metrics.count("kvFail", 1);
    metrics.finish(op.stamp, why, 0);
  }

  /** Whether it happened is unknown; the waiting user moves to a new process. */
  void info(Operation op, Outcome why) {
    end(op);
    history.info(op.process, op.value);
    metrics.count("kvInfo", 1);
    metrics.finish(op.stamp, why, 0);
    if (op.user != null && op.user.process == op.process) {
      op.user.process = newProcess();
    }
  }

  /** An open-loop arrival found no free user: offered and refused, never invoked. */
  void dropped() {
    metrics.count("droppedArrivals", 1);
    metrics.finish(metrics.offer(), Outcome.REJECTED, 0);
  }

  private static void end(Operation op) {
    if (op.done) {
      throw new IllegalStateException("operation completed twice: " + op);
    }
    op.done = true;
  }
}
