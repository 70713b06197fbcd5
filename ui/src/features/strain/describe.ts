import type { Instrument } from '../../lib/api';

/** "PHQ-9" from "PHQ-9: low mood"; a title without a colon is its own short name. */
export function shortName(instrument: Instrument | undefined, fallback: string): string {
  return instrument ? instrument.title.split(':')[0].trim() : fallback;
}

/**
 * A band never stands bare: it says what kind of result it is. Screenings are validated
 * questionnaires; the burnout check is our own reflection and must never pass for one.
 */
export function bandPhrase(instrument: Instrument | undefined, band: string): string {
  const words = band.toLowerCase();
  if (instrument && !instrument.validated) return `${words} — our reflection, not a validated questionnaire`;
  return `${words} range — a screening, not a diagnosis`;
}

/** "PHQ-9: moderately severe range — a screening, not a diagnosis". */
export function describeResult(instrument: Instrument | undefined, instrumentId: string, band: string): string {
  return `${shortName(instrument, instrumentId)}: ${bandPhrase(instrument, band)}`;
}
