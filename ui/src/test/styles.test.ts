import { describe, expect, it } from 'vitest';
import css from '../app.css?raw';

/** The custom properties of :root, in light and in dark. */
function palette(dark: boolean): Record<string, string> {
  const light = css.match(/:root\s*\{([^}]*)\}/)![1];
  const darkBlock = css.match(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/)![1];
  const vars: Record<string, string> = {};
  for (const block of dark ? [light, darkBlock] : [light]) {
    for (const [, name, value] of block.matchAll(/(--[\w-]+):\s*([^;]+);/g)) vars[name] = value.trim();
  }
  return vars;
}

/** The declarations of the rule with exactly this selector. */
function rule(selector: string): string {
  const at = css.indexOf(`${selector} {`);
  expect(at, `a rule for ${selector}`).toBeGreaterThanOrEqual(0);
  return css.slice(at, css.indexOf('}', at));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('checkboxes and radios', () => {
  const both = "input[type='checkbox'],\ninput[type='radio']";

  it('draw their own outline, at least 3:1 against every background, light and dark', () => {
    const own = rule(both);
    expect(own).toMatch(/appearance:\s*none/);
    const outline = own.match(/border:\s*2px solid var\((--[\w-]+)\)/)![1];
    for (const dark of [false, true]) {
      const p = palette(dark);
      for (const bg of ['--bg', '--surface', '--surface-2', '--primary-soft']) {
        expect(contrast(p[outline], p[bg]), `${outline} on ${bg}, dark ${dark}`).toBeGreaterThanOrEqual(3);
      }
      // A chosen one is filled, and that fill stands out as much.
      expect(contrast(p['--primary'], p['--surface'])).toBeGreaterThanOrEqual(3);
    }
    // Unchosen ones are hollow, not a solid light dot.
    expect(own).toMatch(/background:\s*var\(--surface\)/);
  });

  it('show a clear focus ring', () => {
    expect(rule("input[type='checkbox']:focus-visible,\ninput[type='radio']:focus-visible")).toMatch(
      /outline:\s*3px solid var\(--focus\)/,
    );
  });
});

describe('quiet buttons', () => {
  it('keep an affordance without a border: an underline that stands out from the page', () => {
    const quiet = rule('.btn-quiet');
    expect(quiet).toMatch(/text-decoration:\s*underline/);
    const colour = quiet.match(/text-decoration-color:\s*var\((--[\w-]+)\)/)![1];
    for (const dark of [false, true]) {
      const p = palette(dark);
      for (const bg of ['--bg', '--surface']) {
        expect(contrast(p[colour], p[bg]), `${colour} on ${bg}, dark ${dark}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('date and time fields', () => {
  it('show the focus ring while focused: WebKit focuses their inner parts, not the field', () => {
    expect(rule("input[type='date']:focus-within,\ninput[type='time']:focus-within")).toMatch(
      /outline:\s*3px solid var\(--focus\)/,
    );
  });
});
