package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private final Path home = Path.of("/opt/x12gw");

  @Test
  void environmentNamesFollowCamelsRule() {
    assertThat(Settings.environmentName("sftp.host")).isEqualTo("SFTP_HOST");
    assertThat(Settings.environmentName("queue.unmatched-remits"))
        .isEqualTo("QUEUE_UNMATCHED_REMITS");
  }

  @Test
  void environmentWinsOverSystemPropertyWhichWinsOverTheFile() {
    Map<String, String> env = Map.of("SFTP_HOST", "sftp.clearinghouse.example");
    Map<String, String> sys = Map.of("sftp.host", "10.0.0.1", "sftp.port", "22");
    Settings s =
        new Settings(
            home,
            Map.of("sftp.host", "127.0.0.1", "sftp.port", "2222", "sftp.username", "gw"),
            env::get,
            sys::get);
    assertThat(s.get("sftp.host")).isEqualTo("sftp.clearinghouse.example");
    assertThat(s.getInt("sftp.port", 0)).isEqualTo(22);
    assertThat(s.get("sftp.username")).isEqualTo("gw");
    assertThat(s.resolved()).containsEntry("sftp.host", "sftp.clearinghouse.example");
  }

  @Test
  void derivedValuesWinAndReachCamel() {
    Settings s = Settings.of(home, Map.of("sftp.password", ""));
    s.derive("sftp.password", "generated");
    assertThat(s.get("sftp.password")).isEqualTo("generated");
    assertThat(s.resolved()).containsEntry("sftp.password", "generated");
  }

  @Test
  void pathsAreRelativeToHome() {
    Settings s = Settings.of(home, Map.of("db.path", "var/db/gateway"));
    assertThat(s.path("db.path", "x")).isEqualTo(Path.of("/opt/x12gw/var/db/gateway"));
    assertThat(s.path("missing", "/abs/dir")).isEqualTo(Path.of("/abs/dir"));
  }

  @Test
  void requiredBlankSettingsNameTheirVariable() {
    Settings s = Settings.of(home, Map.of("sftp.password", ""));
    assertThatThrownBy(() -> s.get("sftp.password")).hasMessageContaining("SFTP_PASSWORD");
    assertThatThrownBy(() -> Settings.of(home, Map.of("n", "x")).getInt("n", 1))
        .hasMessageContaining("whole number");
  }
}
