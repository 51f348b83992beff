/**
 * What the gateway records: the sealed {@link dev.x12gw.domain.finding.Finding} and its permitted
 * records (denials, underpayments, recoupments, balancing exceptions, unmatched remittances,
 * overturned denials), the {@link dev.x12gw.domain.finding.Detection} naming the rule that fired,
 * every record type and queue, and stable record ids. Builds on the value packages only, never on
 * reconciliation or the ports.
 */
package dev.x12gw.domain.finding;
