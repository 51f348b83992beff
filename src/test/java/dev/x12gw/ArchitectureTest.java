package dev.x12gw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the domain core free of adapters: X12, Smooks, Camel, JDBC and JSON stay outside. */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.x12gw");

  @Test
  void domainDependsOnJavaOnly() {
    classes()
        .that()
        .resideInAPackage("dev.x12gw.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.x12gw.domain..", "java..")
        .check(classes);
  }

  @Test
  void domainDoesNotUseJdbcOrLogging() {
    noClasses()
        .that()
        .resideInAPackage("dev.x12gw.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "java.util.logging..", "java.net..", "java.io..")
        .check(classes);
  }

  /** The value packages, each building only on those before it. */
  private static final List<String> VALUES =
      List.of("claim", "remittance", "contract", "nsa", "finding");

  @Test
  void domainValuesAreLayeredBelowReconciliationAndThePorts() {
    for (int i = 0; i < VALUES.size(); i++) {
      List<String> above = new ArrayList<>();
      for (String later : VALUES.subList(i + 1, VALUES.size())) {
        above.add("dev.x12gw.domain." + later + "..");
      }
      above.addAll(
          List.of(
              "dev.x12gw.domain.reconcile..",
              "dev.x12gw.domain.port..",
              "dev.x12gw.domain.classification.."));
      noClasses()
          .that()
          .resideInAPackage("dev.x12gw.domain." + VALUES.get(i) + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(above.toArray(String[]::new))
          .because(
              "domain values build on each other in one direction (claim, remittance, contract,"
                  + " nsa, finding); reconciliation, classification and the ports build on them")
          .check(classes);
    }
  }

  @Test
  void readingX12DoesNotKnowCamelOrTheStore() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.x12gw.x12..", "dev.x12gw.intake..", "dev.x12gw.records..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.camel..", "dev.x12gw.store..", "dev.x12gw.gateway..")
        .check(classes);
  }

  @Test
  void sqlLivesInTheStoreOnly() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.x12gw.store..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.sql.Statement")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.sql.PreparedStatement")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.sql.ResultSet")
        .because("SQL is written in store/ only (docs/store.md)")
        .check(classes);
  }
}
