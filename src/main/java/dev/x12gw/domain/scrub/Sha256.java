package dev.x12gw.domain.scrub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex, one digest per thread: looking one up per service line costs more than hashing.
 */
final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
          });

  private Sha256() {}

  static String hex(String text) {
    return HEX.formatHex(DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
