// HyperFormula (GPL-3.0) evaluates cells in the playground and the tests only; none of
// it may reach what clasp pushes to Google (dist/Code.js, dist/Sidebar.html).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CODE_JS, DIST } from '../support/load-bundle';

/** Names and strings that appear in any build of HyperFormula, its licence key included. */
const HYPERFORMULA_MARKS = [
  /hyperformula/i,
  /handsontable|handsoncode/i,
  /gpl-v3/i,
  /checkLicenseKeyValidity/,
  /DetailedCellError/,
  /buildFromSheets/,
  /GNU General Public License/i,
];

function marksIn(text: string): string[] {
  return HYPERFORMULA_MARKS.filter((mark) => mark.test(text)).map(String);
}

describe('dist/ holds none of HyperFormula', () => {
  test('the marks are found in HyperFormula itself (so the check can fail)', () => {
    const library = readFileSync(require.resolve('hyperformula'), 'utf8');
    expect(marksIn(library).length).toBeGreaterThanOrEqual(3);
  });

  test.each([CODE_JS, path.join(DIST, 'Sidebar.html'), path.join(DIST, 'Reference.html')])(
    '%s has no HyperFormula code or licence text',
    (file) => {
      expect(marksIn(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );
});
