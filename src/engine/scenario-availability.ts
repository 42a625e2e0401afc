// Issue 20: the scenario's dates and the offers that end within its horizon, as definitions
// of the one scenario model (the engine evaluates them, the sheet renders them as formulas).
// The start date is month 0; the horizon's last day is EDATE(start, horizon) - 1; a row
// available until a day before it, or only after the start, gets a sentence in the verdict
// and in its input's Check cell.
import { E } from './expr';
import type { Expr, TableKey } from './expr';
import type { Metric } from './scenario-model';
import type { ScenarioField } from './scenario-input';

const m = E.metric;
const text = (name: string, label: string, expr: Expr, how = ''): Metric => ({
  name,
  label,
  how,
  format: 'text',
  expr,
});

/** The start date's serial day (a Sheets date cell). */
const start = (): Expr => E.input('startDate');
/** A date from the start date, once the start date is one (its Check cell is blank). */
const fromStart = (date: Expr): Expr => E.if(E.eq(m('check.startDate'), ''), date, '');

/** A catalog row's date column as YYYY-MM-DD ('' when blank, as its cell is). */
const dateOf = (table: TableKey, field: string, prefix: string): Expr =>
  E.iferror(E.read('isoDate', E.field(table, field, m(`${prefix}Row`))), '');

/** The rows a scenario relies on for its whole horizon, and what their end means. */
const RELIED_ON: readonly {
  readonly prefix: string;
  readonly table: TableKey;
  readonly field: ScenarioField;
  readonly label: string;
  readonly ends: string;
}[] = [
  { prefix: 'api', table: 'apis', field: 'api', label: 'API', ends: ' is available until ' },
  {
    prefix: 'managed',
    table: 'managed',
    field: 'managedService',
    label: 'Managed fine-tuning',
    ends: ' takes no new jobs after ',
  },
  {
    prefix: 'provider',
    table: 'providers',
    field: 'provider',
    label: 'GPU provider',
    ends: ' is available until ',
  },
];

/** The metric holding the availability sentence of an input's row, if it has one. */
export function availabilityNoteOf(field: ScenarioField): string | undefined {
  const found = RELIED_ON.find((row) => row.field === field);
  return found ? `${found.prefix}Availability` : undefined;
}

/** The scenario's dates and each relied-on row's availability (the lookups block). */
export function availabilityMetrics(): Metric[] {
  const dates = [
    text(
      'startIso',
      'Start date (month 0)',
      fromStart(E.text(start(), 'yyyy-mm-dd')),
      'Month k ends k months after it',
    ),
    text(
      'horizonEnd',
      "Horizon's last day",
      // Blank while the horizon is no valid number of months, as while the start is no date.
      E.if(
        E.eq(m('check.horizonMonths'), ''),
        fromStart(
          E.text(E.sub(E.edate(start(), E.value(E.input('horizonMonths'))), 1), 'yyyy-mm-dd'),
        ),
        '',
      ),
      'EDATE(start, horizon) - 1',
    ),
  ];
  const rows = RELIED_ON.flatMap(({ prefix, table, label, ends }) => {
    const until = m(`${prefix}Until`);
    const from = m(`${prefix}From`);
    const name = E.field(table, 'name', m(`${prefix}Row`));
    const sentence = E.concat(
      E.if(
        E.and(E.ne(until, ''), E.gt(m('horizonEnd'), until)),
        E.concat(
          name,
          ends,
          until,
          "; this scenario's horizon runs to ",
          E.left(m('horizonEnd'), 7),
          '. ',
        ),
        '',
      ),
      E.if(
        E.and(E.ne(from, ''), E.lt(m('startIso'), from)),
        E.concat(
          name,
          ' becomes available on ',
          from,
          '; this scenario starts ',
          m('startIso'),
          '. ',
        ),
        '',
      ),
    );
    return [
      text(`${prefix}Until`, `${label}: available until`, dateOf(table, 'availableUntil', prefix)),
      text(`${prefix}From`, `${label}: available from`, dateOf(table, 'availableFrom', prefix)),
      // No start date or no row (a rate typed as the provider): nothing to say.
      text(
        `${prefix}Availability`,
        `${label}: within the horizon?`,
        E.iferror(sentence, ''),
        'Says so when the row ends before the horizon does, or starts after the scenario',
      ),
    ];
  });
  return [...dates, ...rows];
}

/** Every relied-on row's sentence, each after a space, for the verdict ('' when none). */
export function availabilityNote(): Expr {
  const all = E.concat(...RELIED_ON.map(({ prefix }) => m(`${prefix}Availability`)));
  // Each sentence ends with a space, the next one's separator: the last one's is dropped.
  return E.if(E.eq(all, ''), '', E.concat(' ', E.left(all, E.sub(E.len(all), 1))));
}

/** The availability sentences all blank: the verdict of a break-even alone (verdict()). */
export function noAvailabilityNotes(): Record<string, string> {
  return Object.fromEntries(RELIED_ON.map(({ prefix }) => [`${prefix}Availability`, '']));
}
