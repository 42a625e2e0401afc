// Issue 20: the managed table has a row per price, so a service's name is in it several times
// (Fireworks five times); the scenario's Managed fine-tuning dropdown lists each service once,
// live over the catalog sheet.
import { parseA1 } from '../../emulator/cells';
import { BUILT_IN_CATALOG, SCENARIO_FIELDS } from '../../src/engine';
import { addCatalogRow } from './catalog-support';
import { Evaluated, generate, session } from './helpers';

const rowOf = (key: string): number => 5 + SCENARIO_FIELDS.findIndex((field) => field.key === key);

describe("the Managed fine-tuning input's dropdown", () => {
  it('lists each service once, in the order of its lowest row, and a service added later', () => {
    const s = session();
    const { sheetName } = generate(s, {});
    const rule = s.workbook.dataValidations(sheetName)[rowOf('managedService') - 1][1];
    expect(rule).toMatchObject({ criteria: 'VALUE_IN_RANGE', allowInvalid: true });
    // The source is this sheet's list, not the catalog's name column.
    const source = String(rule?.args[0]);
    expect(source.slice(0, source.lastIndexOf('!')).replace(/'/g, '')).toBe(sheetName);
    const area = parseA1(source.slice(source.lastIndexOf('!') + 1));
    const listed = (ev: Evaluated): unknown[] =>
      ev
        .rows()
        .slice(area.row - 1, area.row - 1 + area.numRows)
        .map((row) => row[area.column - 1])
        .filter((cell) => cell !== '' && cell !== null);
    // A built-in service's rows, counted: Fireworks has several prices.
    expect(BUILT_IN_CATALOG.managed.filter((row) => row.name === 'Fireworks').length).toBe(5);
    addCatalogRow(s, 'managed', ['Our own service', 2, 'Claude', 'our contract', '2026-12-01']);
    const ev = new Evaluated(s.workbook, sheetName);
    try {
      // Each name at the row of its lowest price (the one the catalog uses): Fireworks' last
      // row is its fifth, Together AI's its third, then the OpenAI rows, then the team's.
      expect(listed(ev)).toEqual([
        'Fireworks',
        'Together AI',
        'OpenAI GPT-4 fine-tuning',
        'OpenAI GPT-4o fine-tuning',
        'OpenAI GPT-4o mini fine-tuning',
        'Our own service',
      ]);
    } finally {
      ev.destroy();
    }
  });
});
