/**
 * Ports of the domain core: the interfaces the adapters implement. {@link
 * dev.x12gw.domain.port.ClaimRepository} stores claims, remittances, findings and lifecycles (H2 in
 * the gateway, memory in {@code analyze}); {@link dev.x12gw.domain.port.FindingSink} takes the
 * findings and withdrawals to publish. The payer intelligence port, {@code PayerStats}, is shaped
 * by classification and lives with it in {@code domain.classification}.
 */
package dev.x12gw.domain.port;
