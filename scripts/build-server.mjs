/**
 * Compiles the server into one ES module, dist/server/main.js (and its PDF worker, pdf-worker.js), so that a start loads plain JavaScript instead
 * of compiling every TypeScript file on the way (the larger part of a cold start). Packages stay in
 * node_modules, except chinese-days, whose JSON data is bundled in (Node needs an import attribute for it).
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['chinese-days']);
const external = Object.keys(pkg.dependencies)
  .filter((d) => !bundled.has(d))
  .flatMap((d) => [d, `${d}/*`]);

await build({
  // The PDF worker is a second entry: kit.ts starts it from beside main.js.
  entryPoints: { main: 'server/src/main.ts', 'pdf-worker': 'server/src/platform/pdf/worker.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  // CommonJS packages loaded from the bundle still call require().
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
