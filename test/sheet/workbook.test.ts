// The add-in in a user's workbook: pre-existing sheets untouched, the user's catalog rows
// read and usable, labels kept as text, names that never collide, a menu that needs no
// document access, the sidebar and the function reference.
import { createWorkbook } from '../../emulator';
import { recalculate } from '../../emulator/hyperformula';
import { KEY_FIRST_COLUMN } from '../../src/addon/catalog-sheet';
import type { CatalogResponse, CatalogSheetResult } from '../../src/shared/contract';
import { engineResult, Evaluated, expectClose, generate, session } from './helpers';

function userWorkbook(): ReturnType<typeof session> {
  const s = session({ sheets: ['Budget', 'Notes'] });
  s.workbook.write('Budget', 'A1', [
    ['Item', 'Cost'],
    ['GPUs', 1200],
    ['Total', '=SUM(B2:B2)'],
  ]);
  s.workbook.write('Notes', 'C3', [["'=not a formula", "'2026-01-01"]]);
  s.call('insertCatalogSheet');
  // The user's rows under the providers table (W), the models table (A) and the APIs table (AD;
  // its built-in rows are 4-10).
  s.workbook.write('FT Catalog', 'W17', [
    ['Acme A100', 'A100', 1.1, 'on-demand', 'our quote', '2026-12-01'],
    ['Broken cloud', 'H100', 'cheap', 'spot', '', ''],
    ['Ghost GPU cloud', 'TPU v9', 1, 'spot', '', ''],
    ['runpod ON-DEMAND', 'H100', 1.99, 'on-demand', 'our RunPod contract', '2026-12-01'],
  ]);
  s.workbook.write('FT Catalog', 'A8', [['Mistral 47B', 47, 5, 'our benchmark', '2026-12-01']]);
  s.workbook.write('FT Catalog', 'AD11', [
    ['\'=HYPERLINK("x")', 0.001, 0.002, 'hostile label', ''],
  ]);
  return s;
}

describe('a workbook with user sheets and a user-extended catalog', () => {
  test('getCatalog merges the user rows and names each bad row', () => {
    const s = userWorkbook();
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    const providers = catalog.providers.map((row) => row.name);
    expect(providers).toContain('Acme A100');
    // A built-in name added again below (ignoring case and spaces) overrides the built-in
    // row in its place: the lowest row of a name wins, and it is not a second row.
    expect(providers).not.toContain('RunPod on-demand');
    expect(providers.filter((name) => name.toLowerCase() === 'runpod on-demand')).toHaveLength(1);
    expect(catalog.providers.find((row) => row.name === 'runpod ON-DEMAND')).toMatchObject({
      pricePerGpuHour: 1.99,
      aliases: ['RunPod'], // a blank "Also known as" keeps the built-in row's other names
    });
    expect(catalog.models.map((row) => row.name)).toContain('Mistral 47B');
    expect(catalog.apis.map((row) => row.name)).toContain('=HYPERLINK("x")');
    expect(warnings).toEqual([
      'FT Catalog row 18 (GPU providers, "Broken cloud"): $ per GPU-hour must be a number, got \'cheap\'; the row is skipped.',
      'FT Catalog row 6 (GPU providers): "RunPod on-demand" is also in row 20 below; the lowest row of a name is used, so this row is not.',
      'FT Catalog (GPU providers): "Ghost GPU cloud" uses the GPU "TPU v9", which is not in the GPUs table; the row is skipped.',
    ]);
  });

  test('generating leaves every pre-existing sheet unchanged and uses a user provider by name', () => {
    const s = userWorkbook();
    const names = s.workbook.sheetNames();
    const before = names.map((name) => s.workbook.fingerprint(name));
    const input = { provider: 'acme a100', model: 'Mistral 47B' };
    const summary = generate(s, input);
    expect(s.workbook.sheetNames()).toEqual([...names, summary.sheetName]);
    expect(names.map((name) => s.workbook.fingerprint(name))).toEqual(before);
    // 0.0001 x 10,000 x 5 x 0.25 = 1.25 H100 hours; on an A100 (312 of 989 TFLOPS) x 989/312; x $1.10.
    const hours = (1.25 * 989) / 312;
    expectClose(summary.trainingHours, hours, 'A100 hours');
    expectClose(summary.trainingCost, hours * 1.1, 'A100 cost');
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expectClose(ev.byLabel('GPU cost of the training run'), hours * 1.1, 'sheet cost');
      const providers = ev.table('Provider');
      expect(providers.map((row) => row[0])).toContain('Acme A100');
      const result = engineResult(s, input);
      expectClose(ev.byLabel('Total up-front'), result.upfront.total, 'upfront');
    } finally {
      ev.destroy();
    }
  });

  test('a user name with a trailing space, and a GPU written "a-100", compute in the sheet too', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // Providers W:AC; rows 4-16 are built in. "Acme " ends in a space; "Beta" names its GPU
    // "a-100": both match as every name does (ignoring case, spaces, "-" and "_").
    s.workbook.write('FT Catalog', 'W17', [
      ['Acme ', 'A100', 1.1, 'on-demand', 'user', ''],
      ['Beta', 'a-100', 1.2, 'on-demand', 'user', ''],
    ]);
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    expect(warnings).toEqual([]);
    expect(catalog.providers.map((row) => row.name).slice(-2)).toEqual(['Acme', 'Beta']);
    // 0.0001 x 10,000 x 2 x 0.25 = 0.5 H100 hours; on an A100 x 989/312.
    const hours = (0.5 * 989) / 312;
    for (const [provider, price] of [
      ['acme', 1.1],
      ['Beta', 1.2],
    ] as const) {
      const summary = generate(s, { provider });
      expectClose(summary.trainingCost, hours * price, `${provider} engine cost`);
      const ev = new Evaluated(s.workbook, summary.sheetName);
      try {
        expectClose(ev.byLabel('GPU cost of the training run'), hours * price, `${provider} sheet`);
        expect(ev.byLabel('Verdict')).toBe(summary.verdict);
      } finally {
        ev.destroy();
      }
    }
  });

  test('a catalog name of only spaces, "-" and "_" is skipped: it would match "-" typed anywhere', () => {
    const s = session();
    s.call('insertCatalogSheet');
    s.workbook.write('FT Catalog', 'W17', [[' - ', 'H100', 1, 'on-demand', 'user', '']]);
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    expect(catalog.providers).toHaveLength(13); // the 13 built-in rows
    expect(warnings).toEqual([
      `FT Catalog row 17 (GPU providers, "-"): Name must have more than spaces, "-" and "_", got '-'; the row is skipped.`,
    ]);
  });

  test('a broken catalog row is not silently replaced by the built-in row of its name', () => {
    const s = session();
    s.call('insertCatalogSheet');
    s.workbook.write('FT Catalog', 'Y6', [['']]); // RunPod on-demand's $ per GPU-hour, cleared
    const names = s.workbook.sheetNames();
    expect(() => generate(s, {})).toThrow(
      /provider 'RunPod on-demand' is not in the FT Catalog sheet or the built-in catalog.*FT Catalog row 6 \(GPU providers, "RunPod on-demand"\): \$ per GPU-hour must be a number, got a blank; the row is skipped/,
    );
    expect(s.workbook.sheetNames()).toEqual(names);
  });

  test('insertCatalogSheet again adds only missing built-in rows, below the user rows', () => {
    const s = userWorkbook();
    s.workbook.write('FT Catalog', 'W5', [['', '', '', '', '', '']]); // the user removed "AWS spot"
    const before = s.workbook.values('FT Catalog');
    const result = s.call<CatalogSheetResult>('insertCatalogSheet');
    expect(result).toMatchObject({ created: false, rowsAdded: 1 });
    const after = s.workbook.values('FT Catalog');
    // Every cell that held something holds the same; the one new row is below the last user row.
    before.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== '') expect(after[r][c]).toEqual(value);
      }),
    );
    expect(after[20].slice(22, 25)).toEqual(['AWS spot', 'H100', 0.86]);
    expect(s.call<CatalogSheetResult>('insertCatalogSheet').rowsAdded).toBe(0);
  });

  test.each(['insertCatalogSheet', 'generateScenario'])(
    '%s appends below a formula that shows as blank, never over it',
    (functionName) => {
      const s = session();
      s.call('insertCatalogSheet');
      // Providers: built-in rows 4-16 (W:AC). The user removed "AWS spot" (row 5) and put a
      // formula in row 17 that shows "" until a name is typed in W17.
      s.workbook.write('FT Catalog', 'W5', [['', '', '', '', '', '']]);
      s.workbook.write('FT Catalog', 'Y17', [['=IF(W17="","",2.5)']]);
      expect(s.workbook.values('FT Catalog')[16][24]).toBe('');
      s.call(functionName, {});
      const formulas = s.workbook.formulas('FT Catalog');
      const values = s.workbook.values('FT Catalog');
      expect(formulas[16][24]).toBe('=IF(W17="","",2.5)');
      // Row 16 is the last row with a value, row 17 holds the formula: AWS spot goes to row 18.
      expect(values[16].slice(22, 25)).toEqual(['', '', '']);
      expect(values[17].slice(22, 25)).toEqual(['AWS spot', 'H100', 0.86]);
    },
  );

  test('a sheet named like the catalog but laid out otherwise is never written to', () => {
    const s = session({ sheets: ['FT Catalog'] });
    s.workbook.write('FT Catalog', 'A1', [['my own table']]);
    const before = s.workbook.fingerprint('FT Catalog');
    expect(() => s.call('generateScenario', {})).toThrow(
      /does not have the catalog's layout.*nothing was changed/,
    );
    expect(s.workbook.fingerprint('FT Catalog')).toBe(before);
    expect(s.workbook.sheetNames()).toEqual(['FT Catalog']);
  });
});

describe('user text stays text', () => {
  test.each(['=HYPERLINK("x")', '+1 model', '-x model', '@mine', "'quoted", '2026-01-01', 'TRUE'])(
    'a catalog name %j is written as a label, never a formula or a number',
    (name) => {
      const s = session();
      s.call('insertCatalogSheet');
      s.workbook.write('FT Catalog', 'A8', [[`'${name}`, 9, 1.5, 'user', '']]);
      const summary = generate(s, { model: name });
      // The matrix's key cells are formulas over the catalog's names (issue 23): their values
      // are what they compute, the name as text.
      recalculate(s.workbook);
      const values = s.workbook.values(summary.sheetName);
      const formulas = s.workbook.formulas(summary.sheetName);
      expect(values[4][1]).toBe(name); // the Model input cell
      expect(formulas[4][1]).toBe('');
      const matrix = values[3].indexOf('Model');
      expect(values.map((row) => row[matrix])).toContain(name);
      const ev = new Evaluated(s.workbook, summary.sheetName);
      try {
        // 0.0001 x 10,000 x 1.5 x 0.25 = 0.375 H100 hours.
        expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 0.375, name);
      } finally {
        ev.destroy();
      }
    },
  );

  test('the catalog keeps its as-of dates and sources as text', () => {
    const s = session();
    s.call('insertCatalogSheet');
    expect(s.workbook.values('FT Catalog')[3][4]).toBe('2026-11-29');
    // Formulas only in the add-in's lookup key columns, right of the tables.
    expect(
      s.workbook
        .formulas('FT Catalog')
        .flatMap((row) => row.slice(0, KEY_FIRST_COLUMN - 1))
        .filter((f) => f !== ''),
    ).toEqual([]);
  });
});

describe('scenario sheet names', () => {
  test('a taken name gets a suffix and the user sheet of that name is untouched', () => {
    const s = session({ sheets: ['Scenario Llama 13B LoRA'] });
    s.workbook.write('Scenario Llama 13B LoRA', 'A1', [['mine']]);
    const before = s.workbook.fingerprint('Scenario Llama 13B LoRA');
    expect(generate(s, {}).sheetName).toBe('Scenario Llama 13B LoRA (2)');
    expect(generate(s, {}).sheetName).toBe('Scenario Llama 13B LoRA (3)');
    expect(s.workbook.fingerprint('Scenario Llama 13B LoRA')).toBe(before);
    expect(s.workbook.activeSheetName()).toBe('Scenario Llama 13B LoRA (3)');
  });

  test('invalid input is the engine message and writes nothing', () => {
    const s = session();
    expect(() => generate(s, { examples: -5 })).toThrow(
      'examples must be a positive number, got -5',
    );
    expect(() => generate(s, { provider: 'Nowhere' })).toThrow(
      /provider 'Nowhere' is not in the FT Catalog sheet or the built-in catalog/,
    );
    expect(s.workbook.sheetNames()).toEqual(['Sheet1']);
  });

  test('the sheet has bold headers, a frozen header, marked inputs, formats and five charts', () => {
    const s = session();
    const { sheetName } = generate(s, { horizonMonths: 12 });
    expect(s.workbook.frozenRows(sheetName)).toBe(4);
    expect(s.workbook.fontWeights(sheetName)[3].slice(0, 3)).toEqual(['bold', 'bold', 'bold']);
    expect(s.workbook.backgrounds(sheetName)[4][1]).toBe('#fff2cc');
    // The training run's cost, found by its label (column E), shows dollars.
    const costRow =
      s.workbook.values(sheetName).findIndex((row) => row[4] === 'GPU cost of the training run') +
      1;
    expect(s.workbook.cell(sheetName, `F${costRow}`).numberFormat).toBe('$#,##0.00');
    const charts = s.workbook.charts(sheetName);
    // Cumulative cost, providers, up-front breakdown, the sensitivity tornado (issue 14) and
    // the simulation's histogram (issue 21).
    expect(charts.map((chart) => chart.chartType)).toEqual(['LINE', 'BAR', 'PIE', 'BAR', 'COLUMN']);
    // Horizon 12: months 0-12 in rows 5-17, then 25 spare rows (to 42) for rows a user adds;
    // 13 providers and 10 spare rows for catalog rows added later in rows 5-27, then 25 spare
    // rows (to 52); the 8 up-front items are fixed.
    expect(charts[0].ranges).toEqual([{ sheet: sheetName, a1: 'I4:M42' }]);
    expect(charts[1].ranges).toEqual([{ sheet: sheetName, a1: 'P4:Q52' }]);
    // The up-front items: from the row under their header, 8 items and the total's row above.
    const upfrontHeader = s.workbook
      .values(sheetName)
      .findIndex((row) => row[4] === 'Final training run (GPU)');
    expect(charts[2].ranges).toEqual([
      { sheet: sheetName, a1: `E${upfrontHeader}:F${upfrontHeader + 8}` },
    ]);
    // No written pattern has only optional decimals after its dot ("0.##"): Sheets and
    // Excel would show a whole number such as a model size of 8 as "8.".
    const patterns = new Set(s.workbook.numberFormats(sheetName).flat());
    expect([...patterns].filter((pattern) => /\.#+(;|$)/.test(pattern))).toEqual([]);
    // A:H (labels, values, notes) 230 px; I:AT (the tables) and the what-if blocks after them
    // (issue 21) 150 px; nothing past the sheet's last column.
    const widths = s.workbook.columnWidths(sheetName);
    const last = s.workbook.sheetSize(sheetName).columns;
    expect([1, 5, 8, 9, 14, 27, 46, 47, last, last + 1].map((column) => widths[column])).toEqual([
      230,
      230,
      230,
      150,
      150,
      150,
      150,
      150,
      150,
      undefined,
    ]);
  });
});

describe('menu, sidebar and function reference', () => {
  test('onOpen and onInstall build the menu in AuthMode.NONE without opening the document', () => {
    const workbook = createWorkbook({ authMode: 'NONE' });
    const s = session({}, workbook);
    s.call('onOpen', { authMode: 'NONE' });
    s.call('onInstall', { authMode: 'NONE' });
    expect(workbook.documentAccesses()).toBe(0);
    const items = [
      { caption: 'Open calculator', functionName: 'showSidebar' },
      { caption: 'New scenario sheet (with defaults)', functionName: 'newScenarioSheet' },
      { caption: 'Insert catalog sheet', functionName: 'insertCatalogSheetFromMenu' },
      { caption: 'Compare scenarios', functionName: 'compareScenariosFromMenu' },
      { caption: 'Recalculate FT_* formulas', functionName: 'recalculateFtFormulas' },
      { caption: 'Function reference', functionName: 'showFunctionReference' },
    ];
    expect(workbook.menus()).toEqual([
      { title: 'Add-on', items },
      { title: 'Add-on', items },
    ]);
    for (const item of items) expect(typeof s.context[item.functionName]).toBe('function');
  });

  test('showSidebar shows the Sidebar file; the reference lists every FT_* function', () => {
    const workbook = createWorkbook({ htmlFiles: { Sidebar: '<p>calculator</p>' } });
    const s = session({}, workbook);
    s.call('showSidebar');
    expect(workbook.sidebarHtml()).toBe('<p>calculator</p>');
    expect(workbook.shown()[0].title).toBe('Fine-tuning cost');
    s.call('showFunctionReference');
    const dialog = workbook.shown()[1];
    expect(dialog.kind).toBe('modal');
    const globals = Object.keys(s.context).filter((name) => name.startsWith('FT_'));
    expect(globals.length).toBeGreaterThanOrEqual(8);
    for (const name of globals) expect(dialog.content).toContain(`${name}(`);
  });

  test('New scenario sheet from the menu alerts the reason when it fails', () => {
    const workbook = createWorkbook();
    const s = session({}, workbook);
    workbook.resetCalls();
    workbook.failAtCall(1);
    s.call('newScenarioSheet');
    expect(workbook.alerts()).toEqual([
      expect.stringMatching(
        /^Fine-tuning cost: Could not create the scenario sheet: Service Spreadsheets failed/,
      ),
    ]);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
  });
});
