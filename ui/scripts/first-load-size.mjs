// The JavaScript the first screen needs, gzipped: the entry script in dist/index.html, the
// scripts it preloads, and everything they import statically (never what is fetched later with
// import()). Exits non-zero past the budget, so a heavier first screen fails the tests.
// Usage: node scripts/first-load-size.mjs [dist folder]   (after `npm run build`)
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 120;
const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`No build at ${dist}: run \`npm run build\` first.`);
  process.exit(2);
}

const html = readFileSync(indexPath, 'utf8');
const start = new Set();
for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
  const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
  const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
  if (tag.startsWith('<script') && /type="module"/.test(tag) && src) start.add(src);
  if (tag.startsWith('<link') && /rel="modulepreload"/.test(tag) && href) start.add(href);
}
if (start.size === 0) {
  console.error('No module script found in index.html.');
  process.exit(2);
}

// Static imports and re-exports in minified output: import{a as b}from"./x.js"; import"./x.js";
// export{c}from"./x.js". A dynamic import("./x.js") has a parenthesis and is left out.
const STATIC = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

const seen = new Map();
const queue = [...start].map((p) => posix.normalize(p.replace(/^\//, '')));
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  const code = readFileSync(join(dist, file));
  seen.set(file, { raw: code.length, gz: gzipSync(code, { level: 9 }).length });
  for (const m of code.toString('utf8').matchAll(STATIC)) {
    const spec = m[1];
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    queue.push(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
  }
}

let raw = 0;
let gz = 0;
for (const [file, size] of [...seen].sort((a, b) => b[1].gz - a[1].gz)) {
  raw += size.raw;
  gz += size.gz;
  console.log(`  ${file.padEnd(44)} ${(size.raw / 1000).toFixed(1).padStart(7)} kB  ${(size.gz / 1000).toFixed(1).padStart(6)} kB gzipped`);
}
const total = gz / 1000;
console.log(
  `First screen JavaScript: ${seen.size} files, ${(raw / 1000).toFixed(1)} kB, ${total.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB).`,
);
if (total > BUDGET_KB) {
  console.error(`Over the first-load budget by ${(total - BUDGET_KB).toFixed(1)} kB gzipped.`);
  process.exit(1);
}
