package dev.sim.check.linear;

import dev.sim.kernel.history.OpType;

/**
 * One register operation of one key with its completion, as the search and the explanations read
 * it.
 *
 * @param invokeIndex the history index of the invoke
 * @param completeIndex the history index of the completion, or -1 when it has none
 * @param process the process that made it
 * @param outcome {@code OK}, {@code FAIL} or {@code INFO} (an invoke with no completion is {@code
 *     INFO})
 * @param f {@code read}, {@code write} or {@code cas}
 * @param value for a read the value it returned (null when not ok), for a write the value written,
 *     for a cas its {@code [old, new]} list
 */
record RegisterOp(
    int invokeIndex, int completeIndex, int process, OpType outcome, String f, Object value) {

  /** Whether this operation is a read. */
  boolean isRead() {
    return f.equals(RegisterOps.READ);
  }

  /** Whether this operation is a write. */
  boolean isWrite() {
    return f.equals(RegisterOps.WRITE);
  }

  /** Whether this operation is a cas. */
  boolean isCas() {
    return f.equals(RegisterOps.CAS);
  }

  /** The cas's expected old value. */
  Long casOld() {
    return (Long) ((java.util.List<?>) value).get(0);
  }

  /** The cas's new value. */
  Long casNew() {
    return (Long) ((java.util.List<?>) value).get(1);
  }

  /** The value this operation writes when it takes effect (write, cas); null for a read. */
  Long written() {
    if (isWrite()) {
      return (Long) value;
    }
    return isCas() ? casNew() : null;
  }
}
