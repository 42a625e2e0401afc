// "Nothing lost": generateScenario and insertCatalogSheet, run on a workbook with user
// sheets, a user-extended catalog and a previous scenario, normally, with bad input,
// and with a fault injected at each SpreadsheetApp call in turn. Every pre-existing
// sheet keeps its fingerprint (values, formulas, formats, size, charts); the catalog
// may only gain missing built-in rows below its tables; a failed run leaves no new
// sheet and no partial change.
import { SERVICE_FAILURE } from '../../emulator';
import type { Workbook } from '../../emulator';
import { CATALOG_SHEET } from '../../src/addon/catalog-sheet';
import { attempt, execution } from './harness';
import { BAD_SCENARIO_INPUTS, OPERATIONS } from './operations';
import type { Operation } from './operations';
import { rawJsMarkers, show } from './support';
import {
  bases,
  catalogGrids,
  catalogViolations,
  changedSheets,
  fingerprints,
  fresh,
  USER_API,
  USER_MODEL,
  USER_PROVIDER,
} from './workbooks';

/** Tallies for the summary. */
export const tally = { runs: 0, faultsInjected: 0, failedCleanly: 0, succeededDespiteFault: 0 };

/** Checks the workbook after a run against the state before it. */
function checkPreserved(
  before: Fingerprints2,
  workbook: Workbook,
  options: { allowCatalogAppends: boolean; newSheets: number },
): string[] {
  const problems: string[] = [];
  const exceptCatalog = options.allowCatalogAppends ? [CATALOG_SHEET] : [];
  for (const name of changedSheets(before.prints, workbook, exceptCatalog)) {
    problems.push(`pre-existing sheet "${name}" changed`);
  }
  // Said apart from the fingerprint, which holds the size too: rows or columns a run
  // added (blank or not) must be gone again after a rollback.
  for (const [name, size] of before.sizes) {
    if (exceptCatalog.includes(name) || !workbook.sheetNames().includes(name)) continue;
    const now = workbook.sheetSize(name);
    if (now.rows !== size.rows || now.columns !== size.columns) {
      problems.push(
        `pre-existing sheet "${name}" is ${now.rows} x ${now.columns}, was ${size.rows} x ${size.columns}`,
      );
    }
  }
  if (options.allowCatalogAppends && before.catalog) {
    problems.push(...catalogViolations(before.catalog, catalogGrids(workbook)));
  }
  const added = workbook.sheetNames().filter((name) => !before.prints.has(name));
  if (added.length !== options.newSheets) {
    problems.push(`expected ${options.newSheets} new sheet(s), found ${JSON.stringify(added)}`);
  }
  return problems;
}

interface Fingerprints2 {
  readonly prints: ReadonlyMap<string, string>;
  /** Rows and columns of each sheet. */
  readonly sizes: ReadonlyMap<string, { rows: number; columns: number }>;
  readonly catalog: ReturnType<typeof catalogGrids> | undefined;
}

function capture(workbook: Workbook): Fingerprints2 {
  return {
    prints: fingerprints(workbook),
    sizes: new Map(workbook.sheetNames().map((name) => [name, workbook.sheetSize(name)])),
    catalog: workbook.sheetNames().includes(CATALOG_SHEET) ? catalogGrids(workbook) : undefined,
  };
}

function expectedNewSheets(operation: Operation, before: Fingerprints2): number {
  const catalogCreated = before.catalog === undefined ? 1 : 0;
  return operation.fn === 'generateScenario' ? 1 + catalogCreated : catalogCreated;
}

function clearMessage(message: string): string[] {
  const problems = rawJsMarkers(message).map((marker) => `raw JavaScript marker ${marker}`);
  if (message.trim().length < 10) problems.push('message too short to explain anything');
  return problems;
}

describe('nothing lost: normal runs', () => {
  test.each(OPERATIONS.map((operation) => [operation.title, operation] as const))(
    '%s',
    (_title, operation) => {
      const workbook = fresh(operation.base());
      const before = capture(workbook);
      const result = attempt(execution(workbook), operation.fn, ...operation.args);
      tally.runs++;
      expect(result).toMatchObject({ ok: true });
      expect(
        checkPreserved(before, workbook, {
          allowCatalogAppends: true,
          newSheets: expectedNewSheets(operation, before),
        }),
      ).toEqual([]);
    },
  );

  test('the user catalog rows are kept and read; the missing built-in row comes back below', () => {
    const workbook = fresh(bases().full);
    const exec = execution(workbook);
    exec.run('insertCatalogSheet');
    const catalog = exec.run('getCatalog') as {
      catalog: {
        models: { name: string }[];
        providers: { name: string }[];
        apis: { name: string }[];
      };
    };
    expect(catalog.catalog.models.map((row) => row.name)).toContain(USER_MODEL);
    expect(catalog.catalog.providers.map((row) => row.name)).toContain(USER_PROVIDER);
    const apis = catalog.catalog.apis.map((row) => row.name);
    expect(apis).toEqual(expect.arrayContaining([USER_API, 'Grok']));
    // Run again: nothing left to add, nothing changes at all.
    const before = fingerprints(workbook);
    exec.run('insertCatalogSheet');
    expect(changedSheets(before, workbook)).toEqual([]);
  });

  test('completing a catalog sheet with no blank row left adds one row at its bottom', () => {
    const workbook = fresh(bases().noSpareRows);
    const rows = workbook.sheetSize(CATALOG_SHEET).rows;
    expect(workbook.values(CATALOG_SHEET)).toHaveLength(rows); // the last row holds data
    execution(workbook).run('insertCatalogSheet');
    // Only Grok is missing: one row more, and Grok's name in it, in the APIs table (AD = 30).
    expect(workbook.sheetSize(CATALOG_SHEET).rows).toBe(rows + 1);
    expect(workbook.values(CATALOG_SHEET)[rows][29]).toBe('Grok');
  });

  test('the previous scenario is still there, unchanged', () => {
    const workbook = fresh(bases().full);
    const print = workbook.fingerprint(bases().previousScenario);
    execution(workbook).run('generateScenario', {});
    expect(workbook.fingerprint(bases().previousScenario)).toBe(print);
  });
});

describe('nothing lost: bad input changes nothing', () => {
  test.each(BAD_SCENARIO_INPUTS.map((input, index) => [index + 1, show(input), input] as const))(
    'generateScenario bad input %i: %s',
    (_index, _shown, input) => {
      const workbook = fresh(bases().full);
      const before = capture(workbook);
      const result = attempt(execution(workbook), 'generateScenario', input);
      tally.runs++;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(clearMessage(result.message)).toEqual([]);
      expect(
        checkPreserved(before, workbook, { allowCatalogAppends: false, newSheets: 0 }),
      ).toEqual([]);
    },
  );

  test.each([
    ['insertCatalogSheet', []],
    ['generateScenario', [{}]],
  ] as const)('%s with a user sheet already called "FT Catalog" changes nothing', (fn, args) => {
    const workbook = fresh(bases().foreignCatalog);
    const before = capture(workbook);
    const result = attempt(execution(workbook), fn, ...args);
    tally.runs++;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(CATALOG_SHEET);
      expect(clearMessage(result.message)).toEqual([]);
    }
    expect(checkPreserved(before, workbook, { allowCatalogAppends: false, newSheets: 0 })).toEqual(
      [],
    );
  });
});

/** How a failed run's message starts: what could not be done. */
const FAILED: Readonly<Record<Operation['fn'], RegExp>> = {
  generateScenario: /^Could not (create|write) the scenario sheet/,
  insertCatalogSheet: /^Could not update the catalog sheet/,
};

describe('nothing lost: a fault at each SpreadsheetApp call in turn', () => {
  test.each(OPERATIONS.map((operation) => [operation.title, operation] as const))(
    '%s',
    (_title, operation) => {
      // A clean run: how many calls there are, and what success looks like.
      const clean = fresh(operation.base());
      const cleanBefore = capture(clean);
      expect(attempt(execution(clean), operation.fn, ...operation.args)).toMatchObject({
        ok: true,
      });
      const calls = clean.callCount();
      const cleanAfter = fingerprints(clean);
      expect(calls).toBeGreaterThan(0);

      const problems: string[] = [];
      let failed = 0;
      const survived: string[] = [];
      for (let call = 1; call <= calls; call++) {
        const workbook = fresh(operation.base());
        // The same base as the clean run's: its state before is cleanBefore.
        const before = cleanBefore;
        workbook.failAtCall(call);
        const result = attempt(execution(workbook), operation.fn, ...operation.args);
        tally.faultsInjected++;
        const at = `fault at call ${call} (${clean.callLog()[call - 1]})`;
        if (result.ok) {
          // Survived the fault: the result must be exactly the clean run's.
          tally.succeededDespiteFault++;
          survived.push(clean.callLog()[call - 1]);
          const now = fingerprints(workbook);
          if (JSON.stringify([...now]) !== JSON.stringify([...cleanAfter])) {
            problems.push(`${at}: succeeded but the workbook differs from a clean run`);
          }
          continue;
        }
        tally.failedCleanly++;
        failed++;
        if (!result.message.includes(SERVICE_FAILURE)) {
          problems.push(`${at}: the message does not say why: "${result.message}"`);
        }
        // What failed, and that nothing is left half-done (the sheets in their order too).
        if (!FAILED[operation.fn].test(result.message)) {
          problems.push(`${at}: the message does not say what failed: "${result.message}"`);
        }
        if (!/Nothing was changed|was undone; no other sheet was changed/.test(result.message)) {
          problems.push(`${at}: the message does not say nothing was changed: "${result.message}"`);
        }
        if (workbook.sheetNames().join('\n') !== [...before.prints.keys()].join('\n')) {
          problems.push(`${at}: the sheets are now ${JSON.stringify(workbook.sheetNames())}`);
        }
        problems.push(...clearMessage(result.message).map((problem) => `${at}: ${problem}`));
        const left = checkPreserved(before, workbook, { allowCatalogAppends: false, newSheets: 0 });
        problems.push(...left.map((problem) => `${at}: ${problem}`));
      }
      expect(problems).toEqual([]);
      expect(cleanBefore.prints.size).toBeGreaterThan(0);
      // Only a failed insertSheet is retried (when its name turns out to be taken, the next
      // suffix is tried, as in the clean run); every other injected fault fails the run.
      expect(failed + survived.length).toBe(calls);
      expect(survived.filter((entry) => !/insertSheet/.test(entry))).toEqual([]);
    },
  );
});
