package dev.sim.consensus.raft;

import dev.sim.consensus.raft.RaftMessages.Command;
import dev.sim.consensus.raft.RaftMessages.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code raft} node keeps on stable storage (Figure 2, "persistent state on all servers"):
 * currentTerm, votedFor and the log. It is the node's durable state, so it survives crashes and
 * restarts while everything else (commitIndex, lastApplied, the state machine, the leader's
 * nextIndex and matchIndex) starts afresh. Beside them it keeps the client requests this node has
 * already decided about, so that a duplicate of a refused request is refused again and a duplicate
 * of an accepted one is never refused (a refusal tells the client the write did not happen).
 */
final class RaftLog {
  /** What this node did with a client request the first time it saw it. */
  enum Decision {
    APPENDED,
    FORWARDED,
    REFUSED
  }

  long currentTerm;

  /** The peer index this node voted for in currentTerm, or -1. */
  int votedFor = -1;

  private final List<Entry> entries = new ArrayList<>();
  // Looked up by request key, never iterated: its order cannot reach the simulation.
  private final Map<Long, Decision> decided = new HashMap<>();

  /** The index of the last entry, 0 for an empty log. */
  long lastIndex() {
    return entries.size();
  }

  /** The term of entry {@code index}, 0 for index 0. */
  long term(long index) {
    return index == 0 ? 0 : entries.get((int) index - 1).term();
  }

  /** The prefix hash through entry {@code index}, 0 for index 0. */
  long hash(long index) {
    return index == 0 ? 0 : entries.get((int) index - 1).prefixHash();
  }

  /** Entry {@code index} (from 1). */
  Entry entry(long index) {
    return entries.get((int) index - 1);
  }

  /** The term of the last entry. */
  long lastTerm() {
    return term(lastIndex());
  }

  /** Appends a new entry of {@code term} holding {@code command}; returns it. */
  Entry append(long term, Command command) {
    Entry e = new Entry(term, command, chain(hash(lastIndex()), term, command));
    entries.add(e);
    return e;
  }

  /** Appends an entry received from a leader as it is. */
  void add(Entry e) {
    entries.add(e);
  }

  /** Deletes entry {@code from} and all that follow it. */
  void truncateFrom(long from) {
    entries.subList((int) from - 1, entries.size()).clear();
  }

  /** Entries from {@code from} on, at most {@code max}, as an unmodifiable copy. */
  List<Entry> slice(long from, int max) {
    int a = (int) from - 1;
    int b = (int) Math.min(entries.size(), (long) a + max);
    return a >= b ? List.of() : List.copyOf(entries.subList(a, b));
  }

  Decision decided(long requestKey) {
    return decided.get(requestKey);
  }

  void decide(long requestKey, Decision d) {
    decided.putIfAbsent(requestKey, d);
  }

  /** The hash of a log through an entry of {@code term} with {@code command} after {@code prev}. */
  static long chain(long prev, long term, Command command) {
    long id = command == null ? -1 : command.requestKey();
    long h = prev * 0x9E3779B97F4A7C15L + term;
    h = mix(h) ^ id;
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
