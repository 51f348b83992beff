package dev.x12gw.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What an evidence packet is made of, from the store: the classified finding's published record
 * ({@code classified_finding.record}), the 837 claim's segments as submitted and the 835 claim
 * payment's segments as received ({@code claim.segments}, {@code claim_payment.segments}, V15).
 */
public final class EvidenceStore {
  private final DataSource dataSource;

  public EvidenceStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A classified finding in force, as stored.
   *
   * @param recordJson its record as published (JSON)
   * @param caseId its claim case, or null (a recoupment without one)
   */
  public record StoredFinding(String recordJson, Long caseId) {
    public StoredFinding {
      Objects.requireNonNull(recordJson, "record");
    }
  }

  /**
   * The classified finding whose record id is {@code recordId}; empty when no finding in force has
   * it (unknown, superseded, withdrawn, or classified before V15).
   */
  public Optional<StoredFinding> finding(String recordId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select record, case_id from classified_finding where record_id = ? and record"
                    + " is not null")) {
      ps.setString(1, recordId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String json = Documents.unpack(rs.getBytes(1));
        long id = rs.getLong(2);
        return Optional.of(new StoredFinding(json, rs.wasNull() ? null : id));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read a classified finding", e);
    }
  }

  /**
   * 837: the segments of the case's latest claim with patient control number {@code pcn} (else of
   * its latest claim); empty when the claim was never sent or stored before V15.
   */
  public List<String> claimSegments(long caseId, String pcn) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select intake_file_id, segment_block, segment_item, patient_control_number from"
                    + " claim where case_id = ? and segment_block is not null order by id desc")) {
      ps.setLong(1, caseId);
      Stored chosen = null;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean named = Objects.equals(pcn, rs.getString(4));
          if (named || chosen == null) {
            chosen = new Stored(rs.getLong(1), rs.getInt(2), rs.getInt(3), null);
          }
          if (named) {
            break;
          }
        }
      }
      return chosen == null ? List.of() : chosen.read(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read a claim's segments", e);
    }
  }

  /**
   * 835: the segments of the case's claim payment with trace number {@code trace} (TRN02) and payer
   * claim number {@code payerClaimNumber} (CLP07), else of its latest payment: its 835
   * transaction's header (kept once with the remittance), then its own.
   */
  public List<String> paymentSegments(long caseId, String trace, String payerClaimNumber) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select r.intake_file_id, p.segment_block, p.segment_item, r.trace_number,"
                    + " p.payer_claim_control_number, r.segments from claim_payment p join"
                    + " remittance r on r.id = p.remittance_id where p.case_id = ? and"
                    + " p.segment_block is not null order by p.id desc")) {
      ps.setLong(1, caseId);
      Stored chosen = null;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean named =
              Objects.equals(trace, rs.getString(4))
                  && Objects.equals(
                      Objects.toString(payerClaimNumber, ""),
                      Objects.toString(rs.getString(5), ""));
          if (named || chosen == null) {
            chosen = new Stored(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBytes(6));
          }
          if (named) {
            break;
          }
        }
      }
      return chosen == null ? List.of() : chosen.read(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read a claim payment's segments", e);
    }
  }

  /** Where an item's segments are: its block, and the packed header segments kept apart (835). */
  private record Stored(long intakeFileId, int block, int item, byte[] header) {
    List<String> read(Connection c) throws SQLException {
      List<String> out = new ArrayList<>();
      if (header != null) {
        out.addAll(List.of(Documents.unpack(header).split("\n")));
      }
      out.addAll(SegmentBlocks.read(c, intakeFileId, block, item));
      return List.copyOf(out);
    }
  }
}
