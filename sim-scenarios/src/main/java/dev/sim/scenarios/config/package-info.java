/**
 * Scenario files: the validated spec model, YAML loading with file:line:column errors, units, and
 * {@code --set} overrides.
 */
package dev.sim.scenarios.config;
