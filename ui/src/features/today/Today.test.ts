import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import Today from './Today.svelte';
import { FakeBackend } from '../../lib/api/testing';

const profile = { caregiverName: 'Maria', region: 'GB' };
const people = [{ id: 1, name: 'Sam', relationship: 'partner' as const, conditions: [] }];

describe('Today', () => {
  it("says once per run that its data is on screen, after the suggestions are drawn", async () => {
    const backend = new FakeBackend();
    backend.install();
    const first = render(Today, { profile, people });

    await screen.findByText('Send Sam a short message that asks nothing back.');
    await waitFor(() => expect(backend.called('today_shown')).toHaveLength(1));
    // The plan was asked for before Today said it was shown.
    const order = backend.calls.map((c) => c.cmd);
    expect(order.indexOf('today_plan')).toBeLessThan(order.indexOf('today_shown'));

    // Coming back to Today later in the same run says nothing more.
    first.unmount();
    render(Today, { profile, people });
    await screen.findByText('Send Sam a short message that asks nothing back.');
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.called('today_shown')).toHaveLength(1);
  });
});
