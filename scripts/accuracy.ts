// `npm run accuracy`: writes docs/accuracy.md from the published runs and the engine (never by hand).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACCURACY_PATH, renderAccuracy } from './accuracy/render';

// scripts/run-ts.mjs runs a bundled copy elsewhere; argv[1] is this file's real path.
const root = path.resolve(path.dirname(process.argv[1]), '..');
const target = path.join(root, ACCURACY_PATH);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderAccuracy());
console.log(`wrote ${ACCURACY_PATH}`);
