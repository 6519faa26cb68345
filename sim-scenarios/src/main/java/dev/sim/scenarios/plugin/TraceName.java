package dev.sim.scenarios.plugin;

/**
 * The name a built-in kind's occurrences carry in the trace, where it differs from the kind's name
 * ({@code clockjump} for a {@code clock} fault). These are the names the fault schedule used before
 * fault kinds were types; the trace hash folds every event's label, so they are kept, and golden
 * hashes stay as they were. A plugin's kind has none: its events are named after the kind.
 *
 * @param <P> the kind's parameter record
 */
public interface TraceName<P extends Record> {
  /** The event name of an occurrence with {@code params}, e.g. {@code onewaycut}. */
  String traceName(P params);
}
