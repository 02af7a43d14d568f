// Run after `vite build`: the JavaScript a first visit downloads (the entry chunk and every chunk
// index.html preloads) must stay within budget, gzipped. Pages past the start page, the forms
// library and the admin screens are lazy chunks and do not count.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET_BYTES = 200 * 1000;

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const html = readFileSync(path.join(dist, "index.html"), "utf8");

const entry = /<script type="module"[^>]*src="\/([^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error("dist/index.html has no module entry script");
const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g)].map((match) => match[1]);
const initial = [entry, ...preloads];

const gzipped = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

const rows = initial.map((file) => ({ file, bytes: gzipped(file) }));
const total = rows.reduce((sum, row) => sum + row.bytes, 0);
const lazy = readdirSync(path.join(dist, "assets"))
  .filter((name) => name.endsWith(".js") && !initial.includes(`assets/${name}`))
  .map((name) => ({ file: `assets/${name}`, bytes: gzipped(`assets/${name}`) }))
  .sort((a, b) => b.bytes - a.bytes);

console.log("Initial JavaScript (gzipped):");
for (const row of rows) console.log(`  ${kb(row.bytes).padStart(9)}  ${row.file}${row.file === entry ? "  (main chunk)" : ""}`);
console.log(`  ${kb(total).padStart(9)}  total, budget ${kb(BUDGET_BYTES)}`);
console.log(`Main chunk: ${kb(rows[0].bytes)} gzipped.`);
console.log(`Lazy chunks: ${lazy.length}, largest ${lazy.slice(0, 3).map((row) => `${row.file} ${kb(row.bytes)}`).join(", ")}`);

if (total > BUDGET_BYTES) {
  console.error(`Over budget: the first visit downloads ${kb(total)} of JavaScript, the budget is ${kb(BUDGET_BYTES)}.`);
  process.exit(1);
}
