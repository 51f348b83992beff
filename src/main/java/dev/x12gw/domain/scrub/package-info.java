/**
 * Quality control before submission: an 837 claim checked against rule sets (WEDI SNIP levels 1–5
 * and payer rules, level 7), each finding naming the segment and element it is about, the rule that
 * fired and the CARC it is expected to prevent. Depends on {@code java.*} and the domain only.
 */
package dev.x12gw.domain.scrub;
