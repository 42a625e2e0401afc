// Draws an embedded chart as inline SVG: line/area, column/bar and pie, from the
// chart's data (first column the categories, the other columns the series).

export type ChartKind = 'line' | 'area' | 'column' | 'bar' | 'pie' | 'scatter';

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

function legend(view: ChartView, names: readonly string[], x: number, y: number): string {
  return names
    .map((name, index) => {
      const ly = y + index * 16;
      return `<rect x="${x}" y="${ly - 9}" width="10" height="10" fill="${color(view, index)}"/>${text(x + 14, ly, name, 'font-size="11"')}`;
    })
    .join('');
}

function drawPie(view: ChartView): string {
  const values = view.series[0]?.values ?? [];
  const total = values.reduce<number>((sum, v) => sum + (v !== null && v > 0 ? v : 0), 0);
  const cx = view.width * 0.35;
  const cy = view.height / 2 + 10;
  const r = Math.min(view.width * 0.3, view.height / 2 - 30);
  const parts: string[] = [];
  let angle = -Math.PI / 2;
  values.forEach((value, index) => {
    if (value === null || value <= 0 || total <= 0) return;
    const sweep = (value / total) * Math.PI * 2;
    const end = angle + sweep;
    const large = sweep > Math.PI ? 1 : 0;
    const x1 = cx + r * Math.cos(angle);
    const y1 = cy + r * Math.sin(angle);
    const x2 = cx + r * Math.cos(end);
    const y2 = cy + r * Math.sin(end);
    const title = `<title>${escapeXml(`${view.categories[index] ?? ''}: ${shortNumber(value)} (${((value / total) * 100).toFixed(1)}%)`)}</title>`;
    parts.push(
      sweep >= Math.PI * 2 - 1e-9
        ? `<circle class="slice" cx="${cx}" cy="${cy}" r="${r}" fill="${color(view, index)}">${title}</circle>`
        : `<path class="slice" d="M${cx},${cy} L${x1.toFixed(2)},${y1.toFixed(2)} A${r},${r} 0 ${large} 1 ${x2.toFixed(2)},${y2.toFixed(2)} Z" fill="${color(view, index)}" stroke="#fff">${title}</path>`,
    );
    angle = end;
  });
  const labels = view.categories.map((category, index) => {
    const value = values[index];
    const share =
      value !== null && value !== undefined && total > 0
        ? ` ${((Math.max(0, value) / total) * 100).toFixed(0)}%`
        : '';
    return `${category}${share}`;
  });
  return parts.join('') + legend(view, labels, view.width * 0.7, 50);
}

function drawAxes(view: ChartView): string {
  const left = 56;
  const showLegend = view.series.length > 1 || view.kind !== 'bar';
  const longest = Math.max(0, ...view.series.map((s) => s.name.length));
  const legendWidth = showLegend ? Math.min(view.width * 0.4, longest * 6.2 + 34) : 20;
  const right = view.width - legendWidth;
  const top = 36;
  const bottom = view.height - 44;
  const horizontal = view.kind === 'bar';
  const all = view.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  let min = Math.min(0, ...all);
  let max = Math.max(0, ...all);
  if (max === min) max = min + 1;
  const step = niceStep(max - min, 5);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const parts: string[] = [];
  const valueToPixel = horizontal
    ? (v: number): number => left + ((v - min) / (max - min)) * (right - left)
    : (v: number): number => bottom - ((v - min) / (max - min)) * (bottom - top);
  for (let tick = min; tick <= max + step / 2; tick += step) {
    const p = valueToPixel(tick);
    parts.push(
      horizontal
        ? `<line x1="${p.toFixed(1)}" y1="${top}" x2="${p.toFixed(1)}" y2="${bottom}" stroke="#e0e0e0"/>${text(p, bottom + 14, shortNumber(tick), 'font-size="10" text-anchor="middle" fill="#555"')}`
        : `<line x1="${left}" y1="${p.toFixed(1)}" x2="${right}" y2="${p.toFixed(1)}" stroke="#e0e0e0"/>${text(left - 6, p + 3, shortNumber(tick), 'font-size="10" text-anchor="end" fill="#555"')}`,
    );
  }
  const count = view.categories.length;
  const band = (horizontal ? bottom - top : right - left) / Math.max(1, count);
  const categoryCenter = (index: number): number =>
    view.kind === 'line' || view.kind === 'area' || view.kind === 'scatter'
      ? left + (count <= 1 ? 0 : (index / (count - 1)) * (right - left))
      : (horizontal ? top : left) + band * (index + 0.5);
  const labelEvery = Math.max(
    1,
    Math.ceil(count / (horizontal ? 12 : Math.max(1, (right - left) / 50))),
  );
  view.categories.forEach((category, index) => {
    if (index % labelEvery !== 0) return;
    const c = categoryCenter(index);
    parts.push(
      horizontal
        ? text(left - 6, c + 3, category, 'font-size="10" text-anchor="end" fill="#555"')
        : text(
            c,
            bottom + 14,
            category.length > 14 ? `${category.slice(0, 13)}…` : category,
            'font-size="10" text-anchor="middle" fill="#555"',
          ),
    );
  });
  const zero = valueToPixel(0);
  view.series.forEach((series, s) => {
    const fill = color(view, s);
    if (view.kind === 'column' || view.kind === 'bar') {
      const width = (band * 0.8) / Math.max(1, view.series.length);
      series.values.forEach((value, index) => {
        if (value === null) return;
        const start = categoryCenter(index) - band * 0.4 + s * width;
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
        view.height - 8,
        view.xTitle,
        'font-size="11" text-anchor="middle" fill="#333"',
      ),
    );
  if (view.yTitle) {
    parts.push(
      `<text transform="translate(14 ${((top + bottom) / 2).toFixed(1)}) rotate(-90)" font-size="11" text-anchor="middle" fill="#333">${escapeXml(view.yTitle)}</text>`,
    );
  }
  if (showLegend)
    parts.push(
      legend(
        view,
        view.series.map((s) => s.name),
        right + 12,
        top + 10,
      ),
    );
  return parts.join('');
}

/** The chart as a standalone <svg> element. */
export function renderChartSvg(view: ChartView): string {
  const body =
    view.series.length === 0 || view.categories.length === 0
      ? text(view.width / 2, view.height / 2, 'No data', 'text-anchor="middle" fill="#888"')
      : view.kind === 'pie'
        ? drawPie(view)
        : drawAxes(view);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-kind="${view.kind}" width="${view.width}" height="${view.height}" viewBox="0 0 ${view.width} ${view.height}" font-family="Arial, sans-serif" role="img" aria-label="${escapeXml(view.title || 'chart')}">` +
    `<rect width="100%" height="100%" fill="#fff" stroke="#dadce0"/>` +
    (view.title
      ? text(
          view.width / 2,
          22,
          view.title,
          'font-size="14" font-weight="bold" text-anchor="middle" fill="#202124"',
        )
      : '') +
    body +
    `</svg>`
  );
}
