package dev.sim.components.disk;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * A node's {@code disk:} section: one partition and the files on it. {@link Disk} is the model;
 * docs/disk.md the user's page. Node types embed it as a NESTED parameter (and {@link
 * PartitionParams} for a separate log partition).
 */
public record DiskParams(
    @Param(
            doc =
                "Size of the partition (like 20GB); a write that does not fit fails with 'no space"
                    + " left on device'.",
            unit = Unit.SIZE,
            required = true,
            min = 1,
            key = "capacity")
        long capacityBytes,
    @Param(
            doc =
                "Most bytes written per second (like 200MB/s); writes beyond it queue, each"
                    + " answered when the disk has written it; absent: no limit.",
            unit = Unit.BANDWIDTH)
        Double writeRate,
    @Param(
            doc =
                "What the node does when a write does not fit: errors = answer that write with an"
                    + " error and keep serving reads; crash = crash (a restart does not free"
                    + " space, so it crashes again at its next write).",
            unit = Unit.CHOICE,
            defaultValue = "errors")
        OnFull onFull,
    @Param(
            doc =
                "With onFull: crash, restart this long after the crash (a supervisor's restart);"
                    + " 0s = stay down.",
            unit = Unit.DURATION,
            key = "restartAfter",
            defaultValue = "0s")
        long restartAfterNanos,
    @Param(
            doc = "The data file, which grows by perWrite with every write the node accepts.",
            unit = Unit.NESTED)
        DataFile data,
    @Param(
            doc =
                "The log file, which grows by perRequest with every request the node handles (a"
                    + " verbose log); on the logDisk partition when the node has one.",
            unit = Unit.NESTED)
        LogFile log) {

  /** What a full disk does to its node. */
  public enum OnFull {
    /** Writes fail with an error; reads are still served. */
    ERRORS,
    /** The node crashes; a restart does not free space. */
    CRASH
  }

  /** The data file: see the {@link Param} docs. */
  public record DataFile(
      @Param(
              key = "size",
              doc = "Size of the data file at the start.",
              unit = Unit.SIZE,
              defaultValue = "0B")
          long sizeBytes,
      @Param(
              key = "perWrite",
              doc =
                  "Bytes one accepted write adds to the data file (rows, indexes, write-ahead log).",
              unit = Unit.SIZE,
              defaultValue = "4KB")
          long perWriteBytes) {}

  /** The log file: see the {@link Param} docs. */
  public record LogFile(
      @Param(
              key = "size",
              doc = "Size of the log file at the start.",
              unit = Unit.SIZE,
              defaultValue = "0B")
          long sizeBytes,
      @Param(
              key = "perRequest",
              doc = "Bytes of log written for every request handled, reads and writes alike.",
              unit = Unit.SIZE,
              defaultValue = "200B")
          long perRequestBytes,
      @Param(
              doc =
                  "Log rotation: the current file is moved aside and a new one begun; rotated files"
                      + " beyond keep are deleted, freeing their space; absent: the log only grows.",
              unit = Unit.NESTED)
          Rotate rotate) {}

  /** Log rotation (logrotate's daily/size and rotate N): see the {@link Param} docs. */
  public record Rotate(
      @Param(
              key = "every",
              doc =
                  "Rotate at every multiple of this much of the node's clock (like 1h); absent or 0s: not by time.",
              unit = Unit.DURATION,
              min = 0)
          long everyNanos,
      @Param(
              doc =
                  "Rotate as soon as the current file reaches this size (like 1GB); absent or 0B:"
                      + " not by size.",
              key = "above",
              unit = Unit.SIZE,
              min = 0)
          long aboveBytes,
      @Param(
              doc =
                  "Rotated files kept; the oldest beyond it is deleted at each rotation; 0 = delete"
                      + " at once (truncate).",
              unit = Unit.COUNT,
              defaultValue = "0")
          int keep) {}
}
