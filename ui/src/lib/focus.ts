/**
 * Moves focus to a new screen's heading (or the field it asks for, marked data-autofocus), so
 * keyboard and screen-reader users know where they are. A screen whose heading waits for its
 * data gets focus the moment the heading appears, unless focus has moved on meanwhile (the
 * person clicked or tabbed somewhere). Returns a function that stops waiting.
 */
export function focusScreen(main: HTMLElement, waitMs = 5000): () => void {
  // Screens kept between visits are hidden while another is shown: only the shown one counts.
  const shown = (selector: string) =>
    [...main.querySelectorAll<HTMLElement>(selector)].find((e) => !e.closest('[hidden]')) ?? null;
  const target = () => shown('[data-autofocus]') ?? shown('h1');
  const now = target();
  if (now) {
    now.focus();
    return () => {};
  }
  const from = document.activeElement;
  const observer = new MutationObserver(() => {
    const t = target();
    if (!t) return;
    stop();
    const active = document.activeElement;
    if (active === from || active === null || active === document.body || !active.isConnected) t.focus();
  });
  const timer = setTimeout(stop, waitMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/**
 * After a list above the focused control grows (an item added), brings the control back into
 * view, so a keyboard user still sees where they are.
 */
export function keepFocusInView() {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) active.scrollIntoView?.({ block: 'nearest' });
}

// Whether the person's last action was a key press (rather than a pointer).
let viaKeys = false;
if (typeof window !== 'undefined') {
  window.addEventListener('keydown', () => (viaKeys = true), true);
  window.addEventListener('pointerdown', () => (viaKeys = false), true);
  window.addEventListener('mousedown', () => (viaKeys = false), true);
}

/**
 * WebKit scrolls a focused element into view only when it is off screen, so one that Tab (or
 * Shift+Tab) reaches under the sticky header stays hidden there. Scrolls it clear.
 */
export function clearOfHeader(e: FocusEvent) {
  const target = e.target;
  // Only focus moved by keys can land under the header unseen; what a pointer reached was in
  // sight, and scrolling then would move the page under the pointer.
  if (!viaKeys || !(target instanceof HTMLElement) || target.closest('[role=dialog]')) return;
  requestAnimationFrame(() => {
    const header = [...document.querySelectorAll('header')].find((h) => getComputedStyle(h).position === 'sticky');
    // By the next frame the page may have moved on: focus elsewhere, or scrolled by something
    // else (then the control is no longer under the header, and pulling it back would undo
    // that scroll).
    if (!header || header.contains(target) || document.activeElement !== target) return;
    const bottom = header.getBoundingClientRect().bottom;
    const box = target.getBoundingClientRect();
    if (box.top < bottom && box.bottom > 0) window.scrollBy({ top: box.top - bottom - 16 });
  });
}
