package dev.sim.check;

import dev.sim.check.figures.Availability;
import dev.sim.check.figures.LostWrite;
import dev.sim.check.figures.StoreFigures;
import dev.sim.kernel.result.ConsistencySummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link Checks#check} found in a history.
 *
 * @param model the model checked: the one given, or each key's inferred one, several joined with
 *     {@code +} in the order of {@link Model} ({@code register+set}); {@code none} for an empty
 *     history without a model
 * @param verdict invalid if any key is; else unknown if any key is; else valid
 * @param operations operations (invokes) in the history
 * @param keys one result per key, in order of each key's first line
 * @param figures the store figures
 * @param elapsedNanos the wall time the check took
 */
public record CheckReport(
    String model,
    Verdict verdict,
    int operations,
    List<KeyCheck> keys,
    StoreFigures figures,
    long elapsedNanos) {

  /** Copies the keys. */
  public CheckReport {
    keys = List.copyOf(keys);
  }

  /** The key that shows why the verdict is not valid: the first invalid, else the first unknown. */
  public KeyCheck witness() {
    for (KeyCheck k : keys) {
      if (k.verdict() == Verdict.INVALID) {
        return k;
      }
    }
    for (KeyCheck k : keys) {
      if (k.verdict() == Verdict.UNKNOWN) {
        return k;
      }
    }
    return null;
  }

  /** The text of the witness: the key and why it is not valid; empty when the verdict is valid. */
  public String witnessText() {
    KeyCheck w = witness();
    return w == null ? "" : Operations.keyName(w.key()) + ": " + w.explanation();
  }

  /** The run summary's {@code consistency} family for this report. */
  public ConsistencySummary toSummary() {
    List<ConsistencySummary.NodeOutcomes> nodes = new ArrayList<>();
    for (Map.Entry<String, Availability> e : figures.byNode().entrySet()) {
      Availability a = e.getValue();
      nodes.add(new ConsistencySummary.NodeOutcomes(e.getKey(), a.ok(), a.fail(), a.info()));
    }
    List<ConsistencySummary.LostWrite> lost = new ArrayList<>();
    for (LostWrite l : figures.lost()) {
      lost.add(
          new ConsistencySummary.LostWrite(l.key(), l.value(), l.writtenNanos(), l.lostNanos()));
    }
    KeyCheck w = witness();
    Availability all = figures.overall();
    return new ConsistencySummary(
        model,
        verdict == Verdict.VALID,
        operations,
        figures.lostWrites(),
        figures.staleReads(),
        figures.siblingsMax(),
        figures.divergentKeys(),
        verdict.id(),
        keys.size(),
        figures.siblingsMean(),
        all.ok(),
        all.fail(),
        all.info(),
        nodes,
        lost,
        w == null ? null : w.key(),
        witnessText());
  }
}
