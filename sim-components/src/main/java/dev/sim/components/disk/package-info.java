/**
 * A node's disk: a partition of limited capacity and write rate, files that grow (a data file with
 * each accepted write, a log with each request) and rotate, what a full disk does to its node, and
 * the {@code fill} fault. Any node type may give its nodes one (the {@code database} does, with
 * {@code disk:} and {@code logDisk:}); docs/disk.md is the user's page.
 */
package dev.sim.components.disk;
