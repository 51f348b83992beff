package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IntakeHeadersTest {
  private static final Pattern X12_HEADER = Pattern.compile("\\bX12[A-Z][A-Za-z0-9]*");

  @Test
  void everyX12HeaderTheRoutesUseIsListedOnce() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> routes = Files.list(dev.x12gw.TestFiles.projectDir().resolve("routes"))) {
      for (Path route : routes.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Matcher m = X12_HEADER.matcher(Files.readString(route));
        while (m.find()) {
          used.add(m.group());
        }
      }
    }
    assertThat(used).isNotEmpty();
    assertThat(IntakeHeaders.ALL).containsAll(used).doesNotHaveDuplicates();
  }
}
