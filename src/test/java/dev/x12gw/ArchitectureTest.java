package dev.x12gw;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
