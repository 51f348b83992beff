package dev.x12gw.gateway;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Uploads a file to an SFTP drop the way a careful clearinghouse does: to a hidden temporary name,
 * then renamed, with the server's host key checked against a known_hosts file. For the gateway
 * benchmark and the tests that drive a gateway from outside.
 */
public final class SftpUploader {
  private SftpUploader() {}

  /**
   * @param port the drop's port on 127.0.0.1
   * @param knownHosts the host keys to accept (the local drop writes its own)
   * @param folder the drop folder, e.g. {@code inbound/835}
   */
  public static void upload(
      int port, Path knownHosts, String user, String password, String folder, Path file)
      throws Exception {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
    client.start();
    try (ClientSession ssh =
        client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession()) {
      ssh.addPasswordIdentity(password);
      ssh.auth().verify(Duration.ofSeconds(10));
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(ssh)) {
        String name = file.getFileName().toString();
        String tmp = folder + "/." + name + ".part";
        try (OutputStream out = sftp.write(tmp)) {
          Files.copy(file, out);
        }
        sftp.rename(tmp, folder + "/" + name);
      }
    } finally {
      client.stop();
    }
  }
}
