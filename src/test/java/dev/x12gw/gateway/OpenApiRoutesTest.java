package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI file documents exactly the REST paths that {@code routes/control-room.camel.yaml}
 * serves: a path added to the routes without its documentation (or the reverse) fails here.
 */
class OpenApiRoutesTest {
  @Test
  void everyServedPathIsDocumentedAndNothingElse() throws Exception {
    String routes =
        Files.readString(TestFiles.projectDir().resolve("routes/control-room.camel.yaml"));
    Matcher base = Pattern.compile("(?m)^- rest:\\s*\\n\\s+path: (\\S+)").matcher(routes);
    assertThat(base.find()).isTrue();
    Set<String> served = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s+- path: (/\\S+)").matcher(routes);
    while (m.find()) {
      served.add(base.group(1) + m.group(1));
    }
    String api =
        Files.readString(
            TestFiles.projectDir().resolve("src/main/resources/dashboard/openapi.yaml"));
    Set<String> documented = new TreeSet<>();
    Matcher p = Pattern.compile("(?m)^  (/api/\\S+):\\s*$").matcher(api);
    while (p.find()) {
      documented.add(p.group(1));
    }
    assertThat(served).hasSizeGreaterThanOrEqualTo(6).isEqualTo(documented);
  }
}
