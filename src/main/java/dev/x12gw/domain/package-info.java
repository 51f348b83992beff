/**
 * Domain core: claims, remittances, matching and findings. Depends on {@code java.*} only; X12
 * parsing, storage, Camel and JSON live in adapters (enforced by {@code ArchitectureTest}).
 */
package dev.x12gw.domain;
