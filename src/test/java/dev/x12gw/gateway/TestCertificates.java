package dev.x12gw.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key pairs and trust stores made at test time with the JDK's own {@code keytool} (PKCS12, in a
 * test directory: no key is ever committed). Store passwords reach keytool through its environment
 * ({@code -storepass:env}), not its command line.
 */
final class TestCertificates {
  private static final String PASSWORD_VARIABLE = "TEST_STORE_PASSWORD";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCertificates() {}

  /** A key store with a self-signed certificate, and its password. */
  record KeyStore(Path path, String password, Path certificate) {}

  /** A random store password (hex: nothing a URL would have to escape). */
  static String password() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * A PKCS12 key store {@code dir/name.p12} holding an EC key pair and a self-signed certificate
   * for {@code 127.0.0.1} (also its subject alternative name: the Artemis client checks the host),
   * the certificate also exported to {@code dir/name.crt}.
   */
  static KeyStore selfSigned(Path dir, String name) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path store = dir.resolve(name + ".p12");
    Path certificate = dir.resolve(name + ".crt");
    String password = password();
    keytool(
        password,
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1, O=x12gw test " + name,
        "-ext",
        "san=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass:env",
        PASSWORD_VARIABLE);
    keytool(
        password,
        "-exportcert",
        "-rfc",
        "-alias",
        name,
        "-keystore",
        store.toString(),
        "-storepass:env",
        PASSWORD_VARIABLE,
        "-file",
        certificate.toString());
    return new KeyStore(store, password, certificate);
  }

  /** A PKCS12 trust store {@code store} holding {@code certificate}, with {@code password}. */
  static Path trustStore(Path store, Path certificate, String password)
      throws IOException, InterruptedException {
    keytool(
        password,
        "-importcert",
        "-noprompt",
        "-alias",
        "trusted",
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass:env",
        PASSWORD_VARIABLE);
    return store;
  }

  private static void keytool(String password, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put(PASSWORD_VARIABLE, password);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(
          "keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
  }
}
