// The playground's drawing of cells and charts without a browser: dates as Sheets' serial
// numbers in their number format, and chart labels wrapped whole.
import { zonedDate } from '../../emulator/cells';
import { renderChartSvg, textWidth, wrapText } from '../../playground/render/chart-svg';
import { dateSerial, formatValue } from '../../playground/render/number-format';

describe('dates', () => {
  test('a date is its day count from 1899-12-30 on the spreadsheet’s clock', () => {
    // 2000-01-01 is day 36526; 26 years to 2026-01-01 with 7 leap days: 26 × 365 + 7 = 9497;
    // January to November 2026: 334 days. 36526 + 9497 + 334 = 46357.
    const midnight = zonedDate(2026, 12, 1, 'America/New_York');
    expect(dateSerial(midnight, 'America/New_York')).toBe(46357);
    // The same instant read in UTC is 05:00 that day: 5/24 of a day later.
    expect(dateSerial(midnight, 'UTC')).toBeCloseTo(46357 + 5 / 24, 10);
  });

  test('date formats show the date, not the number or an ISO timestamp', () => {
    expect(formatValue(46357, 'yyyy-mm-dd')).toBe('2026-12-01');
    expect(formatValue(46357, 'M/d/yyyy')).toBe('12/1/2026');
    expect(formatValue(46357, 'd mmm yyyy')).toBe('1 Dec 2026');
    // 13:05 is 13/24 + 5/1440 of a day; "mm" after an hour is minutes.
    expect(formatValue(46357 + 13 / 24 + 5 / 1440, 'yyyy-mm-dd hh:mm')).toBe('2026-12-01 13:05');
    expect(formatValue(46357 + 13 / 24 + 5 / 1440, 'h:mm AM/PM')).toBe('1:05 PM');
    // Number formats with quoted letters stay number formats.
    expect(formatValue(2.5, '0.0" months"')).toBe('2.5 months');
  });
});

describe('chart labels', () => {
  test('a long label wraps at words into lines that fit, nothing dropped', () => {
    const label = 'RunPod H100 SXM Community Cloud';
    const lines = wrapText(label, 100, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
    for (const line of lines) expect(textWidth(line, 10)).toBeLessThanOrEqual(100);
  });

  test('a bar chart draws every category, however many, each whole', () => {
    const categories = Array.from({ length: 13 }, (_, i) => `Provider number ${i + 1} on-demand`);
    const svg = renderChartSvg({
      kind: 'bar',
      title: 'Training cost by provider',
      xTitle: 'US dollars',
      yTitle: 'GPU provider',
      categories,
      series: [{ name: 'Cost', values: categories.map((_, i) => i + 1) }],
      width: 600,
      height: 371,
      legend: 'none',
      plotLeft: 170,
    });
    const labels = [...svg.matchAll(/<text class="label"[^>]*>(.*?)<\/text>/g)].map((match) =>
      [...match[1].matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((span) => span[1]).join(' '),
    );
    expect(labels).toEqual(categories);
  });

  test('a pie with a labeled legend names its slices and leaves out items of 0', () => {
    const svg = renderChartSvg({
      kind: 'pie',
      title: '',
      xTitle: '',
      yTitle: '',
      categories: ['Labeling', 'Hardware', 'Training run'],
      // 3 of 4 and 1 of 4: 75% and 25%; Hardware is 0 and gets no slice and no label.
      series: [{ name: 'Amount', values: [300, 0, 100] }],
      width: 600,
      height: 371,
      legend: 'labeled',
    });
    expect(svg).toContain('>Labeling</tspan>');
    expect(svg).toContain('>75%</tspan>');
    expect(svg).toContain('>25%</tspan>');
    expect(svg).not.toContain('Hardware');
  });
});
