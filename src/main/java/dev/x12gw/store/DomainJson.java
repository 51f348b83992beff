package dev.x12gw.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The complete domain records as versioned JSON documents in the store ({@code detail} columns):
 * dates as ISO strings, amounts as exact decimals, unknown properties rejected so a stored record
 * always reads back as written. Compact: a null value, an empty list and an empty map are left out
 * (most of an 835 payment's optional elements are absent) and read back as null, empty list and
 * empty map.
 *
 * <p>Every document starts with its shape version, {@code {"v":1,...}}. A change to the shape of a
 * stored record (a component renamed, removed or retyped; {@code StoredDocumentShapeTest} fails on
 * any) raises {@link #VERSION} and adds to {@link #UPGRADES} the step that rewrites a document of
 * the previous version, so cases stored by an older gateway still load. A document without {@code
 * v} was written before versioning and is version 1.
 */
final class DomainJson {
  /** The shape version written today. */
  static final int VERSION = 1;

  /**
   * Upgrade steps: the step at index {@code i} rewrites a document of version {@code i + 1} (any
   * stored type; the step looks at the type) into version {@code i + 2}. Empty while the shapes are
   * those of version 1.
   */
  static final List<Upgrade> UPGRADES = List.of();

  /** One step from a document version to the next. */
  @FunctionalInterface
  interface Upgrade {
    /** Rewrites {@code document}, a stored {@code type}, in place. */
    void apply(Class<?> type, ObjectNode document);
  }

  private static final String VERSION_FIELD = "v";
  private static final String CURRENT_PREFIX = "{\"" + VERSION_FIELD + "\":" + VERSION;

  private static final ObjectMapper MAPPER = mapper();

  private static ObjectMapper mapper() {
    JsonMapper m =
        JsonMapper.builder()
            // records are written by their components only (isPatientResponsibility() is no field)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // 20.00 stays 20.00 through a tree (an upgraded document), not 2E+1
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    for (Class<?> container : List.of(Collection.class, List.class, Set.class, Map.class)) {
      m.configOverride(container)
          .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null))
          // an absent list or map reads back empty, as the domain records hold it
          .setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    }
    return m.registerModule(new JavaTimeModule())
        // record components read through generated lambdas, not reflection: a claim payment's
        // document was 10% of the intake thread's time, most of it in Method.invoke (issue 19)
        .registerModule(new BlackbirdModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // maps in a stable order: Map.of/copyOf iterate in a per-JVM random order
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private DomainJson() {}

  /** A record (never a list or a scalar) as a document of the current version. */
  static String write(Record value) {
    String json;
    try {
      json = MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
    return json.length() == 2 ? CURRENT_PREFIX + "}" : CURRENT_PREFIX + "," + json.substring(1);
  }

  static <T extends Record> T read(String json, Class<T> type) {
    return read(json, type, UPGRADES);
  }

  static <T extends Record> T read(String json, Class<T> type, List<Upgrade> upgrades) {
    try {
      int current = upgrades.size() + 1;
      String currentPrefix = "{\"" + VERSION_FIELD + "\":" + current;
      if (json.startsWith(currentPrefix + ",")) {
        // the common case, bound without building a tree
        return MAPPER.readValue("{" + json.substring(currentPrefix.length() + 1), type);
      }
      if (json.equals(currentPrefix + "}")) {
        return MAPPER.readValue("{}", type);
      }
      if (!json.startsWith("{\"" + VERSION_FIELD + "\":") && upgrades.isEmpty()) {
        return MAPPER.readValue(json, type); // written before versioning: version 1
      }
      JsonNode tree = MAPPER.readTree(json);
      if (!(tree instanceof ObjectNode document)) {
        throw new IllegalStateException(
            "stored " + type.getSimpleName() + " is not a JSON object document");
      }
      JsonNode v = document.remove(VERSION_FIELD);
      int version = v == null ? 1 : v.asInt(-1);
      if (version < 1 || version > current) {
        throw new IllegalStateException(
            "stored "
                + type.getSimpleName()
                + " has document version "
                + (v == null ? "none" : v.toString())
                + "; this gateway reads versions 1 to "
                + current
                + " (a newer gateway wrote it)");
      }
      for (int i = version - 1; i < upgrades.size(); i++) {
        upgrades.get(i).apply(type, document);
      }
      return MAPPER.treeToValue(document, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
    }
  }
}
