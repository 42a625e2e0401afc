// The preview's cumulative-cost chart: API vs fine-tuned over the horizon, as an
// inline SVG made with createElementNS (no library, nothing fetched). The lines
// cross at the break-even month.
import type { BreakEven, TimelineRow } from '../src/engine';
import { svg } from './dom';
import { usd, usdShort } from './format';

const WIDTH = 272;
const HEIGHT = 132;
const LEFT = 40;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 20;

export interface CostChart {
  readonly element: SVGSVGElement;
  update(timeline: readonly TimelineRow[], breakEven: BreakEven): void;
}

export function createChart(): CostChart {
  const title = svg('title', { id: 'chart-title' });
  const axes = svg('path', { class: 'axis', d: '' });
  const api = svg('polyline', { class: 'line-api', points: '' });
  const finetuned = svg('polyline', { class: 'line-ft', points: '' });
  const marker = svg('line', { class: 'breakeven', y1: String(TOP), y2: String(HEIGHT - BOTTOM) });
  const yMax = svg('text', {
    class: 'tick',
    x: String(LEFT - 4),
    y: String(TOP + 8),
    'text-anchor': 'end',
  });
  const yZero = svg(
    'text',
    { class: 'tick', x: String(LEFT - 4), y: String(HEIGHT - BOTTOM), 'text-anchor': 'end' },
    ['$0'],
  );
  const xZero = svg(
    'text',
    { class: 'tick', x: String(LEFT), y: String(HEIGHT - 6), 'text-anchor': 'start' },
    ['0'],
  );
  const xMax = svg('text', {
    class: 'tick',
    x: String(WIDTH - RIGHT),
    y: String(HEIGHT - 6),
    'text-anchor': 'end',
  });
  const element = svg(
    'svg',
    {
      id: 'chart',
      role: 'img',
      'aria-labelledby': 'chart-title',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: String(WIDTH),
      height: String(HEIGHT),
    },
    [title, axes, marker, api, finetuned, yMax, yZero, xZero, xMax],
  );
  axes.setAttribute('d', `M${LEFT} ${TOP}V${HEIGHT - BOTTOM}H${WIDTH - RIGHT}`);

  return {
    element,
    update(timeline: readonly TimelineRow[], breakEven: BreakEven): void {
      const last = timeline[timeline.length - 1];
      const horizon = Math.max(last.month, 1);
      let top = 1;
      for (const row of timeline) top = Math.max(top, row.cumulativeApi, row.cumulativeFinetuned);
      const x = (month: number): number => LEFT + ((WIDTH - LEFT - RIGHT) * month) / horizon;
      const y = (value: number): number =>
        HEIGHT - BOTTOM - ((HEIGHT - BOTTOM - TOP) * Math.max(value, 0)) / top;
      const points = (value: (row: TimelineRow) => number): string =>
        timeline.map((row) => `${round(x(row.month))},${round(y(value(row)))}`).join(' ');
      api.setAttribute(
        'points',
        points((row) => row.cumulativeApi),
      );
      finetuned.setAttribute(
        'points',
        points((row) => row.cumulativeFinetuned),
      );
      const crosses = breakEven !== 'never' && breakEven <= last.month;
      marker.setAttribute('visibility', crosses ? 'visible' : 'hidden');
      if (crosses) {
        marker.setAttribute('x1', String(x(breakEven)));
        marker.setAttribute('x2', String(x(breakEven)));
      }
      yMax.textContent = usdShort(top);
      xMax.textContent = `${last.month} mo`;
      title.textContent =
        `Cumulative cost over ${last.month} months: API ${usd(last.cumulativeApi)}, ` +
        `fine-tuned ${usd(last.cumulativeFinetuned)}` +
        (crosses ? `; the lines cross at the break-even month.` : '; the lines do not cross.');
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
