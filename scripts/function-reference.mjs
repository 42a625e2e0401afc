// Writes README.md's function reference from the JSDoc of the custom functions, the
// same JSDoc the build puts above each function in dist/Code.js, so the README and
// Sheets' autocomplete cannot disagree. Run with `npm run docs`.
//
//   node scripts/function-reference.mjs          rewrite README.md between the markers
//   node scripts/function-reference.mjs --print  print the generated section only
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { parseJsdoc, parseParam, readGlobals } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = path.join(root, 'README.md');
export const START = '<!-- function-reference:start -->';
export const END = '<!-- function-reference:end -->';

/** "=FT_HOURS(...) returns 10." → code and result for the table. */
function formatExample(example, functionName) {
  const match = /^(=\w+\(.*\)) returns (.+?)\.?$/.exec(example);
  if (!match) throw new Error(`${functionName}: cannot read the example "${example}"`);
  return `\`${match[1]}\` → ${match[2].replace(/^(-?[\d.,]+)/, '**$1**')}`;
}

function cell(text) {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The markdown between the markers (without them), formatted as prettier formats README.md. */
export async function functionReference() {
  const rows = [];
  for (const global of readGlobals()) {
    const doc = parseJsdoc(global.jsdoc);
    if (!doc.tags.some((tag) => tag.tag === 'customfunction')) continue;
    const params = doc.tags
      .filter((tag) => tag.tag === 'param')
      .map((tag) => parseParam(tag.text, global.name));
    const documented = params.map((param) => param.name).join(', ');
    if (documented !== global.params.join(', ')) {
      throw new Error(
        `${global.name}: @param tags (${documented}) do not match its parameters (${global.params.join(', ')})`,
      );
    }
    const returns = doc.tags.find((tag) => tag.tag === 'return' || tag.tag === 'returns');
    if (!returns) throw new Error(`${global.name}: no @return in its JSDoc`);
    if (doc.examples.length === 0)
      throw new Error(`${global.name}: no "Example:" line in its JSDoc`);
    const signature = `${global.name}(${params
      .map((param) => (param.optional ? `[${param.name}]` : param.name))
      .join(', ')})`;
    const argumentsText = params
      .map(
        (param) =>
          `\`${param.name}\` (${param.optional ? 'optional, ' : ''}${param.type}): ${param.meaning}`,
      )
      .join('<br>');
    rows.push(
      `| \`${signature}\`<br>${cell(doc.description)} | ${cell(argumentsText)} | ${cell(returns.text)} | ${cell(
        doc.examples.map((example) => formatExample(example, global.name)).join('<br>'),
      )} |`,
    );
  }
  const markdown = [
    '<!-- Generated from the JSDoc in src/functions/ by `npm run docs`: edit the JSDoc, not this table. -->',
    '',
    '| Function | Arguments | Returns | Example |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(readme)) ?? {};
  return (await prettier.format(markdown, { ...options, parser: 'markdown' })).trim();
}

/** README.md's text with the section between the markers replaced. */
export function withReference(text, reference) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`README.md must contain ${START} followed by ${END}`);
  }
  return `${text.slice(0, start + START.length)}\n\n${reference}\n\n${text.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reference = await functionReference();
  if (process.argv.includes('--print')) {
    process.stdout.write(`${reference}\n`);
  } else {
    const current = existsSync(readme)
      ? readFileSync(readme, 'utf8')
      : `# Fine-tuning cost add-in for Google Sheets\n\n${START}\n${END}\n`;
    const next = withReference(current, reference);
    if (next !== current) writeFileSync(readme, next);
    console.log(
      next === current ? 'README.md is up to date' : 'README.md function reference updated',
    );
  }
}
