package dev.sim.check.figures;

/**
 * How operations ended: {@code ok}, {@code fail} or {@code info} (an operation that never completed
 * counts as info).
 *
 * @param ok operations that happened
 * @param fail operations that definitely did not
 * @param info operations whose outcome is unknown
 */
public record Availability(long ok, long fail, long info) {
  /** No operations. */
  public static final Availability NONE = new Availability(0, 0, 0);

  /** All operations. */
  public long total() {
    return ok + fail + info;
  }

  /** The share that ended ok, 0 to 1; NaN when there were none. */
  public double okShare() {
    return share(ok);
  }

  /** The share that failed, 0 to 1; NaN when there were none. */
  public double failShare() {
    return share(fail);
  }

  /** The share that ended info, 0 to 1; NaN when there were none. */
  public double infoShare() {
    return share(info);
  }

  private double share(long n) {
    return total() == 0 ? Double.NaN : (double) n / total();
  }

  /** This and {@code o} together. */
  public Availability plus(Availability o) {
    return new Availability(ok + o.ok, fail + o.fail, info + o.info);
  }
}
