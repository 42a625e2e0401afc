// Issue 11: editing the FT Catalog sheet in the playground runs the add-in's own onEdit (the
// built dist/Code.js, as Sheets runs the simple trigger), which re-enters the FT_* formulas,
// so a result that depends on the edited row follows; an edit elsewhere refreshes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlaygroundSession } from '../../playground/session';
import type { WorkbookView } from '../../playground/view';
import type { Workbook } from '../../emulator';

/** The session's emulated workbook (private to it), to read which calls the script made. */
const workbookOf = (session: PlaygroundSession): Workbook =>
  (session as unknown as { workbook: Workbook }).workbook;

/** Refreshes run so far: each flushes once, between its two steps. */
const refreshes = (session: PlaygroundSession): number =>
  workbookOf(session)
    .callLog()
    .filter((name) => name === 'SpreadsheetApp.flush').length;

function display(view: WorkbookView, sheet: string, row: number, col: number): string {
  return (
    view.sheets
      .find((candidate) => candidate.name === sheet)
      ?.cells.find((cell) => cell.row === row && cell.col === col)?.display ?? ''
  );
}

describe('the playground runs the add-in’s onEdit after a catalog edit', () => {
  let dir: string;
  let session: PlaygroundSession;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playground-refresh-'));
    session = new PlaygroundSession(path.join(dir, 'workbook.json'));
  });

  afterEach(() => {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a new AWS spot price reaches =FT_COST("Llama 13B", 50000, "AWS spot")', () => {
    const made = session.run('insertCatalogSheet', []);
    expect(made.ok).toBe(true);
    // Examples row 4 (0-based 3), column B: 10 H100 hours × $0.86 = $8.60 (the article's table).
    expect(display(session.view(), 'Examples', 3, 1)).toBe('$8.60');
    const view = session.view();
    const catalog = view.sheets.find((sheet) => sheet.name === 'FT Catalog');
    const spot = catalog?.cells.find((cell) => cell.display === 'AWS spot');
    if (!spot) throw new Error('no AWS spot row in the catalog sheet');
    // An edit on another sheet: the trigger runs and refreshes nothing.
    const before = refreshes(session);
    session.setCell('Examples', 40, 8, 'a note');
    expect(refreshes(session)).toBe(before);
    // Its price is two columns right of its name: 10 hours × $1.00 = $10.00. The add-in's
    // onEdit re-entered the FT_* formulas (marked, flushed, written back), as in Sheets.
    session.setCell('FT Catalog', spot.row, spot.col + 2, '1');
    expect(refreshes(session)).toBe(before + 1);
    expect(display(session.view(), 'Examples', 3, 1)).toBe('$10.00');
  });

  test('the Examples sheet’s Formula column stays text through catalog edits (issue 23)', () => {
    expect(session.run('insertCatalogSheet', []).ok).toBe(true);
    const texts = (): string[] =>
      [1, 2, 3].map((row) => display(session.view(), 'Examples', row, 2));
    const before = texts();
    expect(before[0]).toBe('=FT_HOURS("Llama 13B", 50000)');
    const spot = session
      .view()
      .sheets.find((sheet) => sheet.name === 'FT Catalog')
      ?.cells.find((cell) => cell.display === 'AWS spot');
    if (!spot) throw new Error('no AWS spot row in the catalog sheet');
    const start = refreshes(session);
    session.setCell('FT Catalog', spot.row, spot.col + 2, '1');
    session.setCell('FT Catalog', spot.row, spot.col + 2, '2');
    expect(refreshes(session)).toBe(start + 2);
    expect(texts()).toEqual(before);
    expect(workbookOf(session).formulas('Examples')[1][2]).toBe('');
  });
});
