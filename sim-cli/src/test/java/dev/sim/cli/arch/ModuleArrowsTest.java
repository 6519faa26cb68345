package dev.sim.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules' arrows point one way: kernel ← network; kernel ← api ← {scenarios, components,
 * protocols, stores, consensus}; components ← {protocols, stores}; stores' protocol ← consensus;
 * kernel ← check ← {scenarios, report, cli}; {kernel, api} ← report; {kernel, network, api} ←
 * testkit, which only tests use; everything ← cli. Inside sim-scenarios, the built-in fault kinds
 * see only the SPI, and nothing else there names them. Maven's module dependencies already stop
 * most wrong imports at compile time; these rules also pin what Maven cannot see (a test-scope
 * dependency leaking into main code, a library used outside its one package) and say in words why
 * the build failed. The CLI's test class path is the only one that holds every module, so the rules
 * live here.
 */
class ModuleArrowsTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // In a reactor build the other modules come as jars; their test jars are not main code.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.sim");
    if (classes.stream().noneMatch(c -> c.getPackageName().startsWith("dev.sim.api"))) {
      throw new IllegalStateException("no sim-api classes imported: the rules would prove nothing");
    }
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void kernelDependsOnNothingElseOfOurs() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.kernel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.api..",
                "dev.sim.scenarios..",
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.stores..",
                "dev.sim.consensus..",
                "dev.sim.check..",
                "dev.sim.report..",
                "dev.sim.cli..")
            .because("the kernel knows nothing of the network's models, of YAML or of charts"));
  }

  @Test
  void networkDependsOnTheKernelOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.network..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.api..",
                "dev.sim.scenarios..",
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.report..",
                "dev.sim.cli.."));
  }

  @Test
  void pluginApiDependsOnTheKernelOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.scenarios..",
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.report..",
                "dev.sim.cli..",
                "tools.jackson..",
                "com.fasterxml..",
                "org.jfree..")
            .because("a plugin project compiles against sim-api and the kernel alone"));
  }

  @Test
  void theLanguageNeverNamesANodeTypesImplementation() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.scenarios..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.stores..",
                "dev.sim.report..",
                "dev.sim.cli..")
            .because("node types describe themselves; the loader and runner stay generic"));
  }

  @Test
  void builtInFaultKindsActThroughTheirControlsOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.scenarios.faults..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.scenarios.runtime..",
                "dev.sim.scenarios.config..",
                "dev.sim.scenarios.bind..")
            .because(
                "a built-in fault kind is written like a plugin's, against dev.sim.api.FaultKind"
                    + " and FaultControls, so the SPI is enough for any kind"));
  }

  @Test
  void theRunnerNeverNamesAFaultKind() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                "dev.sim.scenarios.runtime..",
                "dev.sim.scenarios.config..",
                "dev.sim.scenarios.bind..",
                "dev.sim.scenarios.plugin..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.sim.scenarios.faults..")
            .because("fault kinds describe themselves; the loader and runner stay generic"));
  }

  @Test
  void componentsBuildOnTheApiOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.components..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.scenarios..",
                "dev.sim.protocols..",
                "dev.sim.report..",
                "dev.sim.cli.."));
  }

  @Test
  void protocolsBuildOnTheApiAndComponentsOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.protocols..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..", "dev.sim.scenarios..", "dev.sim.report..", "dev.sim.cli.."));
  }

  @Test
  void checkersBuildOnTheKernelOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.check..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.api..",
                "dev.sim.scenarios..",
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.stores..",
                "dev.sim.report..",
                "dev.sim.cli..",
                "dev.sim.testkit..")
            .because(
                "a checker reads a history (the kernel's Op) and knows no store that made it"));
  }

  @Test
  void storesBuildOnTheKernelApiAndComponentsOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.stores..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.scenarios..",
                "dev.sim.protocols..",
                "dev.sim.consensus..",
                "dev.sim.check..",
                "dev.sim.report..",
                "dev.sim.cli..")
            .because(
                "a store is a family of node types written against the plugin API; its client"
                    + " reuses the component library's load and retry code"));
  }

  @Test
  void consensusBuildsOnTheKernelApiAndTheStoresProtocolOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.consensus..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.scenarios..",
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.stores.client..",
                "dev.sim.stores.store..",
                "dev.sim.check..",
                "dev.sim.report..",
                "dev.sim.cli..")
            .because(
                "consensus is a family of node types written against the plugin API; of the"
                    + " stores it speaks only their protocol, so kv-client drives the CP store"));
  }

  @Test
  void nothingButTheCliDependsOnConsensus() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages("dev.sim.consensus..", "dev.sim.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.sim.consensus..")
            .because("node types are found by name through ServiceLoader"));
  }

  @Test
  void onlyTheCliScenariosAndReportUseTheCheckers() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(
                "dev.sim.check..", "dev.sim.cli..", "dev.sim.scenarios..", "dev.sim.report..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.sim.check..")
            .because(
                "node types record histories through the kernel and never judge them; the runner"
                    + " checks them after a run, the CLI on demand, and the report draws them"));
  }

  @Test
  void reportNamesNoLanguageAndNoNodeType() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.report..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.network..",
                "dev.sim.scenarios..",
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.stores..",
                "dev.sim.cli..")
            .because("the report reads the run result and knows nothing of YAML or node types"));
  }

  @Test
  void testkitBuildsOnTheKernelNetworkAndApiOnly() {
    check(
        noClasses()
            .that()
            .resideInAPackage("dev.sim.testkit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "dev.sim.scenarios..",
                "dev.sim.components..",
                "dev.sim.protocols..",
                "dev.sim.report..",
                "dev.sim.cli..")
            .because("a plugin's tests get the harness without the built-in families or the CLI"));
  }

  @Test
  void noMainCodeDependsOnTheTestkit() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.sim.testkit..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.sim.testkit..")
            .because("sim-testkit is for tests: modules and plugins add it with test scope only"));
  }

  @Test
  void jacksonOnlyInTheLoaderAndResultIo() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages(
                "dev.sim.scenarios.config..", "dev.sim.report.io..", "dev.sim.check.io..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson.."));
  }

  @Test
  void jfreeChartOnlyInTheReportsChartPackage() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.sim.report.chart..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.jfree.."));
  }
}
