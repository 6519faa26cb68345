package dev.sim.kernel.result;

/**
 * The summary figures of one family of runs, kept beside the {@link RunResult}'s generic core: a
 * run has a family's summary only when it recorded that family's figures, so a Byzantine run
 * carries no request figures it never had.
 *
 * <p>A new family is a record here that implements this interface and is listed in {@code permits};
 * the kernel's metrics produce it ({@code RunResults}), {@code result.json} writes and reads it
 * under its {@link #family} name, and the report draws its charts when it is present.
 */
public sealed interface FamilySummary permits RequestSummary, ConsistencySummary {
  /** The family's name, its key in {@code result.json}: e.g. {@code requests}. */
  String family();
}
