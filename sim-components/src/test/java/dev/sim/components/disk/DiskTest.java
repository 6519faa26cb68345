package dev.sim.components.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeControls;
import org.junit.jupiter.api.Test;

/** The disk model alone: space, refusal when full, rotation, write rate, fill files. */
class DiskTest {
  static final long KB = 1024;
  static final long MB = 1024 * KB;
  static final long GB = 1024 * MB;
  static final long S = 1_000_000_000L;

  static DiskParams disk(long capacity, Double rate, long data, long log, DiskParams.Rotate r) {
    return new DiskParams(
        capacity,
        rate,
        DiskParams.OnFull.ERRORS,
        0,
        new DiskParams.DataFile(data, 4 * KB),
        new DiskParams.LogFile(log, 200, r));
  }

  @Test
  void writesFillTheDiskAndTheFirstThatDoesNotFitIsRefusedWhole() {
    Disk d = new Disk(disk(10 * MB, null, 6 * MB, 3 * MB, null), null);
    assertThat(d.disk().used()).isEqualTo(9 * MB);
    long written = 0;
    while (d.write(256 * KB, 0) != Disk.FULL) {
      written += 256 * KB;
    }
    assertThat(written).isEqualTo(MB);
    assertThat(d.disk().free()).isZero();
    assertThat(d.data().size()).isEqualTo(7 * MB);
    // A refused write changes nothing, and so does a log line that does not fit.
    assertThat(d.write(1, 0)).isEqualTo(Disk.FULL);
    assertThat(d.logLine(200, 0)).isFalse();
    assertThat(d.data().size()).isEqualTo(7 * MB);
    assertThat(d.log().size()).isEqualTo(3 * MB);
  }

  @Test
  void rotationBySizeKeepsOnlyKeepFilesAndFreesTheRest() {
    Disk d = new Disk(disk(GB, null, 0, 0, new DiskParams.Rotate(0, 10 * MB, 2)), null);
    for (int i = 0; i < 45; i++) {
      assertThat(d.logLine(MB, 0)).isTrue();
    }
    // 4 rotations at 10MB each; the 2 newest are kept, the 2 oldest deleted; 5MB current.
    assertThat(d.log().rotations()).isEqualTo(4);
    assertThat(d.log().rotatedBytes()).isEqualTo(20 * MB);
    assertThat(d.log().size()).isEqualTo(5 * MB);
    assertThat(d.disk().used()).isEqualTo(25 * MB);
  }

  @Test
  void rotationByTimeHappensAtEveryMultipleOfTheClock() {
    Disk d = new Disk(disk(GB, null, 0, 0, new DiskParams.Rotate(3600 * S, 0, 0)), null);
    d.logLine(MB, 10 * S);
    d.advance(3599 * S);
    assertThat(d.log().rotations()).isZero();
    d.advance(3600 * S);
    // keep 0: the rotated file is deleted at once (a truncate).
    assertThat(d.log().rotations()).isEqualTo(1);
    assertThat(d.log().size()).isZero();
    assertThat(d.disk().used()).isZero();
    d.logLine(MB, 3601 * S);
    d.advance(7199 * S);
    assertThat(d.log().size()).isEqualTo(MB);
    d.advance(7200 * S);
    assertThat(d.log().rotations()).isEqualTo(2);
  }

  @Test
  void writesBeyondTheRateQueueBehindEachOther() {
    // 100MB/s: a 10MB write takes 100ms; three at once finish at 100, 200 and 300ms.
    double bitsPerSecond = 100.0 * MB * 8;
    Disk d = new Disk(disk(GB, bitsPerSecond, 0, 0, null), null);
    long ms = 1_000_000;
    assertThat(d.write(10 * MB, 0)).isEqualTo(100 * ms);
    assertThat(d.write(10 * MB, 0)).isEqualTo(200 * ms);
    assertThat(d.write(10 * MB, 50 * ms)).isEqualTo(300 * ms);
    // After the queue drains, a write starts when it comes.
    assertThat(d.write(10 * MB, S)).isEqualTo(S + 100 * ms);
    // Log lines take the same device's time, though nobody waits for them.
    d.logLine(10 * MB, 2 * S);
    assertThat(d.write(10 * MB, 2 * S)).isEqualTo(2 * S + 200 * ms);
  }

  @Test
  void withoutARateAWriteIsDoneAtOnce() {
    Disk d = new Disk(disk(GB, null, 0, 0, null), null);
    assertThat(d.write(500 * MB, 7 * S)).isEqualTo(7 * S);
  }

  @Test
  void aFillTakesWhatIsFreeAndItsRemovalGivesItBack() {
    Disk d = new Disk(disk(20 * GB, null, 12 * GB, 2 * GB, null), null);
    Disk.Fill f = d.fill(5 * GB);
    assertThat(d.disk().free()).isEqualTo(GB);
    Disk.Fill g = d.fill(5 * GB); // only 1GB is left: dd stops at "no space left on device"
    assertThat(g.size()).isEqualTo(GB);
    assertThat(d.write(4 * KB, 0)).isEqualTo(Disk.FULL);
    d.remove(f);
    d.remove(f); // twice is nothing
    assertThat(d.disk().free()).isEqualTo(5 * GB);
    assertThat(d.fillBytes()).isEqualTo(GB);
    assertThat(d.write(4 * KB, 0)).isNotEqualTo(Disk.FULL);
  }

  @Test
  void aSeparateLogPartitionKeepsTheLogOffTheDataDisk() {
    Disk d =
        new Disk(disk(20 * GB, null, 12 * GB, 2 * GB, null), new PartitionParams(3 * GB, null));
    assertThat(d.disk().used()).isEqualTo(12 * GB);
    assertThat(d.logDisk().used()).isEqualTo(2 * GB);
    while (d.logLine(64 * MB, 0)) {}
    assertThat(d.logDisk().free()).isLessThan(64 * MB);
    assertThat(d.write(4 * KB, 0)).isNotEqualTo(Disk.FULL);
  }

  @Test
  void theDiskOfAnInstanceOutlivesItsRestarts() {
    NodeControls controls = new NodeControls();
    DiskParams p = disk(GB, null, 0, 0, null);
    Disk first = Disk.of(controls, p, null);
    first.write(MB, 0);
    assertThat(Disk.of(controls, p, null)).isSameAs(first);
    assertThat(controls.part(Disk.class)).containsSame(first);
  }

  @Test
  void filesLargerThanTheDiskAtTheStartAreNamed() {
    assertThat(Disk.startProblem(disk(20 * GB, null, 19 * GB, 2 * GB, null), null))
        .containsExactly(
            "disk.capacity",
            "the files start at 21 GB (data 19 GB + log 2 GB), more than the disk's capacity of"
                + " 20 GB");
    assertThat(
            Disk.startProblem(
                disk(20 * GB, null, 19 * GB, 2 * GB, null), new PartitionParams(GB, null)))
        .containsExactly(
            "logDisk.capacity",
            "the log file starts at 2 GB, more than the log partition's capacity of 1 GB");
    assertThat(Disk.startProblem(disk(20 * GB, null, 18 * GB, 2 * GB, null), null)).isNull();
  }
}
