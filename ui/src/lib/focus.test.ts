import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearOfHeader, focusScreen } from './focus';

function box(top: number, bottom: number) {
  return () => ({ top, bottom, left: 0, right: 100, width: 100, height: bottom - top, x: 0, y: top }) as DOMRect;
}

describe('clearOfHeader', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  function page(targetTop: number) {
    const header = document.createElement('header');
    header.style.position = 'sticky';
    header.getBoundingClientRect = box(0, 80);
    const button = document.createElement('button');
    button.getBoundingClientRect = box(targetTop, targetTop + 40);
    document.body.append(header, button);
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => {
      f(0);
      return 0;
    });
    const scrollBy = vi.fn();
    window.scrollBy = scrollBy as typeof window.scrollBy;
    // Tab was the last key pressed.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    return { button, scrollBy };
  }

  it('scrolls a control that focus reached under the sticky header clear of it', () => {
    const { button, scrollBy } = page(30);
    button.focus();
    clearOfHeader({ target: button } as unknown as FocusEvent);
    expect(scrollBy).toHaveBeenCalledWith({ top: 30 - 80 - 16 });
  });

  it('leaves a control below the header where it is', () => {
    const { button, scrollBy } = page(200);
    button.focus();
    clearOfHeader({ target: button } as unknown as FocusEvent);
    expect(scrollBy).not.toHaveBeenCalled();
  });

  it('leaves a control reached with the pointer where it is', () => {
    const { button, scrollBy } = page(30);
    window.dispatchEvent(new MouseEvent('mousedown'));
    button.focus();
    clearOfHeader({ target: button } as unknown as FocusEvent);
    expect(scrollBy).not.toHaveBeenCalled();
  });

  it('leaves the page alone once it has been scrolled elsewhere, or focus has moved on', () => {
    // Scrolled far down by something else before the frame came: the control is above the window.
    const { button, scrollBy } = page(-300);
    button.focus();
    clearOfHeader({ target: button } as unknown as FocusEvent);
    expect(scrollBy).not.toHaveBeenCalled();

    // Under the header, but focus is somewhere else by now.
    button.getBoundingClientRect = box(30, 70);
    button.blur();
    clearOfHeader({ target: button } as unknown as FocusEvent);
    expect(scrollBy).not.toHaveBeenCalled();
  });
});

describe('focusScreen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('focuses the shown screen\'s heading, never one on a screen kept hidden', () => {
    const main = document.createElement('main');
    main.innerHTML = `
      <div hidden><h1 tabindex="-1">Reminders</h1><input data-autofocus aria-label="Title"></div>
      <div><h1 tabindex="-1">Today</h1></div>`;
    document.body.append(main);
    focusScreen(main);
    expect(document.activeElement?.textContent).toBe('Today');
  });
});
