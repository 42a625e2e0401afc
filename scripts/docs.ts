// `npm run docs` (after the function reference): writes README.md's cost-model table and
// docs/seed-audit.md from the scenario model's definitions; nothing of either is by hand.
//
//   node scripts/run-ts.mjs scripts/docs.ts          rewrite both files
//   node scripts/run-ts.mjs scripts/docs.ts --print  print the cost-model section only
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { costModelRows } from './docs/cost-model';
import { SEED_AUDIT_PATH, renderSeedAudit } from './audit/render';

export const COST_MODEL_START = '<!-- cost-model:start -->';
export const COST_MODEL_END = '<!-- cost-model:end -->';

// scripts/run-ts.mjs runs a bundled copy elsewhere; argv[1] is this file's real path.
const root = path.resolve(path.dirname(process.argv[1]), '..');
const readme = path.join(root, 'README.md');

async function costModelSection(): Promise<string> {
  const markdown = [
    '<!-- Generated from the definitions in src/engine/scenario-model.ts by `npm run docs`: edit the definitions, not this table. -->',
    '',
    ...costModelRows(),
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(readme)) ?? {};
  return (await prettier.format(markdown, { ...options, parser: 'markdown' })).trim();
}

function withSection(text: string, section: string): string {
  const start = text.indexOf(COST_MODEL_START);
  const end = text.indexOf(COST_MODEL_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md must contain ${COST_MODEL_START} followed by ${COST_MODEL_END}`);
  }
  return `${text.slice(0, start + COST_MODEL_START.length)}\n\n${section}\n\n${text.slice(end)}`;
}

async function main(): Promise<void> {
  const section = await costModelSection();
  if (process.argv.includes('--print')) {
    process.stdout.write(`${section}\n`);
    return;
  }
  writeFileSync(readme, withSection(readFileSync(readme, 'utf8'), section));
  writeFileSync(path.join(root, SEED_AUDIT_PATH), renderSeedAudit());
  console.log(`wrote README.md's cost-model table and ${SEED_AUDIT_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
