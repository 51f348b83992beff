/**
 * 837 claims as the provider submitted them: the claim (loop 2300) and its lines (loop 2400), with
 * the parties, providers, procedures, codes, dates, notes and other payers they name, the source of
 * each file, and the CAS claim adjustments that 837 coordination of benefits and the 835 share.
 * Depends on no other domain sub-package.
 */
package dev.x12gw.domain.claim;
