// The verdict's boundaries in the sheet, as HyperFormula evaluates the formulas the add-in
// writes: break-even exactly at the horizon, and requests exactly at the article's 50,000 and
// 100,000 thresholds (hand arithmetic in test/support/verdict-boundaries.ts).
import {
  AT_HORIZON_VERDICT,
  BOUNDARY_INPUT,
  withoutOfferEnds,
} from '../support/verdict-boundaries';
import { Evaluated, generate, session } from './helpers';

function sheetVerdict(input: object, edits: [string, number][] = []): string {
  const s = session();
  const { sheetName } = generate(s, { ...BOUNDARY_INPUT, ...input });
  const ev = new Evaluated(s.workbook, sheetName);
  try {
    for (const [label, value] of edits) ev.setInput(label, value);
    return String(ev.rows()[1][0]);
  } finally {
    ev.destroy();
  }
}

describe("the sheet's verdict at its boundaries", () => {
  test('break-even exactly at the 24-month horizon is within it; at 23 months it is beyond', () => {
    expect(withoutOfferEnds(String(sheetVerdict({})))).toBe(AT_HORIZON_VERDICT);
    expect(sheetVerdict({}, [['Horizon (months)', 23]])).toMatch(
      /^Keep the API: break-even takes 24 months, beyond the 23-month horizon\./,
    );
  });

  test('exactly 50,000 and 100,000 requests name no threshold; typed into the sheet too', () => {
    expect(sheetVerdict({ requestsPerMonth: 50000 })).not.toContain('threshold');
    expect(sheetVerdict({ requestsPerMonth: 100000 })).not.toContain('threshold');
    expect(sheetVerdict({}, [['Requests per month', 50000]])).not.toContain('threshold');
    expect(sheetVerdict({}, [['Requests per month', 49999]])).toContain('under the article');
    expect(sheetVerdict({}, [['Requests per month', 100000]])).not.toContain('threshold');
    expect(sheetVerdict({}, [['Requests per month', 100001]])).toContain('over the article');
  });
});
