/**
 * A part of the app that is only fetched (from inside the app, never the network) when first
 * needed, so the first screen opens with less to read. `load()` is safe to call many times;
 * once loaded, `value` is there at once and the screen renders without a pause.
 */
export class Lazy<T> {
  value = $state.raw<T | null>(null);
  failed = $state(false);
  #loading: Promise<T> | null = null;
  #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  load(): Promise<T> {
    this.#loading ??= this.#load().then(
      (value) => {
        this.value = value;
        this.failed = false;
        return value;
      },
      (e: unknown) => {
        // Let a later visit try again.
        this.#loading = null;
        this.failed = true;
        throw e;
      },
    );
    return this.#loading;
  }
}

/** Fetch the given parts once the first screen has been drawn and the app is idle. */
export function prefetchWhenIdle(parts: { load(): Promise<unknown> }[]) {
  const run = () => {
    for (const part of parts) part.load().catch(() => {});
  };
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(run, { timeout: 3000 });
  } else {
    setTimeout(run, 500);
  }
}
