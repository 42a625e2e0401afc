// The catalog rows the preview uses, each with its as-of date; a price older than the catalog
// sheet's threshold is flagged with its age (src/engine/freshness.ts), since prices drift.
// Text only (names come from user rows).
import { isoToday, rowsUsed } from '../src/engine';
import type { Catalog, ResolvedScenario } from '../src/engine';
import { el } from './dom';

export interface SourcesList {
  readonly element: HTMLElement;
  show(resolved: ResolvedScenario, catalog: Catalog, staleAfterDays: number): void;
}

export function createSources(): SourcesList {
  const list = el('ul', { id: 'rows-used', class: 'rows-used' });
  const element = el('section', { class: 'sources', 'aria-labelledby': 'rows-used-title' }, [
    el('h2', { id: 'rows-used-title' }, ['Catalog rows used']),
    list,
  ]);
  return {
    element,
    show(resolved, catalog, staleAfterDays) {
      const items = rowsUsed(resolved, catalog, isoToday(), staleAfterDays).map((row) => {
        const date = row.asOf === '' ? 'no date' : `as of ${row.asOf}`;
        const item = el('li', { class: row.stale ? 'stale' : undefined, title: row.source }, [
          `${row.role}: ${row.name}, ${date}`,
        ]);
        if (row.stale) {
          item.append(
            el('strong', {}, [
              ` ${row.ageDays ?? '?'} days old, past the ${staleAfterDays}-day limit: check the price`,
            ]),
          );
        }
        return item;
      });
      list.replaceChildren(...items);
    },
  };
}
