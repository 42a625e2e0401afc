// Runs a TypeScript script (audit, bench, playground) without a separate compile
// step: esbuild bundles it for Node into a temporary file, which is then imported.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
// Inside the project, so that the bundle's require() finds node_modules.
const cache = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'node_modules',
  '.cache',
);
mkdirSync(cache, { recursive: true });
const outDir = mkdtempSync(path.join(cache, 'run-ts-'));
const outFile = path.join(outDir, 'script.cjs');
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: outFile,
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.argv = [process.argv[0], path.resolve(entry), ...args];
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
await import(pathToFileURL(outFile).href);
