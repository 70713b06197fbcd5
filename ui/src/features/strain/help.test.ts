import { describe, expect, it } from 'vitest';
import { HIGH_STRAIN, offerHelpForStrain } from './help';
import { bandPhrase, describeResult } from './describe';
import { INSTRUMENTS } from '../../lib/api/testing';

describe('offering help for a high daily strain', () => {
  it('offers at 9 and 10, once a day at most', () => {
    localStorage.clear();
    expect(HIGH_STRAIN).toBe(9);
    expect(offerHelpForStrain(8, '2026-12-03')).toBe(false);
    expect(offerHelpForStrain(null, '2026-12-03')).toBe(false);
    expect(offerHelpForStrain(9, '2026-12-03')).toBe(true);
    expect(offerHelpForStrain(10, '2026-12-03')).toBe(false);
    expect(offerHelpForStrain(10, '2026-12-04')).toBe(true);
  });
});

describe('describing a result', () => {
  const phq9 = INSTRUMENTS.find((i) => i.id === 'phq9');
  const burnout = INSTRUMENTS.find((i) => i.id === 'burnout');

  it('never leaves a band bare', () => {
    expect(describeResult({ ...phq9!, title: 'PHQ-9: low mood' }, 'phq9', 'Moderately severe')).toBe(
      'PHQ-9: moderately severe range — a screening, not a diagnosis',
    );
    expect(bandPhrase(phq9, 'Severe')).toBe('severe range — a screening, not a diagnosis');
  });

  it('keeps our reflection apart from the screenings', () => {
    expect(describeResult(burnout, 'burnout', 'Many signs')).toBe(
      'Caregiver burnout check: many signs — our reflection, not a validated questionnaire',
    );
    expect(bandPhrase(burnout, 'Some signs')).not.toContain('screening');
  });
});
