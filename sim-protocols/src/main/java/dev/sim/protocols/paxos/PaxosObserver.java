package dev.sim.protocols.paxos;

import dev.sim.kernel.node.InvariantViolation;
import dev.sim.kernel.node.NodeContext;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * The run's omniscient observer of its Paxos nodes, outside the protocol (one per simulation, under
 * the key {@code paxos} of {@link NodeContext#shared}): it sees every acceptor's accepts and every
 * learner's value the moment they happen, and checks the safety invariant {@value #INVARIANT}
 * always, in every run:
 *
 * <ul>
 *   <li>no two ballots with different values are each accepted by a majority of the acceptors (a
 *       value is chosen when a majority accepted it in one ballot, whether or not anyone learns
 *       it), and one ballot never carries two values;
 *   <li>no two learners learn different values.
 * </ul>
 *
 * A violation throws {@link InvariantViolation} from the handler of the node that broke it, which
 * ends the run (exit code 1) at that simulated time; the command line adds the seed. The observer
 * also counts the Paxos messages sent, for the messages a choice cost. The majority is of every
 * {@code paxos-acceptor} of the run: one Paxos instance per scenario.
 */
final class PaxosObserver {
  /** The invariant's name, as violations and the docs give it. */
  static final String INVARIANT = "at most one value chosen";

  private final BitSet acceptors = new BitSet();
  // Per ballot, in ballot order: which acceptors accepted it, and its value.
  private final TreeMap<Ballot, BitSet> votes = new TreeMap<>();
  private final TreeMap<Ballot, String> values = new TreeMap<>();
  private Ballot chosenBallot;
  private String chosenValue;
  private String learnedBy;
  private String learnedValue;
  private long messages;

  /** The run's observer, made by the first Paxos node that asks. */
  static PaxosObserver of(NodeContext ctx) {
    return ctx.shared("paxos", PaxosObserver.class, PaxosObserver::new);
  }

  /** Acceptor {@code id} is one of the Paxos instance's acceptors (called at each start). */
  void acceptor(int id) {
    acceptors.set(id);
  }

  /** One Paxos message was sent. */
  void sent() {
    messages++;
  }

  /** Paxos messages sent so far in the run. */
  long messages() {
    return messages;
  }

  /** The value chosen first, or null while none is. */
  String chosen() {
    return chosenValue;
  }

  /**
   * Acceptor {@code id} (called {@code name}) accepted {@code value} in {@code ballot}.
   *
   * @return whether this accept completed the first majority: the moment the run's value is chosen
   * @throws InvariantViolation if it makes a second value chosen, or gives a ballot a second value
   */
  boolean accepted(int id, String name, Ballot ballot, String value) {
    String had = values.putIfAbsent(ballot, value);
    if (had != null && !had.equals(value)) {
      throw new InvariantViolation(
          INVARIANT,
          name
              + " accepted '"
              + value
              + "' in ballot "
              + ballot
              + ", which another acceptor accepted with '"
              + had
              + "': one ballot, two values");
    }
    BitSet voters = votes.computeIfAbsent(ballot, b -> new BitSet());
    voters.set(id);
    if (voters.cardinality() < majority()) {
      return false;
    }
    if (chosenValue == null) {
      chosenBallot = ballot;
      chosenValue = value;
      return true;
    }
    if (!chosenValue.equals(value)) {
      throw new InvariantViolation(
          INVARIANT,
          "'"
              + value
              + "' is chosen in ballot "
              + ballot
              + " (accepted by "
              + voters.cardinality()
              + " of "
              + acceptors.cardinality()
              + " acceptors, "
              + name
              + " last), but '"
              + chosenValue
              + "' was chosen in ballot "
              + chosenBallot);
    }
    return false;
  }

  /**
   * Learner {@code name} learned {@code value} in {@code ballot}.
   *
   * @throws InvariantViolation if another learner learned a different value
   */
  void learned(String name, String value, Ballot ballot) {
    if (learnedValue == null) {
      learnedBy = name;
      learnedValue = value;
    } else if (!learnedValue.equals(value)) {
      throw new InvariantViolation(
          INVARIANT,
          name
              + " learned '"
              + value
              + "' (ballot "
              + ballot
              + "), but "
              + learnedBy
              + " learned '"
              + learnedValue
              + "'");
    }
  }

  /** A majority of the run's acceptors. */
  int majority() {
    return acceptors.cardinality() / 2 + 1;
  }

  /** Every node id of {@code refs} (groups or instances), once each, in id order. */
  static int[] resolve(NodeContext ctx, String key, List<String> refs) {
    BitSet ids = new BitSet();
    for (String ref : refs) {
      int[] m = ctx.members(ref);
      if (m.length == 0) {
        throw new IllegalArgumentException(key + ": no node group or instance '" + ref + "'");
      }
      for (int id : m) {
        ids.set(id);
      }
    }
    return ids.stream().toArray();
  }
}
