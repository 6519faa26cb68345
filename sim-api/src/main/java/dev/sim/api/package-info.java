/** The plugin SPI: node types found by name through ServiceLoader, and their parameter records. */
package dev.sim.scenarios.spi;
