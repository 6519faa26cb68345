package dev.sim.components.flags;

import dev.sim.components.rpc.LongMap;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.NodeContext;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The flag lookup of a node that asks a flag service before it goes on with some work: a server
 * before serving a request, a client before sending one. One class for both, so the two behave
 * alike: the asker is told to go on when the answer comes, or at the timeout with the default, or
 * that the lookup failed (a timeout without a default); without a timeout it waits for ever. Within
 * {@code cacheTtl} of the last answer it does not ask.
 *
 * <p>It registers its own handlers (for {@link FlagAnswer} and two timers) and records, for the
 * node's type, the metrics in {@link #METRICS}, which that type declares.
 *
 * @param <T> what waits on a lookup (a server's job, a client's request)
 */
public final class FlagClient<T> {
  /** How often the lookup-time gauge is refreshed. */
  static final long SAMPLE_NANOS = 1_000_000_000L;

  /** What a node type with a flag lookup records; its type appends these to its own. */
  public static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("flagLookups", "Flag lookups asked", "lookups")
              .chart("flag-lookups", "Flag lookups")
              .describe("Flag lookups asked, fallen back to the default and failed, per second")
              .legend("asked")
              .order(160),
          MetricSpec.counter("flagDefaults", "Flag lookups fallen back to the default", "lookups")
              .chart("flag-lookups", "Flag lookups")
              .describe("Flag lookups asked, fallen back to the default and failed, per second")
              .legend("fell back to the default")
              .order(161),
          MetricSpec.counter("flagFailures", "Flag lookups failed (no default)", "lookups")
              .chart("flag-lookups", "Flag lookups")
              .describe("Flag lookups asked, fallen back to the default and failed, per second")
              .legend("failed, no default")
              .order(162),
          MetricSpec.gauge("flagWaiting", "Waiting on the flag service", "lookups")
              .yLabel("lookups waiting")
              .describe(
                  "Lookups waiting for the flag service: a server's workers blocked on one, a"
                      + " client's requests not sent yet")
              .order(163),
          MetricSpec.gauge("flagLookupMs", "Flag lookup time", "ms")
              .yLabel("lookup time (ms)")
              .describe(
                  "Mean time of the flag lookups that ended in the last second (a fallback at its"
                      + " timeout); with none ended, the age of the oldest still waiting")
              .averaged()
              .order(164));

  /** What the asker does when a lookup ends. */
  public interface Listener<T> {
    /** The lookup for {@code waiter} has a value, the service's or the default: go on. */
    void proceed(T waiter);

    /** The lookup for {@code waiter} timed out and there is no default. */
    void failed(T waiter);
  }

  /** Timer: lookup {@code id} has waited {@code flag.timeout}. */
  record FlagTimeout(long id) {}

  /** Timer: refresh the lookup-time gauge. */
  record FlagSample() {}

  /** One lookup in progress. */
  private static final class Lookup<T> {
    final long id;
    final T waiter;
    final long askedLocal;
    long timer = -1;
    boolean done;

    Lookup(long id, T waiter, long askedLocal) {
      this.id = id;
      this.waiter = waiter;
      this.askedLocal = askedLocal;
    }
  }

  private final NodeContext ctx;
  private final NodeMetrics metrics;
  private final FlagParams flag;
  private final Listener<T> listener;
  private final int target;
  private final LongMap<Lookup<T>> pending = new LongMap<>();
  // Lookups in the order asked, for the age of the oldest still waiting; ended ones are dropped
  // lazily at the sample.
  private final ArrayDeque<Lookup<T>> order = new ArrayDeque<>();
  private long sequence;
  private long freshUntilLocal = Long.MIN_VALUE;
  private double msSum;
  private long msCount;
  private int waitingShown = -1;

  /**
   * Registers the lookup's handlers on {@code ctx}; call from the node's {@code start}.
   *
   * @throws IllegalStateException if {@code flag.service} names no node
   */
  public FlagClient(NodeContext ctx, FlagParams flag, Listener<T> listener) {
    this.ctx = ctx;
    this.metrics = ctx.metrics();
    this.flag = flag;
    this.listener = listener;
    int[] t = ctx.members(flag.service());
    if (t.length == 0) {
      throw new IllegalStateException("flag.service '" + flag.service() + "' names no node");
    }
    // A group of flag-service instances acts as one service; the first answers.
    this.target = t[0];
    ctx.on(FlagAnswer.class, (a, from) -> onAnswer(a));
    ctx.onTimer(FlagTimeout.class, t2 -> onTimeout(t2.id()));
    ctx.onTimer(FlagSample.class, t2 -> onSample());
    metrics.gauge("flagLookupMs", 0);
    ctx.setTimer(SAMPLE_NANOS, new FlagSample());
    showWaiting();
  }

  /** Whether a lookup is needed now: not within {@code cacheTtl} of the last answer. */
  public boolean needed() {
    return ctx.localTime() >= freshUntilLocal;
  }

  /** Asks the flag service for {@code waiter}; the listener hears when the lookup ends. */
  public void ask(T waiter) {
    Lookup<T> l = new Lookup<>(++sequence, waiter, ctx.localTime());
    pending.put(l.id, l);
    order.addLast(l);
    metrics.count("flagLookups", 1);
    ctx.send(target, new FlagLookup(l.id));
    if (flag.timeoutNanos() > 0) {
      l.timer = ctx.setTimer(flag.timeoutNanos(), new FlagTimeout(l.id));
    }
    showWaiting();
  }

  private void onAnswer(FlagAnswer a) {
    if (flag.cacheTtlNanos() > 0) {
      // Even a late answer refreshes the cache: the service is evidently back.
      freshUntilLocal = ctx.localTime() + flag.cacheTtlNanos();
    }
    Lookup<T> l = pending.remove(a.id());
    if (l == null) {
      return;
    }
    if (l.timer >= 0) {
      ctx.cancelTimer(l.timer);
    }
    ended(l);
    listener.proceed(l.waiter);
  }

  private void onTimeout(long id) {
    Lookup<T> l = pending.remove(id);
    if (l == null) {
      return;
    }
    ended(l);
    if (flag.defaultValue() != null) {
      metrics.count("flagDefaults", 1);
      listener.proceed(l.waiter);
    } else {
      metrics.count("flagFailures", 1);
      listener.failed(l.waiter);
    }
  }

  private void ended(Lookup<T> l) {
    l.done = true;
    msSum += (ctx.localTime() - l.askedLocal) / 1e6;
    msCount++;
    showWaiting();
  }

  /**
   * Shows the mean time of the lookups that ended in the last second; when none ended but some are
   * waiting, the age of the oldest, so a lookup stuck for ever is not shown as 0 ms.
   */
  private void onSample() {
    ctx.setTimer(SAMPLE_NANOS, new FlagSample());
    // Lookups are asked in time order: the first one still waiting is the oldest.
    while (!order.isEmpty() && order.peekFirst().done) {
      order.pollFirst();
    }
    if (msCount > 0) {
      metrics.gauge("flagLookupMs", msSum / msCount);
    } else if (!order.isEmpty()) {
      metrics.gauge("flagLookupMs", (ctx.localTime() - order.peekFirst().askedLocal) / 1e6);
    } else {
      metrics.gauge("flagLookupMs", 0);
    }
    msSum = 0;
    msCount = 0;
  }

  private void showWaiting() {
    if (pending.size() != waitingShown) {
      waitingShown = pending.size();
      metrics.gauge("flagWaiting", waitingShown);
    }
  }
}
