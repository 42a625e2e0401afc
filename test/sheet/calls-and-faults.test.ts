// Batching (the number of SpreadsheetApp calls does not depend on the horizon or on
// row counts) and nothing lost (a fault at any call leaves no new sheet and a clear error).
import { createWorkbook, deserializeWorkbook, SERVICE_FAILURE } from '../../emulator';
import type { Workbook } from '../../emulator';
import type { ScenarioSummary } from '../../src/shared/contract';
import { CATALOG_SPARE_ROWS } from '../../src/addon/scenario/places';
import { generate, session } from './helpers';

// 71: issue 21's simulation histogram is a chart (newChart, insertChart; its formula joins
// the Results' formula column, so it adds no setFormulas call); issue 20's stale-price
// colouring is a conditional format rule on the catalog sheet (three calls); issue 21's
// what-if blocks take seven (four formula blocks: cases and summary, the in-use column, the
// grid, the workings; the what-if inputs' validations; the grid's two colour rules, built
// and set). 72: the sensitivity's workings (its ends as points of the one model, below the
// what-if workings) are a formula block of their own, one setFormulas call. Constant in the
// horizon and the grid size. 73: the catalog sheet is grown to the runs table's 2,000 rows
// (one insertRowsAfter: a new sheet has 1,000; Apps Script inserts rows and columns apart).
const MAX_CALLS = 73;

function callsFor(workbook: Workbook, input: unknown): number {
  const s = session({}, workbook);
  workbook.resetCalls();
  generate(s, input);
  return workbook.callCount();
}

/** A workbook with a user sheet and a catalog the user extended (and lacking one built-in row). */
function userWorkbook(extraProviders = 0): Workbook {
  const workbook = createWorkbook({ sheets: ['Budget'] });
  workbook.write('Budget', 'A1', [
    ['Item', 'Cost'],
    ['GPUs', 1200],
    ['Total', '=SUM(B2:B2)'],
  ]);
  const s = session({}, workbook);
  s.call('insertCatalogSheet');
  // Providers table: Name at column W (23), data from row 4; 13 built-in rows (4-16).
  const rows: unknown[][] = [['Acme A100', 'A100', 1.1, 'on-demand', 'our quote', '2026-12-01']];
  for (let i = 0; i < extraProviders; i++)
    rows.push([`Extra ${i}`, 'H100', 2 + i / 100, 'spot', 'test', '']);
  workbook.write('FT Catalog', 'W17', rows);
  // The user deleted the built-in "Grok" API row (AD6): a run adds it back below.
  workbook.write('FT Catalog', 'AD6', [['', '', '', '', '']]);
  return workbook;
}

/**
 * Copies of one workbook: `make` runs once (for a user workbook that is a run of the add-in),
 * each call gives a fresh copy read back from its serialized form.
 */
function copiesOf(make: () => Workbook): () => Workbook {
  const data = make().serialize();
  return () => deserializeWorkbook(data);
}

describe('SpreadsheetApp calls per scenario', () => {
  test.each([12, 36, 120, 360])(
    `horizon %i in a new workbook (creates the catalog) makes the same calls, at most ${MAX_CALLS}`,
    (horizon) => {
      const count = callsFor(createWorkbook(), { horizonMonths: horizon });
      expect(count).toBe(callsFor(createWorkbook(), { horizonMonths: 12 }));
      expect(count).toBeLessThanOrEqual(MAX_CALLS);
    },
  );

  test('with an existing catalog the count is the same for every horizon and catalog size', () => {
    const counts = [12, 36, 120, 360, 600].map((horizon) => {
      const workbook = createWorkbook();
      session({}, workbook).call('insertCatalogSheet');
      return callsFor(workbook, { horizonMonths: horizon });
    });
    const bigCatalog = userWorkbook(200);
    session({}, bigCatalog).call('insertCatalogSheet'); // restores the Grok row first
    expect(new Set(counts).size).toBe(1);
    // The user's rows have dates typed in As of (Sheets makes "2026-12-01" a date): reading
    // them asks the spreadsheet's time zone once, whatever the catalog's size.
    expect(callsFor(bigCatalog, { horizonMonths: 360 })).toBe(counts[0] + 1);
    expect(counts[0] + 1).toBeLessThanOrEqual(MAX_CALLS);
  });

  test('the catalog formulas are read only by a run that appends rows to it', () => {
    const reads = (workbook: Workbook): number =>
      workbook.callLog().filter((call) => call === 'Range.getFormulas').length;
    const fresh = createWorkbook();
    expect(callsFor(fresh, {})).toBeLessThanOrEqual(MAX_CALLS);
    expect(reads(fresh)).toBe(0);
    const complete = createWorkbook();
    session({}, complete).call('insertCatalogSheet');
    callsFor(complete, {});
    expect(reads(complete)).toBe(0);
    const lacking = userWorkbook(); // lacks the Grok row
    callsFor(lacking, {});
    expect(reads(lacking)).toBe(1);
  });

  test('a long timeline fits the sheet: horizon 600 writes 605 rows of a 1,000-row sheet', () => {
    const s = session();
    const summary = generate(s, { horizonMonths: 600 });
    const months = s.workbook.values(summary.sheetName).map((row) => row[8]);
    expect(months[604]).toBe('');
    // Month 600 is the month above plus one, shown once every input is valid.
    expect(s.workbook.formulas(summary.sheetName)[604][8]).toMatch(
      /^=IF\(\$F\$\d+="",I604\+1,""\)$/,
    );
    expect(s.workbook.sheetSize(summary.sheetName).rows).toBe(1000);
  });

  test('a catalog longer than a new sheet grows the scenario sheet before writing', () => {
    const workbook = userWorkbook(1000);
    const s = session({}, workbook);
    const summary = generate(s, {});
    expect(workbook.sheetSize(summary.sheetName).rows).toBeGreaterThan(1000);
    // 1,014 providers and the table's spare rows for rows added to the catalog later.
    expect(workbook.values(summary.sheetName).length).toBe(4 + 14 + 1000 + CATALOG_SPARE_ROWS);
  });
});

// A fault at each call in turn (the call fails, later ones work) is test/reliability/
// nothing-lost.test.ts's sweep, over generateScenario and insertCatalogSheet, in a workbook
// without a catalog and with a user-extended one: the same clear message, nothing changed.

describe('lasting outages and calls that fail after taking effect', () => {
  /** Every sheet the run added or changed that is still so, by name. */
  function leftBehind(workbook: Workbook, names: string[], before: string[]): string[] {
    const added = workbook.sheetNames().filter((name) => !names.includes(name));
    const changed = names.filter(
      (name, i) => workbook.sheetNames().includes(name) && workbook.fingerprint(name) !== before[i],
    );
    return [...added, ...changed];
  }

  function sweep(
    make: () => Workbook,
    run: (call: <T>(name: string, ...args: unknown[]) => T) => unknown,
    kind: 'outage' | 'afterEffect',
  ): string[] {
    const probe = make();
    const probeSession = session({}, probe);
    probe.resetCalls();
    run(probeSession.call);
    const total = probe.callCount();
    const problems: string[] = [];
    for (let n = 1; n <= total; n++) {
      const workbook = make();
      const names = workbook.sheetNames();
      const before = names.map((name) => workbook.fingerprint(name));
      const s = session({}, workbook);
      workbook.resetCalls();
      workbook.failAtCall(n, kind);
      let message = '';
      try {
        run(s.call);
      } catch (error) {
        message = (error as Error).message;
      }
      const where = `${kind} at call ${n} (${message || 'no error'})`;
      if (/\.\./.test(message)) problems.push(`${where}: a doubled period`);
      const left = leftBehind(workbook, names, before);
      if (message === '') {
        // The fault struck a call that only reads (its effect is its answer): the run went on.
        if (kind === 'outage') problems.push(`${where}: an outage went unnoticed`);
        continue;
      }
      if (!message.startsWith('Could not ') || !message.includes(SERVICE_FAILURE))
        problems.push(`${where}: not a clear failure`);
      // Nothing is left, or the message names exactly what is left.
      for (const name of left) {
        if (!message.includes(`"${name}"`)) problems.push(`${where}: "${name}" left, not named`);
      }
      // When even asking what a failed call did fails (an outage), the message says what
      // may be left and that nothing else was changed.
      if (
        left.length === 0 &&
        !/Nothing (else )?was changed|was undone; no other sheet was changed/.test(message)
      )
        problems.push(`${where}: nothing is left, yet the message says otherwise`);
      if (left.length > 0 && !/Please remove that by hand|may have been/.test(message))
        problems.push(`${where}: "${left.join('", "')}" left without saying so`);
    }
    return problems;
  }

  const scenarioRun = (call: <T>(name: string, ...args: unknown[]) => T): unknown =>
    call<ScenarioSummary>('generateScenario', { horizonMonths: 24 });

  test.each(['outage', 'afterEffect'] as const)(
    '%s at each call of generateScenario in a new workbook',
    (kind) => {
      expect(sweep(() => createWorkbook(), scenarioRun, kind)).toEqual([]);
    },
  );

  test.each(['outage', 'afterEffect'] as const)(
    '%s at each call of generateScenario completing a user-extended catalog',
    (kind) => {
      expect(
        sweep(
          copiesOf(() => userWorkbook(3)),
          scenarioRun,
          kind,
        ),
      ).toEqual([]);
    },
  );

  test('insertSheet makes the scenario sheet, then reports an error: the sheet is removed', () => {
    const workbook = createWorkbook();
    const s = session({}, workbook);
    s.call('insertCatalogSheet');
    const names = workbook.sheetNames();
    workbook.resetCalls();
    const probe = createWorkbook();
    session({}, probe).call('insertCatalogSheet');
    probe.resetCalls();
    generate(session({}, probe), {});
    const at = probe.callLog().indexOf('Spreadsheet.insertSheet') + 1;
    expect(at).toBeGreaterThan(0);
    workbook.failAtCall(at, 'afterEffect');
    expect(() => generate(s, {})).toThrow(
      `Could not create the scenario sheet: ${SERVICE_FAILURE.replace(/\.$/, '')}. What it had started was undone; no other sheet was changed.`,
    );
    expect(workbook.sheetNames()).toEqual(names);
  });
});
