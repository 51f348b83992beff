/**
 * 835 remittances as the payer sent them: the header (BPR, TRN, loops 1000A/1000B), claim payments
 * (loop 2100 CLP) and service payments (loop 2110 SVC), provider summaries and PLB adjustments, the
 * three balancing equations, what a claim payment's codes say ({@link
 * dev.x12gw.domain.remittance.Remittances}), and a paid line matched to the submitted line it
 * answers ({@link dev.x12gw.domain.remittance.LineMatch}). Builds on {@code claim} only.
 */
package dev.x12gw.domain.remittance;
