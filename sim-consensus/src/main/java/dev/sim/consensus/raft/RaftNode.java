package dev.sim.consensus.raft;

import dev.sim.api.NodeControls;
import dev.sim.consensus.raft.KvMachine.Result;
import dev.sim.consensus.raft.RaftLog.Decision;
import dev.sim.consensus.raft.RaftMessages.AppendEntries;
import dev.sim.consensus.raft.RaftMessages.AppendReply;
import dev.sim.consensus.raft.RaftMessages.Command;
import dev.sim.consensus.raft.RaftMessages.ElectionTimeout;
import dev.sim.consensus.raft.RaftMessages.Entry;
import dev.sim.consensus.raft.RaftMessages.Forward;
import dev.sim.consensus.raft.RaftMessages.Heartbeat;
import dev.sim.consensus.raft.RaftMessages.RequestVote;
import dev.sim.consensus.raft.RaftMessages.VoteReply;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * One {@code raft} server, written rule by rule after Figure 2 of the Raft paper (Ongaro and
 * Ousterhout, "In Search of an Understandable Consensus Algorithm", 2014); each rule is marked
 * {@code [Fig. 2: ...]} where it is applied. Beyond Figure 2: a new leader appends a no-op entry
 * (§8), so that it commits an entry of its own term at once; reads are served by the read index
 * (§6.4 of Ongaro's thesis): the leader notes its commitIndex, confirms it is still leader by a
 * heartbeat round a majority answers, waits until it has applied up to the noted index, and answers
 * from its state machine; a follower passes a client's request on to the leader it knows, and a
 * node that knows none answers {@code UNAVAILABLE} ("no leader"). Membership is fixed: the cluster
 * is the node's group.
 *
 * <p>Durable ({@link RaftLog}): currentTerm, votedFor, the log. Volatile, lost in a crash:
 * everything else, the state machine included, which a restarted node rebuilds from its log.
 */
final class RaftNode implements Node {
  enum Role {
    FOLLOWER,
    CANDIDATE,
    LEADER
  }

  /** A client read waiting for the leader to confirm its leadership and apply up to readIndex. */
  private static final class PendingRead {
    final int client;
    final KvRequest request;
    long readIndex = -1;
    long round;

    PendingRead(int client, KvRequest request) {
      this.client = client;
      this.request = request;
    }
  }

  private final RaftParams params;
  private final NodeControls controls;
  private NodeContext ctx;
  private int[] peers;
  private int self;
  private int majority;
  private RaftLog log;
  private RaftInvariants invariants;
  private RaftMetrics metrics;
  private Rng timeouts;

  private Role role = Role.FOLLOWER;
  private int leader = -1; // the peer known to lead currentTerm, or -1
  private long commitIndex;
  private long lastApplied;
  private final KvMachine machine = new KvMachine();
  private long electionTimer = -1;
  private long electionGeneration;
  private long heartbeatTimer = -1;
  private long heartbeatGeneration;
  private long lastLeaderContact; // local time this node last heard from (or was) a leader

  private boolean[] votes;
  private int voteCount;

  private long[] nextIndex;
  private long[] matchIndex;
  private long[] ackedRound;
  private long[] heardAt; // local time of each follower's last answer in this term
  private long leaderSince;
  private long round;
  private final TreeMap<Long, Long> appendedAt = new TreeMap<>(); // index -> local time
  private final TreeMap<Long, Command> awaiting = new TreeMap<>(); // index -> client write
  private final List<PendingRead> reads = new ArrayList<>();

  RaftNode(RaftParams params, NodeControls controls) {
    this.params = params;
    this.controls = controls;
  }

  @Override
  public void start(NodeContext ctx) {
    this.ctx = ctx;
    peers = ctx.members(ctx.group());
    self = indexOf(ctx.id());
    majority = peers.length / 2 + 1;
    log = ctx.durable(RaftLog.class, RaftLog::new);
    if (params.forgetVotes()) {
      log.votedFor = -1; // the deliberate bug: votedFor was never written to stable storage
    }
    int n = peers.length;
    invariants =
        ctx.shared("raft/" + ctx.group(), RaftInvariants.class, () -> new RaftInvariants(n));
    invariants.started(self, ctx.name(), log);
    metrics = new RaftMetrics(ctx.metrics());
    timeouts = ctx.random("election-timeout");

    ctx.on(RequestVote.class, this::onRequestVote);
    ctx.on(VoteReply.class, this::onVoteReply);
    ctx.on(AppendEntries.class, this::onAppendEntries);
    ctx.on(AppendReply.class, this::onAppendReply);
    ctx.on(KvRequest.class, (q, from) -> onClient(from, q, 0));
    ctx.on(Forward.class, (f, from) -> onClient(f.client(), f.request(), f.hops()));
    ctx.onTimer(ElectionTimeout.class, this::onElectionTimeout);
    ctx.onTimer(Heartbeat.class, this::onHeartbeat);

    // [Fig. 2, Rules for Servers, Followers] A server starts as a follower.
    lastLeaderContact = ctx.localTime();
    controls.setRole("follower");
    metrics.leader(0);
    metrics.leaderless(0);
    metrics.term(log.currentTerm);
    metrics.logLength(log.lastIndex());
    resetElectionTimer();
  }

  private int indexOf(int id) {
    for (int i = 0; i < peers.length; i++) {
      if (peers[i] == id) {
        return i;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ terms and timers

  /**
   * [Fig. 2, Rules for Servers, All Servers] If RPC request or response contains term T >
   * currentTerm: set currentTerm = T, convert to follower.
   */
  private void observeTerm(long term) {
    if (term > log.currentTerm) {
      log.currentTerm = term;
      log.votedFor = -1;
      leader = -1;
      metrics.term(term);
      becomeFollower();
    }
  }

  private void becomeFollower() {
    Role was = role;
    role = Role.FOLLOWER;
    if (was == Role.LEADER) {
      stepDown();
      resetElectionTimer();
    }
    controls.setRole("follower");
  }

  /** A leader no longer: what it was waiting for it can no longer answer for. */
  private void stepDown() {
    ctx.cancelTimer(heartbeatTimer);
    heartbeatGeneration++;
    invariants.steppedDown(self);
    ctx.state("");
    metrics.leader(0);
    metrics.leaderless(0);
    lastLeaderContact = ctx.localTime();
    // The entries may still be committed by the next leader: whether the write happened is unknown.
    for (Command c : awaiting.values()) {
      reply(c.client(), c.request(), KvStatus.UNKNOWN, null, "leader lost its leadership");
    }
    awaiting.clear();
    appendedAt.clear();
    for (PendingRead r : reads) {
      metrics.refused();
      reply(r.client, r.request, KvStatus.UNAVAILABLE, null, "leader lost its leadership");
    }
    reads.clear();
  }

  private void resetElectionTimer() {
    ctx.cancelTimer(electionTimer);
    RaftParams.Range t = params.timeout();
    long delay = t.minNanos() + (long) (timeouts.nextDouble() * (t.maxNanos() - t.minNanos()));
    electionTimer = ctx.setTimer(delay, new ElectionTimeout(++electionGeneration));
  }

  /**
   * [Fig. 2, Followers] If election timeout elapses without receiving AppendEntries RPC from
   * current leader or granting vote to candidate: convert to candidate. [Candidates] If election
   * timeout elapses: start new election.
   */
  private void onElectionTimeout(ElectionTimeout t) {
    if (t.generation() != electionGeneration || role == Role.LEADER) {
      return;
    }
    if (role == Role.CANDIDATE && invariants.splitVote(log.currentTerm)) {
      metrics.splitVote();
    }
    startElection();
  }

  /**
   * [Fig. 2, Candidates] On conversion to candidate, start election: increment currentTerm, vote
   * for self, reset election timer, send RequestVote RPCs to all other servers.
   */
  private void startElection() {
    role = Role.CANDIDATE;
    controls.setRole("candidate");
    log.currentTerm++;
    log.votedFor = self;
    leader = -1;
    metrics.term(log.currentTerm);
    metrics.electionStarted();
    votes = new boolean[peers.length];
    votes[self] = true;
    voteCount = 1;
    resetElectionTimer();
    RequestVote rv = new RequestVote(log.currentTerm, log.lastIndex(), log.lastTerm());
    for (int p = 0; p < peers.length; p++) {
      if (p != self) {
        ctx.send(peers[p], rv);
      }
    }
    if (voteCount >= majority) {
      becomeLeader();
    }
  }

  // ------------------------------------------------------------------ RequestVote

  /**
   * [Fig. 2, RequestVote RPC, Receiver implementation] 1. Reply false if term < currentTerm. 2. If
   * votedFor is null or candidateId, and candidate's log is at least as up-to-date as receiver's
   * log, grant vote.
   */
  private void onRequestVote(RequestVote m, int sender) {
    int from = indexOf(sender);
    if (from < 0) {
      return;
    }
    observeTerm(m.term());
    boolean grant =
        m.term() == log.currentTerm
            && (log.votedFor == -1 || log.votedFor == from)
            && upToDate(m.lastLogTerm(), m.lastLogIndex());
    if (grant) {
      log.votedFor = from;
      resetElectionTimer(); // [Followers] granting a vote resets the election timeout
    }
    ctx.send(sender, new VoteReply(log.currentTerm, grant));
  }

  /**
   * §5.4.1: the log with the later last term is more up-to-date; with the same last term, the
   * longer log is.
   */
  private boolean upToDate(long lastTerm, long lastIndex) {
    long myTerm = log.lastTerm();
    return lastTerm > myTerm || (lastTerm == myTerm && lastIndex >= log.lastIndex());
  }

  /** [Fig. 2, Candidates] If votes received from majority of servers: become leader. */
  private void onVoteReply(VoteReply m, int sender) {
    int from = indexOf(sender);
    if (from < 0) {
      return;
    }
    observeTerm(m.term());
    if (role != Role.CANDIDATE || m.term() != log.currentTerm || !m.granted() || votes[from]) {
      return;
    }
    votes[from] = true;
    voteCount++;
    if (voteCount >= majority) {
      becomeLeader();
    }
  }

  /**
   * [Fig. 2, Leaders] Upon election: send initial empty AppendEntries RPCs (heartbeat) to each
   * server; repeat during idle periods to prevent election timeouts. (Volatile state on leaders,
   * reinitialized after election: nextIndex to leader last log index + 1, matchIndex to 0.)
   */
  private void becomeLeader() {
    role = Role.LEADER;
    leader = self;
    controls.setRole("leader");
    ctx.cancelTimer(electionTimer);
    electionGeneration++;
    invariants.elected(self, log.currentTerm);
    ctx.state("leader t" + log.currentTerm);
    long now = ctx.localTime();
    metrics.elected((now - lastLeaderContact) / 1e6);
    metrics.leader(self + 1);
    lastLeaderContact = now;
    nextIndex = new long[peers.length];
    matchIndex = new long[peers.length];
    ackedRound = new long[peers.length];
    heardAt = new long[peers.length];
    leaderSince = now;
    java.util.Arrays.fill(nextIndex, log.lastIndex() + 1);
    // §8: a no-op entry of its own term, so the leader learns which entries are committed.
    appendLocal(null);
    broadcastAppend();
    scheduleHeartbeat();
  }

  // ------------------------------------------------------------------ AppendEntries, leader side

  private void scheduleHeartbeat() {
    heartbeatTimer = ctx.setTimer(params.heartbeatNanos(), new Heartbeat(++heartbeatGeneration));
  }

  private void onHeartbeat(Heartbeat h) {
    if (h.generation() != heartbeatGeneration || role != Role.LEADER) {
      return;
    }
    long now = ctx.localTime();
    if (params.checkQuorum() && !majorityHeardSince(now - params.timeout().maxNanos())) {
      // Check-quorum: cut off from a majority, it could commit nothing; a follower knows no leader
      // and answers unavailable, where a leader would keep its clients waiting.
      becomeFollower();
      leader = -1;
      return;
    }
    lastLeaderContact = now;
    broadcastAppend();
    scheduleHeartbeat();
  }

  private boolean majorityHeardSince(long since) {
    if (leaderSince > since) {
      return true; // not leader for long enough to judge
    }
    int heard = 1;
    for (int p = 0; p < peers.length; p++) {
      if (p != self && heardAt[p] >= since) {
        heard++;
      }
    }
    return heard >= majority;
  }

  /** [Fig. 2, Leaders] If command received from client: append entry to local log. */
  private long appendLocal(Command c) {
    Entry e = log.append(log.currentTerm, c);
    long index = log.lastIndex();
    invariants.appended(self, index, e);
    matchIndex[self] = index;
    nextIndex[self] = index + 1;
    appendedAt.put(index, ctx.localTime());
    metrics.logLength(index);
    return index;
  }

  /** A new heartbeat round to every follower, each with the entries it lacks. */
  private void broadcastAppend() {
    round++;
    for (int p = 0; p < peers.length; p++) {
      if (p != self) {
        sendAppend(p);
      }
    }
    if (peers.length == 1) {
      advanceCommit();
      confirmReads();
    }
  }

  /**
   * [Fig. 2, Leaders] If last log index >= nextIndex for a follower: send AppendEntries RPC with
   * log entries starting at nextIndex.
   */
  private void sendAppend(int p) {
    long prev = nextIndex[p] - 1;
    List<Entry> entries = log.slice(nextIndex[p], params.maxBatch());
    ctx.send(
        peers[p],
        new AppendEntries(log.currentTerm, prev, log.term(prev), entries, commitIndex, round));
  }

  /**
   * [Fig. 2, Leaders] If successful: update nextIndex and matchIndex for follower. If AppendEntries
   * fails because of log inconsistency: decrement nextIndex and retry (to just past the follower's
   * last entry at once when its log is shorter, as its reply says).
   */
  private void onAppendReply(AppendReply m, int sender) {
    int from = indexOf(sender);
    if (from < 0) {
      return;
    }
    observeTerm(m.term());
    if (role != Role.LEADER || m.term() != log.currentTerm) {
      return;
    }
    ackedRound[from] = Math.max(ackedRound[from], m.round());
    heardAt[from] = ctx.localTime();
    if (m.success()) {
      matchIndex[from] = Math.max(matchIndex[from], m.matchIndex());
      nextIndex[from] = Math.max(nextIndex[from], m.matchIndex() + 1);
      advanceCommit();
      if (nextIndex[from] <= log.lastIndex() && m.matchIndex() + 1 == nextIndex[from]) {
        sendAppend(from); // more to send, and this reply is the newest: keep the pipe full
      }
    } else if (nextIndex[from] > matchIndex[from] + 1) {
      nextIndex[from] =
          Math.max(matchIndex[from] + 1, Math.min(nextIndex[from] - 1, m.matchIndex() + 1));
      sendAppend(from);
    }
    confirmReads();
  }

  /**
   * [Fig. 2, Leaders] If there exists an N such that N > commitIndex, a majority of matchIndex[i]
   * >= N, and log[N].term == currentTerm: set commitIndex = N.
   */
  private void advanceCommit() {
    long n = log.lastIndex();
    for (; n > commitIndex; n--) {
      if (log.term(n) != log.currentTerm) {
        return; // entries of earlier terms are never committed by counting replicas (§5.4.2)
      }
      int count = 0;
      for (long m : matchIndex) {
        if (m >= n) {
          count++;
        }
      }
      if (count >= majority) {
        break;
      }
    }
    if (n <= commitIndex) {
      return;
    }
    long now = ctx.localTime();
    for (long i = commitIndex + 1; i <= n; i++) {
      invariants.committed(self, log.currentTerm, i, log.hash(i));
      Long at = appendedAt.remove(i);
      if (at != null && log.entry(i).command() != null) {
        metrics.commitLatency((now - at) / 1e6);
      }
    }
    metrics.committed(n - commitIndex);
    commitIndex = n;
    applyCommitted();
    startReads();
  }

  // ------------------------------------------------------------------ AppendEntries, follower side

  /**
   * [Fig. 2, AppendEntries RPC, Receiver implementation] 1. Reply false if term < currentTerm. 2.
   * Reply false if log doesn't contain an entry at prevLogIndex whose term matches prevLogTerm. 3.
   * If an existing entry conflicts with a new one (same index but different terms), delete the
   * existing entry and all that follow it. 4. Append any new entries not already in the log. 5. If
   * leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry).
   */
  private void onAppendEntries(AppendEntries m, int sender) {
    int from = indexOf(sender);
    if (from < 0) {
      return;
    }
    observeTerm(m.term());
    if (m.term() < log.currentTerm) {
      ctx.send(sender, new AppendReply(log.currentTerm, false, log.lastIndex(), m.round()));
      return;
    }
    // [Candidates] If AppendEntries RPC received from new leader: convert to follower.
    if (role == Role.CANDIDATE) {
      becomeFollower();
    }
    if (role == Role.LEADER) {
      // Only a second leader of the same term sends this; election safety has already failed.
      return;
    }
    leader = from;
    lastLeaderContact = ctx.localTime();
    resetElectionTimer();
    long prev = m.prevLogIndex();
    if (prev > log.lastIndex() || log.term(prev) != m.prevLogTerm()) {
      long hint = Math.min(log.lastIndex(), prev - 1);
      ctx.send(sender, new AppendReply(log.currentTerm, false, hint, m.round()));
      return;
    }
    long index = prev;
    boolean changed = false;
    for (Entry e : m.entries()) {
      index++;
      if (index <= log.lastIndex()) {
        if (log.term(index) == e.term()) {
          continue; // already there: a late or duplicated request must not cut the log short
        }
        if (index <= commitIndex) {
          throw new IllegalStateException(
              "the leader of term " + m.term() + " would overwrite committed entry " + index);
        }
        log.truncateFrom(index);
      }
      log.add(e);
      invariants.appended(self, index, e);
      changed = true;
    }
    if (changed) {
      metrics.logLength(log.lastIndex());
    }
    if (m.leaderCommit() > commitIndex) {
      commitIndex = Math.max(commitIndex, Math.min(m.leaderCommit(), index));
      applyCommitted();
    }
    ctx.send(sender, new AppendReply(log.currentTerm, true, index, m.round()));
  }

  // ------------------------------------------------------------------ applying

  /**
   * [Fig. 2, All Servers] If commitIndex > lastApplied: increment lastApplied, apply
   * log[lastApplied] to state machine. [Leaders] respond to the client after the entry is applied.
   */
  private void applyCommitted() {
    while (lastApplied < commitIndex) {
      lastApplied++;
      Entry e = log.entry(lastApplied);
      invariants.applied(self, lastApplied, e.prefixHash());
      Result r = machine.apply(e.command());
      Command waiting = awaiting.remove(lastApplied);
      if (waiting != null && r != null) {
        reply(waiting.client(), waiting.request(), r.status(), r.value(), "committed");
      }
    }
    confirmReads();
  }

  // ------------------------------------------------------------------ clients

  private void onClient(int client, KvRequest q, int hops) {
    if ("read".equals(q.f())) {
      onRead(client, q, hops);
      return;
    }
    long key = new Command(client, q).requestKey();
    Decision before = log.decided(key);
    if (before == Decision.REFUSED) {
      reply(client, q, KvStatus.UNAVAILABLE, null, "no leader");
      return;
    }
    if (before != null) {
      return; // a duplicate of a request already under way: its answer comes from the leader
    }
    if (role == Role.LEADER) {
      log.decide(key, Decision.APPENDED);
      Command c = new Command(client, q);
      awaiting.put(appendLocal(c), c);
      broadcastAppend();
    } else if (leader >= 0 && hops < 2) {
      log.decide(key, Decision.FORWARDED);
      metrics.forwarded();
      ctx.send(peers[leader], new Forward(client, q, hops + 1));
    } else {
      log.decide(key, Decision.REFUSED);
      metrics.refused();
      reply(client, q, KvStatus.UNAVAILABLE, null, "no leader");
    }
  }

  private void onRead(int client, KvRequest q, int hops) {
    if (role == Role.LEADER) {
      reads.add(new PendingRead(client, q));
      startReads();
    } else if (leader >= 0 && hops < 2) {
      metrics.forwarded();
      ctx.send(peers[leader], new Forward(client, q, hops + 1));
    } else {
      metrics.refused();
      reply(client, q, KvStatus.UNAVAILABLE, null, "no leader");
    }
  }

  /**
   * Read index: once the leader has committed an entry of its own term, each waiting read notes the
   * commitIndex and the next heartbeat round, which goes out at once.
   */
  private void startReads() {
    if (role != Role.LEADER || reads.isEmpty() || log.term(commitIndex) != log.currentTerm) {
      return;
    }
    boolean any = false;
    for (PendingRead r : reads) {
      if (r.readIndex < 0) {
        r.readIndex = commitIndex;
        r.round = round + 1;
        any = true;
      }
    }
    if (any) {
      broadcastAppend();
    }
  }

  /** Answers the reads whose round a majority has acknowledged and whose index is applied. */
  private void confirmReads() {
    if (role != Role.LEADER || reads.isEmpty()) {
      return;
    }
    for (Iterator<PendingRead> it = reads.iterator(); it.hasNext(); ) {
      PendingRead r = it.next();
      if (r.readIndex < 0 || lastApplied < r.readIndex) {
        continue;
      }
      int acks = 1;
      for (int p = 0; p < peers.length; p++) {
        if (p != self && ackedRound[p] >= r.round) {
          acks++;
        }
      }
      if (acks >= majority) {
        it.remove();
        Object value = machine.read(r.request.key(), r.request.kind());
        reply(r.client, r.request, KvStatus.OK, value, "read index " + r.readIndex);
      }
    }
  }

  private void reply(int client, KvRequest q, KvStatus status, Object value, String detail) {
    ctx.send(client, new KvReply(q.id(), status, value, 0, detail));
  }
}
