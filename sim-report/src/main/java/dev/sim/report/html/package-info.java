/**
 * The report pages: {@code report.html} for one run and {@code compare.html} for two. Each page is
 * one self-contained, offline file: inline CSS, no scripts, no fetches; images are the PNGs beside
 * it, linked by relative name. Every piece of text that came from a scenario is escaped with {@link
 * dev.sim.report.html.Html#escape}.
 */
package dev.sim.report.html;
