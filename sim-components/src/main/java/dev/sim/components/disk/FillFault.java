package dev.sim.components.disk;

import dev.sim.api.FaultControls;
import dev.sim.api.FaultKind;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {at: 60s, fill: db, bytes: 5GB, for: 2m}}: writes a file of {@code bytes} onto each target
 * node's data disk (someone's core dump, a forgotten backup, {@code dd if=/dev/zero}), or as much
 * as fits, and deletes it after {@code for} (without {@code for} it stays). The node finds its disk
 * that much fuller at its next write; a crash or restart of the node does not remove the file. The
 * target's nodes must have a disk (a database with a {@code disk:} section); the loader checks.
 */
public final class FillFault implements FaultKind<FillFault.Params> {
  /**
   * The fill's keys.
   *
   * @param target whose disk fills
   * @param bytes the file's size
   */
  public record Params(
      @Param(
              key = "fill",
              doc =
                  "Whose disk fills: a node with a disk (a database with a disk: section), a group"
                      + " (each instance's disk) or random(group).",
              unit = Unit.TARGET,
              needs = "disk",
              required = true)
          Target target,
      @Param(
              doc =
                  "Size of the file written (like 5GB); when less is free, the file takes all the"
                      + " free space and the disk is full.",
              unit = Unit.SIZE,
              required = true,
              min = 1)
          long bytes) {}

  @Override
  public String name() {
    return "fill";
  }

  @Override
  public String summary() {
    return "Writes a file of `bytes` onto nodes' disks (a core dump, a stray backup), deleted after"
        + " `for`; a node with a disk only.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public String describe(Params p, Function<Target, String> targets) {
    return "fill " + targets.apply(p.target()) + " +" + Sizes.text(p.bytes()).replace(" ", "");
  }

  @Override
  public void start(Params p, FaultControls c) {
    int[] ids = c.resolve(p.target());
    List<Disk> disks = new ArrayList<>();
    List<Disk.Fill> files = new ArrayList<>();
    List<Integer> hit = new ArrayList<>();
    for (int id : ids) {
      // Its node type made the disk when it built the node, before the run's first event.
      c.controls(id)
          .part(Disk.class)
          .ifPresent(
              d -> {
                disks.add(d);
                files.add(d.fill(p.bytes()));
                hit.add(id);
              });
    }
    c.after(
        c.lastsNanos(),
        "unfill " + p.target(),
        () -> {
          for (int i = 0; i < disks.size(); i++) {
            disks.get(i).remove(files.get(i));
          }
        });
    int[] hitIds = hit.stream().mapToInt(Integer::intValue).toArray();
    List<String> names = c.names(hitIds);
    c.annotate(describe(p, t -> String.join(",", names)), names);
  }
}
