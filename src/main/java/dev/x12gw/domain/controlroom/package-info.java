/**
 * The denial control room's domain (issue 13): the KPIs computed from each segment's figures
 * ({@link dev.x12gw.domain.controlroom.Kpis}), the worklist of open findings ({@link
 * dev.x12gw.domain.controlroom.Worklist}), and payer patterns — {@link
 * dev.x12gw.domain.controlroom.PayerPatternDetector} finds a payer whose denial or underpayment
 * rate for a denial family × service line rose clearly above its own baseline or above the other
 * payers' rate, from monthly {@link dev.x12gw.domain.controlroom.PatternCell}s the store computes.
 * Pure: depends on {@code java.*} and the other domain packages only (enforced by {@code
 * ArchitectureTest}).
 */
package dev.x12gw.domain.controlroom;
