// The playground draws a sheet's charts as SVG markup that the page puts in with innerHTML,
// so every text a user controls (a chart's title and axis titles, a series' name from its
// header cell, a category from the first column) must reach that markup escaped: & < > " '
// as character references, wherever it lands (element text, a tooltip, an attribute).
import { renderChartSvg } from '../../playground/render/chart-svg';
import type { ChartKind, ChartView } from '../../playground/render/chart-svg';

/** A text made of every character that means something in markup, between two markers. */
const HOSTILE = '§"\'<>&§';
/** HOSTILE escaped: " is &#34;, ' &#39;, < &#60;, > &#62;, & &#38; (their code points). */
const ESCAPED = '§&#34;&#39;&#60;&#62;&#38;§';

function view(kind: ChartKind): ChartView {
  return {
    kind,
    title: `title ${HOSTILE}`,
    xTitle: `x ${HOSTILE}`,
    yTitle: `y ${HOSTILE}`,
    // Short categories: a column chart cuts labels past 14 characters.
    categories: [HOSTILE, 'b'],
    series: [{ name: `series ${HOSTILE}`, values: [1, 2] }],
    width: 400,
    height: 300,
  };
}

describe("the playground's chart SVG escapes the user's text", () => {
  test.each<ChartKind>(['line', 'area', 'column', 'bar', 'pie', 'scatter'])('%s chart', (kind) => {
    const svg = renderChartSvg(view(kind));
    // Each marker pair in the markup encloses the escaped text, never a raw character.
    const pieces = svg.split(ESCAPED);
    expect(pieces.join('')).not.toContain('§');
    // The title is in the aria-label attribute and in a <text>, the category in a label
    // (or the pie's legend) and in tooltips: at least those four.
    expect(pieces.length - 1).toBeGreaterThanOrEqual(4);
    expect(svg).toContain(`aria-label="title ${ESCAPED}"`);
  });
});
