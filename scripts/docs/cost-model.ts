// README.md's cost-model table, generated from the scenario model's definitions
// (src/engine/scenario-model.ts): each row is a definition's label, its "how" text, the
// definition itself written out when it is short, the built-in catalog values it reads,
// and its sources (its own and those of the constants in it). `npm run docs` writes it;
// test/bundle/readme.test.ts fails when the committed table differs.
import {
  BUILT_IN_CATALOG,
  lookupMetrics,
  OWNERSHIP,
  PRECEDENCE,
  SCENARIO_FIELDS,
  SENSITIVITY_DRIVERS,
  TRAINING_TIME_SPREAD,
  scenarioMetrics,
} from '../../src/engine';
import type { Catalog, Expr, Metric } from '../../src/engine';

/** The definitions the table lists, in the order a reader follows the money. */
const ROWS: readonly string[] = [
  'h100Hours',
  'scale',
  'timeFactor',
  'speed',
  'trainingHours',
  'trainingTokens',
  'flops',
  'peak',
  'computeBoundHours',
  'memoryGb',
  'gpusNeeded',
  'wallClockHours',
  'price',
  'trainingCost',
  'upfront',
  'apiIn',
  'apiOut',
  'apiCostPerRequest',
  'monthlyApi',
  'retrainMonthly',
  'monthlyFixed',
  'monthlyFinetuned',
  'monthlySavings',
  'managedTrainingCost',
  'managedMonthly',
  'managedUpfront',
  'breakEven',
  'roiHorizon',
  'monthlyDiscount',
  'savingsRatio',
  'npv',
  'paybackExact',
  'payback',
  'discountedPayback',
  'trainingCostLow',
  'trainingCostHigh',
  'breakEvenRequests',
  'requestsFor12Months',
  'apiCostFloor',
  'maxUpfront',
  'onPremBreakEvenHours',
];

/** A definition written out longer than this is described by its "how" text alone. */
const LONGEST_FORMULA = 200;

const INPUT_LABELS = new Map<string, string>(
  SCENARIO_FIELDS.map((field) => [field.key, field.label]),
);

function allMetrics(): Map<string, Metric> {
  return new Map(
    [...scenarioMetrics(2), ...lookupMetrics(2), ...OWNERSHIP()].map((metric) => [
      metric.name,
      metric,
    ]),
  );
}

/** The definition without the gate every result has (shown once every input is valid). */
function ungated(expr: Expr): Expr {
  if (
    expr.kind === 'call' &&
    expr.fn === 'IF' &&
    expr.args[0].kind === 'binary' &&
    expr.args[0].left.kind === 'metric' &&
    expr.args[0].left.name === 'problem'
  ) {
    return expr.args[1];
  }
  return expr;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  '*': ' × ',
  '/': ' ÷ ',
  '+': ' + ',
  '-': ' − ',
  '^': '^',
  '&': ' & ',
  '=': ' = ',
  '<>': ' ≠ ',
  '<': ' < ',
  '<=': ' ≤ ',
  '>': ' > ',
  '>=': ' ≥ ',
};

/** A definition in words: inputs and metrics by their labels, operators as a reader writes them. */
function written(expr: Expr, metrics: Map<string, Metric>, level = 0): string {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'number' ? String(expr.value) : `"${expr.value}"`;
    case 'constant':
      return String(expr.value);
    case 'input':
      return INPUT_LABELS.get(expr.field) ?? expr.field;
    case 'metric':
      return metrics.get(expr.name)?.label ?? expr.name;
    case 'binary': {
      const own = PRECEDENCE[expr.op];
      const text = `${written(expr.left, metrics, own)}${SYMBOLS[expr.op]}${written(expr.right, metrics, own + 0.5)}`;
      return own < level ? `(${text})` : text;
    }
    case 'negate':
      return `−${written(expr.operand, metrics, 6)}`;
    case 'call':
      // VALUE only reads a number typed as text: the reader needs no word for it.
      if (expr.fn === 'VALUE') return written(expr.args[0], metrics, level);
      return `${expr.fn}(${expr.args.map((arg) => written(arg, metrics)).join(', ')})`;
    case 'sum':
      return expr.range.kind === 'column' ? `the sum of the ${expr.range.table} items` : 'a sum';
    case 'field':
      return `the catalog's ${expr.field}`;
    default:
      return `(${expr.kind})`;
  }
}

/** Every node of a definition, without following metrics. */
function nodes(expr: Expr): Expr[] {
  const children: Expr[] = [];
  switch (expr.kind) {
    case 'binary':
      children.push(expr.left, expr.right);
      break;
    case 'negate':
      children.push(expr.operand);
      break;
    case 'call':
      children.push(...expr.args);
      break;
    case 'field':
      children.push(expr.row);
      break;
    case 'read':
      children.push(expr.value);
      break;
    default:
      break;
  }
  return [expr, ...children.flatMap(nodes)];
}

/** "Llama 7B 1, Llama 13B 2, ...": the built-in rows' values of the catalog fields it reads. */
function catalogValues(expr: Expr): string {
  const lists: string[] = [];
  for (const node of nodes(expr)) {
    // A field read by name is another table's row (a managed service's API), not this one's.
    if (node.kind !== 'field' || node.byName || node.field === 'name') continue;
    const table = node.table as keyof Catalog;
    const values = (BUILT_IN_CATALOG[table] as unknown as readonly Record<string, unknown>[])
      .filter((row) => typeof row[node.field] === 'number')
      .map((row) => `${String(row.name)} ${Number((row[node.field] as number).toPrecision(4))}`);
    if (values.length > 0) lists.push(`built in: ${values.join(', ')}`);
  }
  return [...new Set(lists)].join('; ');
}

/** Sources: the definition's own, then each constant's, in it or in a metric that is one. */
function sourcesOf(metric: Metric, expr: Expr, metrics: Map<string, Metric>): string {
  const constants = nodes(expr).flatMap((node) => {
    const constant = node.kind === 'metric' ? metrics.get(node.name)?.expr : node;
    return constant?.kind === 'constant' ? [constant.source] : [];
  });
  const sources = [...(metric.source ? [metric.source] : []), ...constants];
  const catalog = nodes(expr).some((node) => node.kind === 'field')
    ? ["each catalog row's Source column"]
    : [];
  return [...new Set([...sources, ...catalog])].join('; ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The table's markdown rows (header included), before formatting. */
export function costModelRows(): string[] {
  const metrics = allMetrics();
  const rows = ROWS.map((name) => {
    const metric = metrics.get(name);
    if (!metric) throw new Error(`cost-model table: no definition '${name}'`);
    const expr = ungated(metric.expr);
    const formula = written(expr, metrics);
    // A lone catalog field says no more than its values below.
    const shown = expr.kind !== 'field' && formula.length <= LONGEST_FORMULA;
    const rule = [
      metric.how,
      shown ? `\`${formula}\`` : '',
      catalogValues(expr),
    ]
      .filter(Boolean)
      .join('<br>');
    return `| ${cell(metric.label)} | ${cell(rule)} | ${cell(sourcesOf(metric, expr, metrics))} |`;
  });
  const drivers = SENSITIVITY_DRIVERS.map((driver) => driver.label.toLowerCase())
    .join(', ');
  const percent = `${TRAINING_TIME_SPREAD * 100}%`;
  rows.push(
    `| Sensitivity | ${drivers}: each moved −${percent} and +${percent}, the others held; NPV at the horizon and break-even at each, the NPV's swing | the article: times "may vary ±30%" |`,
  );
  return ['| quantity | rule | source |', '| --- | --- | --- |', ...rows];
}
