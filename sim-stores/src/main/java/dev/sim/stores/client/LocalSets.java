package dev.sim.stores.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The client's own copy of each set key it has read or written, as an offline-first app keeps one:
 * the last value it read, plus its own adds that read may not reflect (those acknowledged since the
 * read was made, and those made offline and not yet synced). Offline, an add is applied here at
 * once; on reconnect the whole copy goes to the store in a put. The copy is not durable: a client
 * that crashes starts with none, like its offline queue.
 *
 * <p>"Since the read was made" is measured in operations invoked: an add acknowledged when {@code
 * m} operations had been invoked came after a read numbered {@code s} was invoked when {@code m >=
 * s}, so the read may have missed it; an earlier one the read should show, and if it does not, the
 * app believes the store (the copy is the last value read, not a union of everything ever seen).
 */
final class LocalSets {
  private static final class Copy {
    final TreeSet<Long> elements = new TreeSet<>();
    // The number of the newest read applied, so that an older read finishing late cannot undo it.
    long readSeq;
    // Own elements the last read may not show: element -> operations invoked when it was acked.
    final TreeMap<Long, Long> own = new TreeMap<>();
    // Offline adds applied here and not yet synced, by element.
    final TreeMap<Long, Operation> pending = new TreeMap<>();
  }

  // Looked up by key, never iterated: its order cannot reach the simulation.
  private final Map<String, Copy> copies = new HashMap<>();

  private Copy copy(String key) {
    return copies.computeIfAbsent(key, k -> new Copy());
  }

  /**
   * Read number {@code readSeq} of {@code key} returned {@code value} (a list of elements): it
   * becomes the copy, with the own elements it may not reflect.
   */
  void read(String key, Object value, long readSeq) {
    Copy c = copy(key);
    if (readSeq <= c.readSeq) {
      return;
    }
    c.readSeq = readSeq;
    c.elements.clear();
    if (value instanceof Collection<?> read) {
      for (Object e : read) {
        if (e instanceof Number n) {
          c.elements.add(n.longValue());
        }
      }
    }
    // Acknowledged before the read was made: the read speaks for them now.
    c.own.values().removeIf(ackedAt -> ackedAt < readSeq);
    c.elements.addAll(c.own.keySet());
    c.elements.addAll(c.pending.keySet());
  }

  /** The store acknowledged this client's add of {@code element} when {@code invoked} were made. */
  void acked(String key, long element, long invoked) {
    Copy c = copy(key);
    c.elements.add(element);
    c.own.put(element, invoked);
    c.pending.remove(element);
  }

  /** Offline: {@code add} is applied to the copy at once and waits to be synced. */
  void edit(Operation add) {
    Copy c = copy(add.key);
    long element = (Long) add.value;
    c.elements.add(element);
    c.pending.put(element, add);
  }

  /**
   * The sync of {@code element} ended unknown: it stays in the copy, like an acknowledged add,
   * until a later read says otherwise (it may well be in the store).
   */
  void unknown(String key, long element, long invoked) {
    acked(key, element, invoked);
  }

  /**
   * The sync of {@code element} definitely failed: the app drops the edit, so that no later put
   * carries an element whose add the history calls failed.
   */
  void discard(String key, long element) {
    Copy c = copy(key);
    c.elements.remove(element);
    c.own.remove(element);
    c.pending.remove(element);
  }

  /** The copy of {@code key} as a put sends it: its elements in order. */
  List<Long> elements(String key) {
    Copy c = copies.get(key);
    return c == null ? List.of() : List.copyOf(c.elements);
  }

  /** The offline adds of {@code key} applied to the copy and not yet synced, in element order. */
  List<Operation> pending(String key) {
    Copy c = copies.get(key);
    return c == null ? List.of() : new ArrayList<>(c.pending.values());
  }
}
