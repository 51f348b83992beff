/**
 * Domain core: claims, remittances, matching and findings. Depends on {@code java.*} only; X12
 * parsing, storage, Camel and JSON live in adapters (enforced by {@code ArchitectureTest}). This
 * package holds what every value uses ({@link dev.x12gw.domain.Money}, {@link
 * dev.x12gw.domain.Text}); the concepts are sub-packages, each building only on those before it:
 * {@code claim} (837), {@code remittance} (835), {@code contract} (contracts and networks), {@code
 * nsa} (No Surprises Act), {@code finding} (what is recorded); then {@code reconcile} (the rules
 * over a matched case), {@code classification}, {@code codes} and {@code port} (the interfaces the
 * adapters implement).
 */
package dev.x12gw.domain;
