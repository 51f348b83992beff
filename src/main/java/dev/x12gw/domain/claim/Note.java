package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;

/**
 * 837 NTE: a claim or line note.
 *
 * @param reference NTE01 note reference code (ADD, CER, DCP, DGN, TPO, ...)
 * @param text NTE02
 */
public record Note(String reference, String text) {
  public Note {
    reference = Text.orEmpty(reference);
    text = Text.orEmpty(text);
  }
}
