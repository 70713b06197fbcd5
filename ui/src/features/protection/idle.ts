/** Anything that shows someone is at the computer, using Alongside. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** How often the watcher looks at the clock. */
export const CHECK_EVERY_MS = 5_000;
/**
 * A gap between two looks this much longer than expected means the clock jumped: the computer
 * slept and woke (timers stop while it sleeps), or the clock was changed.
 */
export const CLOCK_JUMP_MS = 2 * 60_000;

/**
 * Calls `onlock` after `minutes` without keyboard, pointer or wheel activity in `target`, and
 * when the wall clock jumps by more than two minutes between looks. Returns a function that
 * stops watching. After `onlock`, it waits for new activity before it fires again.
 */
export function watchIdle(minutes: number, onlock: () => void, target: EventTarget = window): () => void {
  let lastActive = Date.now();
  let lastLook = lastActive;
  let fired = false;

  const active = () => {
    lastActive = Date.now();
    fired = false;
  };
  for (const type of ACTIVITY) target.addEventListener(type, active, { capture: true, passive: true });

  const timer = setInterval(() => {
    const now = Date.now();
    const gap = now - lastLook;
    lastLook = now;
    const jumped = gap - CHECK_EVERY_MS > CLOCK_JUMP_MS || gap < -CLOCK_JUMP_MS;
    const idle = now - lastActive >= minutes * 60_000;
    if (fired || !(jumped || idle)) return;
    fired = true;
    onlock();
  }, CHECK_EVERY_MS);

  return () => {
    clearInterval(timer);
    for (const type of ACTIVITY) target.removeEventListener(type, active, { capture: true });
  };
}
