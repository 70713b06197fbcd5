import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { AlongsideError, toAlongsideError, UNEXPECTED_MESSAGE } from './errors';
import { api } from './index';

describe('toAlongsideError', () => {
  it('keeps the backend message, code and field', () => {
    const e = toAlongsideError({ code: 'invalid_input', message: 'Please add a name.', field: 'personName' });
    expect(e).toBeInstanceOf(AlongsideError);
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('Please add a name.');
    expect(e.field).toBe('personName');
  });

  it('never shows technical text from anything else', () => {
    for (const raw of [
      'invalid args `person` for command `add_person`: missing field `name`',
      new Error('TypeError: x is undefined'),
      undefined,
      42,
    ]) {
      const e = toAlongsideError(raw);
      expect(e.code).toBe('unexpected');
      expect(e.message).toBe(UNEXPECTED_MESSAGE);
    }
  });
});

describe('api', () => {
  it('sends named arguments and turns failures into AlongsideError', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      throw { code: 'not_found', message: 'That person could not be found.', field: null };
    });
    await expect(api.removePerson(7)).rejects.toMatchObject({
      name: 'AlongsideError',
      code: 'not_found',
      message: 'That person could not be found.',
    });
    expect(seen).toEqual([['remove_person', { id: 7 }]]);
  });
});
