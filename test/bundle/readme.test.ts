// The README's function reference is generated from the functions' JSDoc, and every
// JSDoc "Example:" line is true of the built bundle: docs, autocomplete and behaviour agree.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { JsdocExample } from './helpers';
import { call, examplesIn, FT_FUNCTIONS, parseCodeJs, ROOT } from './helpers';

const START = '<!-- function-reference:start -->';
const END = '<!-- function-reference:end -->';

function readmeSection(): string {
  const text = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} section`);
  return text.slice(start + START.length, end).trim();
}

/** The JSDoc "Example:" lines above each FT_* function of dist/Code.js. */
function bundleExamples(): Map<string, JsdocExample[]> {
  const code = parseCodeJs();
  const text = code.getFullText();
  const found = new Map<string, JsdocExample[]>();
  for (const statement of code.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    if (!statement.name.text.startsWith('FT_')) continue;
    const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
    const last = comments[comments.length - 1];
    found.set(statement.name.text, last ? examplesIn(text.slice(last.pos, last.end)) : []);
  }
  return found;
}

/** Rounds to a number of decimals as a cell's number format would show it. */
function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

describe("README.md's function reference", () => {
  it('is what `npm run docs` generates from the JSDoc (run npm run docs when this fails)', () => {
    const generated = execFileSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'function-reference.mjs'), '--print'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60000 },
    ).trim();
    const section = readmeSection();
    if (section !== generated) {
      throw new Error(
        "README.md's function reference differs from the functions' JSDoc: run npm run docs\n\n" +
          `--- generated ---\n${generated}\n\n--- README.md ---\n${section}`,
      );
    }
  });

  it('has one row per FT_* function, with its signature, optional arguments in brackets', () => {
    const section = readmeSection();
    expect(section).toContain('`FT_HOURS(model, examples, [method])`');
    expect(section).toContain('`FT_COST(model, examples, provider, [method])`');
    expect(section).toContain(
      '`FT_BREAKEVEN(upfront, monthly_api_cost, [monthly_finetuned_cost])`',
    );
    expect(section).toContain(
      '`FT_API_COST(requests, input_tokens, output_tokens, api_or_input_price, [output_price])`',
    );
    expect(section).toContain('`FT_ROI(upfront, monthly_savings, [months])`');
    expect(section).toContain('`FT_MEMORY(model, [method])`');
    expect(section).toContain('`FT_COMPUTE_HOURS(model, tokens, [method], [gpu], [mfu])`');
    expect(section).toContain(
      '`FT_ONPREM_BREAKEVEN(purchase_price, hourly_rent, [yearly_running_cost], [years])`',
    );
    expect(section).toContain(
      '`FT_MANAGED_COST(examples, tokens_per_example, [epochs], [service], [model], [method])`',
    );
    expect(section).toContain(
      '`FT_NPV(upfront, monthly_savings, months, [monthly_growth], [annual_discount_rate])`',
    );
    expect(section).toContain(
      '`FT_PAYBACK(upfront, monthly_savings, [monthly_growth], [annual_discount_rate])`',
    );
    expect(section).toContain('`FT_SIMULATE(inputs, [result], [spread], [runs], [seed], [cases])`');
    const rows = section.split('\n').filter((line) => /^\| `FT_/.test(line));
    expect(rows).toHaveLength(Object.keys(FT_FUNCTIONS).length);
  });

  it('package.json runs the generators as `npm run docs`', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.docs).toBe(
      'node scripts/function-reference.mjs && node scripts/run-ts.mjs scripts/docs.ts',
    );
  });
});

describe("README.md's cost-model table", () => {
  const section = (): string => {
    const text = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = text.indexOf('<!-- cost-model:start -->');
    const end = text.indexOf('<!-- cost-model:end -->');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    return text.slice(start + '<!-- cost-model:start -->'.length, end).trim();
  };

  it('is what `npm run docs` writes from the definitions (run npm run docs when this fails)', () => {
    const generated = execFileSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'run-ts.mjs'), path.join(ROOT, 'scripts', 'docs.ts'), '--print'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60000 },
    ).trim();
    if (section() !== generated) {
      throw new Error(
        "README.md's cost-model table differs from the scenario model's definitions: run npm run docs\n\n" +
          `--- generated ---\n${generated}\n\n--- README.md ---\n${section()}`,
      );
    }
  });

  it("states the article's rule and the definitions the functions evaluate", () => {
    const table = section();
    // 0.0001 × examples × scale × method factor, with the article's scales and LoRA's 0.25.
    expect(table).toContain('0.0001 x examples x scale x method factor');
    expect(table).toContain('Llama 7B 1, Llama 13B 2, Llama 70B 8, Llama 405B 50');
    expect(table).toContain('full 1, LoRA 0.25');
    expect(table).toContain('| NPV at the horizon ');
    expect(table).toContain('| Buy vs rent (GPU-hours) ');
  });
});

describe('the JSDoc "Example:" lines in dist/Code.js', () => {
  const examples = bundleExamples();

  it('every FT_* function has at least one', () => {
    for (const name of Object.keys(FT_FUNCTIONS)) {
      expect(`${name}: ${(examples.get(name) ?? []).length > 0}`).toBe(`${name}: true`);
    }
  });

  const all = [...examples.values()].flat();
  it.each(all.map((example) => [example.line, example] as const))('%s', (_line, example) => {
    const outcome = call(example.functionName, ...example.args);
    if (!outcome.ok) throw new Error(`${example.line}: the bundle threw ${outcome.message}`);
    const { result } = example;
    if (typeof result === 'object') {
      // A row, as FT_CALIBRATION gives.
      expect(outcome.value).toEqual(result);
    } else if (typeof result === 'string') {
      expect(outcome.value).toBe(result);
    } else if (example.roundedTo !== undefined) {
      expect(typeof outcome.value).toBe('number');
      expect(roundTo(outcome.value as number, example.roundedTo)).toBe(result);
      // "(rounded)" only where rounding hides something.
      expect(outcome.value).not.toBe(result);
    } else {
      // Stated as exact: equal to within floating-point noise.
      expect(typeof outcome.value).toBe('number');
      expect(Math.abs((outcome.value as number) - result)).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(result)),
      );
    }
  });

  it('the example reader reads the forms the JSDoc uses and rejects others', () => {
    const [exact] = examplesIn(' * Example: =FT_HOURS("Llama 13B", 50000) returns 10.');
    expect(exact).toMatchObject({
      functionName: 'FT_HOURS',
      args: ['Llama 13B', 50000],
      result: 10,
      roundedTo: undefined,
    });
    const [rounded] = examplesIn(' * Example: =FT_X(1) returns 8,032.13 (rounded).');
    expect(rounded).toMatchObject({ result: 8032.13, roundedTo: 2 });
    const [text] = examplesIn(' * Example: =FT_BREAKEVEN(1, 0) returns "never".');
    expect(text).toMatchObject({ result: 'never' });
    const [row] = examplesIn(' * Example: =FT_X("A") returns {1, 0.35, "default", ""}.');
    expect(row).toMatchObject({ result: [[1, 0.35, 'default', '']] });
    const [percent] = examplesIn(' * Example: =FT_PAYBACK(1000, 50, 2%) returns 16.99 (rounded).');
    expect(percent).toMatchObject({ args: [1000, 50, 0.02], result: 16.99, roundedTo: 2 });
    const [range] = examplesIn(' * Example: =FT_X({"a", 1; "b", 2}, "c") returns 1.');
    expect(range).toMatchObject({
      args: [
        [
          ['a', 1],
          ['b', 2],
        ],
        'c',
      ],
      result: 1,
    });
    expect(() => examplesIn(' * Example: FT_HOURS gives ten')).toThrow(/Cannot read/);
  });
});
