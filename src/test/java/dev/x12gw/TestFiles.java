package dev.x12gw;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of the project's test inputs. */
public final class TestFiles {
  private TestFiles() {}

  /** The project directory (holds testdata/, edi-mappings/, config/, routes/). */
  public static Path projectDir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("project directory not found");
    }
    return p;
  }

  public static Path testdata(String name) {
    return projectDir().resolve("testdata").resolve(name);
  }

  public static Path mapping() {
    return projectDir().resolve("edi-mappings/x12-gateway.smooks.xml");
  }

  /** The shared public samples beside the project, when present. */
  public static Path sharedSamples() {
    return projectDir().resolveSibling("shared").resolve("x12-samples");
  }
}
