// When the strain page offers Crisis help and the caregiver's own card without being asked.

/** A daily strain at or above this offers help, gently. */
export const HIGH_STRAIN = 9;
const OFFERED_KEY = 'alongside.highStrainOfferedOn';

/**
 * Whether a saved daily strain should offer help: 9 or 10, and not already offered that day, so
 * a hard day is met once rather than nagged. Remembers the offer for `day`.
 */
export function offerHelpForStrain(strain: number | null, day: string, storage: Storage = localStorage): boolean {
  if (strain === null || strain < HIGH_STRAIN) return false;
  try {
    if (storage.getItem(OFFERED_KEY) === day) return false;
    storage.setItem(OFFERED_KEY, day);
  } catch {
    // Storage unavailable: offering again is kinder than never offering.
  }
  return true;
}
