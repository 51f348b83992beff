package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12TokenizerTest {
  private static final String ISA =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*^*00501*000000101*0*T*:";

  private static List<Segment> read(String text) throws Exception {
    List<Segment> out = new ArrayList<>();
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(text))) {
      Segment s;
      while ((s = t.next()) != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> ids(List<Segment> segments) {
    return segments.stream().map(Segment::id).toList();
  }

  @Test
  void readsDelimitersFromTheIsa() throws Exception {
    List<Segment> s =
        read(ISA + "~GS*HP*A*B*20261101*1200*1*X*005010X221A1~SVC*HC:99213:25*100*80~");
    assertThat(ids(s)).containsExactly("ISA", "GS", "SVC");
    Delimiters d = s.get(0).delimiters();
    assertThat(d).isEqualTo(new Delimiters('*', ':', '^', '~'));
    assertThat(s.get(0).element(13)).isEqualTo("000000101");
    assertThat(s.get(0).element(16)).isEqualTo(":");
    assertThat(s.get(2).components(1)).containsExactly("HC", "99213", "25");
    assertThat(s.get(2).component(1, 2)).isEqualTo("99213");
    assertThat(s.get(2).element(3)).isEqualTo("80");
    assertThat(s.get(2).element(9)).isEmpty();
  }

  @Test
  void pipeAndAngleSeparatorsWithNewlineAfterEachSegment() throws Exception {
    String isa = ISA.replace('*', '|').replace(':', '>');
    List<Segment> s =
        read(isa + "~\nGS|HP|A|B|20261101|1200|1|X|005010X221A1~\nSVC|HC>99213|100|80~\n");
    assertThat(ids(s)).containsExactly("ISA", "GS", "SVC");
    assertThat(s.get(0).delimiters()).isEqualTo(new Delimiters('|', '>', '^', '~'));
    assertThat(s.get(2).components(1)).containsExactly("HC", "99213");
  }

  @Test
  void crlfAfterTerminatorsIsSkipped() throws Exception {
    List<Segment> s = read(ISA + "~\r\nGS*HP*A~\r\nST*835*0001~\r\n");
    assertThat(ids(s)).containsExactly("ISA", "GS", "ST");
    assertThat(s.get(2).element(2)).isEqualTo("0001");
  }

  @Test
  void newlineAsSegmentTerminator() throws Exception {
    List<Segment> s = read(ISA + "\nGS*HP*A\r\nST*835*0001\n\nSE*2*0001\n");
    assertThat(ids(s)).containsExactly("ISA", "GS", "ST", "SE");
    assertThat(s.get(0).delimiters().newlineTerminated()).isTrue();
  }

  @Test
  void byteOrderMarkAndLeadingWhitespace() throws Exception {
    List<Segment> s = read("\uFEFF \n\t" + ISA + "~GS*HP~");
    assertThat(ids(s)).containsExactly("ISA", "GS");
    assertThat(s.get(0).offset()).isEqualTo(4);
  }

  @Test
  void unpaddedIsaIsReadBySeparators() throws Exception {
    String isa = "ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*261101*1200*^*00501*000000101*0*T*:";
    List<Segment> s = read(isa + "~GS*HP*A~");
    assertThat(ids(s)).containsExactly("ISA", "GS");
    assertThat(s.get(0).element(6)).isEqualTo("SENDER");
  }

  @Test
  void eachInterchangeUsesItsOwnDelimiters() throws Exception {
    String second = ISA.replace('*', '|').replace(':', '>');
    List<Segment> s = read(ISA + "~IEA*0*000000101~" + second + "!GS|HP|X!IEA|0|000000101!");
    assertThat(ids(s)).containsExactly("ISA", "IEA", "ISA", "GS", "IEA");
    assertThat(s.get(3).delimiters()).isEqualTo(new Delimiters('|', '>', '^', '!'));
    assertThat(s.get(3).element(2)).isEqualTo("X");
  }

  @Test
  void fourOhTenIsaHasNoRepetitionSeparator() throws Exception {
    List<Segment> s = read(ISA.replace("*^*00501*", "*U*00401*") + "~");
    assertThat(s.get(0).delimiters().repetition()).isEqualTo(Delimiters.NONE);
  }

  @Test
  void lineBreaksInsideSegmentsAreRemovedAndCounted() throws Exception {
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(ISA + "~NM1*QC*1*DO\nE*JANE~"))) {
      t.next();
      Segment nm1 = t.next();
      assertThat(nm1.element(3)).isEqualTo("DOE");
      assertThat(t.wrappedLineBreaks()).isEqualTo(1);
    }
  }

  @Test
  void lastSegmentWithoutTerminatorIsReadAndNoticed() throws Exception {
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(ISA + "~IEA*0*000000101"))) {
      assertThat(t.next().id()).isEqualTo("ISA");
      assertThat(t.next().element(2)).isEqualTo("000000101");
      assertThat(t.next()).isNull();
      assertThat(t.lastSegmentUnterminated()).isTrue();
    }
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(ISA + "~IEA*0*000000101~\n"))) {
      while (t.next() != null) {
        // read all
      }
      assertThat(t.lastSegmentUnterminated()).isFalse();
    }
  }

  @Test
  void segmentsLongerThanTheBufferAreRead() throws Exception {
    String longName = "X".repeat(200_000);
    List<Segment> s = read(ISA + "~NTE*ADD*" + longName + "~SE*2*1~");
    assertThat(s.get(1).element(2)).hasSize(200_000);
    assertThat(s.get(2).id()).isEqualTo("SE");
  }

  @Test
  void textThatIsNotX12IsRejectedWithItsOffset() {
    assertThatThrownBy(() -> read("  hello, this is not X12"))
        .isInstanceOf(X12SyntaxException.class)
        .hasMessageContaining("expected 'ISA' at offset 2")
        .hasMessageContaining("found 'hel...'");
  }

  @Test
  void truncatedIsaIsRejected() {
    assertThatThrownBy(() -> read("ISA*00*          *00*   "))
        .isInstanceOf(X12SyntaxException.class)
        .extracting(e -> ((X12SyntaxException) e).code())
        .isEqualTo("ISA_INVALID");
  }

  @Test
  void collidingDelimitersAreRejected() {
    assertThatThrownBy(() -> read(ISA.substring(0, ISA.length() - 1) + "*~"))
        .isInstanceOf(X12SyntaxException.class);
  }

  /** The ISA above with {@code element} between its elements, {@code isa11} and {@code isa16}. */
  private static String isaWith(char element, char isa11, char isa16) {
    return ISA.substring(0, ISA.length() - 1)
            .replace("*^*", "*" + isa11 + "*")
            .replace('*', element)
        + isa16;
  }

  @Test
  void controlCharactersAreDelimiters() throws Exception {
    String text =
        isaWith('\u001d', '\u001c', '\u001f')
            + "\u001e"
            + "GS\u001dHC\u001dS\u001dR\u001d20261101\u001d1200\u001d1\u001dX\u001d005010X222A1\u001e"
            + "ST\u001d837\u001d0001\u001e"
            + "SV1\u001dHC\u001f99213\u001fGP\u001d100\u001e"
            + "SE\u001d3\u001d0001";
    List<Segment> s = read(text);
    assertThat(ids(s)).containsExactly("ISA", "GS", "ST", "SV1", "SE");
    Delimiters d = s.get(0).delimiters();
    assertThat(d).isEqualTo(new Delimiters('\u001d', '\u001f', '\u001c', '\u001e'));
    assertThat(d.toString())
        .isEqualTo("element '\\x1d' component '\\x1f' repetition '\\x1c' segment '\\x1e'");
    assertThat(s.get(3).components(1)).containsExactly("HC", "99213", "GP");
    assertThat(s.get(3).element(2)).isEqualTo("100");
    assertThat(s.get(0).element(16)).isEqualTo("\u001f");
  }

  @Test
  void aBelOrFileSeparatorIsADelimiterToo() throws Exception {
    List<Segment> s = read(isaWith('\u0007', '^', '\u001c') + "\u001eGS\u0007HC\u001e");
    assertThat(ids(s)).containsExactly("ISA", "GS");
    assertThat(s.get(1).element(1)).isEqualTo("HC");
  }

  @Test
  void genuineCollisionsAreRefusedAndNeverPrintARawControlCharacter() {
    record Case(String text, String message) {}
    for (Case c :
        List.of(
            new Case(isaWith('\u001d', '^', '\u001f') + "\u001d", "ISA header at offset 0"),
            new Case(
                isaWith('\u001d', '^', '\u001f') + "\u001f",
                "delimiters collide: element '\\x1d', component '\\x1f', segment '\\x1f'"),
            new Case(
                isaWith('\u001d', '\u001f', '\u001f') + "\u001e",
                "repetition separator '\\x1f' collides"),
            new Case(
                isaWith('*', '^', 'A') + "~", "component separator 'A' collides with the data"),
            new Case(
                isaWith('*', '^', ' ') + "~", "component separator ' ' collides with the data"))) {
      assertThatThrownBy(() -> read(c.text() + "GS*HC~"))
          .as(c.message())
          .isInstanceOf(X12SyntaxException.class)
          .hasMessageContaining(c.message())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f]"));
    }
    assertThatThrownBy(() -> read(isaWith('\u001d', '^', '\u001f') + "\u001f"))
        .extracting(e -> ((X12SyntaxException) e).code())
        .isEqualTo("DELIMITER_COLLISION");
  }

  @Test
  void aLetterAsElementSeparatorIsACollisionNotAMissingIsa() {
    assertThatThrownBy(() -> read(isaWith('\u00d6', '^', ':') + "~GS\u00d6HC~"))
        .isInstanceOf(X12SyntaxException.class)
        .hasMessageContaining("element separator '\\xd6' collides with the data")
        .extracting(e -> ((X12SyntaxException) e).code())
        .isEqualTo("DELIMITER_COLLISION");
  }

  @Test
  void anIsa16OfSeveralCharactersIsReadWholeBeforeItsTerminator() throws Exception {
    List<Segment> s = read(ISA + ">~\nGS*HC~");
    assertThat(s.get(0).element(16)).isEqualTo(":>");
    assertThat(s.get(0).delimiters().segment()).isEqualTo('~');
    assertThat(ids(s)).containsExactly("ISA", "GS");
  }
}
