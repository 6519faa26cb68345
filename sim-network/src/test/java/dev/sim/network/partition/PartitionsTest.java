package dev.sim.network.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartitionsTest {
  private final Partitions partitions = new Partitions();

  @Test
  void shouldCutNothingWhenNoPartitionIsActive() {
    assertThat(partitions.activeCount()).isZero();
    assertThat(partitions.isCut(0, 1)).isFalse();
  }

  @Test
  void shouldCutEveryLinkBetweenGroupsInBothDirections() {
    partitions.partition(new int[][] {{0, 1}, {2, 3}});
    assertThat(partitions.isCut(0, 2)).isTrue();
    assertThat(partitions.isCut(3, 1)).isTrue();
    assertThat(partitions.isCut(0, 1)).isFalse();
    assertThat(partitions.isCut(2, 3)).isFalse();
  }

  @Test
  void shouldPutUnlistedNodesInOneMoreGroupTogether() {
    partitions.partition(new int[][] {{1}});
    assertThat(partitions.isCut(1, 0)).isTrue();
    assertThat(partitions.isCut(1, 99)).isTrue();
    assertThat(partitions.isCut(0, 99)).as("both unlisted: the rest").isFalse();
  }

  @Test
  void shouldNeverCutANodeFromItself() {
    partitions.partition(new int[][] {{0}, {1}});
    partitions.cutOneWay(new int[] {0}, new int[] {0});
    assertThat(partitions.isCut(0, 0)).isFalse();
  }

  @Test
  void shouldCutOneWayOnlyInItsDirection() {
    partitions.cutOneWay(new int[] {0, 1}, new int[] {2});
    assertThat(partitions.isCut(0, 2)).isTrue();
    assertThat(partitions.isCut(1, 2)).isTrue();
    assertThat(partitions.isCut(2, 0)).isFalse();
    assertThat(partitions.isCut(0, 1)).isFalse();
  }

  @Test
  void shouldHealOverlappingPartitionsIndependently() {
    long isolateZero = partitions.partition(new int[][] {{0}});
    long cut = partitions.cutOneWay(new int[] {1}, new int[] {2});
    assertThat(isolateZero).isEqualTo(1);
    assertThat(cut).isEqualTo(2);
    assertThat(partitions.isCut(0, 1)).isTrue();
    assertThat(partitions.isCut(1, 2)).isTrue();

    assertThat(partitions.heal(isolateZero)).isTrue();
    assertThat(partitions.isCut(0, 1)).isFalse();
    assertThat(partitions.isCut(1, 2)).as("the other cut stays").isTrue();
    assertThat(partitions.isActive(cut)).isTrue();

    assertThat(partitions.heal(cut)).isTrue();
    assertThat(partitions.isCut(1, 2)).isFalse();
    assertThat(partitions.activeCount()).isZero();
  }

  @Test
  void shouldReportHealingAnInactivePartition() {
    long id = partitions.partition(new int[][] {{0}});
    assertThat(partitions.heal(id)).isTrue();
    assertThat(partitions.heal(id)).isFalse();
    assertThat(partitions.heal(12345)).isFalse();
  }

  @Test
  void shouldHealAll() {
    partitions.partition(new int[][] {{0}});
    partitions.cutOneWay(new int[] {1}, new int[] {2});
    partitions.healAll();
    assertThat(partitions.activeCount()).isZero();
    assertThat(partitions.isCut(0, 1)).isFalse();
    assertThat(partitions.partition(new int[][] {{0}})).as("ids keep counting").isEqualTo(3);
  }

  @Test
  void shouldRejectANodeListedInTwoGroups() {
    assertThatThrownBy(() -> partitions.partition(new int[][] {{0, 1}, {1, 2}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node 1");
  }
}
