package dev.x12gw.gateway;

import java.nio.file.Path;
import java.util.Map;

/**
 * The environment variables that give a gateway process ({@code x12gw run}) a state folder of its
 * own: store, local SFTP drop and its host keys, broker journal, spool and the scrubber's learned
 * rules and backtest report below {@code var}, on the given ports (the control room on any free
 * port). Overrides of {@code config/application.properties} as an operator would set them; for the
 * gateway benchmark and the tests that start the gateway as a separate process.
 */
public final class LocalGatewayEnvironment {
  private LocalGatewayEnvironment() {}

  public static Map<String, String> of(
      Path var, int sftpPort, int brokerPort, String sftpPassword) {
    return Map.ofEntries(
        Map.entry("DB_PATH", var.resolve("db/gateway").toString()),
        Map.entry("SFTP_LOCAL_SERVER_DIR", var.resolve("sftp").toString()),
        Map.entry("SFTP_KNOWN_HOSTS_FILE", knownHosts(var).toString()),
        Map.entry("SFTP_PORT", String.valueOf(sftpPort)),
        Map.entry("SFTP_PASSWORD", sftpPassword),
        Map.entry("BROKER_EMBEDDED_DATA_DIR", var.resolve("artemis").toString()),
        Map.entry("BROKER_EMBEDDED_TCP_PORT", String.valueOf(brokerPort)),
        Map.entry("INTAKE_SPOOL_DIR", var.resolve("spool").toString()),
        Map.entry(
            "SCRUBBER_LEARN_SUGGESTIONS_FILE",
            var.resolve("scrubber/suggested-payer-rules.csv").toString()),
        Map.entry("SCRUBBER_BACKTEST_REPORT", var.resolve("scrubber/backtest.json").toString()),
        Map.entry("CONTROL_ROOM_PORT", "0"));
  }

  /** The host keys the local drop writes at start (for {@link SftpUploader}). */
  public static Path knownHosts(Path var) {
    return var.resolve("sftp/known_hosts");
  }
}
