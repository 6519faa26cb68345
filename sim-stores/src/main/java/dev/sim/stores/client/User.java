package dev.sim.stores.client;

/**
 * A logical user of the application: one history process at a time, with at most one operation
 * outstanding. A closed loop has a fixed number; an open loop takes a free one per arrival. A user
 * moves to a new process after an {@code info} (the old one may still be in flight, as far as a
 * checker knows) and when its write is handed to the offline queue.
 */
final class User {
  /** Its index among the client's users, from 0. */
  final int index;

  /** Its current history process. */
  int process;

  /** Whether it has an operation outstanding. */
  boolean busy;

  /** Closed loop: waiting for the client to come back online before its next turn. */
  boolean parked;

  User(int index, int process) {
    this.index = index;
    this.process = process;
  }

  @Override
  public String toString() {
    return "user " + index + " (process " + process + ")";
  }
}
