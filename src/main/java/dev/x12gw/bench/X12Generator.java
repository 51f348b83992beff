package dev.x12gw.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Synthetic 835 and 837P files of a requested size with realistic claim mixes, for benchmarks: 2-10
 * service lines per claim, CAS with several triplets, remark codes, downcodes (SVC06), denials,
 * reversals followed by corrections, PLB at the end of each transaction set. The same seed gives
 * the same file. Claims of the 837 and the 835 share patient control numbers and, claim by claim,
 * the same service lines (procedure, modifier, charge, date, REF*6R), as a payer's 835 answers a
 * provider's 837: analyzing the two together reconciles line by line.
 */
public final class X12Generator {
  private static final String[] PROCEDURES = {
    "99213", "99214", "99215", "97110", "97140", "73100", "29125", "80053", "85025", "36415"
  };
  private static final String[] DENIAL_REASONS = {"197", "16", "50", "96", "29", "4", "B7"};

  private final long seed;
  private final SplittableRandom random;
  private final int claimsPerTransaction;

  /** Claim numbers (CLM01/CLP01) and EFT trace numbers start here: 0 for the first batch. */
  private final long firstClaim;

  private final long firstTrace;

  public X12Generator(long seed, int claimsPerTransaction) {
    this(seed, claimsPerTransaction, 0);
  }

  /**
   * @param batch the n-th file of a series (a day of remittances): its claims and EFT traces get
   *     numbers of their own (batch 0 is the single-file benchmark's)
   */
  public X12Generator(long seed, int claimsPerTransaction, int batch) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.claimsPerTransaction = claimsPerTransaction;
    this.firstClaim = batch * 100_000_000L;
    this.firstTrace = batch * 100_000L;
  }

  /** The service lines of claim {@code n}, the same in the 837 and the 835. */
  private record Lines(
      BigDecimal[] charges, String[] procedures, boolean[] modifier25, int[] days) {
    BigDecimal total() {
      BigDecimal t = BigDecimal.ZERO;
      for (BigDecimal c : charges) {
        t = t.add(c);
      }
      return t;
    }
  }

  private Lines lines(long n) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + n);
    int count = 2 + r.nextInt(9);
    Lines l =
        new Lines(new BigDecimal[count], new String[count], new boolean[count], new int[count]);
    for (int i = 0; i < count; i++) {
      l.charges()[i] = money(40 + r.nextInt(400));
      l.procedures()[i] = PROCEDURES[r.nextInt(PROCEDURES.length)];
      l.modifier25()[i] = r.nextInt(5) == 0;
      l.days()[i] = 1 + r.nextInt(28);
    }
    return l;
  }

  /** Writes an 835 of at least {@code bytes}; returns the number of CLP claim payments. */
  public long write835(Path file, long bytes) throws IOException {
    try (Counting out = new Counting(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
      long claims = firstClaim;
      int tx = 0;
      envelopeStart(out, "HP", "005010X221A1");
      while (out.count < bytes) {
        tx++;
        int start = out.segments;
        seg(out, "ST*835*" + String.format("%04d", tx) + "*005010X221A1");
        seg(
            out,
            "BPR*I*125000.00*C*ACH*CCP*01*011000015*DA*123456789*1123456789**01*021000021*DA*987654321*20261120");
        seg(out, "TRN*1*EFT" + (20261120000L + firstTrace + tx) + "*1123456789");
        seg(out, "DTM*405*20261119");
        seg(out, "N1*PR*ACME HEALTH PLAN");
        seg(out, "N3*PO BOX 1000");
        seg(out, "N4*HARTFORD*CT*06101");
        seg(out, "REF*2U*87726");
        seg(out, "PER*BL*PROVIDER SERVICES*TE*8005550199");
        seg(out, "N1*PE*GOOD HEALTH CLINIC*XX*1234567893");
        seg(out, "REF*TJ*371234567");
        seg(out, "LX*1");
        for (int c = 0; c < claimsPerTransaction && out.count < bytes; c++) {
          claims += claim835(out, claims);
        }
        seg(out, "PLB*1234567893*20261231*WO:ACME" + tx + "*-12.34*L6*-1.05");
        seg(out, "SE*" + (out.segments - start + 1) + "*" + String.format("%04d", tx));
      }
      envelopeEnd(out, tx);
      return claims - firstClaim;
    }
  }

  private int claim835(Counting out, long n) throws IOException {
    String pcn = "PCN" + n;
    Lines lines = lines(n);
    boolean denied = random.nextInt(10) == 0;
    boolean reversal = !denied && random.nextInt(30) == 0;
    int written = 0;
    if (reversal) {
      writeClaim835(out, pcn, "22", lines, false, true);
      written++;
    }
    writeClaim835(out, pcn, denied ? "4" : "1", lines, denied, false);
    return written + 1;
  }

  private void writeClaim835(
      Counting out, String pcn, String status, Lines claimLines, boolean denied, boolean reversal)
      throws IOException {
    BigDecimal[] charge = claimLines.charges();
    BigDecimal billed = claimLines.total();
    BigDecimal sign = reversal ? BigDecimal.ONE.negate() : BigDecimal.ONE;
    BigDecimal paidTotal = BigDecimal.ZERO;
    BigDecimal prTotal = BigDecimal.ZERO;
    StringBuilder lines = new StringBuilder();
    String reason = DENIAL_REASONS[random.nextInt(DENIAL_REASONS.length)];
    for (int i = 0; i < charge.length; i++) {
      BigDecimal allowed =
          charge[i].multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP);
      BigDecimal pr = denied ? BigDecimal.ZERO : money(random.nextInt(30));
      BigDecimal paid = denied ? BigDecimal.ZERO : allowed.subtract(pr);
      BigDecimal co = charge[i].subtract(denied ? BigDecimal.ZERO : allowed);
      paidTotal = paidTotal.add(paid);
      prTotal = prTotal.add(pr);
      String proc = claimLines.procedures()[i];
      boolean downcode = !denied && random.nextInt(25) == 0;
      String svc01 =
          "HC:" + (downcode ? "99212" : proc) + (claimLines.modifier25()[i] ? ":25" : "");
      lines
          .append("SVC*")
          .append(svc01)
          .append('*')
          .append(charge[i].multiply(sign))
          .append('*')
          .append(paid.multiply(sign))
          .append("**1")
          .append(downcode ? "*HC:" + proc + "*1" : "")
          .append("~\n");
      lines
          .append("DTM*472*202610")
          .append(String.format("%02d", claimLines.days()[i]))
          .append("~\n");
      if (denied) {
        lines.append("CAS*CO*").append(reason).append('*').append(co.multiply(sign)).append("~\n");
      } else {
        BigDecimal co45 = co.subtract(new BigDecimal("1.00")).max(BigDecimal.ZERO);
        lines
            .append("CAS*CO*45*")
            .append(co45.multiply(sign))
            .append("**253*")
            .append(co.subtract(co45).multiply(sign))
            .append("~\n");
        if (pr.signum() > 0) {
          lines.append("CAS*PR*1*").append(pr.multiply(sign)).append("~\n");
        }
      }
      lines.append("REF*6R*").append(pcn).append('-').append(i + 1).append("~\n");
      if (!denied) {
        lines.append("AMT*B6*").append(allowed.multiply(sign)).append("~\n");
      }
      if (random.nextInt(6) == 0) {
        lines.append("LQ*HE*N").append(100 + random.nextInt(600)).append("~\n");
      }
    }
    seg(
        out,
        "CLP*"
            + pcn
            + "*"
            + status
            + "*"
            + billed.multiply(sign)
            + "*"
            + paidTotal.multiply(sign)
            + "*"
            + prTotal.multiply(sign)
            + "*12*ACME"
            + pcn.substring(3)
            + "*11*1");
    seg(out, "NM1*QC*1*PATIENT*ALEX****MI*W" + pcn.substring(3));
    seg(out, "NM1*82*1*DOCTOR*JO****XX*1999999984");
    if (denied) {
      seg(out, "MOA***M62");
    }
    seg(out, "DTM*232*20261015");
    seg(out, "DTM*233*20261015");
    out.write(lines.toString());
    out.segments += count(lines);
  }

  /** Writes an 837P of at least {@code bytes}; returns the number of CLM claims. */
  public long write837(Path file, long bytes) throws IOException {
    try (Counting out = new Counting(Files.newBufferedWriter(file, StandardCharsets.US_ASCII))) {
      long claims = firstClaim;
      int tx = 0;
      envelopeStart(out, "HC", "005010X222A1");
      while (out.count < bytes) {
        tx++;
        int start = out.segments;
        seg(out, "ST*837*" + String.format("%04d", tx) + "*005010X222A1");
        seg(out, "BHT*0019*00*BATCH" + tx + "*20261101*1200*CH");
        seg(out, "NM1*41*2*GOOD HEALTH CLINIC*****46*SUBM001");
        seg(out, "PER*IC*BILLING OFFICE*TE*5555550100");
        seg(out, "NM1*40*2*CLEARINGHOUSE INC*****46*RECV001");
        seg(out, "HL*1**20*1");
        seg(out, "PRV*BI*PXC*207Q00000X");
        seg(out, "NM1*85*2*GOOD HEALTH CLINIC*****XX*1234567893");
        seg(out, "N3*100 MAIN ST");
        seg(out, "N4*SPRINGFIELD*IL*627010000");
        seg(out, "REF*EI*371234567");
        int hl = 1;
        for (int c = 0; c < claimsPerTransaction && out.count < bytes; c++) {
          hl++;
          Lines lines = lines(claims);
          String pcn = "PCN" + claims++;
          seg(out, "HL*" + hl + "*1*22*0");
          seg(out, "SBR*P*18*GRP12345******CI");
          seg(out, "NM1*IL*1*PATIENT*ALEX****MI*W" + pcn.substring(3));
          seg(out, "N3*1 ELM ST");
          seg(out, "N4*SPRINGFIELD*IL*62701");
          seg(out, "DMG*D8*19800101*F");
          seg(out, "NM1*PR*2*ACME HEALTH PLAN*****PI*87726");
          BigDecimal total = lines.total();
          StringBuilder lx = new StringBuilder();
          for (int i = 0; i < lines.charges().length; i++) {
            lx.append("LX*").append(i + 1).append("~\n");
            lx.append("SV1*HC:")
                .append(lines.procedures()[i])
                .append(lines.modifier25()[i] ? ":25" : "")
                .append('*')
                .append(lines.charges()[i])
                .append("*UN*1***1~\n");
            lx.append("DTP*472*D8*202610")
                .append(String.format("%02d", lines.days()[i]))
                .append("~\n");
            lx.append("REF*6R*").append(pcn).append('-').append(i + 1).append("~\n");
          }
          seg(out, "CLM*" + pcn + "*" + total + "***11:B:1*Y*A*Y*Y");
          if (random.nextInt(3) == 0) {
            seg(out, "REF*G1*AUTH" + pcn.substring(3));
          }
          seg(out, "HI*ABK:M545*ABF:R51");
          seg(out, "NM1*82*1*DOCTOR*JO****XX*1999999984");
          seg(out, "PRV*PE*PXC*207Q00000X");
          out.write(lx.toString());
          out.segments += count(lx);
        }
        seg(out, "SE*" + (out.segments - start + 1) + "*" + String.format("%04d", tx));
      }
      envelopeEnd(out, tx);
      return claims - firstClaim;
    }
  }

  private static void envelopeStart(Counting out, String functionalId, String version)
      throws IOException {
    seg(
        out,
        "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261120*0900*^*00501*000000001*0*P*:");
    seg(out, "GS*" + functionalId + "*SENDER*RECEIVER*20261120*0900*1*X*" + version);
  }

  private static void envelopeEnd(Counting out, int transactions) throws IOException {
    seg(out, "GE*" + transactions + "*1");
    seg(out, "IEA*1*000000001");
  }

  private static void seg(Counting out, String segment) throws IOException {
    out.write(segment);
    out.write("~\n");
    out.segments++;
  }

  private static int count(CharSequence lines) {
    int n = 0;
    for (int i = 0; i < lines.length(); i++) {
      if (lines.charAt(i) == '~') {
        n++;
      }
    }
    return n;
  }

  private static BigDecimal money(int dollars) {
    return new BigDecimal(dollars).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A writer that counts characters and segments written. */
  private static final class Counting extends Writer {
    private final BufferedWriter out;
    long count;
    int segments;

    Counting(BufferedWriter out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
      count += len;
    }

    @Override
    public void write(String s) throws IOException {
      out.write(s);
      count += s.length();
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
