package dev.sim.kernel.history;

import java.util.Locale;

/** The four entries of a history: an invoke, then exactly one of ok, fail or info. */
public enum OpType {
  /** The client sent the operation. */
  INVOKE,
  /** It happened. */
  OK,
  /** It definitely did not happen. */
  FAIL,
  /** Unknown: a timeout, a crash mid-flight, an answer that does not say. */
  INFO;

  /** The name in {@code history.jsonl}: {@code invoke}, {@code ok}, {@code fail}, {@code info}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code s} in a history file, or null when there is none. */
  public static OpType fromJson(String s) {
    for (OpType t : values()) {
      if (t.json().equals(s)) {
        return t;
      }
    }
    return null;
  }
}
