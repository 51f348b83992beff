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
        stop(client, name, e);
        throw e;
      }
      closedAfterUpload(name, e);
    }
    stop(client, name, null);
  }

  /**
   * Stops the client. sshd may shut its I/O executor down while a socket of the session is still
   * closing; the JDK then hands the socket's pending read to that executor and the close throws
   * {@code IllegalStateException: Executor has been shut down}. Once the file is renamed into place
   * that is logged, not a failed upload; before, it is added to {@code failure}.
   */
  private static void stop(SshClient client, String name, Exception failure) {
    try {
      client.stop();
    } catch (RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        closedAfterUpload(name, e);
      }
    }
  }

  private static void closedAfterUpload(String name, Exception e) {
    LOG.debug("{} uploaded; closing the SFTP connection failed: {}", name, e.toString());
  }
}
