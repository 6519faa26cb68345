/**
 * Operation histories, recorded the way Jepsen records them: every client operation on data is an
 * invoke and one completion ({@code ok}, {@code fail} or {@code info}). Node types that serve data
 * (stores, consensus groups) and their clients record through {@link
 * dev.sim.kernel.history.History} from {@code NodeContext.history()}; the run result carries what
 * was recorded as {@link dev.sim.kernel.history.HistoryData}, and the checkers read it. The kernel
 * only records: it knows no model and judges nothing.
 */
package dev.sim.kernel.history;
