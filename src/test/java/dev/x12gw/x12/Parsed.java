package dev.x12gw.x12;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a reader made of one file, in the order it was bound: for tests. {@code headers} and
 * {@code payments} are parallel (the header each payment was bound under).
 */
public record Parsed(
    ReadResult result,
    List<SubmittedClaim> claims,
    List<RemittanceHeader> headers,
    List<ClaimPayment> payments,
    List<RemittanceTrailer> trailers) {

  public List<String> problemCodes() {
    return result.problems().stream().map(X12Problem::code).toList();
  }

  public static Parsed read(SmooksX12Parser parser, Path file) throws Exception {
    List<SubmittedClaim> claims = new ArrayList<>();
    List<RemittanceTrailer> trailers = new ArrayList<>();
    List<RemittanceHeader> headers = new ArrayList<>();
    List<ClaimPayment> payments = new ArrayList<>();
    ReadResult r =
        parser.parse(
            file,
            file.getFileName().toString(),
            new BindingSink() {
              @Override
              public void claim(SubmittedClaim claim) {
                claims.add(claim);
              }

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {
                headers.add(remittance);
                payments.add(payment);
              }

              @Override
              public void remittanceEnd(RemittanceTrailer trailer) {
                trailers.add(trailer);
              }
            });
    return new Parsed(r, claims, headers, payments, trailers);
  }
}
