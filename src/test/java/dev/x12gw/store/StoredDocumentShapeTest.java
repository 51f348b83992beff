package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderSummary;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shapes of the records the store keeps as JSON documents (version {@value
 * DomainJson#VERSION}), compared with {@code stored-document-shapes.txt}: a renamed, removed or
 * retyped component, or a renamed enum constant, would make stored cases unreadable, so it must
 * come with a new document version and its upgrade step (see {@link DomainJson}).
 */
class StoredDocumentShapeTest {
  /** Every type written by {@link DomainJson#write}. */
  static final List<Class<? extends Record>> STORED =
      List.of(
          SubmittedClaim.class,
          ClaimPayment.class,
          RemittanceHeader.class,
          ProviderSummary.class,
          Cases.Lifecycle.class);

  private static final Path EXPECTED =
      TestFiles.projectDir()
          .resolve("src/test/resources/dev/x12gw/store/stored-document-shapes.txt");

  @Test
  void theStoredShapesAreThoseOfTheCurrentDocumentVersion() throws Exception {
    String actual = "version " + DomainJson.VERSION + "\n" + shapes();
    if (Boolean.getBoolean("x12gw.golden.update")) {
      Files.writeString(EXPECTED, actual);
    }
    assertThat(actual)
        .as(
            "the shape of a stored document changed: raise DomainJson.VERSION, add the upgrade"
                + " step from the old shape to DomainJson.UPGRADES, then update %s",
            EXPECTED)
        .isEqualTo(Files.readString(EXPECTED));
  }

  static String shapes() {
    Map<String, String> shapes = new TreeMap<>();
    Deque<Class<?>> todo = new ArrayDeque<>(STORED);
    while (!todo.isEmpty()) {
      Class<?> type = todo.pop();
      String name = type.getSimpleName();
      if (shapes.containsKey(name)) {
        continue;
      }
      if (type.isEnum()) {
        shapes.put(
            name,
            "enum "
                + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")));
      } else if (type.isRecord()) {
        StringBuilder b = new StringBuilder("record");
        for (RecordComponent c : type.getRecordComponents()) {
          b.append("\n  ").append(c.getName()).append(": ").append(describe(c.getGenericType()));
          collect(c.getGenericType(), todo);
        }
        shapes.put(name, b.toString());
      }
    }
    return shapes.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue() + "\n")
        .collect(Collectors.joining());
  }

  private static String describe(Type t) {
    if (t instanceof ParameterizedType p) {
      return describe(p.getRawType())
          + Arrays.stream(p.getActualTypeArguments())
              .map(StoredDocumentShapeTest::describe)
              .collect(Collectors.joining(", ", "<", ">"));
    }
    return t instanceof Class<?> c ? c.getSimpleName() : t.getTypeName();
  }

  private static void collect(Type t, Deque<Class<?>> todo) {
    if (t instanceof ParameterizedType p) {
      for (Type a : p.getActualTypeArguments()) {
        collect(a, todo);
      }
    } else if (t instanceof Class<?> c && (c.isRecord() || c.isEnum())) {
      todo.push(c);
    }
  }
}
