// The last region used, kept outside the database so Crisis help knows it even when the data
// file cannot be opened. A region code is not sensitive.
const KEY = 'alongside.crisisRegion';

export function rememberedRegion(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberRegion(code: string) {
  try {
    localStorage.setItem(KEY, code);
  } catch {
    // Private or full storage: Crisis help falls back to the list.
  }
}
