// The playground session's edits without a browser: paste with shifted references,
// fill, clear, undo/redo, rows inserted and deleted, and the add-in's onEdit(e)
// simple trigger run after each edit as Sheets runs it. The session runs the built
// dist/Code.js with a small onEdit appended (a test double for the add-in's own).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODE_JS } from '../../playground/paths';
import { PlaygroundSession } from '../../playground/session';
import type { CellView, WorkbookView } from '../../playground/view';

/** Records each event onEdit gets in the script's global `edits`, and throws on "boom". */
const ON_EDIT = `
var edits = [];
function onEdit(e) {
  var r = e.range;
  edits.push({ a1: r.getA1Notation(), sheet: r.getSheet().getName(), value: e.value,
    oldValue: e.oldValue, authMode: e.authMode, source: e.source.getName(),
    hasUser: typeof e.user === 'object' });
  if (e.value === 'boom') throw new Error('onEdit says boom');
  if (e.value === 'stamp') r.getSheet().getRange(r.getRow(), r.getColumn() + 1).setValue(42);
}
`;

function cell(view: WorkbookView, a1: string): CellView | undefined {
  const match = /^([A-Z])(\d+)$/.exec(a1);
  if (!match) throw new Error(a1);
  const col = match[1].charCodeAt(0) - 65;
  const row = Number(match[2]) - 1;
  return view.sheets
    .find((sheet) => sheet.name === 'Examples')
    ?.cells.find((candidate) => candidate.row === row && candidate.col === col);
}

const input = (session: PlaygroundSession, a1: string): string =>
  cell(session.view(), a1)?.input ?? '';
const shown = (session: PlaygroundSession, a1: string): string =>
  cell(session.view(), a1)?.display ?? '';

describe('PlaygroundSession edits', () => {
  let dir: string;
  let session: PlaygroundSession;
  const code = `${readFileSync(CODE_JS, 'utf8')}\n${ON_EDIT}`;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playground-session-'));
    session = new PlaygroundSession(path.join(dir, 'workbook.json'), { code });
  });

  afterEach(() => {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a row typed under the Examples table computes (its formulas use open-ended ranges)', () => {
    // Rows 19-22 hold the table; row 23 is the first below it.
    session.setCell('Examples', 22, 0, 'Llama 405B');
    session.setCell('Examples', 22, 1, '1000');
    // 0.0001 × 1,000 examples × scale 50 (405B) × 1 (full) = 5 h; × $2.49 = $12.45.
    expect(shown(session, 'D23')).toBe('5 h');
    expect(shown(session, 'E23')).toBe('$12.45');
    // A blank row below stays blank.
    expect(shown(session, 'D24')).toBe('');
  });

  test('paste shifts relative references by the distance moved; $-absolute ones stay', () => {
    session.paste({
      sheet: 'Examples',
      row: 20,
      col: 6,
      cells: [['=B19*2+$B$19']],
      origin: { row: 19, col: 6 },
    });
    expect(input(session, 'G21')).toBe('=B20*2+$B$19');
    // 50,000 × 2 + 10,000
    expect(shown(session, 'G21')).toBe('110000');
    // Text from another program is read as typing: numbers are numbers, = starts a formula.
    session.paste({ sheet: 'Examples', row: 24, col: 6, cells: [['7', '=G25*3']] });
    expect(shown(session, 'H25')).toBe('21');
  });

  test('a copied cell pasted into a larger selection fills every cell, shifted', () => {
    session.paste({
      sheet: 'Examples',
      row: 50,
      col: 6,
      cells: [['=B19*3']],
      origin: { row: 49, col: 6 },
      selection: { rows: 3, cols: 1 },
    });
    expect([input(session, 'G51'), input(session, 'G52'), input(session, 'G53')]).toEqual([
      '=B20*3',
      '=B21*3',
      '=B22*3',
    ]);
    // A selection that is not a whole multiple gets one copy.
    session.paste({
      sheet: 'Examples',
      row: 50,
      col: 8,
      cells: [['1', '2']],
      selection: { rows: 2, cols: 3 },
    });
    expect([
      input(session, 'I51'),
      input(session, 'J51'),
      input(session, 'K51'),
      input(session, 'I52'),
    ]).toEqual(['1', '2', '', '']);
  });

  test('cut moves formulas unchanged and clears where they were', () => {
    session.setCell('Examples', 24, 6, '=B19+1');
    session.paste(
      {
        sheet: 'Examples',
        row: 26,
        col: 7,
        cells: [['=B19+1']],
        origin: { row: 24, col: 6 },
        cut: { sheet: 'Examples', row: 24, col: 6, rows: 1, cols: 1 },
      },
      'Cut',
    );
    expect(input(session, 'H27')).toBe('=B19+1');
    expect(input(session, 'G25')).toBe('');
    // Formulas pointing at a moved cell follow it, as in Sheets.
    session.setCell('Examples', 24, 8, '=H27*2+$H$27');
    session.paste(
      {
        sheet: 'Examples',
        row: 28,
        col: 7,
        cells: [['=B19+1']],
        origin: { row: 26, col: 7 },
        cut: { sheet: 'Examples', row: 26, col: 7, rows: 1, cols: 1 },
      },
      'Cut',
    );
    expect(input(session, 'I25')).toBe('=H29*2+$H$29');
    // (10,000 + 1) × 3
    expect(shown(session, 'I25')).toBe('30003');
  });

  test('fill down copies the top row over three cells; undo restores them; redo again', () => {
    session.setCell('Examples', 30, 6, '=B19*10');
    session.setCell('Examples', 31, 6, 'keep?');
    session.fill({ sheet: 'Examples', row: 30, col: 6, rows: 3, cols: 1 }, 'down');
    expect([input(session, 'G32'), input(session, 'G33')]).toEqual(['=B20*10', '=B21*10']);
    // 50,000 × 10 and 20,000 × 10
    expect([shown(session, 'G32'), shown(session, 'G33')]).toEqual(['500000', '200000']);
    expect(session.undo()).toBe(true);
    expect([input(session, 'G32'), input(session, 'G33')]).toEqual(['keep?', '']);
    expect(session.redo()).toBe(true);
    expect(input(session, 'G33')).toBe('=B21*10');
    // Fill right of a one-column area copies the column to its left.
    session.fill({ sheet: 'Examples', row: 30, col: 7, rows: 1, cols: 1 }, 'right');
    expect(input(session, 'H31')).toBe('=C19*10');
  });

  test('at least the last 50 edits can be undone, and undo of nothing is refused quietly', () => {
    // The built add-in alone (no onEdit), so each edit recalculates once.
    const fresh = new PlaygroundSession(path.join(dir, 'other.json'));
    try {
      for (let n = 1; n <= 51; n++) fresh.setCell('Examples', 40, 6, String(n));
      for (let n = 0; n < 50; n++) expect(fresh.undo()).toBe(true);
      // 51 values typed, 50 undone: the cell holds the first.
      expect(input(fresh, 'G41')).toBe('1');
      expect(fresh.undo()).toBe(true);
      expect(input(fresh, 'G41')).toBe('');
      expect(fresh.undo()).toBe(false);
      expect(fresh.redo()).toBe(true);
      expect(input(fresh, 'G41')).toBe('1');
    } finally {
      fresh.close();
    }
  });

  test('a row inserted inside the table: a formula below still points at the same cells', () => {
    session.setCell('Examples', 21, 6, '=SUM(B19:B22)');
    // 10,000 + 50,000 + 20,000 + 100,000
    expect(shown(session, 'G22')).toBe('180000');
    session.changeStructure({
      sheet: 'Examples',
      kind: 'insert',
      axis: 'rows',
      index: 21,
      count: 1,
    });
    expect(input(session, 'G23')).toBe('=SUM(B19:B23)');
    expect(shown(session, 'G23')).toBe('180000');
    expect(input(session, 'A23')).toBe('Llama 70B');
    expect(input(session, 'A21')).toBe('');
    // The table's own formulas start above the insert, so they are unchanged.
    expect(input(session, 'D19')).toBe('=FT_HOURS(A19:A, B19:B, C19:C)');
    session.changeStructure({
      sheet: 'Examples',
      kind: 'delete',
      axis: 'rows',
      index: 19,
      count: 1,
    });
    expect(input(session, 'G22')).toBe('=SUM(B19:B22)');
    // 50,000 + 20,000 + 100,000 (Llama 7B's row is gone)
    expect(shown(session, 'G22')).toBe('170000');
    // A column inserted before B moves B's references to C.
    session.changeStructure({
      sheet: 'Examples',
      kind: 'insert',
      axis: 'columns',
      index: 2,
      count: 1,
    });
    expect(input(session, 'H22')).toBe('=SUM(C19:C22)');
    expect(session.undo()).toBe(true);
    expect(session.undo()).toBe(true);
    expect(input(session, 'G23')).toBe('=SUM(B19:B23)');
    expect(() =>
      session.changeStructure({
        sheet: 'Examples',
        kind: 'delete',
        axis: 'rows',
        index: 0,
        count: 1,
      }),
    ).toThrow(/row position must be between 1 and/);
  });

  test('onEdit(e) runs after each edit with the range, values and LIMITED auth, as in Sheets', () => {
    type Seen = { a1: string; value?: string; oldValue?: string; authMode: string; source: string };
    const seen = (): Seen[] =>
      JSON.parse(
        JSON.stringify((session as unknown as { bundle: { edits: Seen[] } }).bundle.edits),
      ) as Seen[];
    session.setCell('Examples', 40, 6, 'first');
    session.setCell('Examples', 40, 6, 'second');
    session.fill({ sheet: 'Examples', row: 40, col: 6, rows: 3, cols: 1 }, 'down');
    session.undo();
    const events = seen();
    expect(events[0]).toMatchObject({
      a1: 'G41',
      value: 'first',
      authMode: 'LIMITED',
      hasUser: true,
    });
    expect(events[0].oldValue).toBeUndefined();
    expect(events[1]).toMatchObject({ a1: 'G41', value: 'second', oldValue: 'first' });
    expect(events[0].source).toBe('Fine-tuning cost playground');
    // A range edit has no value or oldValue.
    expect(events[2]).toMatchObject({ a1: 'G42:G43' });
    expect(events[2].value).toBeUndefined();
    // Undo is an edit too.
    expect(events[3]).toMatchObject({ a1: 'G42:G43' });
  });

  test('what onEdit writes is recalculated and undone with the edit', () => {
    session.setCell('Examples', 44, 8, '=H45*2');
    session.setCell('Examples', 44, 6, 'stamp');
    expect(input(session, 'H45')).toBe('42');
    // 42 × 2
    expect(shown(session, 'I45')).toBe('84');
    session.undo();
    expect(input(session, 'G45')).toBe('');
    expect(input(session, 'H45')).toBe('');
    expect(shown(session, 'I45')).toBe('0');
  });

  test('an onEdit that throws is logged and the edit stands', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      session.setCell('Examples', 40, 6, 'boom');
      expect(input(session, 'G41')).toBe('boom');
      expect(session.triggerErrors).toEqual(['onEdit says boom']);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('onEdit says boom'));
    } finally {
      warn.mockRestore();
    }
  });
});
