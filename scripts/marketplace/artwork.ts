// The add-in's icon and card banner as SVG, drawn from the product's own picture: the
// sidebar's cumulative-cost chart, where the API's rising line crosses the fine-tuned path's
// flat one at break-even. Colours are the sidebar chart's (sidebar/style.css: blue API, orange
// fine-tuned) on a navy tile; no Google logo or product colours (the Marketplace's branding
// guidelines).
// scripts/marketplace-assets.ts renders each at its exact pixel size in headless Chromium.

const NAVY = '#1f3a68';
const API_BLUE = '#1a73e8';
const FINETUNED_ORANGE = '#e37400';
const GRID = '#d5dbe5';
const INK = '#202124';
const FONT = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

/** The chart card: a white sheet, its grid (when there is room), the two lines and the crossing. */
function chartCard(x: number, y: number, size: number, detailed: boolean): string {
  const pad = size * 0.14;
  const left = x + pad;
  const right = x + size - pad;
  const top = y + pad;
  const bottom = y + size - pad;
  const flat = y + size * 0.5;
  const cross = left + (right - left) * 0.5;
  const stroke = detailed ? size * 0.06 : size * 0.1;
  const grid = detailed
    ? [0.25, 0.5, 0.75]
        .map((f) => {
          const gx = left + (right - left) * f;
          const gy = top + (bottom - top) * f;
          return (
            `<line x1="${gx}" y1="${top}" x2="${gx}" y2="${bottom}" stroke="${GRID}" stroke-width="${size * 0.012}"/>` +
            `<line x1="${left}" y1="${gy}" x2="${right}" y2="${gy}" stroke="${GRID}" stroke-width="${size * 0.012}"/>`
          );
        })
        .join('')
    : '';
  const marker = detailed
    ? `<line x1="${cross}" y1="${top}" x2="${cross}" y2="${bottom}" stroke="${INK}" stroke-width="${size * 0.02}" stroke-dasharray="${size * 0.04} ${size * 0.035}"/>`
    : '';
  return [
    `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${size * 0.1}" fill="#ffffff"/>`,
    grid,
    marker,
    `<line x1="${left}" y1="${flat}" x2="${right}" y2="${flat}" stroke="${FINETUNED_ORANGE}" stroke-width="${stroke}" stroke-linecap="round"/>`,
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${top}" stroke="${API_BLUE}" stroke-width="${stroke}" stroke-linecap="round"/>`,
    `<circle cx="${cross}" cy="${flat}" r="${stroke * (detailed ? 1.1 : 0.9)}" fill="${INK}"/>`,
  ].join('');
}

/** The application icon at `size` pixels: a navy rounded tile holding the chart card. */
export function iconSvg(size: number): string {
  // At 32 px a grid and a dashed marker are noise: the small icon keeps the crossing only.
  const detailed = size >= 64;
  const inset = size * (detailed ? 0.16 : 0.1);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<rect width="${size}" height="${size}" rx="${size * 0.2}" fill="${NAVY}"/>` +
    chartCard(inset, inset, size - 2 * inset, detailed) +
    '</svg>'
  );
}

/** Text for an SVG <text> element (the banner's words are constants, but an & would break it). */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The 220×140 card banner: the chart card, the name beside it and what it answers below. */
export function bannerSvg(title: readonly string[], tagline: readonly string[]): string {
  const text = (
    lines: readonly string[],
    x: number,
    y: number,
    step: number,
    style: string,
  ): string =>
    lines
      .map(
        (line, i) =>
          `<text x="${x}" y="${y + i * step}" font-family="${FONT}" ${style}>${xmlText(line)}</text>`,
      )
      .join('');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="220" height="140" viewBox="0 0 220 140">' +
    `<rect width="220" height="140" fill="${NAVY}"/>` +
    chartCard(16, 16, 60, true) +
    text(title, 88, 42, 23, 'font-size="20" font-weight="bold" fill="#ffffff"') +
    text(tagline, 16, 100, 15, 'font-size="11.5" fill="#dbe4f3"') +
    '</svg>'
  );
}
