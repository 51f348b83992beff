package dev.x12gw.x12;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Port: reads one X12 file (ISA…IEA, any number of interchanges) and hands the domain records of
 * every valid transaction set to a {@link BindingSink}, streamed. The gateway's implementation is
 * Smooks with the mappings of {@code edi-mappings/}; tests may feed bindings directly.
 */
public interface X12Reader {
  /**
   * Reads {@code file}; never throws for bad content: defects are in the result.
   *
   * @param fileName the file's name for problems and logs (no path)
   */
  ReadResult parse(Path file, String fileName, BindingSink sink) throws IOException;
}
