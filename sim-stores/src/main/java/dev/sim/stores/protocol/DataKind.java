package dev.sim.stores.protocol;

/** What a key holds; a key holds one kind for the whole run. */
public enum DataKind {
  /** One value (or none); operations read, write, cas. */
  REGISTER,
  /** A set of integers; operations add, read. */
  SET,
  /** An integer count; operations incr, read. */
  COUNTER
}
