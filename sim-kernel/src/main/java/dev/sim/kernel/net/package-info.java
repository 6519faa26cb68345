/** What the kernel needs from a network and from clocks; {@code sim-network} implements it. */
package dev.sim.kernel.net;
