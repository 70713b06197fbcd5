import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECK_EVERY_MS, watchIdle } from './idle';

const MINUTE = 60_000;

describe('the idle lock', () => {
  let target: EventTarget;
  let onlock: ReturnType<typeof vi.fn<() => void>>;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    target = new EventTarget();
    onlock = vi.fn<() => void>();
  });

  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  it('locks after the chosen minutes without activity, once', () => {
    stop = watchIdle(5, onlock, target);
    vi.advanceTimersByTime(5 * MINUTE - CHECK_EVERY_MS);
    expect(onlock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(onlock).toHaveBeenCalledTimes(1);
    // It does not keep calling while nobody is there.
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onlock).toHaveBeenCalledTimes(1);
  });

  it('starts counting again with every key, click, pointer move or wheel turn', () => {
    stop = watchIdle(1, onlock, target);
    for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel']) {
      vi.advanceTimersByTime(50_000);
      target.dispatchEvent(new Event(type));
    }
    // 200 seconds have passed, but never a whole minute without activity.
    expect(onlock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onlock).toHaveBeenCalledTimes(1);
    // After new activity and another idle minute, it locks again (the first lock may have failed).
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(MINUTE + CHECK_EVERY_MS);
    expect(onlock).toHaveBeenCalledTimes(2);
  });

  it('locks when the clock jumps, as after the computer sleeps and wakes', () => {
    stop = watchIdle(60, onlock, target);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    target.dispatchEvent(new Event('keydown'));
    // Timers stop while the computer sleeps; the wall clock does not.
    vi.setSystemTime(Date.now() + 3 * MINUTE);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(onlock).toHaveBeenCalledTimes(1);
  });

  it('does not lock for a small gap between looks', () => {
    stop = watchIdle(60, onlock, target);
    vi.setSystemTime(Date.now() + MINUTE);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(onlock).not.toHaveBeenCalled();
  });

  it('stops watching when asked', () => {
    stop = watchIdle(1, onlock, target);
    stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onlock).not.toHaveBeenCalled();
  });
});
