package dev.x12gw.gateway;

import java.io.IOException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a file to an SFTP drop the way a careful clearinghouse does: to a hidden temporary name,
 * then renamed, with the server's host key checked against a known_hosts file. For the gateway
 * benchmark and the tests that drive a gateway from outside.
 */
public final class SftpUploader {
  private static final Logger LOG = LoggerFactory.getLogger(SftpUploader.class);

  private SftpUploader() {}

  /**
   * @param port the drop's port on 127.0.0.1
   * @param knownHosts the host keys to accept (the local drop writes its own)
   * @param folder the drop folder, e.g. {@code inbound/835}
   */
  public static void upload(
      int port, Path knownHosts, String user, String password, String folder, Path file)
      throws Exception {
    String name = file.getFileName().toString();
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
    client.start();
    boolean renamed = false;
    try (ClientSession ssh =
        client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession()) {
      ssh.addPasswordIdentity(password);
      ssh.auth().verify(Duration.ofSeconds(10));
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(ssh)) {
        String tmp = folder + "/." + name + ".part";
        try (OutputStream out = sftp.write(tmp)) {
          Files.copy(file, out);
        }
        sftp.rename(tmp, folder + "/" + name);
        renamed = true;
      }
    } catch (IOException | RuntimeException e) {
      if (!renamed) {
        throw e;
      }
      // the file is in place: closing the session after it is not a failed upload
      LOG.debug("{} uploaded; closing the SFTP session failed: {}", name, e.toString());
    } finally {
      stop(client, name);
    }
  }

  /**
   * Stops the client, logging what that throws. sshd may shut its I/O executor down while a socket
   * of the session is still closing; the JDK then hands the socket's pending read to that executor
   * and the close throws {@code IllegalStateException: Executor has been shut down}, which once
   * failed {@code BrokerFailoverIT} in the fresh-clone CI.
   */
  private static void stop(SshClient client, String name) {
    try {
      client.stop();
    } catch (RuntimeException e) {
      LOG.debug("{}: stopping the SFTP client failed: {}", name, e.toString());
    }
  }
}
