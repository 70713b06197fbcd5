import type { AlongsideError } from './api';

/** The message to show under one field: the error's own words when it is about that field. */
export function fieldError(error: AlongsideError | null | undefined, field: string): string | null {
  return error?.field === field ? error.message : null;
}

/** An aria-describedby value naming only the ids given (skipping false or empty ones), so it never
 * points at an element that is not there, such as an error not shown yet. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((i): i is string => !!i);
  return present.length ? present.join(' ') : undefined;
}
