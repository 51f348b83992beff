package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.config.Settings;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote clearinghouse drop that accepts the gateway by its public key only: the gateway logs in
 * with a passphrase-protected OpenSSH private key ({@code sftp.private-key-file}, passphrase {@code
 * sftp.private-key-passphrase}) and no password, takes the file in and moves it.
 */
class SftpPrivateKeyIT {
  private static final String DROP_PASSWORD = "only-the-uploader-knows-this";

  @TempDir Path var;

  @Test
  void gatewayLogsInToARemoteDropWithAPassphraseProtectedKey() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(3072);
    KeyPair key = rsa.generateKeyPair();
    Path privateKey = var.resolve("keys/id_rsa");
    Files.createDirectories(privateKey.getParent());
    OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
    encryption.setPassword("correct horse battery staple");
    encryption.setCipherName("AES");
    encryption.setCipherMode("CTR");
    encryption.setCipherType("256");
    try (OutputStream out = Files.newOutputStream(privateKey)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "x12gw", encryption, out);
    }
    assertThat(Files.readString(privateKey)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    Path authorizedKeys = var.resolve("drop/authorized_keys");
    Files.createDirectories(authorizedKeys.getParent());
    Files.writeString(
        authorizedKeys, PublicKeyEntry.toString(key.getPublic()) + "\n", StandardCharsets.US_ASCII);

    Path knownHosts = var.resolve("drop/known_hosts");
    try (LocalSftpServer drop =
        new LocalSftpServer(
            "127.0.0.1",
            0,
            Files.createDirectories(var.resolve("drop/root")),
            var.resolve("drop/host-key.pem"),
            authorizedKeys,
            "gateway",
            DROP_PASSWORD)) {
      drop.start(List.of("inbound/837", "inbound/835", "outbound/acks"), knownHosts);
      try (GatewayHarness gw =
          GatewayHarness.start(
              var.resolve("gateway"),
              Map.of(
                  "sftp.local-server", "false",
                  "sftp.host", "127.0.0.1",
                  "sftp.port", String.valueOf(drop.port()),
                  "sftp.known-hosts-file", knownHosts.toString(),
                  "sftp.password", "",
                  "sftp.private-key-file", privateKey.toString(),
                  "sftp.private-key-passphrase", "correct horse battery staple"))) {
        Settings settings = gw.gateway.settings();
        assertThat(settings.get("sftp.password", "")).as("the gateway has no password").isEmpty();
        SftpUploader.upload(
            drop.port(),
            knownHosts,
            "gateway",
            DROP_PASSWORD,
            "inbound/835",
            TestFiles.testdata("denied-co197-no-auth.835"));
        Path processed =
            var.resolve("drop/root/inbound/835/.processed/" + LocalDate.now())
                .resolve("denied-co197-no-auth.835");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(processed));
        assertThat(gw.receive("x12.denials", Duration.ofSeconds(30))).isNotNull();
      }
    }
  }
}
