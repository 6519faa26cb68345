package dev.sim.kernel.trace;

/**
 * The run's 64-bit trace hash: a digest of every processed event, in order.
 *
 * <p>The exact algorithm, which is part of the determinism contract: the state {@code h} starts at
 * {@code 0}. For each event popped from the queue, three 64-bit words are folded in, in this order,
 * each by {@code h = (h ^ word) * M; h ^= h >>> 32} with {@code M = 0x9E3779B97F4A7C15}
 * (multiplication modulo 2^64, {@code >>>} the unsigned shift):
 *
 * <ol>
 *   <li>the event's simulated time in nanoseconds;
 *   <li>{@code target << 32 | other}: the node the event happens at (-1 for control events) in the
 *       high half, and in the low half the second party (the sender's node id for messages,
 *       otherwise 0), each as a 32-bit two's-complement value;
 *   <li>{@code kind << 32 | typeHash}: the ordinal of the {@link EventKind} in the high half, and
 *       in the low half {@link #typeHash}: the {@link String#hashCode()} of the payload's class
 *       name without its package (messages, timers), or of the control event's label; 0 for starts
 *       and skips.
 * </ol>
 *
 * <p>Each step is a bijection of {@code h} for a given word, and of the word for a given {@code h},
 * so two traces that differ in a single field of a single event always end with different hashes.
 * Message contents are not hashed: their {@code hashCode} may involve identity hashes (enums),
 * which differ between runs. The step is deliberately cheap, a multiply and a shift per word: the
 * fold runs once per event and the state carries from one event to the next.
 */
public final class TraceHash {
  private static final long M = 0x9E3779B97F4A7C15L;
  private long h;

  /**
   * The type part of a message's or timer's trace word: the hash of its class name without the
   * package ({@code Request}, {@code Client$Tick}), so moving a node type's classes to another
   * package or module, which changes no event, changes no trace hash either.
   */
  public static int typeHash(Class<?> type) {
    return TYPE_HASHES.get(type);
  }

  // Every node registers its handlers' types at each start: computed once per class, not per node
  // (a million clients made a million substrings of the same class names).
  private static final ClassValue<Integer> TYPE_HASHES =
      new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
          String name = type.getName();
          String pkg = type.getPackageName();
          return (pkg.isEmpty() ? name : name.substring(pkg.length() + 1)).hashCode();
        }
      };

  /** Folds one processed event into the hash. */
  public void fold(long time, EventKind kind, int target, int other, int typeHash) {
    long x = (h ^ time) * M;
    x ^= x >>> 32;
    x = (x ^ (((long) target << 32) | (other & 0xFFFFFFFFL))) * M;
    x ^= x >>> 32;
    x = (x ^ (((long) kind.ordinal() << 32) | (typeHash & 0xFFFFFFFFL))) * M;
    h = x ^ (x >>> 32);
  }

  /** The current value. */
  public long value() {
    return h;
  }

  /** The current value as 16 lowercase hex digits. */
  public String hex() {
    return String.format("%016x", h);
  }
}
