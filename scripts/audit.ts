// `npm run audit`: writes docs/seed-audit.md from the engine (never by hand).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_AUDIT_PATH, renderSeedAudit } from './audit/render';

// scripts/run-ts.mjs runs a bundled copy elsewhere; argv[1] is this file's real path.
const root = path.resolve(path.dirname(process.argv[1]), '..');
const target = path.join(root, SEED_AUDIT_PATH);
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, renderSeedAudit());
console.log(`wrote ${SEED_AUDIT_PATH}`);
