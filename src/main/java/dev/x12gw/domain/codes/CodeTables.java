package dev.x12gw.domain.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dated X12 code lists (CARC, RARC, claim adjustment group, PLB reason), each with the name of
 * the file it came from, and the checks of remittance codes against them.
 *
 * <p>Immutable. Codes compare case-insensitively after trimming. A kind with no entries at all (no
 * list shipped) is never checked: its codes give no warnings.
 */
public final class CodeTables {
  private static final CodeTables EMPTY = new CodeTables(Map.of(), Map.of(), Map.of());

  private final Map<CodeKind, List<CodeEntry>> entries;
  private final Map<CodeKind, Map<String, CodeEntry>> index;
  private final Map<CodeKind, String> listNames;

  private CodeTables(
      Map<CodeKind, List<CodeEntry>> entries,
      Map<CodeKind, Map<String, CodeEntry>> index,
      Map<CodeKind, String> listNames) {
    this.entries = entries;
    this.index = index;
    this.listNames = listNames;
  }

  /**
   * Tables of these entries, in this order within each kind.
   *
   * @param listNames the file name each kind's list came from; kinds may be missing
   * @throws IllegalArgumentException when a kind has the same code twice
   */
  public static CodeTables of(List<CodeEntry> entries, Map<CodeKind, String> listNames) {
    Objects.requireNonNull(entries, "code entries");
    Map<CodeKind, List<CodeEntry>> byKind = new EnumMap<>(CodeKind.class);
    Map<CodeKind, Map<String, CodeEntry>> index = new EnumMap<>(CodeKind.class);
    for (CodeEntry entry : entries) {
      Objects.requireNonNull(entry, "code entry");
      CodeEntry earlier =
          index
              .computeIfAbsent(entry.kind(), k -> new HashMap<>())
              .putIfAbsent(entry.code(), entry);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "duplicate " + entry.kind().label() + " " + entry.code());
      }
      byKind.computeIfAbsent(entry.kind(), k -> new ArrayList<>()).add(entry);
    }
    Map<CodeKind, String> names = new EnumMap<>(CodeKind.class);
    if (listNames != null) {
      listNames.forEach(
          (kind, name) -> {
            if (kind != null && name != null && !name.isBlank()) {
              names.put(kind, name.trim());
            }
          });
    }
    if (byKind.isEmpty() && names.isEmpty()) {
      return EMPTY;
    }
    Map<CodeKind, List<CodeEntry>> lists = new EnumMap<>(CodeKind.class);
    byKind.forEach((kind, list) -> lists.put(kind, List.copyOf(list)));
    Map<CodeKind, Map<String, CodeEntry>> maps = new EnumMap<>(CodeKind.class);
    index.forEach((kind, map) -> maps.put(kind, Map.copyOf(map)));
    return new CodeTables(Map.copyOf(lists), Map.copyOf(maps), Map.copyOf(names));
  }

  /** Tables without any list: nothing is ever flagged. */
  public static CodeTables empty() {
    return EMPTY;
  }

  /** The entry of a code (trimmed, any case), if the kind's list has it. */
  public Optional<CodeEntry> find(CodeKind kind, String code) {
    Objects.requireNonNull(kind, "code kind");
    return Optional.ofNullable(index.getOrDefault(kind, Map.of()).get(CodeEntry.normalize(code)));
  }

  /** The kind's entries in the order loaded; empty when no list was loaded for it. */
  public List<CodeEntry> entries(CodeKind kind) {
    Objects.requireNonNull(kind, "code kind");
    return entries.getOrDefault(kind, List.of());
  }

  /** The file name the kind's list came from, {@code ""} when none. */
  public String listName(CodeKind kind) {
    Objects.requireNonNull(kind, "code kind");
    return listNames.getOrDefault(kind, "");
  }

  /**
   * What is wrong with one code used on a date, if anything.
   *
   * <p>A blank code and a kind without entries give nothing. An unknown code is {@link
   * CodeWarning.Problem#UNKNOWN}; a known one is {@link CodeWarning.Problem#NOT_YET_VALID} before
   * its start date and {@link CodeWarning.Problem#DEACTIVATED} on and after its stop date.
   *
   * @param usedOn the remittance date; null checks only whether the code is known
   */
  public Optional<CodeWarning> check(CodeKind kind, String code, LocalDate usedOn) {
    Objects.requireNonNull(kind, "code kind");
    String key = CodeEntry.normalize(code);
    Map<String, CodeEntry> list = index.get(kind);
    if (key.isEmpty() || list == null || list.isEmpty()) {
      return Optional.empty();
    }
    CodeEntry entry = list.get(key);
    if (entry == null) {
      return Optional.of(CodeWarning.unknown(kind, key, usedOn, listName(kind)));
    }
    if (usedOn == null || entry.validOn(usedOn)) {
      return Optional.empty();
    }
    if (entry.start() != null && usedOn.isBefore(entry.start())) {
      return Optional.of(CodeWarning.notYetValid(entry, usedOn));
    }
    return Optional.of(CodeWarning.deactivated(entry, usedOn));
  }

  /**
   * The warnings for all codes of a remittance (or a claim of it), without repeats, in the order of
   * the arguments and of each collection. Null collections and null codes are skipped.
   *
   * @param usedOn the remittance date; null checks only whether the codes are known
   */
  public List<CodeWarning> checkAll(
      LocalDate usedOn,
      Collection<String> groups,
      Collection<String> carcs,
      Collection<String> rarcs,
      Collection<String> plbReasons) {
    Set<CodeWarning> warnings = new LinkedHashSet<>();
    collect(warnings, CodeKind.GROUP, groups, usedOn);
    collect(warnings, CodeKind.CARC, carcs, usedOn);
    collect(warnings, CodeKind.RARC, rarcs, usedOn);
    collect(warnings, CodeKind.PLB_REASON, plbReasons, usedOn);
    return List.copyOf(warnings);
  }

  private void collect(
      Set<CodeWarning> into, CodeKind kind, Collection<String> codes, LocalDate usedOn) {
    if (codes == null) {
      return;
    }
    for (String code : codes) {
      if (code != null) {
        check(kind, code, usedOn).ifPresent(into::add);
      }
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("CodeTables[");
    for (CodeKind kind : CodeKind.values()) {
      if (kind.ordinal() > 0) {
        text.append(", ");
      }
      text.append(kind).append('=').append(entries(kind).size());
      if (!listName(kind).isEmpty()) {
        text.append(" (").append(listName(kind)).append(')');
      }
    }
    return text.append(']').toString();
  }
}
