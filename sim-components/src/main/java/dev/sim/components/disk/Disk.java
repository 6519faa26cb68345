package dev.sim.components.disk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A node's disk: one or two partitions, the files on them and the fill files a {@code fill} fault
 * wrote. It is a part of the machine, not of the process: a node type keeps it in the instance's
 * {@code NodeControls} ({@link #of}), so it outlives crashes and restarts (a restarted database
 * finds its disk as full as it left it) and the fill fault reaches it.
 *
 * <p><b>Space.</b> A partition's used bytes are the sum of its files: the current files, the
 * rotated files still kept, and fill files. A write that does not fit in the free space is refused
 * whole ({@link #write} returns {@link #FULL}) and changes nothing.
 *
 * <p><b>Write rate.</b> A partition with a write rate writes one thing after another: a write of b
 * bytes that comes at t starts when the writes before it are done and takes b / rate; {@link
 * #write} returns when it is done, so a burst beyond the rate queues. Log lines use the same rate
 * (they share the device) but nobody waits for them.
 *
 * <p><b>Rotation.</b> By size, at the write that takes the current file to {@code above}; by time,
 * at every multiple of {@code every} of the owner's clock, applied when the disk is next touched
 * ({@link #advance}, which the owner calls at least once a second). Rotation moves the current file
 * aside (its bytes still count) and starts an empty one; rotated files beyond {@code keep} are
 * deleted, oldest first, freeing their space.
 *
 * <p>Not thread-safe (one run, one thread). Times are the owner's local clock, in nanoseconds.
 */
public final class Disk {
  /** What {@link #write} returns for a write that does not fit. */
  public static final long FULL = -1;

  /** One partition: capacity, write rate, and the bytes on it. */
  public static final class Partition {
    final String name;
    final long capacity;
    final double bytesPerNano;
    long used;
    double freeAtNanos;

    Partition(String name, long capacity, Double writeRateBitsPerSecond) {
      this.name = name;
      this.capacity = capacity;
      this.bytesPerNano = writeRateBitsPerSecond == null ? 0 : writeRateBitsPerSecond / 8 / 1e9;
    }

    /** The partition's name as the scenario says it ({@code disk} or {@code logDisk}). */
    public String name() {
      return name;
    }

    public long capacity() {
      return capacity;
    }

    public long used() {
      return used;
    }

    public long free() {
      return capacity - used;
    }

    /** Takes {@code bytes} of write bandwidth from {@code now}; returns when they are written. */
    long transfer(long bytes, long now) {
      if (bytesPerNano <= 0) {
        return now;
      }
      double start = Math.max(freeAtNanos, now);
      freeAtNanos = start + bytes / bytesPerNano;
      return (long) Math.ceil(freeAtNanos);
    }
  }

  /** A file that grows, perhaps rotated. */
  public static final class File {
    final String name;
    final Partition on;
    final DiskParams.Rotate rotate;
    final ArrayDeque<Long> rotated = new ArrayDeque<>(); // newest first
    long size;
    long rotatedBytes;
    long nextRotationNanos = -1;
    long rotations;

    File(String name, Partition on, long size, DiskParams.Rotate rotate) {
      this.name = name;
      this.on = on;
      this.size = size;
      this.rotate = rotate;
      on.used += size;
    }

    public String name() {
      return name;
    }

    public Partition partition() {
      return on;
    }

    /** Bytes of the current file. */
    public long size() {
      return size;
    }

    /** Bytes of the rotated files still kept. */
    public long rotatedBytes() {
      return rotatedBytes;
    }

    /** Rotations so far. */
    public long rotations() {
      return rotations;
    }
  }

  /** A file written by a fill fault. */
  public record Fill(String name, Partition on, long size) {}

  private final Partition disk;
  private final Partition logDisk;
  private final File data;
  private final File log;
  private final List<Fill> fills = new ArrayList<>();
  private int fillsMade;

  /**
   * The disk of {@code params}, with the log on a partition of its own when {@code logDisk} is not
   * null. The caller checked that the files fit ({@link #startProblem}).
   */
  public Disk(DiskParams params, PartitionParams logDisk) {
    this.disk = new Partition("disk", params.capacityBytes(), params.writeRate());
    this.logDisk =
        logDisk == null
            ? null
            : new Partition("logDisk", logDisk.capacityBytes(), logDisk.writeRate());
    DiskParams.DataFile d = dataOf(params);
    this.data = new File("data", disk, d.sizeBytes(), null);
    DiskParams.LogFile l = params.log();
    this.log =
        l == null
            ? null
            : new File(
                "log", this.logDisk == null ? disk : this.logDisk, l.sizeBytes(), l.rotate());
  }

  /** The data file's parameters, the defaults when the section says none. */
  public static DiskParams.DataFile dataOf(DiskParams params) {
    return params.data() == null ? new DiskParams.DataFile(0, 4096) : params.data();
  }

  /**
   * The disk of an instance, kept in its {@code NodeControls} (made the first time, at the node's
   * first start): the same object at every restart.
   */
  public static Disk of(
      dev.sim.api.NodeControls controls, DiskParams params, PartitionParams logDisk) {
    return controls.part(Disk.class, () -> new Disk(params, logDisk));
  }

  /**
   * Why the files do not fit their partitions at the start, with the key to point at; null when
   * they do.
   */
  public static String[] startProblem(DiskParams params, PartitionParams logDisk) {
    long dataSize = dataOf(params).sizeBytes();
    long logSize = params.log() == null ? 0 : params.log().sizeBytes();
    if (logDisk == null) {
      if (dataSize + logSize > params.capacityBytes()) {
        return new String[] {
          "disk.capacity",
          "the files start at "
              + Sizes.text(dataSize + logSize)
              + " (data "
              + Sizes.text(dataSize)
              + (params.log() == null ? "" : " + log " + Sizes.text(logSize))
              + "), more than the disk's capacity of "
              + Sizes.text(params.capacityBytes())
        };
      }
      return null;
    }
    if (dataSize > params.capacityBytes()) {
      return new String[] {
        "disk.capacity",
        "the data file starts at "
            + Sizes.text(dataSize)
            + ", more than the disk's capacity of "
            + Sizes.text(params.capacityBytes())
      };
    }
    if (logSize > logDisk.capacityBytes()) {
      return new String[] {
        "logDisk.capacity",
        "the log file starts at "
            + Sizes.text(logSize)
            + ", more than the log partition's capacity of "
            + Sizes.text(logDisk.capacityBytes())
      };
    }
    return null;
  }

  public Partition disk() {
    return disk;
  }

  /** The log partition, or null when the log shares the disk. */
  public Partition logDisk() {
    return logDisk;
  }

  public File data() {
    return data;
  }

  /** The log file, or null when there is none. */
  public File log() {
    return log;
  }

  /** The fill files now on the disk, in the order written. */
  public List<Fill> fills() {
    return List.copyOf(fills);
  }

  /** Fill files written so far, deleted or not. */
  public int fillsMade() {
    return fillsMade;
  }

  /** Bytes of fill files on the disk. */
  public long fillBytes() {
    long sum = 0;
    for (Fill f : fills) {
      sum += f.size();
    }
    return sum;
  }

  /**
   * Appends {@code bytes} to the data file at {@code now}: returns when the disk has written them
   * (now, or later behind the writes queued before it), or {@link #FULL} when they do not fit (and
   * nothing is written).
   */
  public long write(long bytes, long now) {
    return append(data, bytes, now);
  }

  /**
   * Appends {@code bytes} to the log at {@code now}; returns whether they fit (a line that does not
   * is dropped). Nothing when there is no log.
   */
  public boolean logLine(long bytes, long now) {
    return log == null || append(log, bytes, now) != FULL;
  }

  private long append(File f, long bytes, long now) {
    advance(now);
    Partition p = f.on;
    if (bytes > p.free()) {
      return FULL;
    }
    f.size += bytes;
    p.used += bytes;
    long done = p.transfer(bytes, now);
    if (f.rotate != null && f.rotate.aboveBytes() > 0 && f.size >= f.rotate.aboveBytes()) {
      rotate(f);
    }
    return done;
  }

  /** Applies the time-based rotations due by {@code now} (the owner's clock). */
  public void advance(long now) {
    if (log == null || log.rotate == null || log.rotate.everyNanos() <= 0) {
      return;
    }
    long every = log.rotate.everyNanos();
    if (log.nextRotationNanos < 0) {
      log.nextRotationNanos = (Math.floorDiv(now, every) + 1) * every;
    }
    if (now >= log.nextRotationNanos) {
      // Rotations missed while the owner was down happen once: logrotate rotates what it finds.
      rotate(log);
      log.nextRotationNanos = (Math.floorDiv(now, every) + 1) * every;
    }
  }

  private void rotate(File f) {
    f.rotations++;
    f.rotated.addFirst(f.size);
    f.rotatedBytes += f.size;
    f.size = 0;
    while (f.rotated.size() > f.rotate.keep()) {
      long gone = f.rotated.removeLast();
      f.rotatedBytes -= gone;
      f.on.used -= gone;
    }
  }

  /**
   * Writes a fill file of {@code bytes} on the data's partition, or as much as fits (as {@code dd}
   * stops at "no space left on device"); returns it, for {@link #remove}.
   */
  public Fill fill(long bytes) {
    long size = Math.min(bytes, disk.free());
    Fill f = new Fill("fill-" + ++fillsMade, disk, size);
    fills.add(f);
    disk.used += size;
    return f;
  }

  /** Deletes a fill file, freeing its space; nothing if it is gone already. */
  public void remove(Fill fill) {
    for (Iterator<Fill> it = fills.iterator(); it.hasNext(); ) {
      if (it.next() == fill) {
        it.remove();
        fill.on().used -= fill.size();
        return;
      }
    }
  }
}
