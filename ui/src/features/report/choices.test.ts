import { describe, expect, it } from 'vitest';
import { monthBefore, savedWords } from './choices';

describe('report choices', () => {
  it('starts the chosen dates the day after the same day a month back', () => {
    expect(monthBefore('2026-12-03')).toBe('2026-11-04');
    expect(monthBefore('2026-03-31')).toBe('2026-03-01');
    expect(monthBefore('2026-01-15')).toBe('2025-12-16');
  });

  it('says where a report was saved', () => {
    expect(savedWords({ fileName: 'a.pdf', folder: '/home/me/Downloads' })).toBe('Saved in Downloads as “a.pdf”.');
    expect(savedWords({ fileName: 'a.pdf', folder: '/home/me/Documents' })).toBe('Saved in /home/me/Documents as “a.pdf”.');
  });
});
