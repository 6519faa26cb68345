package dev.sim.stores.client;

import dev.sim.stores.protocol.DataKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code kv-client} keeps across its crashes and restarts (its declared durable state): when
 * it first started, so a restarted client keeps to its schedule; the counters behind its write
 * values and request ids, so that neither repeats; and the keys it used, for the final reads.
 */
final class ClientState {
  /** When this client first started, on its local clock. */
  final long epochLocalNanos;

  /** Values handed out so far (write values, set elements, cas new values). */
  long values;

  /** Request ids handed out so far. */
  long requests;

  /** Every key this client has used, with its kind, in the order of first use. */
  final Map<String, DataKind> keysUsed = new LinkedHashMap<>();

  ClientState(long epochLocalNanos) {
    this.epochLocalNanos = epochLocalNanos;
  }

  @Override
  public String toString() {
    return "kv-client state: " + values + " values, " + keysUsed.size() + " keys used";
  }
}
