package dev.sim.stores.client;

import dev.sim.stores.protocol.DataKind;

/**
 * The seven operations a {@code kv-client}'s users make, what each is called in the history ({@link
 * #f}), the kind of data its key holds, and whether it may be retried; and {@link #SET_PUT}, the
 * request that syncs a set edited offline, which is not an operation of the history but carries the
 * adds that are.
 */
enum OpKind {
  /** Reads a register. */
  REGISTER_READ("read", DataKind.REGISTER, false, true, "kvReads"),
  /** Writes a register a value unique in the run. */
  REGISTER_WRITE("write", DataKind.REGISTER, true, true, "kvWrites"),
  /** Compare-and-sets a register, [old, new]. */
  CAS("cas", DataKind.REGISTER, true, false, "kvCas"),
  /** Adds an element unique in the run to a set. */
  SET_ADD("add", DataKind.SET, true, true, "kvAdds"),
  /** Reads a set. */
  SET_READ("read", DataKind.SET, false, true, "kvReads"),
  /** Increments a counter. */
  COUNTER_INCR("incr", DataKind.COUNTER, true, false, "kvIncrs"),
  /** Reads a counter. */
  COUNTER_READ("read", DataKind.COUNTER, false, true, "kvReads"),
  /**
   * Sends a set's whole value, the client's local copy, on behalf of the adds made to it offline;
   * never drawn from the mix and never in the history. Sending the same copy twice adds nothing the
   * first did not, so it is retried like the adds it carries.
   */
  SET_PUT("put", DataKind.SET, true, true, "offlineSyncs");

  /** The operations a mix draws from, in the order of {@code OpMix}'s shares. */
  static final OpKind[] MIXED = {
    REGISTER_READ, REGISTER_WRITE, CAS, SET_ADD, SET_READ, COUNTER_INCR, COUNTER_READ
  };

  /** The operation's name in the history and in {@code KvRequest.f}. */
  final String f;

  /** What the operation's key holds. */
  final DataKind kind;

  /** Whether it changes the data (so a timeout leaves it unknown, and it queues offline). */
  final boolean write;

  /**
   * Whether sending it twice does no more than sending it once: reads, and writes of a value unique
   * in the run (a register write, a set add). A cas or an incr applied twice is not the same.
   */
  final boolean idempotent;

  /** The counter that counts its invokes (for a put: its first tries). */
  final String counter;

  OpKind(String f, DataKind kind, boolean write, boolean idempotent, String counter) {
    this.f = f;
    this.kind = kind;
    this.write = write;
    this.idempotent = idempotent;
    this.counter = counter;
  }

  /** The read of data of {@code kind}. */
  static OpKind readOf(DataKind kind) {
    return switch (kind) {
      case REGISTER -> REGISTER_READ;
      case SET -> SET_READ;
      case COUNTER -> COUNTER_READ;
    };
  }

  /** The prefix of the names of keys holding {@code kind}: r, s or c. */
  static String prefix(DataKind kind) {
    return switch (kind) {
      case REGISTER -> "r";
      case SET -> "s";
      case COUNTER -> "c";
    };
  }
}
