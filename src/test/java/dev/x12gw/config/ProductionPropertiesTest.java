package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code config/production.properties} is {@code config/application.properties} with the store on
 * PostgreSQL: the same keys and values apart from the store's, and no password in it.
 */
class ProductionPropertiesTest {
  @Test
  void differsFromTheShippedSettingsInTheStoreOnly() throws Exception {
    Map<String, String> shipped = load("config/application.properties");
    Map<String, String> production = load("config/production.properties");
    assertThat(production)
        .containsEntry("db.url", "jdbc:postgresql://db.example.org:5432/x12gw")
        .containsEntry("db.password", "")
        .doesNotContainKeys("db.path", "db.h2.options");
    shipped.keySet().removeIf(k -> k.startsWith("db."));
    production.keySet().removeIf(k -> k.startsWith("db."));
    assertThat(production).isEqualTo(shipped);
  }

  private static Map<String, String> load(String file) throws Exception {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(TestFiles.projectDir().resolve(file), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> out = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
    return out;
  }
}
