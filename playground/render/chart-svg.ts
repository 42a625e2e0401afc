// Draws an embedded chart as inline SVG: line/area, column/bar and pie, from the
// chart's data (first column the categories, the other columns the series). Every
// label is drawn whole, as Sheets draws them: long category labels wrap (or, when the
// columns are too narrow, slant), the margin beside a bar chart fits its labels (or
// takes chartArea.left), axis titles sit clear of the labels, and long titles wrap.

export type ChartKind = 'line' | 'area' | 'column' | 'bar' | 'pie' | 'scatter';

/** Google Charts' legend.position values the add-in may give. */
export type LegendPosition = 'right' | 'left' | 'top' | 'bottom' | 'none' | 'labeled' | 'in';

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** Everything needed to draw one chart. */
export interface ChartView {
  readonly kind: ChartKind;
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly width: number;
  readonly height: number;
  readonly colors?: readonly string[];
  /** legend.position; undefined: the chart kind's default. */
  readonly legend?: LegendPosition;
  /** chartArea.left: the plot's left edge in pixels (the room for a bar chart's labels). */
  readonly plotLeft?: number;
  /** A pie's sliceVisibilityThreshold: smaller slices join one residue slice. */
  readonly sliceVisibilityThreshold?: number;
  /** A pie's pieResidueSliceLabel. */
  readonly residueLabel?: string;
}

const FONT = 10;
/** Line spacing of wrapped labels: two lines fit a row of a 13-row bar chart at Sheets' default size. */
const LINE = FONT + 1;

/** A text's width in pixels in Arial at `size` px (near enough to lay labels out). */
export function textWidth(content: string, size: number): number {
  let em = 0;
  for (const ch of content) {
    if (/[il.,:;'|!()[\] ]/.test(ch)) em += 0.3;
    else if (/[mwMW@%]/.test(ch)) em += 0.86;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else em += 0.55;
  }
  return em * size;
}

/**
 * A label broken into lines of at most `width` pixels at words (a word longer than a line
 * is broken inside), as Sheets wraps axis labels.
 */
export function wrapText(content: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter((w) => w !== '')) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, size) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (textWidth(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Lines of text centred on (x, y) as a block, one <text> with a <tspan> a line. */
function textLines(
  x: number,
  y: number,
  lines: readonly string[],
  attrs: string,
  lineHeight = LINE,
): string {
  const first = y - ((lines.length - 1) * lineHeight) / 2;
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${x.toFixed(1)}" y="${(first + i * lineHeight).toFixed(1)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text class="label" ${attrs}>${spans}</text>`;
}

const PALETTE = [
  '#4285f4',
  '#db4437',
  '#f4b400',
  '#0f9d58',
  '#ab47bc',
  '#00acc1',
  '#ff7043',
  '#9e9d24',
];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function niceStep(range: number, ticks: number): number {
  const raw = range / Math.max(1, ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice =
    fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** A short axis label: 1.5k, 2M, 0.25. */
export function shortNumber(value: number): string {
  const abs = Math.abs(value);
  const trim = (n: number): string => String(Number(n.toPrecision(3)));
  if (abs >= 1e9) return `${trim(value / 1e9)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(content)}</text>`;
}

function color(view: ChartView, index: number): string {
  const custom = view.colors?.[index];
  return custom && /^#[0-9a-f]{3,8}$|^[a-z]+$/i.test(custom)
    ? custom
    : PALETTE[index % PALETTE.length];
}

interface Slice {
  readonly label: string;
  readonly value: number;
  readonly color: string;
}

/**
 * The pie's slices as Google Charts draws them: items of 0 (or less) have no slice and
 * are not listed (a 0 item shows in the legend only with sliceVisibilityThreshold 0, as
 * Google Charts' answers say: stackoverflow.com/questions/10422141), and slices under the
 * threshold (default 1/720) join one residue slice named by pieResidueSliceLabel.
 */
function pieSlices(view: ChartView): { slices: Slice[]; total: number } {
  const values = view.series[0]?.values ?? [];
  const total = values.reduce<number>((sum, v) => sum + (v !== null && v > 0 ? v : 0), 0);
  const threshold = view.sliceVisibilityThreshold ?? 1 / 720;
  const slices: Slice[] = [];
  let residue = 0;
  values.forEach((value, index) => {
    if (value === null || value <= 0 || total <= 0) return;
    if (value / total < threshold) residue += value;
    else slices.push({ label: view.categories[index] ?? '', value, color: color(view, index) });
  });
  if (residue > 0)
    slices.push({ label: view.residueLabel ?? 'Other', value: residue, color: '#ccc' });
  return { slices, total };
}

/** A slice's share as Google Charts prints it: one decimal at most (99.9%, 0.1%, 25%). */
function percent(value: number, total: number): string {
  return `${Number(((value / total) * 100).toFixed(1))}%`;
}

function drawPie(view: ChartView, top: number): string {
  const { slices, total } = pieSlices(view);
  const labeled = view.legend === 'labeled';
  const cx = labeled ? view.width / 2 : view.width * 0.35;
  const cy = (top + view.height) / 2;
  const r = Math.max(
    10,
    Math.min(
      labeled ? view.width * 0.2 : view.width * 0.3,
      (view.height - top) / 2 - (labeled ? 24 : 12),
    ),
  );
  const parts: string[] = [];
  let angle = -Math.PI / 2;
  const middles: number[] = [];
  for (const slice of slices) {
    const sweep = (slice.value / total) * Math.PI * 2;
    const end = angle + sweep;
    const large = sweep > Math.PI ? 1 : 0;
    const x1 = cx + r * Math.cos(angle);
    const y1 = cy + r * Math.sin(angle);
    const x2 = cx + r * Math.cos(end);
    const y2 = cy + r * Math.sin(end);
    const title = `<title>${escapeXml(`${slice.label}: ${shortNumber(slice.value)} (${percent(slice.value, total)})`)}</title>`;
    parts.push(
      sweep >= Math.PI * 2 - 1e-9
        ? `<circle class="slice" cx="${cx}" cy="${cy}" r="${r}" fill="${slice.color}">${title}</circle>`
        : `<path class="slice" d="M${cx},${cy} L${x1.toFixed(2)},${y1.toFixed(2)} A${r},${r} 0 ${large} 1 ${x2.toFixed(2)},${y2.toFixed(2)} Z" fill="${slice.color}" stroke="#fff">${title}</path>`,
    );
    middles.push(angle + sweep / 2);
    angle = end;
  }
  if (view.legend === 'none') return parts.join('');
  if (!labeled) {
    const names = slices.map((slice) => `${slice.label} ${percent(slice.value, total)}`);
    return (
      parts.join('') +
      legendBlock(
        names,
        slices.map((slice) => slice.color),
        view.width * 0.7,
        top + 14,
        view.width * 0.3 - 8,
      )
    );
  }
  // legend.position 'labeled': each slice's name and share beside it, joined by a line.
  const room = view.width / 2 - r - 26;
  const placed: { side: number; y: number; lines: string[]; mid: number; color: string }[] = [];
  slices.forEach((slice, i) => {
    const mid = middles[i];
    const side = Math.cos(mid) >= 0 ? 1 : -1;
    const lines = [...wrapText(slice.label, room, FONT), percent(slice.value, total)];
    placed.push({ side, y: cy + (r + 12) * Math.sin(mid), lines, mid, color: slice.color });
  });
  // Labels on one side never overlap: each sits at least its height below the one above.
  for (const side of [-1, 1]) {
    const group = placed.filter((p) => p.side === side).sort((a, b) => a.y - b.y);
    let floor = top;
    for (const label of group) {
      const height = label.lines.length * LINE;
      label.y = Math.max(label.y, floor + height / 2);
      floor = label.y + height / 2 + 2;
    }
  }
  for (const label of placed) {
    const edgeX = cx + r * Math.cos(label.mid);
    const edgeY = cy + r * Math.sin(label.mid);
    const textX = cx + label.side * (r + 18);
    parts.push(
      `<polyline points="${edgeX.toFixed(1)},${edgeY.toFixed(1)} ${(cx + label.side * (r + 12)).toFixed(1)},${label.y.toFixed(1)} ${(textX - label.side * 2).toFixed(1)},${label.y.toFixed(1)}" fill="none" stroke="${label.color}"/>`,
      textLines(
        textX,
        label.y + 3,
        label.lines,
        `font-size="${FONT}" fill="#333" text-anchor="${label.side > 0 ? 'start' : 'end'}"`,
      ),
    );
  }
  return parts.join('');
}

/** A legend of coloured squares and names, one a row, names wrapped to `width`. */
function legendBlock(
  names: readonly string[],
  colors: readonly string[],
  x: number,
  y: number,
  width: number,
): string {
  const parts: string[] = [];
  let ly = y;
  names.forEach((name, index) => {
    const lines = wrapText(name, Math.max(40, width - 14), 11);
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${(ly - 9).toFixed(1)}" width="10" height="10" fill="${colors[index]}"/>`,
      textLines(x + 14, ly + ((lines.length - 1) * 13) / 2, lines, 'font-size="11"', 13),
    );
    ly += lines.length * 13 + 3;
  });
  return parts.join('');
}

/** The legend's place on an axis chart: a column on the right, rows at the bottom, or none. */
function axisLegend(view: ChartView): 'right' | 'bottom' | 'none' {
  const position =
    view.legend ?? (view.series.length > 1 || view.kind !== 'bar' ? 'right' : 'none');
  if (position === 'none') return 'none';
  return position === 'bottom' || position === 'top' ? 'bottom' : 'right';
}

/** Legend items laid in rows across `width`: each row's items with their x offsets. */
function legendRows(names: readonly string[], width: number): { index: number; x: number }[][] {
  const rows: { index: number; x: number }[][] = [[]];
  let x = 0;
  names.forEach((name, index) => {
    const itemWidth = 14 + textWidth(name, 11) + 16;
    if (x > 0 && x + itemWidth > width) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push({ index, x });
    x += itemWidth;
  });
  return rows;
}

function drawAxes(view: ChartView, titleBottom: number): string {
  const horizontal = view.kind === 'bar';
  const banded = view.kind === 'column' || view.kind === 'bar';
  const legendAt = axisLegend(view);
  const names = view.series.map((s) => s.name);
  const longest = Math.max(0, ...names.map((name) => textWidth(name, 11)));
  const legendWidth = legendAt === 'right' ? Math.min(view.width * 0.3, longest + 34) : 0;
  const all = view.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  let min = Math.min(0, ...all);
  let max = Math.max(0, ...all);
  if (max === min) max = min + 1;
  const step = niceStep(max - min, 5);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(tick);
  const tickWidth = Math.max(...ticks.map((tick) => textWidth(shortNumber(tick), FONT)));
  const count = view.categories.length;
  // The vertical axis title sits at the left edge, clear of the labels beside the axis.
  const titleRoom = view.yTitle ? 26 : 6;

  // Left edge: a bar chart's category labels (or chartArea.left), else the value labels.
  const naturalLabel = Math.max(0, ...view.categories.map((c) => textWidth(c, FONT)));
  const left = horizontal
    ? (view.plotLeft ?? Math.min(view.width * 0.35, titleRoom + naturalLabel + 10))
    : titleRoom + tickWidth + 10;
  const right = view.width - (legendAt === 'right' ? legendWidth + 16 : 20);
  const top = titleBottom + 10;

  // Below the plot: category (or value) labels, the axis title, a bottom legend.
  const legendLines = legendAt === 'bottom' ? legendRows(names, right - left) : [];
  const legendHeight = legendLines.length * 16;
  const xTitleHeight = view.xTitle ? 18 : 0;
  let labelHeight = 16;
  let slanted = false;
  let columnLabels: string[][] = [];
  const band = (horizontal ? 0 : right - left) / Math.max(1, count);
  if (!horizontal && banded) {
    // Labels wrap inside their column (3 lines at most) or, when too narrow, slant 30°.
    columnLabels = view.categories.map((c) => wrapText(c, Math.max(8, band - 6), FONT));
    slanted = band < 24 || columnLabels.some((lines) => lines.length > 3);
    labelHeight = slanted
      ? Math.min(view.height * 0.35, naturalLabel * 0.5 + 16)
      : Math.max(...columnLabels.map((lines) => lines.length)) * LINE + 6;
  }
  const bottom = view.height - 8 - legendHeight - xTitleHeight - labelHeight;

  const parts: string[] = [];
  const valueToPixel = horizontal
    ? (v: number): number => left + ((v - min) / (max - min)) * (right - left)
    : (v: number): number => bottom - ((v - min) / (max - min)) * (bottom - top);
  for (const tick of ticks) {
    const p = valueToPixel(tick);
    parts.push(
      horizontal
        ? `<line x1="${p.toFixed(1)}" y1="${top}" x2="${p.toFixed(1)}" y2="${bottom}" stroke="#e0e0e0"/>${text(p, bottom + 14, shortNumber(tick), `font-size="${FONT}" text-anchor="middle" fill="#555"`)}`
        : `<line x1="${left}" y1="${p.toFixed(1)}" x2="${right}" y2="${p.toFixed(1)}" stroke="#e0e0e0"/>${text(left - 6, p + 3, shortNumber(tick), `font-size="${FONT}" text-anchor="end" fill="#555"`)}`,
    );
  }
  const categoryBand = (horizontal ? bottom - top : right - left) / Math.max(1, count);
  const categoryCenter = (index: number): number =>
    view.kind === 'line' || view.kind === 'area' || view.kind === 'scatter'
      ? left + (count <= 1 ? 0 : (index / (count - 1)) * (right - left))
      : (horizontal ? top : left) + categoryBand * (index + 0.5);
  if (horizontal) {
    // Every label, wrapped to the room beside the axis (Sheets skips some only when rows are
    // thinner than a line of text).
    const room = Math.max(20, left - 8 - titleRoom);
    const every = Math.max(1, Math.ceil(8 / Math.max(1, categoryBand)));
    view.categories.forEach((category, index) => {
      if (index % every !== 0) return;
      const lines = wrapText(category, room, FONT);
      parts.push(
        textLines(
          left - 6,
          categoryCenter(index) + 3,
          lines,
          `font-size="${FONT}" text-anchor="end" fill="#555"`,
        ),
      );
    });
  } else if (banded) {
    view.categories.forEach((category, index) => {
      const c = categoryCenter(index);
      parts.push(
        slanted
          ? `<text class="label" transform="translate(${c.toFixed(1)} ${(bottom + 12).toFixed(1)}) rotate(-30)" font-size="${FONT}" text-anchor="end" fill="#555">${escapeXml(category)}</text>`
          : textLines(
              c,
              bottom + 14 + ((columnLabels[index].length - 1) * LINE) / 2,
              columnLabels[index],
              `font-size="${FONT}" text-anchor="middle" fill="#555"`,
            ),
      );
    });
  } else {
    // A line's points: as many labels as fit side by side, evenly spaced.
    const widest = Math.max(1, naturalLabel + 8);
    const every = Math.max(1, Math.ceil(count / Math.max(1, (right - left) / widest)));
    view.categories.forEach((category, index) => {
      if (index % every !== 0) return;
      parts.push(
        text(
          categoryCenter(index),
          bottom + 14,
          category,
          `font-size="${FONT}" text-anchor="middle" fill="#555"`,
        ),
      );
    });
  }
  const zero = valueToPixel(0);
  view.series.forEach((series, s) => {
    const fill = color(view, s);
    if (banded) {
      const width = (categoryBand * 0.8) / Math.max(1, view.series.length);
      series.values.forEach((value, index) => {
        if (value === null) return;
        const start = categoryCenter(index) - categoryBand * 0.4 + s * width;
        const p = valueToPixel(value);
        const title = `<title>${escapeXml(`${series.name} · ${view.categories[index] ?? ''}: ${shortNumber(value)}`)}</title>`;
        parts.push(
          horizontal
            ? `<rect class="bar" x="${Math.min(p, zero).toFixed(1)}" y="${start.toFixed(1)}" width="${Math.abs(p - zero).toFixed(1)}" height="${width.toFixed(1)}" fill="${fill}">${title}</rect>`
            : `<rect class="bar" x="${start.toFixed(1)}" y="${Math.min(p, zero).toFixed(1)}" width="${width.toFixed(1)}" height="${Math.abs(p - zero).toFixed(1)}" fill="${fill}">${title}</rect>`,
        );
      });
    } else {
      const points = series.values
        .map((value, index) =>
          value === null
            ? null
            : `${categoryCenter(index).toFixed(1)},${valueToPixel(value).toFixed(1)}`,
        )
        .filter((p): p is string => p !== null);
      if (view.kind === 'area' && points.length > 1) {
        const first = points[0].split(',')[0];
        const last = points[points.length - 1].split(',')[0];
        parts.push(
          `<polygon points="${first},${zero.toFixed(1)} ${points.join(' ')} ${last},${zero.toFixed(1)}" fill="${fill}" fill-opacity="0.25"/>`,
        );
      }
      if (view.kind === 'scatter') {
        for (const p of points) {
          const [x, y] = p.split(',');
          parts.push(`<circle cx="${x}" cy="${y}" r="3" fill="${fill}"/>`);
        }
      } else {
        parts.push(
          `<polyline class="series" points="${points.join(' ')}" fill="none" stroke="${fill}" stroke-width="2"><title>${escapeXml(series.name)}</title></polyline>`,
        );
      }
    }
  });
  parts.push(
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#888"/><line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#888"/>`,
  );
  if (view.xTitle)
    parts.push(
      text(
        (left + right) / 2,
        bottom + labelHeight + 14,
        view.xTitle,
        'class="axis-title" font-size="11" text-anchor="middle" fill="#333"',
      ),
    );
  if (view.yTitle) {
    parts.push(
      `<text class="axis-title" transform="translate(14 ${((top + bottom) / 2).toFixed(1)}) rotate(-90)" font-size="11" text-anchor="middle" fill="#333">${escapeXml(view.yTitle)}</text>`,
    );
  }
  const colors = view.series.map((_, i) => color(view, i));
  if (legendAt === 'right')
    parts.push(legendBlock(names, colors, right + 12, top + 10, legendWidth));
  if (legendAt === 'bottom') {
    const y0 = bottom + labelHeight + xTitleHeight + 14;
    legendLines.forEach((row, r) => {
      const rowWidth = row.length
        ? row[row.length - 1].x + 14 + textWidth(names[row[row.length - 1].index], 11)
        : 0;
      const x0 = (left + right) / 2 - rowWidth / 2;
      for (const item of row) {
        const y = y0 + r * 16;
        parts.push(
          `<rect x="${(x0 + item.x).toFixed(1)}" y="${(y - 9).toFixed(1)}" width="10" height="10" fill="${colors[item.index]}"/>`,
          text(x0 + item.x + 14, y, names[item.index], 'font-size="11"'),
        );
      }
    });
  }
  return parts.join('');
}

/** The chart as a standalone <svg> element. */
export function renderChartSvg(view: ChartView): string {
  // A title wider than the chart wraps onto more lines, as Sheets wraps it.
  const titleLines = view.title ? wrapText(view.title, view.width - 24, 14 * 1.08) : [];
  const titleBottom = titleLines.length > 0 ? 14 + titleLines.length * 17 : 12;
  const body =
    view.series.length === 0 || view.categories.length === 0
      ? text(view.width / 2, view.height / 2, 'No data', 'text-anchor="middle" fill="#888"')
      : view.kind === 'pie'
        ? drawPie(view, titleBottom)
        : drawAxes(view, titleBottom);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-kind="${view.kind}" width="${view.width}" height="${view.height}" viewBox="0 0 ${view.width} ${view.height}" font-family="Arial, sans-serif" role="img" aria-label="${escapeXml(view.title || 'chart')}">` +
    `<rect width="100%" height="100%" fill="#fff" stroke="#dadce0"/>` +
    (titleLines.length > 0
      ? textLines(
          view.width / 2,
          14 + 8 + ((titleLines.length - 1) * 17) / 2,
          titleLines,
          'font-size="14" font-weight="bold" text-anchor="middle" fill="#202124"',
          17,
        ).replace('class="label"', 'class="chart-title"')
      : '') +
    body +
    `</svg>`
  );
}
