import { describe, expect, it } from 'vitest';
import { conditionLabel, greeting, relationshipLabel, CONDITIONS } from './labels';

describe('labels', () => {
  it('greets by the time of day, with or without a name', () => {
    expect(greeting('Maria', new Date(2026, 10, 22, 9))).toBe('Good morning, Maria');
    expect(greeting(null, new Date(2026, 10, 22, 15))).toBe('Good afternoon');
    expect(greeting('Maria', new Date(2026, 10, 22, 20))).toBe('Good evening, Maria');
    expect(greeting(null, new Date(2026, 10, 22, 2))).toBe('Hello');
  });

  it('offers not sure and prefer not to say', () => {
    const values = CONDITIONS.map((c) => c.value);
    expect(values).toContain('not_sure');
    expect(values).toContain('prefer_not_to_say');
    expect(conditionLabel('bipolar')).toBe('Bipolar disorder');
    expect(relationshipLabel('sibling')).toBe('My brother or sister');
  });
});
