import { describe, expect, it } from 'vitest';
import apiSource from './index.ts?raw';
import fakeSource from './testing.ts?raw';
import registered from '../bindings/commands.json';

// The backend writes bindings/commands.json from the commands it registers: each name with the
// argument keys the IPC expects (camelCase). These tests read the UI's calls as text and hold them
// to that list, so a renamed command or argument fails here instead of at run time in the app.

const COMMANDS: Record<string, string[]> = registered.commands;

/**
 * Registered commands the UI deliberately never calls, each with its reason. Empty: every command
 * the app registers has a caller in index.ts.
 */
const NOT_CALLED: Record<string, string> = {};

type Call = { name: string; keys: string[]; text: string };

/** The index just past the bracket that closes the one opening at `start`. */
function closing(source: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === open) depth++;
    else if (source[i] === close && --depth === 0) return i + 1;
  }
  throw new Error(`Unclosed ${open} at ${source.slice(start, start + 60)}`);
}

/** Splits on commas that are not inside brackets, braces or parentheses. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('<({['.includes(ch)) depth++;
    if ('>)}]'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Every `call<T>('name', { keys })` in the source. A call in any other shape (a name that is not
 * a string literal, arguments that are not an object literal) throws, so none is silently skipped.
 */
function callsIn(source: string): Call[] {
  const calls: Call[] = [];
  // Every use of call, but not its own definition.
  for (const match of source.matchAll(/(?<!function\s+)\bcall</g)) {
    const typeEnd = closing(source, match.index + 'call'.length, '<', '>');
    if (source[typeEnd] !== '(') {
      throw new Error(`Unexpected call shape: ${source.slice(match.index, match.index + 80)}`);
    }
    const end = closing(source, typeEnd, '(', ')');
    const text = source.slice(match.index, end);
    const args = topLevel(source.slice(typeEnd + 1, end - 1));
    const name = /^'([a-z0-9_]+)'$/.exec(args[0] ?? '')?.[1];
    if (!name || args.length > 2) throw new Error(`Unexpected call shape: ${text}`);
    let keys: string[] = [];
    if (args.length === 2) {
      const object = /^\{([\s\S]*)\}$/.exec(args[1])?.[1];
      if (object === undefined) throw new Error(`Arguments are not an object literal: ${text}`);
      keys = topLevel(object).map((entry) => {
        const key = /^([A-Za-z_$][\w$]*)\s*(:|$)/.exec(entry)?.[1];
        if (!key) throw new Error(`Unexpected argument "${entry}" in ${text}`);
        return key;
      });
    }
    calls.push({ name, keys, text });
  }
  return calls;
}

const calls = callsIn(apiSource);
const fakeNames = [...fakeSource.matchAll(/\bcase '([^']+)':/g)].map((m) => m[1]);

describe('the commands the UI calls', () => {
  it('finds the calls to check', () => {
    expect(calls.length).toBeGreaterThan(0);
    // index.ts reaches the backend only through call(): one invoke, inside it.
    expect(apiSource.match(/\binvoke\s*[<(]/g)).toHaveLength(1);
  });

  it('calls only commands the app registers', () => {
    const unknown = calls.filter((c) => !Object.hasOwn(COMMANDS, c.name)).map((c) => c.text);
    expect(unknown).toEqual([]);
  });

  it('passes each command exactly the argument keys it takes', () => {
    const wrong = calls
      .filter((c) => Object.hasOwn(COMMANDS, c.name))
      .filter((c) => {
        const expected = [...COMMANDS[c.name]].sort();
        const given = [...c.keys].sort();
        return given.length !== expected.length || given.some((k, i) => k !== expected[i]);
      })
      .map((c) => `${c.text}: expects { ${COMMANDS[c.name].join(', ')} }`);
    expect(wrong).toEqual([]);
  });

  it('calls every registered command, apart from the listed exceptions', () => {
    const called = new Set(calls.map((c) => c.name));
    const neverCalled = Object.keys(COMMANDS).filter((n) => !called.has(n) && !(n in NOT_CALLED));
    expect(neverCalled).toEqual([]);
    // An exception must still be a registered command that really has no caller.
    const staleExceptions = Object.keys(NOT_CALLED).filter(
      (n) => !Object.hasOwn(COMMANDS, n) || called.has(n),
    );
    expect(staleExceptions).toEqual([]);
  });

  it('has a fake backend that answers only registered commands', () => {
    expect(fakeNames.length).toBeGreaterThan(0);
    expect(fakeNames.filter((n) => !Object.hasOwn(COMMANDS, n))).toEqual([]);
  });
});
