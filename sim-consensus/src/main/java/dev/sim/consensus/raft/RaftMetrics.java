package dev.sim.consensus.raft;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.metrics.NodeMetrics;
import java.util.List;

/**
 * The metrics a {@code raft} node records, declared once here ({@link #SPECS}, what {@link
 * RaftType#metrics} returns) and recorded only through this class.
 */
final class RaftMetrics {
  static final String LEADER = "leader";
  static final String TERM = "term";
  static final String OUTAGE = "leaderlessMs";
  static final String ELECTIONS = "electionsStarted";
  static final String SPLIT = "splitVotes";
  static final String ELECTED = "leadersElected";
  static final String OUTAGE_TOTAL = "timeWithoutLeaderMs";
  static final String COMMIT_LATENCY = "commitLatencyMs";
  static final String COMMITTED = "entriesCommitted";
  static final String LOG = "logLength";
  static final String FORWARDED = "requestsForwarded";
  static final String REFUSED = "requestsRefused";

  static final List<MetricSpec> SPECS =
      List.of(
          MetricSpec.gauge(LEADER, "Leader", "node number")
              .chart("leader")
              .yLabel("node number while it leads")
              .describe(
                  "Which node leads: each node's line stands at its own number (raft-3 at 3)"
                      + " while it is leader, at 0 otherwise (a crashed node's gauges read 0, so a"
                      + " crashed leader's line drops at its crash)")
              .order(10),
          MetricSpec.gauge(OUTAGE, "Time without a leader per election", "ms")
              .chart("time-without-leader")
              .yLabel("ms without a leader")
              .describe(
                  "While a node leads, its line stands at how long it had gone without a leader"
                      + " before its election (from the last heartbeat it heard, or its start);"
                      + " a crashed node's line drops to 0")
              .order(11),
          MetricSpec.counter(ELECTIONS, "Elections started", "candidacies")
              .describe("Times a node became a candidate and asked for votes")
              .order(12),
          MetricSpec.counter(SPLIT, "Split votes", "terms")
              .describe(
                  "Terms whose election timed out with no leader elected (split votes, or votes"
                      + " lost), each counted once")
              .order(13),
          MetricSpec.counter(ELECTED, "Leaders elected", "elections won")
              .describe("Candidates that won a majority and became leader")
              .order(14),
          MetricSpec.counter(OUTAGE_TOTAL, "Time without a leader", "ms")
              .chart("time-without-leader-total")
              .describe(
                  "The winners' times without a leader, summed: over leadersElected, the mean"
                      + " outage per election")
              .order(15),
          MetricSpec.gauge(TERM, "Current term", "term")
              .yLabel("term")
              .describe("Each node's currentTerm")
              .averaged()
              .order(16),
          MetricSpec.gauge(COMMIT_LATENCY, "Commit latency", "ms")
              .chart("commit-latency")
              .yLabel("ms from append to commit")
              .describe(
                  "On the leader, from appending a client's entry to committing it (a majority"
                      + " stored it)")
              .averaged()
              .order(17),
          MetricSpec.counter(COMMITTED, "Entries committed", "entries")
              .describe("Log entries the leaders committed (no-ops included)")
              .order(18),
          MetricSpec.gauge(LOG, "Log length", "entries")
              .yLabel("entries")
              .describe("Entries in each node's log")
              .averaged()
              .order(19),
          MetricSpec.counter(FORWARDED, "Requests passed to the leader", "requests")
              .describe("Client requests a follower passed on to the leader it knows")
              .order(20),
          MetricSpec.counter(REFUSED, "Requests refused: no leader", "requests")
              .describe(
                  "Client requests answered unavailable because the node knew no leader (or lost"
                      + " leadership before a read was confirmed)")
              .order(21));

  private final NodeMetrics m;

  RaftMetrics(NodeMetrics m) {
    this.m = m;
  }

  void leader(int number) {
    m.gauge(LEADER, number);
  }

  void term(long term) {
    m.gauge(TERM, term);
  }

  void elected(double outageMs) {
    m.count(ELECTED, 1);
    m.gauge(OUTAGE, outageMs);
    m.count(OUTAGE_TOTAL, Math.round(outageMs));
  }

  void leaderless(double ms) {
    m.gauge(OUTAGE, ms);
  }

  void electionStarted() {
    m.count(ELECTIONS, 1);
  }

  void splitVote() {
    m.count(SPLIT, 1);
  }

  void committed(long entries) {
    m.count(COMMITTED, entries);
  }

  void commitLatency(double ms) {
    m.gauge(COMMIT_LATENCY, ms);
  }

  void logLength(long n) {
    m.gauge(LOG, n);
  }

  void forwarded() {
    m.count(FORWARDED, 1);
  }

  void refused() {
    m.count(REFUSED, 1);
  }
}
