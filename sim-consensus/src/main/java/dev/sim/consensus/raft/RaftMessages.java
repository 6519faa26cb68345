package dev.sim.consensus.raft;

import dev.sim.kernel.node.Sized;
import dev.sim.stores.protocol.KvRequest;
import java.util.List;

/**
 * The messages and timers between {@code raft} nodes, named as in Figure 2 of the Raft paper
 * (Ongaro and Ousterhout, 2014). Log indexes start at 1; index 0 with term 0 stands for the empty
 * log before the first entry.
 */
final class RaftMessages {
  private RaftMessages() {}

  /**
   * RequestVote RPC, sent by candidates to gather votes.
   *
   * @param term the candidate's term
   * @param lastLogIndex the index of the candidate's last log entry
   * @param lastLogTerm the term of the candidate's last log entry
   */
  record RequestVote(long term, long lastLogIndex, long lastLogTerm) {}

  /**
   * The answer to a {@link RequestVote}.
   *
   * @param term the voter's currentTerm, for the candidate to update itself
   * @param granted true means the candidate received the vote
   */
  record VoteReply(long term, boolean granted) {}

  /**
   * AppendEntries RPC, sent by the leader to replicate log entries; also the heartbeat.
   *
   * @param term the leader's term
   * @param prevLogIndex the index of the entry immediately preceding the new ones
   * @param prevLogTerm the term of the entry at prevLogIndex
   * @param entries the entries to store (empty for a heartbeat)
   * @param leaderCommit the leader's commitIndex
   * @param round the leader's heartbeat round, echoed in the reply: a read waits until a majority
   *     has answered a round sent after it arrived (the read index)
   */
  record AppendEntries(
      long term,
      long prevLogIndex,
      long prevLogTerm,
      List<Entry> entries,
      long leaderCommit,
      long round)
      implements Sized {
    @Override
    public long sizeBytes() {
      return 64 + 48L * entries.size();
    }
  }

  /**
   * The answer to an {@link AppendEntries}.
   *
   * @param term the follower's currentTerm, for the leader to update itself
   * @param success true if the follower contained an entry matching prevLogIndex and prevLogTerm
   * @param matchIndex on success, the index of the last entry the request carried (what is now
   *     known to match); on failure, the follower's last log index (a hint for the back-off)
   * @param round the request's heartbeat round
   */
  record AppendReply(long term, boolean success, long matchIndex, long round) {}

  /**
   * A client request passed on to the leader by a follower that knows it.
   *
   * @param client the client's node id, which the leader answers directly
   * @param request the request
   * @param hops how many nodes have passed it on
   */
  record Forward(int client, KvRequest request, int hops) {}

  /**
   * One log entry: the term the leader received it in, its command (null for the no-op a new leader
   * appends), and a hash of the whole log up to and including it, which the invariant checker
   * compares.
   */
  record Entry(long term, Command command, long prefixHash) {}

  /**
   * A client's write as the log holds it.
   *
   * @param client the client's node id
   * @param request the request as the client sent it
   */
  record Command(int client, KvRequest request) {
    /** A key for this request, unique in the run (client ids and request ids are). */
    long requestKey() {
      return ((long) client << 40) ^ request.id();
    }
  }

  /** Timer: the election timeout of the given generation elapsed. */
  record ElectionTimeout(long generation) {}

  /** Timer: a leader's heartbeat is due. */
  record Heartbeat(long generation) {}
}
