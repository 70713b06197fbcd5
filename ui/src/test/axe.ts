import { expect } from 'vitest';
import axe from 'axe-core';

/** Fails with a readable list when axe finds accessibility violations in `node`. */
export async function expectAccessible(node: Element) {
  const result = await axe.run(node, {
    // jsdom cannot compute colours or layout; contrast is checked by design tokens instead.
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  const problems = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(problems).toEqual([]);
}
