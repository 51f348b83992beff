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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's large JSON documents packed into binary columns ({@code claim.detail}, {@code
 * claim_payment.detail}, {@code outbox_body.body}, segment blocks): UTF-8, compressed against a
 * preset dictionary, after one format byte.
 *
 * <p>Why (issue 19): these documents were 90% of the store's live bytes, 3.4 KB of JSON for an 835
 * claim payment of about 0.9 KB of X12. H2 compresses whole pages, but a page held only two or
 * three such rows, so the property names repeated in every document were compressed once per page
 * at best. Packed one by one against a dictionary of the documents' own shapes, a payment takes
 * about a tenth of its JSON (measured on the generator's 835s: {@code x12gw bench --gateway}).
 *
 * <p>Format 1 (written until format 2, read forever): the byte {@code 1}, then raw DEFLATE (no zlib
 * header) of the document's UTF-8 bytes with {@code document-dictionary-1.json} as the preset
 * dictionary.
 *
 * <p>Format 2 (written today): the byte {@code 2}, then one Zstandard frame without its magic
 * number, dictionary id or checksum, its content size in the frame header, compressed with the same
 * {@code document-dictionary-1.json} as a raw-content dictionary. Why: DEFLATE hashes its whole
 * preset dictionary again for every document (zlib cannot keep a primed state), about 23 µs of the
 * 47 µs a record took; Zstandard digests the dictionary once, and packs a record in about 10 µs and
 * unpacks it in 4 µs (against 25 µs) at the same size (async-profiler on {@code x12gw bench
 * --gateway}: packing was 12% of the intake thread's CPU on a 10 MB 835, 22% on 100 MB). Zstandard
 * is native code ({@code zstd-jni}); where its library cannot load, documents are written in format
 * 1 (logged once) and format 2 cannot be read (an error that says so).
 *
 * <p>A stored document is read with the dictionary of its format forever: the file's SHA-256 is
 * checked when the class loads, and a better dictionary is a new format (a new byte), never an edit
 * of this one.
 */
public final class Documents {
  private static final Logger LOG = LoggerFactory.getLogger(Documents.class);

  /** DEFLATE with dictionary 1. */
  static final byte FORMAT_1 = 1;

  /** Zstandard with dictionary 1 (the format written when zstd-jni loads). */
  static final byte FORMAT_2 = 2;

  private static final String DICTIONARY_1_RESOURCE = "document-dictionary-1.json";

  /** SHA-256 of {@link #DICTIONARY_1_RESOURCE}: documents packed with it cannot be read without. */
  static final String DICTIONARY_1_SHA256 =
      "0357ca4660c2b0129ac801a510ef82beadd7381dc33f370d08288985ae94218a";

  private static final byte[] DICTIONARY_1 = dictionary(DICTIONARY_1_RESOURCE, DICTIONARY_1_SHA256);

  /**
   * DEFLATE's default level (format 1): on the generator's documents 296 bytes a payment and 184 a
   * record, in about 60 µs each, against 373 and 280 bytes in about 50 µs at level 1 (most of the
   * time is zlib's per-stream setup, whatever the level). Not part of the format: any level reads
   * back.
   */
  private static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));

  private static final ThreadLocal<Inflater> INFLATER =
      ThreadLocal.withInitial(() -> new Inflater(true));

  /** Largest document unpacked: a damaged size field must not ask for gigabytes. */
  static final int MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

  /** The format {@link #pack} writes: 2, or 1 where the Zstandard library does not load. */
  static final byte WRITTEN_FORMAT = Zstd.available() ? FORMAT_2 : FORMAT_1;

  private Documents() {}

  /**
   * A JSON document packed for its binary column (format {@link #WRITTEN_FORMAT}); null stays null.
   */
  public static byte[] pack(String json) {
    if (json == null) {
      return null;
    }
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    return WRITTEN_FORMAT == FORMAT_2 ? Zstd.pack(utf8) : packDeflate(utf8);
  }

  /** Format 1: DEFLATE against dictionary 1. */
  static byte[] packDeflate(byte[] utf8) {
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

  /** The JSON document of a packed column value (format 1 or 2); null stays null. */
  public static String unpack(byte[] packed) {
    if (packed == null) {
      return null;
    }
    if (packed.length > 0 && packed[0] == FORMAT_2) {
      if (!Zstd.available()) {
        throw new StoreException(
            "stored document has format 2 (Zstandard), but the zstd-jni library does not load on"
                + " this platform ("
                + Zstd.loadFailure()
                + "); run the gateway where it loads",
            null);
      }
      return new String(Zstd.unpack(packed), StandardCharsets.UTF_8);
    }
    if (packed.length == 0 || packed[0] != FORMAT_1) {
      throw new StoreException(
          "stored document has format "
              + (packed.length == 0 ? "none (empty value)" : Byte.toString(packed[0]))
              + "; this gateway reads formats "
              + FORMAT_1
              + " and "
              + FORMAT_2
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

  /**
   * Format 2's codec, in a class of its own so that a platform where zstd-jni's native library does
   * not load only loses format 2 ({@link #available()} false), not the store.
   */
  static final class Zstd {
    /**
     * Level 6. Measured on the golden records ({@code testdata/expected}), per record: level 1 5 µs
     * and 210 bytes, level 3 6 µs and 196, level 6 10 µs and 166, level 9 14 µs and 156; DEFLATE
     * (format 1) 47 µs and 154. On the generator's 100 MB 835 ({@code x12gw bench --gateway}) the
     * store while running and after shutdown stayed what it was with format 1 (4.4–5.0 and 1.5
     * bytes per input byte).
     */
    static final int LEVEL = 6;

    private static final String LOAD_FAILURE;
    private static final com.github.luben.zstd.ZstdDictCompress DICT_COMPRESS;
    private static final com.github.luben.zstd.ZstdDictDecompress DICT_DECOMPRESS;

    static {
      String failure = null;
      com.github.luben.zstd.ZstdDictCompress compress = null;
      com.github.luben.zstd.ZstdDictDecompress decompress = null;
      try {
        compress = new com.github.luben.zstd.ZstdDictCompress(DICTIONARY_1, LEVEL);
        decompress = new com.github.luben.zstd.ZstdDictDecompress(DICTIONARY_1);
      } catch (LinkageError | RuntimeException e) {
        failure = e.toString();
        LOG.warn(
            "Zstandard (zstd-jni) does not load on this platform: documents are written in format"
                + " 1 (DEFLATE), about 4 times slower; {}",
            failure);
      }
      LOAD_FAILURE = failure;
      DICT_COMPRESS = compress;
      DICT_DECOMPRESS = decompress;
    }

    private static final ThreadLocal<com.github.luben.zstd.ZstdCompressCtx> COMPRESS =
        ThreadLocal.withInitial(
            () ->
                new com.github.luben.zstd.ZstdCompressCtx()
                    .loadDict(DICT_COMPRESS)
                    .setMagicless(true)
                    .setChecksum(false)
                    .setDictID(false)
                    .setContentSize(true));

    private static final ThreadLocal<com.github.luben.zstd.ZstdDecompressCtx> DECOMPRESS =
        ThreadLocal.withInitial(
            () ->
                new com.github.luben.zstd.ZstdDecompressCtx()
                    .loadDict(DICT_DECOMPRESS)
                    .setMagicless(true));

    private Zstd() {}

    static boolean available() {
      return LOAD_FAILURE == null;
    }

    static String loadFailure() {
      return LOAD_FAILURE;
    }

    static byte[] pack(byte[] utf8) {
      com.github.luben.zstd.ZstdCompressCtx ctx = COMPRESS.get();
      byte[] out = new byte[1 + (int) com.github.luben.zstd.Zstd.compressBound(utf8.length)];
      out[0] = FORMAT_2;
      int n = ctx.compressByteArray(out, 1, out.length - 1, utf8, 0, utf8.length);
      return java.util.Arrays.copyOf(out, 1 + n);
    }

    static byte[] unpack(byte[] packed) {
      long size =
          com.github.luben.zstd.Zstd.getFrameContentSize(packed, 1, packed.length - 1, true);
      if (size < 0 || size > MAX_DOCUMENT_BYTES) {
        throw new StoreException(
            "stored document is truncated or corrupt (format 2, content size " + size + ")", null);
      }
      byte[] out = new byte[(int) size];
      try {
        int n =
            DECOMPRESS.get().decompressByteArray(out, 0, out.length, packed, 1, packed.length - 1);
        if (n != out.length) {
          throw new StoreException("stored document is truncated or corrupt (format 2)", null);
        }
      } catch (com.github.luben.zstd.ZstdException e) {
        throw new StoreException("stored document is corrupt (format 2)", e);
      }
      return out;
    }
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
