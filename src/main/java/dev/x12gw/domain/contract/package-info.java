/**
 * What payments are compared with: payer contracts (allowed amount per procedure and provider
 * scope), the configured network status of payer × billing provider, and the tolerance below which
 * a variance is not an underpayment. Builds on {@code claim} and {@code remittance}.
 */
package dev.x12gw.domain.contract;
