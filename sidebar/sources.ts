// The catalog rows the preview uses, each with its as-of date; a row older than 12 months
// is flagged, since prices drift. Text only (names come from user rows).
import { rowsUsed } from '../src/engine';
import type { Catalog, ResolvedScenario } from '../src/engine';
import { el } from './dom';

export interface SourcesList {
  readonly element: HTMLElement;
  show(resolved: ResolvedScenario, catalog: Catalog): void;
}

/** Today as YYYY-MM-DD in the user's time zone. */
function today(): string {
  const now = new Date();
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function createSources(): SourcesList {
  const list = el('ul', { id: 'rows-used', class: 'rows-used' });
  const element = el('section', { class: 'sources', 'aria-labelledby': 'rows-used-title' }, [
    el('h2', { id: 'rows-used-title' }, ['Catalog rows used']),
    list,
  ]);
  return {
    element,
    show(resolved, catalog) {
      const items = rowsUsed(resolved, catalog, today()).map((row) => {
        const date = row.asOf === '' ? 'no date' : `as of ${row.asOf}`;
        const item = el('li', { class: row.stale ? 'stale' : undefined, title: row.source }, [
          `${row.role}: ${row.name}, ${date}`,
        ]);
        if (row.stale) {
          item.append(el('strong', {}, [' older than 12 months: check the price']));
        }
        return item;
      });
      list.replaceChildren(...items);
    },
  };
}
