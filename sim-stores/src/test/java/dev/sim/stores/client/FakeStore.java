package dev.sim.stores.client;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A single-node store for tests: it keeps registers, sets and counters in memory and answers each
 * request as its policy says (a status, or none at all), after a fixed delay. It applies an
 * operation when the answer is OK or UNKNOWN, or when the policy says so for no answer, and never
 * for FAIL, THROTTLED or UNAVAILABLE, as the protocol promises. Everything it received is logged. A
 * put of a set's whole value either replaces the set (as a last-writer-wins store does) or is
 * merged into it by union (as a store keeping siblings and merging sets does).
 */
final class FakeStore implements Node {
  /** What to do with one request. */
  record Answer(KvStatus status, boolean apply) {
    static final Answer OK = new Answer(KvStatus.OK, true);
    static final Answer SILENT = new Answer(null, false);
    static final Answer SILENT_APPLIED = new Answer(null, true);

    static Answer of(KvStatus s) {
      return new Answer(s, s == KvStatus.OK || s == KvStatus.UNKNOWN);
    }
  }

  /** What a put does to the set it names. */
  enum Put {
    /** The put's elements become the set: elements it never saw are gone. */
    REPLACE,
    /** The put's elements are added to the set: nothing is lost. */
    UNION
  }

  /** Decides the answer to a request; {@code seen} counts earlier requests for the same value. */
  interface Policy {
    Answer answer(KvRequest q, int seen);
  }

  /** What a store saw and holds, shared by its incarnations and readable after the run. */
  static final class Log {
    final List<KvRequest> received = new ArrayList<>();
    final List<Long> receivedAt = new ArrayList<>();
    final Map<String, Long> registers = new HashMap<>();
    final Map<String, TreeSet<Long>> sets = new HashMap<>();
    final Map<String, Long> counters = new HashMap<>();
    private final Map<String, Integer> tries = new HashMap<>();

    /** How many requests carried exactly this f and value (the tries of one write). */
    int count(String f, Object value) {
      return tries.getOrDefault(f + " " + value, 0);
    }

    void add(KvRequest q, long at) {
      received.add(q);
      receivedAt.add(at);
      tries.merge(q.f() + " " + q.value(), 1, Integer::sum);
    }
  }

  private record Reply(int to, KvReply reply) {}

  private final Policy policy;
  private final long delayNanos;
  private final Log log;
  private final Put put;

  FakeStore(Policy policy, long delayNanos, Log log) {
    this(policy, delayNanos, log, Put.REPLACE);
  }

  FakeStore(Policy policy, long delayNanos, Log log, Put put) {
    this.policy = policy;
    this.delayNanos = delayNanos;
    this.log = log;
    this.put = put;
  }

  /** Answers every request OK at once. */
  static FakeStore echo(Log log) {
    return new FakeStore((q, seen) -> Answer.OK, 0, log);
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.onTimer(Reply.class, t -> ctx.send(t.to(), t.reply()));
    ctx.on(
        KvRequest.class,
        (q, from) -> {
          int seen = q.f().equals("read") ? 0 : log.count(q.f(), q.value());
          log.add(q, ctx.localTime());
          Answer a = policy.answer(q, seen);
          KvStatus status = a.status();
          boolean casMatched = true;
          Object value = null;
          if (a.apply()) {
            casMatched = apply(q);
          }
          if (status == KvStatus.OK && !casMatched) {
            status = KvStatus.FAIL;
          }
          if (status == KvStatus.OK && q.f().equals("read")) {
            value = read(q);
          }
          if (status == null) {
            return;
          }
          KvReply reply = new KvReply(q.id(), status, value, q.f().equals("read") ? 1 : 0, "fake");
          if (delayNanos == 0) {
            ctx.send(from, reply);
          } else {
            ctx.setTimer(delayNanos, new Reply(from, reply));
          }
        });
  }

  /** Applies a write; false for a cas whose old value did not match (nothing applied). */
  private boolean apply(KvRequest q) {
    switch (q.f()) {
      case "write" -> log.registers.put(q.key(), (Long) q.value());
      case "cas" -> {
        List<?> on = (List<?>) q.value();
        if (!Objects.equals(log.registers.get(q.key()), on.get(0))) {
          return false;
        }
        log.registers.put(q.key(), (Long) on.get(1));
      }
      case "add" -> log.sets.computeIfAbsent(q.key(), k -> new TreeSet<>()).add((Long) q.value());
      case "put" -> {
        TreeSet<Long> set = log.sets.computeIfAbsent(q.key(), k -> new TreeSet<>());
        if (put == Put.REPLACE) {
          set.clear();
        }
        for (Object e : (List<?>) q.value()) {
          set.add((Long) e);
        }
      }
      case "incr" -> log.counters.merge(q.key(), (Long) q.value(), Long::sum);
      default -> {
        // a read changes nothing
      }
    }
    return true;
  }

  private Object read(KvRequest q) {
    return switch (q.kind()) {
      case REGISTER -> log.registers.get(q.key());
      case SET -> List.copyOf(log.sets.getOrDefault(q.key(), new TreeSet<>()));
      case COUNTER -> log.counters.getOrDefault(q.key(), 0L);
    };
  }
}
