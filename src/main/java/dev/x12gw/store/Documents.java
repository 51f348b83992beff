package dev.x12gw.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The store's large JSON documents packed into binary columns ({@code claim.detail}, {@code
 * claim_payment.detail}, {@code outbox_body.body}): UTF-8, DEFLATE-compressed with a preset
 * dictionary, after one format byte.
 *
 * <p>Why (issue 19): these documents were 90% of the store's live bytes, 3.4 KB of JSON for an 835
 * claim payment of about 0.9 KB of X12. H2 compresses whole pages, but a page held only two or
 * three such rows, so the property names repeated in every document were compressed once per page
 * at best. Packed one by one against a dictionary of the documents' own shapes, a payment takes
 * about a tenth of its JSON (measured on the generator's 835s: {@code x12gw bench --gateway}).
 *
 * <p>Format 1: the byte {@code 1}, then raw DEFLATE (no zlib header) of the document's UTF-8 bytes
 * with {@code document-dictionary-1.json} as the preset dictionary. A stored document is read with
 * the dictionary of its format forever: the file's SHA-256 is checked when the class loads, and a
 * better dictionary is a new format (a new byte), never an edit of this one.
 */
public final class Documents {
  /** The format written today. */
  static final byte FORMAT_1 = 1;

  private static final String DICTIONARY_1_RESOURCE = "document-dictionary-1.json";

  /** SHA-256 of {@link #DICTIONARY_1_RESOURCE}: documents packed with it cannot be read without. */
  static final String DICTIONARY_1_SHA256 =
      "0357ca4660c2b0129ac801a510ef82beadd7381dc33f370d08288985ae94218a";

  private static final byte[] DICTIONARY_1 = dictionary(DICTIONARY_1_RESOURCE, DICTIONARY_1_SHA256);

  /**
   * DEFLATE's default level: on the generator's documents 296 bytes a payment and 184 a record, in
   * about 60 µs each, against 373 and 280 bytes in about 50 µs at level 1 (most of the time is
   * zlib's per-stream setup, whatever the level). Not part of the format: any level reads back.
   */
  private static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));
  private static final ThreadLocal<Inflater> INFLATER =
      ThreadLocal.withInitial(() -> new Inflater(true));

  private Documents() {}

  /** A JSON document packed for its binary column; null stays null. */
  public static byte[] pack(String json) {
    if (json == null) {
      return null;
    }
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    deflater.setDictionary(DICTIONARY_1);
    deflater.setInput(utf8);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 4 + 64);
    out.write(FORMAT_1);
    byte[] buffer = new byte[Math.max(256, utf8.length / 2)];
    while (!deflater.finished()) {
      int n = deflater.deflate(buffer);
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The JSON document of a packed column value; null stays null. */
  public static String unpack(byte[] packed) {
    if (packed == null) {
      return null;
    }
    if (packed.length == 0 || packed[0] != FORMAT_1) {
      throw new StoreException(
          "stored document has format "
              + (packed.length == 0 ? "none (empty value)" : Byte.toString(packed[0]))
              + "; this gateway reads format "
              + FORMAT_1
              + " (a newer gateway wrote it, or the column was changed by hand)",
          null);
    }
    Inflater inflater = INFLATER.get();
    inflater.reset();
    inflater.setDictionary(DICTIONARY_1);
    inflater.setInput(packed, 1, packed.length - 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 8);
    byte[] buffer = new byte[Math.max(1024, packed.length * 8)];
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0
            && !inflater.finished()
            && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new StoreException("stored document is truncated or corrupt", null);
        }
        out.write(buffer, 0, n);
      }
    } catch (DataFormatException e) {
      throw new StoreException("stored document is corrupt", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] dictionary(String resource, String sha256) {
    byte[] bytes;
    try (InputStream in = Documents.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("document dictionary " + resource + " is missing");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read document dictionary " + resource, e);
    }
    String actual = sha256(bytes);
    if (!actual.equals(sha256)) {
      throw new IllegalStateException(
          "document dictionary "
              + resource
              + " has SHA-256 "
              + actual
              + ", expected "
              + sha256
              + ": documents stored with it could not be read; restore the file");
    }
    return bytes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
