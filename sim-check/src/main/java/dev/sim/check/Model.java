package dev.sim.check;

import java.util.Locale;

/** The data models a history can be checked against; see the history format's table. */
public enum Model {
  /** {@code write} and {@code read} on registers; checked for linearizability per key. */
  REGISTER,
  /** A register that also has {@code cas [old, new]}; checked for linearizability per key. */
  CAS_REGISTER,
  /** {@code add} and {@code read} of a set; lost, vanished and never-read elements. */
  SET,
  /** {@code incr} and {@code read}; every read within the bounds the increments allow. */
  COUNTER;

  /** The name on the command line and in {@code summary.json}: {@code cas-register}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The model named {@code s}, or null when there is none. */
  public static Model fromId(String s) {
    for (Model m : values()) {
      if (m.id().equals(s)) {
        return m;
      }
    }
    return null;
  }
}
