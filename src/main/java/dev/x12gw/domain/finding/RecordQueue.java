package dev.x12gw.domain.finding;

/**
 * The queues records are published on, each configured as {@code queue.<key>} (default name given):
 * the destinations named by {@link RecordType}.
 */
public enum RecordQueue {
  DENIALS("denials", "x12.denials"),
  UNDERPAYMENTS("underpayments", "x12.underpayments"),
  EXCEPTIONS("exceptions", "x12.exceptions"),
  RESOLUTIONS("resolutions", "x12.resolutions"),
  UNMATCHED_REMITS("unmatched-remits", "x12.remits.unmatched"),
  ERRORS("errors", "x12.errors"),
  ALERTS("alerts", "x12.alerts"),
  PREBILL("prebill", "x12.prebill");

  private final String key;
  private final String defaultName;

  RecordQueue(String key, String defaultName) {
    this.key = key;
    this.defaultName = defaultName;
  }

  /** The setting that names this queue, e.g. {@code queue.denials}. */
  public String setting() {
    return "queue." + key;
  }

  /** The queue's name when the setting is not given. */
  public String defaultName() {
    return defaultName;
  }
}
