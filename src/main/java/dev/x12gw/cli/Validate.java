package dev.x12gw.cli;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.x12.AcknowledgmentWriter;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.EnvelopeReport;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code x12gw validate PATH...}: reads each file as the gateway would (envelopes, segments,
 * binding) and prints, per file and transaction set, "accepted", "accepted with warnings" or
 * "REJECTED" with each defect's place; optionally writes the 999/TA1 acknowledgments the gateway
 * would send.
 */
final class Validate {
  private static final BindingSink NOTHING =
      new BindingSink() {
        @Override
        public void claim(SubmittedClaim claim) {}

        @Override
        public void payment(RemittanceHeader remittance, ClaimPayment payment) {}
      };

  private final SmooksX12Parser parser;
  private final PrintStream out;
  private final Path ackDir;
  private long controlNumber = 1;

  Validate(SmooksX12Parser parser, PrintStream out, Path ackDir) {
    this.parser = parser;
    this.out = out;
    this.ackDir = ackDir;
  }

  /** Returns 0 when every transaction set is accepted, 1 when anything was quarantined. */
  int run(List<Path> files) throws IOException {
    boolean quarantined = false;
    for (Path f : files) {
      quarantined |= validate(f);
    }
    out.flush();
    return quarantined ? 1 : 0;
  }

  private static String status(ReadResult r) {
    if (r.transactionsAccepted() == 0 && r.unreadable()) {
      return "UNREADABLE";
    }
    if (r.transactionsAccepted() == 0 && r.transactionsRejected() > 0) {
      return "REJECTED";
    }
    if (r.quarantined()) {
      return "QUARANTINED IN PART";
    }
    return r.problems().isEmpty() ? "ACCEPTED" : "ACCEPTED WITH WARNINGS";
  }

  private boolean validate(Path file) throws IOException {
    ReadResult r = parser.parse(file, file.getFileName().toString(), NOTHING);
    List<EnvelopeReport.Interchange> interchanges = r.envelopes().interchanges();
    out.printf(
        "%s: %s, %d interchange(s), %d transaction set(s): %d accepted, %d rejected%n",
        file,
        status(r),
        interchanges.size(),
        r.transactionsAccepted() + r.transactionsRejected(),
        r.transactionsAccepted(),
        r.transactionsRejected());
    for (X12Problem p : r.problems()) {
      if (p.interchangeControlNumber().isEmpty()) {
        out.println("    " + p.describe());
      }
    }
    for (EnvelopeReport.Interchange ic : interchanges) {
      out.printf("  ISA13 %s from %s to %s%n", ic.controlNumber(), ic.isa(6), ic.isa(8));
      ic.problems().forEach(p -> out.println("    " + p.describe()));
      for (EnvelopeReport.Group g : ic.groups()) {
        out.printf("    GS06 %s %s %s%n", g.controlNumber(), g.gs(1), g.gs(8));
        g.problems().forEach(p -> out.println("      " + p.describe()));
        for (EnvelopeReport.TransactionSet tx : g.transactions()) {
          String state =
              !tx.accepted()
                  ? "REJECTED"
                  : tx.problems().isEmpty() ? "accepted" : "accepted with warnings";
          out.printf(
              "      ST02 %s %s %s: %s%n", tx.controlNumber(), tx.setId(), tx.version(), state);
          tx.problems().forEach(p -> out.println("        " + p.describe()));
        }
      }
    }
    if (ackDir != null) {
      String ack =
          new AcknowledgmentWriter(() -> controlNumber++).write(r.envelopes(), LocalDateTime.now());
      if (!ack.isEmpty()) {
        Files.createDirectories(ackDir);
        Path target = ackDir.resolve(file.getFileName() + ".999");
        Files.writeString(target, ack, StandardCharsets.US_ASCII);
        out.println("  acknowledgment: " + target);
      }
    }
    return r.quarantined();
  }
}
