// "Two at once": two generateScenario runs for the same input give two distinct,
// complete sheets, never one half-written over the other, whether they run one after
// the other or the second runs entirely between any two service calls of the first
// (as two Apps Script executions on one spreadsheet can). Both take the document lock: a
// second run that starts while the first holds it waits, and here starts right when the
// first releases it (the emulated lock cannot block a synchronous call). So every call the
// first makes while holding the lock starts the second at the same moment, its release:
// those calls are one schedule, run at both ends of the stretch (startPoints).
import type { Workbook } from '../../emulator';
import { CATALOG_SHEET } from '../../src/addon/catalog-sheet';
import { attempt, execution, startPoints } from './harness';
import type { Result } from './harness';
import { bases, changedSheets, fingerprints, fresh } from './workbooks';

const INPUT = { model: 'Llama 13B', method: 'LoRA', examples: 20000, provider: 'AWS spot' };

/** Two generateScenario runs on one workbook, the second started just before call `at` of the first. */
function interleaved(
  workbook: Workbook,
  at: number,
): {
  workbook: Workbook;
  before: ReturnType<typeof fingerprints>;
  firstResult: Result;
  secondResult: Result | undefined;
} {
  const before = fingerprints(workbook);
  const first = execution(workbook);
  const second = execution(workbook);
  let secondResult: Result | undefined;
  let started = false;
  first.beforeCall = (call) => {
    if (call !== at || started) return;
    started = true;
    const run = (): void => {
      secondResult = attempt(second, 'generateScenario', INPUT);
    };
    if (workbook.lockHolder() === null) run();
    else workbook.onLockReleased(run);
  };
  const firstResult = attempt(first, 'generateScenario', INPUT);
  return { workbook, before, firstResult, secondResult };
}

function sheetOf(result: Result): string {
  if (!result.ok) throw new Error(`the run failed: ${result.message}`);
  return (result.value as { sheetName: string }).sheetName;
}

/** A sheet's content without its name: values, formulas, formats, size, charts. */
function content(workbook: Workbook, name: string): string {
  return JSON.stringify({
    values: workbook.values(name),
    formulas: workbook.formulas(name),
    formats: workbook.numberFormats(name),
    weights: workbook.fontWeights(name),
    size: workbook.sheetSize(name),
    // A chart's range names its own sheet: compare it without the name.
    charts: workbook.charts(name).map((chart) => ({
      ...chart,
      ranges: chart.ranges.map((range) => ({
        ...range,
        sheet: range.sheet === name ? '(this sheet)' : range.sheet,
      })),
    })),
  });
}

describe('two generateScenario runs at once', () => {
  test('one after the other: two distinct sheets with the same content', () => {
    const workbook = fresh(bases().completeCatalog);
    const before = fingerprints(workbook);
    const first = sheetOf(attempt(execution(workbook), 'generateScenario', INPUT));
    const second = sheetOf(attempt(execution(workbook), 'generateScenario', INPUT));
    expect(second).not.toBe(first);
    expect(content(workbook, second) === content(workbook, first)).toBe(true);
    expect(changedSheets(before, workbook)).toEqual([]);
  });

  // Reference: what one run alone writes.
  const reference = (): { name: string; content: string } => {
    const workbook = fresh(bases().completeCatalog);
    const name = sheetOf(attempt(execution(workbook), 'generateScenario', INPUT));
    return { name, content: content(workbook, name) };
  };

  test('the second run between any two calls of the first: both sheets distinct and whole', () => {
    const alone = reference();
    const { calls, points } = startPoints(
      fresh(bases().completeCatalog),
      'generateScenario',
      INPUT,
    );
    expect(calls).toBeGreaterThan(5);

    const problems: string[] = [];
    for (const at of points) {
      const { workbook, before, firstResult, secondResult } = interleaved(
        fresh(bases().completeCatalog),
        at,
      );
      const where = `second run before call ${at} of the first`;
      if (!firstResult.ok || !secondResult?.ok) {
        problems.push(
          `${where}: ${firstResult.ok ? '' : `first failed: ${firstResult.message}`} ${secondResult?.ok ? '' : `second failed: ${secondResult?.ok === false ? secondResult.message : 'did not run'}`}`,
        );
        continue;
      }
      const names = [sheetOf(firstResult), sheetOf(secondResult)];
      if (names[0] === names[1]) problems.push(`${where}: both report the sheet "${names[0]}"`);
      for (const name of names) {
        if (!workbook.sheetNames().includes(name)) problems.push(`${where}: "${name}" is missing`);
        else if (content(workbook, name) !== alone.content)
          problems.push(`${where}: "${name}" differs from a run alone`);
      }
      const extra = workbook
        .sheetNames()
        .filter((name) => !before.has(name) && !names.includes(name));
      if (extra.length > 0) problems.push(`${where}: extra sheets ${JSON.stringify(extra)}`);
      problems.push(
        ...changedSheets(before, workbook).map((name) => `${where}: "${name}" changed`),
      );
    }
    expect(problems).toEqual([]);
  });

  test('both runs on a workbook without a catalog succeed: the catalog is made once, by the first', () => {
    const { points } = startPoints(fresh(bases().noCatalog), 'generateScenario', INPUT);
    const problems: string[] = [];
    for (const at of points) {
      const { workbook, before, firstResult, secondResult } = interleaved(
        fresh(bases().noCatalog),
        at,
      );
      const where = `second run before call ${at} of the first`;
      const made = [firstResult, secondResult].filter((result): result is Result => !!result?.ok);
      // Both runs made their own sheet; the catalog sheet was made once.
      const names = made.map(sheetOf);
      if (new Set(names).size !== names.length) problems.push(`${where}: the same sheet twice`);
      const expected = [...names, CATALOG_SHEET];
      const added = workbook.sheetNames().filter((name) => !before.has(name));
      if (JSON.stringify([...added].sort()) !== JSON.stringify([...expected].sort()))
        problems.push(
          `${where}: sheets added ${JSON.stringify(added)}, expected ${JSON.stringify(expected)}`,
        );
      if (made.length !== 2)
        problems.push(
          `${where}: ${made.length} of 2 runs succeeded ${JSON.stringify([firstResult, secondResult])}`,
        );
      problems.push(
        ...changedSheets(before, workbook).map((name) => `${where}: "${name}" changed`),
      );
    }
    expect(problems).toEqual([]);
  });
});
