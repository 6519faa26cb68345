package dev.sim.consensus.raft;

import dev.sim.consensus.raft.RaftMessages.Entry;
import dev.sim.kernel.node.InvariantViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster-wide observer of one {@code raft} group: every node of the group reports to the same
 * instance (a run-wide shared object, see {@code NodeContext.shared}) when it is elected, appends,
 * commits and applies, and this checks the safety properties of the Raft paper's Figure 3 as the
 * run goes. A broken property throws {@link InvariantViolation} from the reporting node's handler,
 * which ends the run as a node failure (exit code 1) naming the property, the node and the
 * simulated time; the command line adds the seed to replay it. It only watches: nothing here
 * reaches a node's decisions, so checking costs no determinism and changes no event.
 *
 * <ul>
 *   <li><b>election safety</b>: at most one leader can be elected in a given term;
 *   <li><b>log matching</b>: if two logs contain an entry with the same index and term, the logs
 *       are identical in all entries up through that index (each entry carries a hash of its whole
 *       log prefix, so one comparison per append checks the whole prefix);
 *   <li><b>leader completeness</b>: an entry committed in a term is present in the logs of the
 *       leaders of all higher terms (checked when a leader is elected, and at each commit for the
 *       leaders of higher terms then in office);
 *   <li><b>state-machine safety</b>: no two servers apply, and no two leaders commit, different
 *       entries at the same index.
 * </ul>
 */
final class RaftInvariants {
  static final String ELECTION_SAFETY = "election safety";
  static final String LOG_MATCHING = "log matching";
  static final String LEADER_COMPLETENESS = "leader completeness";
  static final String STATE_MACHINE_SAFETY = "state-machine safety";

  private final String[] names;
  private final RaftLog[] logs;
  private final long[] leadingTerm; // the term a peer leads now, 0 when it does not
  // Maps are looked up, never iterated: their order cannot reach the simulation.
  private final Map<Long, Integer> leaders = new HashMap<>(); // term -> the peer elected
  private final List<Map<Long, Long>> byIndex = new ArrayList<>(); // index-1 -> term -> hash
  private final List<Long> committed = new ArrayList<>(); // index-1 -> hash committed there
  private final List<Long> applied = new ArrayList<>(); // index-1 -> hash first applied there
  private final Set<Long> splitTerms = new HashSet<>();

  RaftInvariants(int peers) {
    names = new String[peers];
    logs = new RaftLog[peers];
    leadingTerm = new long[peers];
  }

  /** Peer {@code peer} (instance {@code name}) started, or restarted, with its durable log. */
  void started(int peer, String name, RaftLog log) {
    names[peer] = name;
    logs[peer] = log;
    leadingTerm[peer] = 0;
  }

  /** Peer {@code peer} became leader of {@code term}. */
  void elected(int peer, long term) {
    Integer other = leaders.putIfAbsent(term, peer);
    if (other != null && other != peer) {
      throw new InvariantViolation(
          ELECTION_SAFETY,
          "two leaders in term " + term + ": " + names[other] + " and " + names[peer]);
    }
    leadingTerm[peer] = term;
    RaftLog log = logs[peer];
    int c = committed.size();
    if (c > 0 && (log.lastIndex() < c || log.hash(c) != committed.get(c - 1))) {
      throw new InvariantViolation(
          LEADER_COMPLETENESS,
          names[peer]
              + " was elected leader of term "
              + term
              + " without entry "
              + c
              + ", committed earlier (its log has "
              + log.lastIndex()
              + " entries)");
    }
  }

  /** Peer {@code peer} is no longer a leader. */
  void steppedDown(int peer) {
    leadingTerm[peer] = 0;
  }

  /** Peer {@code peer} now holds {@code e} at {@code index} (appended as leader, or received). */
  void appended(int peer, long index, Entry e) {
    while (byIndex.size() < index) {
      byIndex.add(new HashMap<>(4));
    }
    Long h = byIndex.get((int) index - 1).putIfAbsent(e.term(), e.prefixHash());
    if (h != null && h != e.prefixHash()) {
      throw new InvariantViolation(
          LOG_MATCHING,
          names[peer]
              + " holds an entry at index "
              + index
              + " of term "
              + e.term()
              + " whose log up to it differs from another server's entry of the same index and"
              + " term");
    }
  }

  /**
   * Leader {@code peer} of {@code term} committed entry {@code index}, whose prefix hash is given.
   */
  void committed(int peer, long term, long index, long hash) {
    if (index <= committed.size()) {
      if (committed.get((int) index - 1) != hash) {
        throw new InvariantViolation(
            STATE_MACHINE_SAFETY,
            names[peer]
                + " committed a different entry at index "
                + index
                + " than was committed there before");
      }
    } else {
      // Entries before it that this leader learned were committed (as a follower, from
      // leaderCommit) without a leader reporting them: take them from its log.
      RaftLog log = logs[peer];
      while (committed.size() < index - 1) {
        committed.add(log.hash(committed.size() + 1));
      }
      committed.add(hash);
    }
    for (int p = 0; p < leadingTerm.length; p++) {
      if (leadingTerm[p] > term) {
        RaftLog other = logs[p];
        if (other.lastIndex() < index || other.hash(index) != hash) {
          throw new InvariantViolation(
              LEADER_COMPLETENESS,
              names[peer]
                  + " committed entry "
                  + index
                  + " in term "
                  + term
                  + ", but "
                  + names[p]
                  + ", leader of the later term "
                  + leadingTerm[p]
                  + ", does not hold it");
        }
      }
    }
  }

  /** Peer {@code peer} applied entry {@code index}, whose prefix hash is given, to its state. */
  void applied(int peer, long index, long hash) {
    if (index <= applied.size()) {
      if (applied.get((int) index - 1) != hash) {
        throw new InvariantViolation(
            STATE_MACHINE_SAFETY,
            names[peer]
                + " applied a different entry at index "
                + index
                + " than another server applied there");
      }
    } else {
      applied.add(hash);
    }
  }

  /**
   * A candidate's election of {@code term} timed out: true the first time for a term nobody won (a
   * split vote, or votes lost), so that each such term counts once however many candidates it had.
   */
  boolean splitVote(long term) {
    return !leaders.containsKey(term) && splitTerms.add(term);
  }
}
