/** Running a simulation: the event loop, node lifecycle, run limits. */
package dev.sim.kernel.run;
