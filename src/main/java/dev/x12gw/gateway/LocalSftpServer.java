package dev.x12gw.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's own SFTP drop (default when {@code sftp.host} is a loopback address): an Apache
 * MINA SSHD server whose root holds the clearinghouse folders ({@code inbound/837}, {@code
 * inbound/835}), with a host key generated on first start, one user with a password, optional
 * public keys from {@code authorized_keys}, and a {@code known_hosts} entry for the gateway's own
 * client.
 */
public final class LocalSftpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSftpServer.class);

  private final SshServer server = SshServer.setUpDefaultServer();
  private final Path root;
  private final String host;

  /**
   * @param host listen address
   * @param port listen port
   * @param root directory served as the SFTP root
   * @param hostKey host key file (generated when missing)
   * @param authorizedKeys optional OpenSSH authorized_keys file for public-key logins
   * @param user the only user
   * @param password its password
   */
  public LocalSftpServer(
      String host,
      int port,
      Path root,
      Path hostKey,
      Path authorizedKeys,
      String user,
      String password) {
    this.root = root;
    this.host = host;
    server.setHost(host);
    server.setPort(port);
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
    keys.setAlgorithm("EC");
    keys.setKeySize(256);
    server.setKeyPairProvider(keys);
    byte[] expected = password.getBytes(StandardCharsets.UTF_8);
    server.setPasswordAuthenticator(
        (u, p, session) ->
            user.equals(u)
                && p != null
                && MessageDigest.isEqual(expected, p.getBytes(StandardCharsets.UTF_8)));
    if (authorizedKeys != null) {
      AuthorizedKeysAuthenticator byKey = new AuthorizedKeysAuthenticator(authorizedKeys);
      server.setPublickeyAuthenticator(
          (u, key, session) -> user.equals(u) && byKey.authenticate(u, key, session));
    }
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
  }

  /**
   * Starts the server, creates {@code folders} under the root and writes the host key to {@code
   * knownHosts} so clients can verify it strictly.
   */
  public void start(List<String> folders, Path knownHosts)
      throws IOException, java.security.GeneralSecurityException {
    for (String f : folders) {
      Files.createDirectories(root.resolve(f));
    }
    server.start();
    int port = server.getPort();
    StringBuilder entries = new StringBuilder();
    for (KeyPair kp : server.getKeyPairProvider().loadKeys(null)) {
      entries
          .append('[')
          .append(host)
          .append("]:")
          .append(port)
          .append(' ')
          .append(PublicKeyEntry.toString(kp.getPublic()))
          .append('\n');
    }
    Files.createDirectories(knownHosts.toAbsolutePath().getParent());
    Files.writeString(knownHosts, entries.toString(), StandardCharsets.US_ASCII);
    LOG.info("Local SFTP drop listening on {}:{} (root {}, folders {})", host, port, root, folders);
  }

  /**
   * A drop served apart from the gateways that poll it (several nodes, the benchmark, tests): on
   * loopback, user {@code gateway} with {@code password}, the root at {@code dir/root} with the
   * intake and acknowledgment folders, its host key at {@code dir/host-key.pem} and the entry
   * clients verify it by at {@link #sharedDropKnownHosts dir/known_hosts}; started.
   *
   * @param port the port, 0 for any free one
   */
  public static LocalSftpServer startSharedDrop(Path dir, int port, String password)
      throws IOException, java.security.GeneralSecurityException {
    LocalSftpServer drop =
        new LocalSftpServer(
            "127.0.0.1",
            port,
            Files.createDirectories(dir.resolve("root")),
            dir.resolve("host-key.pem"),
            null,
            "gateway",
            password);
    try {
      drop.start(List.of("inbound/837", "inbound/835", "outbound/acks"), sharedDropKnownHosts(dir));
    } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
      drop.close();
      throw e;
    }
    return drop;
  }

  /** The known-hosts file of a drop started by {@link #startSharedDrop} in {@code dir}. */
  public static Path sharedDropKnownHosts(Path dir) {
    return dir.resolve("known_hosts");
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return server.getPort();
  }

  /**
   * Stops the server and closes its sessions. sshd may shut its I/O executor down while a session's
   * socket is still closing; the JDK then hands the socket's pending read to that executor, and the
   * close throws {@code IllegalStateException: Executor has been shut down} although the server is
   * stopped: that is logged, not thrown (as {@link SftpUploader} does for its client).
   */
  @Override
  public void close() throws IOException {
    try {
      server.stop(true);
    } catch (IllegalStateException e) {
      LOG.debug("Local SFTP drop: a session's socket closed after the server's executor", e);
    }
    LOG.info("Local SFTP drop stopped");
  }
}
