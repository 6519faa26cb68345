package dev.sim.components.disk;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.metrics.NodeMetrics;
import java.util.List;

/**
 * The metrics of a node's disk, for a node type that has one to add to its {@code metrics()}, and
 * the gauges' refresh. Sizes are in GB (powers of 1024), as {@code df -h} shows them; gauges are
 * averaged over a group (each node has a disk of its own).
 */
public final class DiskMetrics {
  private DiskMetrics() {}

  static final double GB = 1024.0 * 1024 * 1024;

  /** Every metric a disk records, ordered from {@code order} on. */
  public static List<MetricSpec> specs(int order) {
    String used = "Space used on the disk, and its capacity (the line it cannot pass)";
    String files = "Size of each file on the data disk (and of the log, wherever it is)";
    return List.of(
        MetricSpec.gauge("diskUsedGB", "Disk used", "GB")
            .chart("disk-used", "Disk used")
            .yLabel("GB")
            .describe(used)
            .legend("used")
            .averaged()
            .order(order),
        MetricSpec.gauge("diskCapacityGB", "Disk capacity", "GB")
            .chart("disk-used", "Disk used")
            .yLabel("GB")
            .describe(used)
            .legend("capacity")
            .averaged()
            .order(order),
        MetricSpec.gauge("diskFreeGB", "Disk free", "GB")
            .chart("disk-free")
            .yLabel("GB free")
            .describe("Space left on the data disk; at 0 every write fails")
            .averaged()
            .order(order + 1),
        MetricSpec.gauge("dataFileGB", "Data file", "GB")
            .chart("disk-files", "Files on disk")
            .yLabel("GB")
            .describe(files)
            .legend("data")
            .averaged()
            .order(order + 2),
        MetricSpec.gauge("logFileGB", "Log file", "GB")
            .chart("disk-files", "Files on disk")
            .yLabel("GB")
            .describe(files)
            .legend("log (current)")
            .averaged()
            .order(order + 2),
        MetricSpec.gauge("rotatedLogsGB", "Rotated logs", "GB")
            .chart("disk-files", "Files on disk")
            .yLabel("GB")
            .describe(files)
            .legend("rotated logs kept")
            .averaged()
            .order(order + 2),
        MetricSpec.gauge("fillGB", "Fill files", "GB")
            .chart("disk-files", "Files on disk")
            .yLabel("GB")
            .describe(files)
            .legend("fill fault")
            .averaged()
            .order(order + 2),
        MetricSpec.gauge("logDiskUsedGB", "Log partition used", "GB")
            .chart("log-disk-used", "Log partition used")
            .yLabel("GB")
            .describe("Space used on the log partition, and its capacity")
            .legend("used")
            .averaged()
            .order(order + 3),
        MetricSpec.gauge("logDiskCapacityGB", "Log partition capacity", "GB")
            .chart("log-disk-used", "Log partition used")
            .yLabel("GB")
            .describe("Space used on the log partition, and its capacity")
            .legend("capacity")
            .averaged()
            .order(order + 3),
        MetricSpec.counter("logLinesDropped", "Log lines dropped", "lines")
            .describe("Log lines that did not fit on a full disk, per second")
            .order(order + 4),
        MetricSpec.counter("diskFullCrashes", "Crashes for a full disk", "crashes")
            .describe("Crashes of nodes with onFull: crash whose write did not fit")
            .runningTotal()
            .order(order + 5));
  }

  /** Records the disk's gauges (its log partition's only when it has one). */
  public static void show(Disk disk, NodeMetrics metrics) {
    metrics.gauge("diskUsedGB", disk.disk().used() / GB);
    metrics.gauge("diskCapacityGB", disk.disk().capacity() / GB);
    metrics.gauge("diskFreeGB", disk.disk().free() / GB);
    metrics.gauge("dataFileGB", disk.data().size() / GB);
    if (disk.log() != null) {
      metrics.gauge("logFileGB", disk.log().size() / GB);
      if (disk.log().rotate != null) {
        metrics.gauge("rotatedLogsGB", disk.log().rotatedBytes() / GB);
      }
    }
    // Lines that would stay at 0 for the whole run are left off the chart.
    if (disk.fillsMade() > 0) {
      metrics.gauge("fillGB", disk.fillBytes() / GB);
    }
    if (disk.logDisk() != null) {
      metrics.gauge("logDiskUsedGB", disk.logDisk().used() / GB);
      metrics.gauge("logDiskCapacityGB", disk.logDisk().capacity() / GB);
    }
  }
}
