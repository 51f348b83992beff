package dev.x12gw.x12;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ISA/GS/ST 837 envelopes around claims the scrubber passed (or a claim released): the claims'
 * segments as received (each with the transaction's header and the HL levels above it), regrouped
 * under fresh envelopes and control numbers, one functional group and transaction set per
 * implementation guide. HL levels shared by consecutive claims are written once and every HL is
 * numbered again (HL01, HL02 parent, HL04 child code), so the result is a valid 837 whichever
 * claims were left out.
 */
public final class ClaimForwardWriter {
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  /** One claim to forward: its segments (no terminators) and the guide of its transaction set. */
  public record Claim(List<String> segments, String guide) {
    public Claim {
      segments = List.copyOf(segments);
      Objects.requireNonNull(guide, "guide");
    }
  }

  private ClaimForwardWriter() {}

  /**
   * The 837 interchange of {@code claims}, in the delimiters of {@code isa} (the source
   * interchange's ISA, whose sender and receiver are kept) and {@code gs} (its GS, whose sender and
   * receiver codes are kept); ISA13 is {@code controlNumber}, each group's GS06 the next numbers.
   */
  public static String write(
      String isa, String gs, List<Claim> claims, long controlNumber, LocalDateTime now) {
    if (isa.length() < 106 || !isa.startsWith("ISA")) {
      throw new IllegalArgumentException("not an ISA segment: " + isa);
    }
    Batch batch = new Batch(isa.charAt(3));
    claims.forEach(batch::add);
    return batch.write(isa, gs, controlNumber, now);
  }

  /**
   * Claims to forward, added one at a time in file order: each claim's levels are regrouped as it
   * comes (a level shared with the claim before is written once), so only the segments that go out
   * are kept; {@link #mark}/{@link #reset} take back the claims of a quarantined transaction set.
   */
  public static final class Batch {
    private final String sep;
    private final Map<String, Body> byGuide = new LinkedHashMap<>();
    private int claims;

    /**
     * @param elementSeparator the claims' element separator (the source ISA's fourth character)
     */
    public Batch(char elementSeparator) {
      this.sep = String.valueOf(elementSeparator);
    }

    /** Adds a claim: its segments (the transaction's header, its HL levels, its loop). */
    public void add(Claim c) {
      add(c.segments(), c.guide());
    }

    /** Adds a claim of {@code guide} by its segments as the binder hands them over (not kept). */
    public void add(List<String> segments, String guide) {
      byGuide.computeIfAbsent(guide, g -> new Body()).add(Levels.of(segments, sep), sep);
      claims++;
    }

    public int claims() {
      return claims;
    }

    /** Where the batch is now. */
    public Mark mark() {
      Map<String, Body.State> states = new LinkedHashMap<>();
      byGuide.forEach((guide, body) -> states.put(guide, body.state()));
      return new Mark(states, claims);
    }

    /** Back to {@code mark}: the claims added since are gone. */
    public void reset(Mark mark) {
      byGuide.keySet().retainAll(mark.states().keySet());
      mark.states().forEach((guide, state) -> byGuide.get(guide).reset(state));
      claims = mark.claims();
    }

    /** The interchange, as {@link ClaimForwardWriter#write}. */
    public String write(String isa, String gs, long controlNumber, LocalDateTime now) {
      if (claims == 0) {
        throw new IllegalArgumentException("nothing to forward");
      }
      if (isa.length() < 106 || !isa.startsWith("ISA")) {
        throw new IllegalArgumentException("not an ISA segment: " + isa);
      }
      char e = isa.charAt(3);
      if (!sep.equals(String.valueOf(e))) {
        throw new IllegalArgumentException("the ISA's element separator is not the claims'");
      }
      String terminator = String.valueOf(isa.charAt(isa.length() - 1));
      String isaText = isa.substring(0, isa.length() - 1);
      String[] isaElements = isaText.split(java.util.regex.Pattern.quote(sep), -1);
      if (isaElements.length != 17) {
        throw new IllegalArgumentException("an ISA has 16 elements: " + isa);
      }
      isaElements[9] = now.format(YYMMDD);
      isaElements[10] = now.format(HHMM);
      isaElements[13] = String.format("%09d", controlNumber % 1_000_000_000L);
      StringBuilder out = new StringBuilder();
      out.append(String.join(sep, isaElements)).append(terminator).append('\n');
      String[] gsElements = strip(gs, terminator).split(java.util.regex.Pattern.quote(sep), -1);
      long group = controlNumber;
      for (Map.Entry<String, Body> g : byGuide.entrySet()) {
        String[] gsOut = gsElements.clone();
        gsOut[4] = now.format(CCYYMMDD);
        gsOut[5] = now.format(HHMM);
        gsOut[6] = String.valueOf(group % 1_000_000_000L);
        gsOut[8] = g.getKey();
        out.append(String.join(sep, gsOut)).append(terminator).append('\n');
        List<String> st = g.getValue().out;
        String st02 = "0001";
        out.append("ST")
            .append(sep)
            .append("837")
            .append(sep)
            .append(st02)
            .append(sep)
            .append(g.getKey());
        out.append(terminator).append('\n');
        for (String seg : st) {
          out.append(seg).append(terminator).append('\n');
        }
        out.append("SE").append(sep).append(st.size() + 2).append(sep).append(st02);
        out.append(terminator).append('\n');
        out.append("GE").append(sep).append('1').append(sep).append(group % 1_000_000_000L);
        out.append(terminator).append('\n');
        group++;
      }
      out.append("IEA").append(sep).append(byGuide.size()).append(sep).append(isaElements[13]);
      out.append(terminator).append('\n');
      return out.toString();
    }
  }

  /** Where a {@link Batch} was: each guide's transaction set's state, and the claims. */
  public static final class Mark {
    private final Map<String, Body.State> states;
    private final int claims;

    private Mark(Map<String, Body.State> states, int claims) {
      this.states = Map.copyOf(states);
      this.claims = claims;
    }

    Map<String, Body.State> states() {
      return states;
    }

    int claims() {
      return claims;
    }
  }

  /**
   * One transaction set being written: the segments between ST and SE (the first claim's header,
   * then the levels and claims) and what the next claim is compared with.
   */
  static final class Body {
    final List<String> out = new ArrayList<>();
    List<String> lastBilling;
    List<String> lastSubscriber;
    List<String> lastPatient;
    int hl;
    int billingId;
    int subscriberId;

    /** A body's state, to go back to. */
    record State(
        int size,
        List<String> lastBilling,
        List<String> lastSubscriber,
        List<String> lastPatient,
        int hl,
        int billingId,
        int subscriberId) {}

    State state() {
      return new State(
          out.size(), lastBilling, lastSubscriber, lastPatient, hl, billingId, subscriberId);
    }

    void reset(State s) {
      out.subList(s.size(), out.size()).clear();
      lastBilling = s.lastBilling();
      lastSubscriber = s.lastSubscriber();
      lastPatient = s.lastPatient();
      hl = s.hl();
      billingId = s.billingId();
      subscriberId = s.subscriberId();
    }

    void add(Levels l, String sep) {
      if (out.isEmpty()) {
        out.addAll(l.header);
      }
      List<String> billing = l.billing;
      List<String> subscriber = l.subscriber;
      List<String> patient = l.patient;
      if (!billing.equals(lastBilling)) {
        billingId = ++hl;
        out.add(String.join(sep, "HL", String.valueOf(billingId), "", "20", "1"));
        out.addAll(l.billing);
        lastBilling = billing;
        lastSubscriber = null;
      }
      if (!subscriber.equals(lastSubscriber)) {
        subscriberId = ++hl;
        out.add(
            String.join(
                sep,
                "HL",
                String.valueOf(subscriberId),
                String.valueOf(billingId),
                "22",
                l.hasPatient ? "1" : "0"));
        out.addAll(l.subscriber);
        lastSubscriber = subscriber;
        lastPatient = null;
      }
      if (l.hasPatient && !patient.equals(lastPatient)) {
        out.add(
            String.join(sep, "HL", String.valueOf(++hl), String.valueOf(subscriberId), "23", "0"));
        out.addAll(l.patient);
        lastPatient = patient;
      }
      out.addAll(l.claim);
    }
  }

  /** A claim's segments by level, each level without its HL segment. */
  private static final class Levels {
    final List<String> header = new ArrayList<>();
    final List<String> billing = new ArrayList<>();
    final List<String> subscriber = new ArrayList<>();
    final List<String> patient = new ArrayList<>();
    final List<String> claim = new ArrayList<>();
    boolean hasPatient;

    static Levels of(List<String> segments, String sep) {
      Levels l = new Levels();
      List<String> into = l.header;
      for (String s : segments) {
        String id = s.indexOf(sep) < 0 ? s : s.substring(0, s.indexOf(sep));
        if (id.equals("HL")) {
          String level = element(s, sep.charAt(0), 3);
          into =
              switch (level) {
                case "20" -> l.billing;
                case "22" -> l.subscriber;
                case "23" -> l.patient;
                default -> into;
              };
          l.hasPatient |= level.equals("23");
          continue;
        }
        if (id.equals("CLM")) {
          into = l.claim;
        }
        into.add(s);
      }
      return l;
    }
  }

  /** Element {@code n} of a segment, empty when not sent. */
  private static String element(String segment, char sep, int n) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      int at = segment.indexOf(sep, start);
      if (at < 0) {
        return "";
      }
      start = at + 1;
    }
    int end = segment.indexOf(sep, start);
    return end < 0 ? segment.substring(start) : segment.substring(start, end);
  }

  private static String strip(String segment, String terminator) {
    return segment.endsWith(terminator) ? segment.substring(0, segment.length() - 1) : segment;
  }
}
