import type { AppError, ErrorCode } from '../bindings';

/** Every failure the UI shows, in words a caregiver understands. */
export class AlongsideError extends Error {
  readonly code: ErrorCode | 'unexpected';
  readonly field: string | null;

  constructor(code: ErrorCode | 'unexpected', message: string, field: string | null = null) {
    super(message);
    this.name = 'AlongsideError';
    this.code = code;
    this.field = field;
  }
}

export const UNEXPECTED_MESSAGE =
  'Something went wrong on our side. Nothing was changed. Please try again, and restart Alongside if it keeps happening.';

function isAppError(e: unknown): e is AppError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as AppError).code === 'string' &&
    typeof (e as AppError).message === 'string'
  );
}

/**
 * Turns anything thrown by a command into an AlongsideError. Backend errors already carry a
 * caregiver's message; anything else (a malformed request, a crash) gets a calm generic one
 * and never the raw technical text.
 */
export function toAlongsideError(e: unknown): AlongsideError {
  if (e instanceof AlongsideError) return e;
  if (isAppError(e)) return new AlongsideError(e.code, e.message, e.field ?? null);
  return new AlongsideError('unexpected', UNEXPECTED_MESSAGE);
}
