import type { AlongsideError } from './api';

/** The message to show under one field: the error's own words when it is about that field. */
export function fieldError(error: AlongsideError | null | undefined, field: string): string | null {
  return error?.field === field ? error.message : null;
}
