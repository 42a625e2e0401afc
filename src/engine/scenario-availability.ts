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

/**
 * A date input as its day number: a Sheets date (a serial day number), or text written
 * YYYY-MM-DD read by its parts as Sheets' EDATE would take it ("2027-01-01"), the same in
 * every locale (dayNumberOf); #N/A or #VALUE! for anything else.
 */
export const dayOf = (field: ScenarioField): Expr => E.read('dayNumber', E.input(field));

/** The start date's serial day (a Sheets date cell, or text YYYY-MM-DD: dayOf). */
const start = (): Expr => dayOf('startDate');
/** A date from the start date, once the start date is one (its Check cell is blank). */
const fromStart = (date: Expr): Expr => E.if(E.eq(m('check.startDate'), ''), date, '');

/** A date cell as YYYY-MM-DD ('' when blank or no row, as its cell is). */
const isoOf = (cell: Expr): Expr => E.iferror(E.read('isoDate', cell), '');

/** The managed price row the scenario uses: its service's bracket for the model and method. */
const managedPriceRow = (): Expr => m('managedPriceRow');
/** The name of the API row that prices the managed fine-tune's inference ('' when none is cited). */
export const managedApiName = (): Expr => E.field('managed', 'inferenceApi', managedPriceRow());

/**
 * The rows a scenario relies on for its whole horizon (issue 20): its model, the API it
 * replaces, the managed service's price row it uses and that service's inference API, and
 * the GPU provider; each with the input whose Check cell carries its sentence.
 */
interface ReliedOn {
  readonly prefix: string;
  readonly field: ScenarioField;
  readonly label: string;
  /** The row's name, as the sentence starts. */
  readonly name: Expr;
  /** A date column of the row (availableFrom or availableUntil). */
  readonly date: (field: 'availableFrom' | 'availableUntil') => Expr;
  readonly ends: string;
}

/** A row an input picks by name (its lookup's `${prefix}Row`). */
const pickedRow = (
  prefix: string,
  table: TableKey,
  field: ScenarioField,
  label: string,
): ReliedOn => ({
  prefix,
  field,
  label,
  name: E.field(table, 'name', m(`${prefix}Row`)),
  date: (date) => E.field(table, date, m(`${prefix}Row`)),
  ends: ' is available until ',
});

const RELIED_ON: readonly ReliedOn[] = [
  pickedRow('model', 'models', 'model', 'Model'),
  pickedRow('api', 'apis', 'api', 'API'),
  {
    prefix: 'managed',
    field: 'managedService',
    label: 'Managed fine-tuning',
    name: E.field('managed', 'name', managedPriceRow()),
    date: (date) => E.field('managed', date, managedPriceRow()),
    ends: ' takes no new jobs after ',
  },
  {
    prefix: 'managedApi',
    field: 'managedService',
    label: 'Managed inference API',
    name: managedApiName(),
    date: (date) => E.fieldByName('apis', date, managedApiName()),
    ends: ' (the managed inference API) is available until ',
  },
  pickedRow('provider', 'providers', 'provider', 'GPU provider'),
];

/** The metrics holding the availability sentences of an input's rows (none: []). */
export function availabilityNotesOf(field: ScenarioField): string[] {
  return RELIED_ON.filter((row) => row.field === field).map((row) => `${row.prefix}Availability`);
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
  const rows = RELIED_ON.flatMap(({ prefix, label, name, date, ends }) => {
    const until = m(`${prefix}Until`);
    const from = m(`${prefix}From`);
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
      text(`${prefix}Until`, `${label}: available until`, isoOf(date('availableUntil'))),
      text(`${prefix}From`, `${label}: available from`, isoOf(date('availableFrom'))),
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
