/**
 * The No Surprises Act (federal IDR): which claims qualify, whether the provider is out of network
 * for them, and the target an initial payment (paid + patient cost sharing) is measured against.
 * Builds on {@code claim}, {@code remittance} and {@code contract}.
 */
package dev.x12gw.domain.nsa;
