package dev.sim.consensus.raft;

import static dev.sim.testkit.Harness.ms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.consensus.raft.RaftMessages.AppendEntries;
import dev.sim.consensus.raft.RaftMessages.AppendReply;
import dev.sim.consensus.raft.RaftMessages.Entry;
import dev.sim.consensus.raft.RaftMessages.Forward;
import dev.sim.consensus.raft.RaftMessages.RequestVote;
import dev.sim.consensus.raft.RaftMessages.VoteReply;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of Figure 2 of the Raft paper: one real {@code raft} node (instance {@code
 * raft}) in a group with two scripted peers ({@code raft-2}, {@code raft-3}) that send it exactly
 * the RPCs a rule is about and record what it answers, on a network of 1ms per message.
 */
class RaftRulesTest {
  /** Something a scripted node sends at a time. */
  record Act(long atNanos, String to, Object message) {}

  /** What a scripted node received, and when. */
  record Got(long atNanos, Object message) {}

  /** A scripted peer (or client): sends its acts, records everything, optionally votes and acks. */
  static final class Script implements Node {
    record Do(int i) {}

    final List<Act> acts = new ArrayList<>();
    final List<Got> got = new ArrayList<>();
    boolean vote;
    boolean ack;

    @Override
    public void start(NodeContext ctx) {
      ctx.on(
          RequestVote.class,
          (m, f) -> {
            got.add(new Got(ctx.localTime(), m));
            if (vote) {
              ctx.send(f, new VoteReply(m.term(), true));
            }
          });
      ctx.on(
          AppendEntries.class,
          (m, f) -> {
            got.add(new Got(ctx.localTime(), m));
            if (ack) {
              ctx.send(
                  f,
                  new AppendReply(
                      m.term(), true, m.prevLogIndex() + m.entries().size(), m.round()));
            }
          });
      ctx.on(VoteReply.class, (m, f) -> got.add(new Got(ctx.localTime(), m)));
      ctx.on(AppendReply.class, (m, f) -> got.add(new Got(ctx.localTime(), m)));
      ctx.on(Forward.class, (m, f) -> got.add(new Got(ctx.localTime(), m)));
      ctx.on(KvReply.class, (m, f) -> got.add(new Got(ctx.localTime(), m)));
      ctx.onTimer(
          Do.class,
          d -> {
            Act a = acts.get(d.i());
            ctx.send(ctx.lookup(a.to()), a.message());
          });
      for (int i = 0; i < acts.size(); i++) {
        ctx.setTimer(acts.get(i).atNanos(), new Do(i));
      }
    }

    <M> List<M> all(Class<M> type) {
      List<M> out = new ArrayList<>();
      for (Got g : got) {
        if (type.isInstance(g.message())) {
          out.add(type.cast(g.message()));
        }
      }
      return out;
    }

    <M> M last(Class<M> type) {
      List<M> all = all(type);
      assertThat(all).as("a %s received", type.getSimpleName()).isNotEmpty();
      return all.get(all.size() - 1);
    }
  }

  final Script p2 = new Script();
  final Script p3 = new Script();
  final Script client = new Script();

  Harness cluster(RaftParams params) {
    return Harness.seed(7)
        .latency(ms(1))
        .add("raft", 1, new RaftType(), params)
        .node("raft-2", "raft", () -> p2)
        .node("raft-3", "raft", () -> p3)
        .node("client", () -> client);
  }

  /** Timeouts so long the real node never starts an election on its own during a test. */
  static RaftParams patient() {
    return new RaftParams(new RaftParams.Range(ms(5000), ms(5001)), ms(50), 64, false, null);
  }

  static Entry entry(long term, long prevHash) {
    return new Entry(term, null, RaftLog.chain(prevHash, term, null));
  }

  @Test
  void aFollowerWhoseElectionTimeoutElapsesBecomesACandidateAndAsksEveryoneForVotes() {
    cluster(Rig.params(150, 300)).run(ms(400));
    RequestVote rv = p2.all(RequestVote.class).get(0);
    assertThat(rv).isEqualTo(new RequestVote(1, 0, 0));
    assertThat(p2.got.get(0).atNanos()).isBetween(ms(151), ms(301));
    assertThat(p3.all(RequestVote.class)).isNotEmpty();
  }

  @Test
  void aCandidateThatTimesOutStartsANewElectionInTheNextTerm() {
    cluster(Rig.params(150, 300)).run(ms(1000));
    List<RequestVote> votes = p2.all(RequestVote.class);
    assertThat(votes.size()).isGreaterThanOrEqualTo(3);
    for (int i = 0; i < votes.size(); i++) {
      assertThat(votes.get(i).term()).isEqualTo(i + 1);
    }
  }

  @Test
  void aCandidateWithAMajorityBecomesLeaderAndSendsHeartbeatsWithItsNoOp() {
    p2.vote = true;
    p2.ack = true;
    p3.ack = true;
    cluster(Rig.params(150, 300)).run(ms(600));
    List<AppendEntries> aes = p3.all(AppendEntries.class);
    assertThat(aes).isNotEmpty();
    assertThat(aes.get(0).term()).isEqualTo(1);
    assertThat(aes.get(0).entries()).hasSize(1); // the no-op of its term (§8)
    assertThat(aes.get(0).entries().get(0).command()).isNull();
    // Heartbeats every 50ms while idle, each carrying the commit index once a majority acked.
    assertThat(aes.size()).isGreaterThanOrEqualTo(5);
    assertThat(aes.get(aes.size() - 1).leaderCommit()).isEqualTo(1);
    // It never asks for votes again: the heartbeats keep the others from timing out.
    assertThat(p2.all(RequestVote.class)).hasSize(1);
  }

  @Test
  void aVoteIsRefusedForAnOlderTerm() {
    p2.acts.add(new Act(ms(10), "raft", new RequestVote(3, 0, 0)));
    p3.acts.add(new Act(ms(20), "raft", new RequestVote(2, 0, 0)));
    cluster(patient()).run(ms(50));
    assertThat(p2.last(VoteReply.class)).isEqualTo(new VoteReply(3, true));
    assertThat(p3.last(VoteReply.class)).isEqualTo(new VoteReply(3, false));
  }

  @Test
  void aServerVotesForAtMostOneCandidatePerTerm() {
    p2.acts.add(new Act(ms(10), "raft", new RequestVote(5, 0, 0)));
    p3.acts.add(new Act(ms(20), "raft", new RequestVote(5, 0, 0)));
    p2.acts.add(new Act(ms(30), "raft", new RequestVote(5, 0, 0)));
    cluster(patient()).run(ms(50));
    assertThat(p3.last(VoteReply.class)).isEqualTo(new VoteReply(5, false));
    // The same candidate asking again gets its vote again (votedFor == candidateId).
    assertThat(p2.all(VoteReply.class))
        .containsExactly(new VoteReply(5, true), new VoteReply(5, true));
  }

  @Test
  void aVoteIsGrantedOnlyToACandidateWhoseLogIsAtLeastAsUpToDate() {
    // raft-2, leader of term 2, gives the node two entries: its log ends at index 2, term 2.
    Entry e1 = entry(1, 0);
    Entry e2 = entry(2, e1.prefixHash());
    p2.acts.add(new Act(ms(10), "raft", new AppendEntries(2, 0, 0, List.of(e1, e2), 0, 1)));
    // Longer log, older last term: refused. Same last term, shorter: refused. Same, as long: yes.
    p3.acts.add(new Act(ms(20), "raft", new RequestVote(3, 9, 1)));
    p3.acts.add(new Act(ms(30), "raft", new RequestVote(4, 1, 2)));
    p3.acts.add(new Act(ms(40), "raft", new RequestVote(5, 2, 2)));
    cluster(patient()).run(ms(60));
    assertThat(p3.all(VoteReply.class))
        .containsExactly(new VoteReply(3, false), new VoteReply(4, false), new VoteReply(5, true));
  }

  @Test
  void aHigherTermInAnyMessageMakesALeaderAFollowerOfThatTerm() {
    p2.vote = true;
    p2.ack = true;
    p3.ack = true;
    p3.acts.add(new Act(ms(400), "raft", new AppendReply(7, false, 0, 0)));
    cluster(Rig.params(150, 300)).run(ms(800));
    // It stopped leading term 1 when the higher term reached it (at ~401ms): a follower of term 7,
    // its next election is of term 8, and no heartbeat of term 1 or 7 follows.
    for (Got g : p2.got) {
      if (g.message() instanceof AppendEntries a) {
        assertThat(a.term()).isEqualTo(g.atNanos() < ms(402) ? 1 : 8);
      }
    }
    assertThat(p2.all(RequestVote.class)).extracting(RequestVote::term).containsExactly(1L, 8L);
  }

  @Test
  void appendEntriesIsRefusedForAnOlderTermAndWhenTheLogLacksPrevLogIndex() {
    Entry e1 = entry(2, 0);
    p2.acts.add(new Act(ms(10), "raft", new AppendEntries(2, 0, 0, List.of(e1), 0, 1)));
    p3.acts.add(new Act(ms(20), "raft", new AppendEntries(1, 0, 0, List.of(), 0, 1)));
    p2.acts.add(new Act(ms(30), "raft", new AppendEntries(2, 5, 2, List.of(), 0, 2)));
    p2.acts.add(new Act(ms(40), "raft", new AppendEntries(2, 1, 1, List.of(), 0, 3)));
    cluster(patient()).run(ms(60));
    assertThat(p3.last(AppendReply.class)).isEqualTo(new AppendReply(2, false, 1, 1));
    List<AppendReply> r = p2.all(AppendReply.class);
    assertThat(r.get(0)).isEqualTo(new AppendReply(2, true, 1, 1));
    assertThat(r.get(1)).isEqualTo(new AppendReply(2, false, 1, 2)); // no entry 5: hint, last 1
    assertThat(r.get(2)).isEqualTo(new AppendReply(2, false, 0, 3)); // entry 1 of another term
  }

  @Test
  void aConflictingEntryAndAllThatFollowAreDeletedButAMatchingOneIsKept() {
    Entry a1 = entry(1, 0);
    Entry a2 = entry(1, a1.prefixHash());
    Entry a3 = entry(1, a2.prefixHash());
    Entry b2 = entry(3, a1.prefixHash());
    p2.acts.add(new Act(ms(10), "raft", new AppendEntries(1, 0, 0, List.of(a1, a2, a3), 0, 1)));
    // A late copy of a shorter request must not cut the log short.
    p2.acts.add(new Act(ms(20), "raft", new AppendEntries(1, 0, 0, List.of(a1), 0, 2)));
    // The leader of term 3 has another entry at index 2: entries 2 and 3 go, b2 comes in.
    p3.acts.add(new Act(ms(30), "raft", new AppendEntries(3, 1, 1, List.of(b2), 0, 1)));
    p3.acts.add(new Act(ms(40), "raft", new AppendEntries(3, 2, 3, List.of(), 0, 2)));
    p3.acts.add(new Act(ms(50), "raft", new AppendEntries(3, 3, 1, List.of(), 0, 3)));
    cluster(patient()).run(ms(70));
    assertThat(p2.all(AppendReply.class))
        .containsExactly(new AppendReply(1, true, 3, 1), new AppendReply(1, true, 1, 2));
    assertThat(p3.all(AppendReply.class))
        .containsExactly(
            new AppendReply(3, true, 2, 1),
            new AppendReply(3, true, 2, 2), // index 2 of term 3 is there
            new AppendReply(3, false, 2, 3)); // and index 3 is gone
  }

  @Test
  void theCommitIndexFollowsLeaderCommitUpToTheLastNewEntryAndIsApplied() {
    Entry a1 = entry(1, 0);
    Entry a2 = entry(1, a1.prefixHash());
    // leaderCommit 9 but only two entries here: commitIndex becomes 2, which makes raft a good
    // leader later: elected in term 2, its no-op is index 3 and it tells the others commit 2+.
    p2.acts.add(new Act(ms(10), "raft", new AppendEntries(1, 0, 0, List.of(a1, a2), 9, 1)));
    p2.vote = true;
    p2.ack = true;
    cluster(Rig.params(150, 300)).run(ms(600));
    List<AppendEntries> aes = p2.all(AppendEntries.class);
    AppendEntries first = aes.get(0);
    assertThat(first.term()).isEqualTo(2);
    assertThat(first.leaderCommit()).isEqualTo(2);
    assertThat(first.prevLogIndex()).isEqualTo(2);
    assertThat(aes.get(aes.size() - 1).leaderCommit()).isEqualTo(3);
  }

  @Test
  void aRefusedAppendEntriesBacksNextIndexOffAndRetries() {
    p2.vote = true;
    p3.ack = true;
    Entry a1 = entry(1, 0);
    Entry a2 = entry(1, a1.prefixHash());
    Entry a3 = entry(1, a2.prefixHash());
    // The node holds three entries of term 1 before it is elected in term 2.
    p3.acts.add(new Act(ms(10), "raft", new AppendEntries(1, 0, 0, List.of(a1, a2, a3), 0, 1)));
    // raft-2 refuses every AppendEntries of term 2 while its hint says its log ends at 3.
    p2.acts.add(new Act(ms(200), "raft", new AppendReply(2, false, 3, 1)));
    p2.acts.add(new Act(ms(202), "raft", new AppendReply(2, false, 1, 1)));
    cluster(Rig.params(150, 151)).run(ms(250));
    List<AppendEntries> aes = p2.all(AppendEntries.class);
    assertThat(aes.get(0).prevLogIndex()).isEqualTo(3); // nextIndex = last + 1 = 4 at election
    List<Long> prevs = new ArrayList<>();
    for (AppendEntries a : aes) {
      prevs.add(a.prevLogIndex());
    }
    assertThat(prevs).contains(2L, 1L); // back off by one, then to past the hint
  }

  @Test
  void onlyEntriesOfTheCurrentTermAreCommittedByCountingReplicas() {
    Entry a1 = entry(1, 0);
    p3.acts.add(new Act(ms(10), "raft", new AppendEntries(1, 0, 0, List.of(a1), 0, 1)));
    p2.vote = true;
    // raft-2 acknowledges index 1 only (the old term's entry), never the no-op at index 2.
    p2.acts.add(new Act(ms(320), "raft", new AppendReply(2, true, 1, 1)));
    p2.acts.add(new Act(ms(400), "raft", new AppendReply(2, true, 2, 2)));
    cluster(Rig.params(150, 300)).run(ms(500));
    long before = 0;
    long after = 0;
    for (Got g : p2.got) {
      if (g.message() instanceof AppendEntries a) {
        if (g.atNanos() < ms(400)) {
          before = Math.max(before, a.leaderCommit());
        } else if (g.atNanos() > ms(402)) {
          after = Math.max(after, a.leaderCommit());
        }
      }
    }
    assertThat(before).as("a majority holds entry 1 of term 1, yet it is not committed").isZero();
    assertThat(after).as("the no-op of term 2 commits, and entry 1 with it").isEqualTo(2);
  }

  @Test
  void currentTermVotedForAndTheLogSurviveACrash() {
    Entry a1 = entry(1, 0);
    p2.acts.add(new Act(ms(10), "raft", new AppendEntries(1, 0, 0, List.of(a1), 0, 1)));
    p2.acts.add(new Act(ms(20), "raft", new RequestVote(5, 1, 1)));
    p3.acts.add(new Act(ms(100), "raft", new RequestVote(5, 1, 1)));
    p3.acts.add(new Act(ms(110), "raft", new RequestVote(4, 1, 1)));
    p3.acts.add(new Act(ms(120), "raft", new AppendEntries(5, 1, 1, List.of(), 0, 1)));
    cluster(patient()).crash(ms(50), "raft").restart(ms(60), "raft").run(ms(150));
    assertThat(p2.last(VoteReply.class)).isEqualTo(new VoteReply(5, true));
    // After the restart: still in term 5, still voted for raft-2, still holding entry 1.
    assertThat(p3.all(VoteReply.class))
        .containsExactly(new VoteReply(5, false), new VoteReply(5, false));
    assertThat(p3.last(AppendReply.class)).isEqualTo(new AppendReply(5, true, 1, 1));
  }

  @Test
  void aFollowerPassesClientsToTheLeaderItKnowsAndAnswersNoLeaderOtherwise() {
    client.acts.add(new Act(ms(10), "raft", new KvRequest(1, "write", "k", 1L, DataKind.REGISTER)));
    p2.acts.add(new Act(ms(20), "raft", new AppendEntries(1, 0, 0, List.of(), 0, 1)));
    client.acts.add(new Act(ms(30), "raft", new KvRequest(2, "write", "k", 2L, DataKind.REGISTER)));
    cluster(patient()).run(ms(50));
    assertThat(client.all(KvReply.class)).hasSize(1);
    assertThat(client.last(KvReply.class).status()).isEqualTo(KvStatus.UNAVAILABLE);
    assertThat(client.last(KvReply.class).id()).isEqualTo(1);
    assertThat(p2.last(Forward.class).request().id()).isEqualTo(2);
  }

  @Test
  void aLeaderAnswersAWriteOnceCommittedAndAReadOnlyAfterAMajorityConfirmedItLeads() {
    p2.vote = true;
    p2.ack = true;
    // raft-3 is silent, raft-2 stops acknowledging after 500ms: a read then waits forever.
    client.acts.add(
        new Act(ms(400), "raft", new KvRequest(1, "write", "k", 7L, DataKind.REGISTER)));
    client.acts.add(
        new Act(ms(450), "raft", new KvRequest(2, "read", "k", null, DataKind.REGISTER)));
    Harness h = cluster(Rig.params(150, 300));
    h.at(ms(500), "raft-2 goes quiet", () -> p2.ack = false);
    client.acts.add(
        new Act(ms(600), "raft", new KvRequest(3, "read", "k", null, DataKind.REGISTER)));
    h.run(ms(900));
    List<KvReply> replies = client.all(KvReply.class);
    assertThat(replies.get(0).id()).isEqualTo(1L);
    assertThat(replies.get(0).status()).isEqualTo(KvStatus.OK);
    assertThat(replies.get(1).id()).isEqualTo(2L);
    assertThat(replies.get(1).value()).isEqualTo(7L);
    // The read after raft-2 went quiet is never answered ok; check-quorum ends it unavailable.
    assertThat(replies)
        .filteredOn(r -> r.id() == 3)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(KvStatus.UNAVAILABLE));
  }
}
