/**
 * Every numeric claim of the seed article, each computed by the engine. The audit
 * script renders this list as docs/seed-audit.md; test/engine/article-figures.test.ts
 * checks each engine value against a hand-written expected value.
 */
import {
  ARTICLE_VOLUME,
  BUILT_IN_CATALOG,
  DEFAULT_SCENARIO,
  MATRIX_DATASET_SIZES,
  NEVER,
  apiCostPerRequest,
  apiMonthlyCost,
  breakEvenMonths,
  builtInIndex,
  computeScenario,
  finetunedMonthlyCost,
  gpuCost,
  managedTrainingCost,
  memoryGb,
  monthlySavings,
  onPremBreakEvenHours,
  ownershipCostPerYear,
  resolveManaged,
  resolveScenario,
  roi,
  ruleHours,
  trainingTokens,
  upfrontCost,
} from '../../src/engine';
import type { BreakEven, CatalogIndex, UpfrontInputs } from '../../src/engine';
import { CENTS, formatRange, formatWithUnit, isMoney } from './format';
import type { FigureUnit } from './format';

/** One number, or the ends of a range, or a list. */
export type FigureValue = number | readonly number[];

/**
 * same: equal; rounded: equal at the article's precision; differs: not equal.
 * consistent / inconsistent: a claim (threshold, comparison) the engine can test.
 * input: a figure the article assumes and the engine takes as an input.
 * claim: a statement with no arithmetic to check.
 */
export type AuditStatus =
  'same' | 'rounded' | 'differs' | 'consistent' | 'inconsistent' | 'input' | 'claim';

export interface ArticleFigure {
  /** Stable key; the test's expectations are keyed by it. */
  readonly id: string;
  /** 1-based line of the article. */
  readonly line: number;
  readonly section: string;
  /** Verbatim text of that line (the test checks it is there). */
  readonly quote: string;
  /** The figure as the article writes it. */
  readonly article: string;
  /** The engine's value; undefined when there is nothing to compute. */
  readonly engine: FigureValue | undefined;
  readonly unit: FigureUnit;
  /** Decimals shown for the engine's value (trailing zeros dropped). */
  readonly decimals: number;
  /** How several values are joined: the ends of a range, or the items of a list. */
  readonly shape: 'range' | 'list';
  readonly status: AuditStatus;
  /** Why they differ, what was assumed, or why nothing can be checked. */
  readonly note: string;
}

interface FigureBase {
  readonly id: string;
  readonly line: number;
  readonly section: string;
  readonly quote: string;
  readonly article: string;
  /** Unit of the engine's value; none for claims with nothing to compute. */
  readonly unit?: FigureUnit;
  readonly decimals?: number;
  readonly shape?: 'range' | 'list';
  /**
   * Show a money value with all its `decimals` instead of to the cent: only for a
   * price below a cent ($0.0075 a request), which cents would show as $0.01 or $0.00.
   * The note must then state the value (a test checks it), so the row explains it.
   */
  readonly exact?: boolean;
  readonly note?: string;
}

interface ValueSpec extends FigureBase {
  /** The article's number(s), compared with the engine's. */
  readonly articleValue: FigureValue;
  readonly engine: FigureValue;
  /**
   * Decimals the article's figure is given to; by default those of articleValue.
   * Negative for rounding to tens (-1), hundreds (-2) or thousands (-3).
   */
  readonly articleDecimals?: number;
}

interface ClaimSpec extends FigureBase {
  readonly engine?: FigureValue;
  /** Whether the engine's numbers bear the claim out; undefined: nothing to test. */
  readonly holds?: boolean;
  readonly isInput?: boolean;
  readonly note: string;
}

const DEFAULT_DECIMALS = 4;

/** Decimals the audit shows: money to the cent unless the spec asks for its exact value. */
function shownDecimals(spec: FigureBase): number {
  const decimals = spec.decimals ?? DEFAULT_DECIMALS;
  return isMoney(spec.unit ?? '') && !spec.exact ? Math.min(decimals, CENTS) : decimals;
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** same / rounded / differs for one pair of numbers. */
function compareNumbers(article: number, engine: number, articleDecimals?: number): AuditStatus {
  const difference = Math.abs(article - engine);
  // Floating point: 0.1 + 0.2 is "the same" as 0.3.
  if (difference <= 1e-9 * Math.max(1, Math.abs(article))) return 'same';
  const halfUnit = 0.5 * 10 ** -(articleDecimals ?? decimalsOf(article));
  return difference <= halfUnit + 1e-9 ? 'rounded' : 'differs';
}

const STATUS_ORDER: readonly AuditStatus[] = ['same', 'rounded', 'differs'];

function compareValues(
  article: FigureValue,
  engine: FigureValue,
  articleDecimals?: number,
): AuditStatus {
  const articleList = typeof article === 'number' ? [article] : article;
  const engineList = typeof engine === 'number' ? [engine] : engine;
  if (articleList.length !== engineList.length) return 'differs';
  // A range or list is only as good as its worst element.
  return articleList
    .map((value, position) => compareNumbers(value, engineList[position], articleDecimals))
    .reduce((worst, status) =>
      STATUS_ORDER.indexOf(status) > STATUS_ORDER.indexOf(worst) ? status : worst,
    );
}

/** A figure from what every spec shares, its engine value and its status. */
function figure(
  spec: FigureBase,
  engine: FigureValue | undefined,
  status: AuditStatus,
): ArticleFigure {
  return {
    id: spec.id,
    line: spec.line,
    section: spec.section,
    quote: spec.quote,
    article: spec.article,
    engine,
    unit: spec.unit ?? '',
    decimals: shownDecimals(spec),
    shape: spec.shape ?? 'range',
    status,
    note: spec.note ?? '',
  };
}

function value(spec: ValueSpec): ArticleFigure {
  return figure(
    spec,
    spec.engine,
    compareValues(spec.articleValue, spec.engine, spec.articleDecimals),
  );
}

function claim(spec: ClaimSpec): ArticleFigure {
  const status: AuditStatus = spec.isInput
    ? 'input'
    : spec.holds === undefined
      ? 'claim'
      : spec.holds
        ? 'consistent'
        : 'inconsistent';
  return figure(spec, spec.engine, status);
}

/**
 * The engine's value as the audit shows it: "$1,001.25", "$1,000.31–$3,002.49",
 * "$0.03, $0.06", or an em dash when there is nothing to compute (a hyphen there
 * would read as a minus sign or a range).
 */
export function formatFigureValue(figure: ArticleFigure): string {
  const { engine, unit, decimals } = figure;
  if (engine === undefined) return '\u2014';
  if (typeof engine === 'number') return formatWithUnit(engine, unit, decimals);
  if (figure.shape === 'range' && engine.length === 2) {
    return formatRange(engine[0], engine[1], unit, decimals);
  }
  return engine.map((item) => formatWithUnit(item, unit, decimals)).join(', ');
}

/** A break-even as a number; the article's cases all pay back, so "never" is a bug. */
function paysBack(breakEven: BreakEven): number {
  if (breakEven === NEVER) throw new Error('an article case never breaks even: check the inputs');
  return breakEven;
}

/** Up-front inputs with everything zero: each case fills in what the article lists. */
const NO_UPFRONT: UpfrontInputs = {
  trainingRunCost: 0,
  experimentRuns: 0,
  dataCollectionCost: 0,
  labelingHours: 0,
  labelingRate: 0,
  cleaningCost: 0,
  engineeringHours: 0,
  engineeringRate: 0,
  deploymentCost: 0,
  hardwareCost: 0,
};

/** The smallest model size (billions) whose interpolated scale reaches `scale` (bisection). */
function sizeForScale(index: CatalogIndex, scale: number): number {
  let low = 0.001;
  let high = 100000;
  for (let step = 0; step < 200; step++) {
    const middle = Math.sqrt(low * high);
    if (index.scaleForSize(middle) < scale) low = middle;
    else high = middle;
  }
  return high;
}

const S = {
  intro: 'Introduction',
  hours: 'Component 1: GPU Hours',
  gpuCost: 'Component 2: GPU Cost Per Hour',
  dataPrep: 'Component 3: Data Preparation Cost',
  lora: 'LoRA vs Full Fine-Tuning',
  example1: 'Practical Example 1: Customer Support Bot',
  example2: 'Practical Example 2: Document Classification',
  example3: 'Practical Example 3: Code Generation',
  onPrem: 'On-Premise Fine-Tuning',
  modelSize: 'Fine-Tuning vs Model Size',
  managed: 'OpenAI and Anthropic Fine-Tuning',
  fullExample: 'True Cost of Fine-Tuning: Full Example',
  calculator: 'Using the Cost Calculator',
  conclusion: 'Conclusion',
} as const;

/** Every numeric claim of the article with the engine's value, in article order. */
export function articleFigures(index: CatalogIndex = builtInIndex()): ArticleFigure[] {
  const fmt = (amount: number, unit: FigureUnit, decimals = DEFAULT_DECIMALS): string =>
    formatWithUnit(amount, unit, decimals);

  const scaleOf = (model: string): number => index.model('model', model).scale;
  const methodFactor = (method: string): number => index.method('method', method).timeFactor;
  const price = (provider: string): number => index.provider('provider', provider).pricePerGpuHour;
  const full = methodFactor('full');
  const lora = methodFactor('LoRA');
  const runPod = price('RunPod on-demand');
  const awsOnDemand = price('AWS on-demand');
  const lambda = price('Lambda Labs');
  const claude = index.api('api', 'Claude');
  const gpt4FineTuned = index.api('api', 'GPT-4 fine-tuned');
  // The article's managed example is OpenAI's, named: the catalog's default is a service that
  // takes jobs today (issue 20), and this row prices every size and method.
  const articleManaged = resolveManaged(index, 'service', 'OpenAI GPT-4 fine-tuning');
  const grok = index.api('api', 'Grok');
  const claudeRequest = (inputTokens: number, outputTokens: number): number =>
    apiCostPerRequest(inputTokens, outputTokens, claude.inputPricePer1K, claude.outputPricePer1K);

  // On-premise: the article's H100 ($20,000) and electricity ($2,000/year), over 3 years.
  const h100Purchase = 20000;
  const electricityPerYear = 2000;
  const ownedYears = 3;
  const ownershipPerYear = ownershipCostPerYear(h100Purchase, electricityPerYear, ownedYears);

  // Practical example 1 is the scenario's default.
  const example1 = computeScenario(resolveScenario({}, index), index);
  const example1Upfront = example1.upfront.total;
  const example1BreakEven = paysBack(example1.breakEvenMonths);
  const example1Savings = example1.monthly.savings;

  // Practical example 2: 120 labeling hours, a 1-hour run at RunPod, Claude at 500 + 20 tokens.
  const example2Upfront = upfrontCost({
    ...NO_UPFRONT,
    trainingRunCost: gpuCost(1, runPod),
    labelingHours: 120,
    labelingRate: 25,
  });
  const example2Request = claudeRequest(500, 20);
  const batch = 100000;
  const example2ApiPerBatch = apiMonthlyCost(batch, example2Request);
  const example2FinetunedPerBatch = finetunedMonthlyCost(batch, 0.001, 0);
  const example2SavingsPerBatch = monthlySavings(example2ApiPerBatch, example2FinetunedPerBatch);
  const example2BreakEvenBatches = paysBack(
    breakEvenMonths(example2Upfront, example2SavingsPerBatch),
  );
  const example2BreakEvenAt4 = paysBack(
    breakEvenMonths(
      example2Upfront,
      monthlySavings(
        apiMonthlyCost(4 * batch, example2Request),
        finetunedMonthlyCost(4 * batch, 0.001, 0),
      ),
    ),
  );
  const sizeForOneHour = sizeForScale(index, 1 / ruleHours(10000, 1, lora));

  // Practical example 3: Llama 7B, 5K examples, LoRA at RunPod, a $500 RTX 4090, $0 inference.
  const example3Hours = ruleHours(5000, scaleOf('Llama 7B'), lora);
  const example3Run = gpuCost(example3Hours, runPod);
  const example3Upfront = upfrontCost({
    ...NO_UPFRONT,
    trainingRunCost: example3Run,
    labelingHours: 20,
    labelingRate: 25,
    hardwareCost: 500,
  });
  const example3Monthly = apiMonthlyCost(100, 0.001);
  const example3Savings = monthlySavings(example3Monthly, 0);
  const example3BreakEven = paysBack(breakEvenMonths(example3Upfront, example3Savings));

  // The article's full example: 13B, 50K examples, full fine-tuning at RunPod.
  const fullExampleHours = ruleHours(50000, scaleOf('Llama 13B'), full);
  const fullExampleUpfront = upfrontCost({
    ...NO_UPFRONT,
    trainingRunCost: gpuCost(fullExampleHours, runPod),
    labelingHours: 50,
    labelingRate: 25,
    engineeringHours: 10,
    engineeringRate: 50,
    deploymentCost: 200,
  });
  const fullExampleBreakEven = paysBack(breakEvenMonths(fullExampleUpfront, example1Savings));

  const workedUpfronts = [example1Upfront, example2Upfront, example3Upfront, fullExampleUpfront];
  const workedUpfrontRange = [Math.min(...workedUpfronts), Math.max(...workedUpfronts)];
  const workedBreakEvens = [example1BreakEven, example2BreakEvenAt4, example3BreakEven];

  // Break-even of example 1's up-front cost at other monthly volumes.
  const example1PerRequest = example1.monthly.apiCostPerRequest;
  const example1BreakEvenAt = (requests: number): number =>
    paysBack(breakEvenMonths(example1Upfront, apiMonthlyCost(requests, example1PerRequest)));
  // Requests a month that pay example 1 back in 12 months: up-front / (12 × $ per request).
  const example1RequestsFor12Months = paysBack(
    breakEvenMonths(example1Upfront, 12 * example1PerRequest),
  );

  const figures: ArticleFigure[] = [
    // ---- Introduction
    claim({
      id: 'intro.upfront-range',
      line: 1,
      section: S.intro,
      quote: 'And it is—$500-5,000 upfront',
      article: '$500-5,000',
      engine: workedUpfrontRange,
      unit: '$',
      holds: workedUpfronts.every((amount) => amount >= 500 && amount <= 5000),
      note: "The range of the engine's up-front cost for the article's four worked cases (examples 1–3 and the full example); all lie inside $500–5,000.",
    }),
    claim({
      id: 'intro.pays-back-in-weeks',
      line: 1,
      section: S.intro,
      quote: 'fine-tuning often pays for itself in weeks',
      article: 'in weeks',
      engine: Math.min(...workedBreakEvens),
      unit: 'months',
      decimals: 2,
      // "Weeks": under about 3 months.
      holds: Math.min(...workedBreakEvens) < 3,
      note: `The fastest pay-back among the worked examples (example 2 at 4 batches a month); example 1 takes ${fmt(example1BreakEven, 'months', 2)}, example 3 ${fmt(example3BreakEven, 'months', 1)}. None pays back in weeks.`,
    }),
    claim({
      id: 'intro.save-50000',
      line: 2,
      section: S.intro,
      quote: 'costs $1,000 might save $50,000 annually in API fees',
      article: '$50,000/year',
      engine: paysBack(breakEvenMonths(50000 / 12, example1PerRequest)),
      unit: 'requests/month',
      decimals: 0,
      note: `A hypothetical. At example 1's ${fmt(example1PerRequest, '$')} per response, $50,000 a year takes this many responses a month.`,
    }),

    // ---- Component 1: GPU hours
    value({
      id: 'hours.rule',
      line: 10,
      section: S.hours,
      quote: 'hours = 0.0001 × dataset size × model scale factor',
      article: '0.0001',
      articleValue: 0.0001,
      engine: ruleHours(1, 1, full),
      unit: 'h',
    }),
    ...(
      [
        ['7B', 13, ['1 hour', '5 hours', '10 hours'], [1, 5, 10], '1.0x', 1],
        ['13B', 14, ['2 hours', '10 hours', '20 hours'], [2, 10, 20], '2.0x', 2],
        ['70B', 15, ['8 hours', '40 hours', '80 hours'], [8, 40, 80], '8.0x', 8],
        ['405B', 16, ['50 hours', '250 hours', '500 hours'], [50, 250, 500], '50.0x', 50],
      ] as const
    ).flatMap(([size, line, texts, hours, scaleText, scale]) => {
      const model = `Llama ${size}`;
      const cells = [10000, 50000, 100000].map((examples, column) =>
        value({
          id: `hours.${size}.${examples / 1000}K`,
          line,
          section: S.hours,
          quote: `| ${model} | ${texts.join(' | ')} |`,
          article: texts[column],
          articleValue: hours[column],
          engine: ruleHours(examples, scaleOf(model), full),
          unit: 'h',
          note: column === 0 ? 'Full fine-tuning on an H100, the rule of line 10.' : '',
        }),
      );
      return [
        ...cells,
        value({
          id: `hours.${size}.scale`,
          line,
          section: S.hours,
          quote: `| ${scaleText} |`,
          article: scaleText,
          articleValue: scale,
          engine: scaleOf(model),
          unit: 'x',
        }),
      ];
    }),
    claim({
      id: 'hours.batch-size',
      line: 17,
      section: S.hours,
      quote: 'These times assume batch size 8',
      article: 'batch size 8',
      note: 'An assumption behind the rule; no arithmetic to check.',
    }),
    claim({
      id: 'hours.uncertainty',
      line: 17,
      section: S.hours,
      quote: 'Your actual times may vary ±30%',
      article: '±30%',
      note: "The rule's stated uncertainty; no arithmetic to check. The scenario shows the compute-bound estimate beside the rule as a cross-check.",
    }),

    // ---- Component 2: GPU cost per hour
    claim({
      id: 'gpu.cloud-range',
      line: 20,
      section: S.gpuCost,
      quote: 'AWS/Google Cloud: $1.21-2.88/hour for H100 (on-demand)',
      article: '$1.21-2.88/hour',
      engine: awsOnDemand,
      unit: '$/h',
      holds: awsOnDemand === 2.88,
      note: "The upper end is the provider table's AWS on-demand rate. The lower end, $1.21, appears nowhere else in the article (its AWS spot rate, $0.86, is below it); it cannot be checked.",
    }),
    value({
      id: 'gpu.runpod-lambda-range',
      line: 21,
      section: S.gpuCost,
      quote: 'RunPod/Lambda Labs: $2.49-3.98/hour for H100',
      article: '$2.49-3.98/hour',
      articleValue: [2.49, 3.98],
      engine: [runPod, lambda],
      unit: '$/h',
    }),
    claim({
      id: 'gpu.cheaper-than-aws',
      line: 21,
      section: S.gpuCost,
      quote: 'Cheaper than AWS but occasional outages',
      article: 'cheaper than AWS',
      engine: lambda - awsOnDemand,
      unit: '$/h',
      holds: lambda < awsOnDemand && runPod < awsOnDemand,
      note: `Lambda Labs (${fmt(lambda, '$/h')}) costs this much more per hour than AWS on-demand (${fmt(awsOnDemand, '$/h')}); only RunPod is cheaper.`,
    }),
    claim({
      id: 'gpu.on-prem-inputs',
      line: 22,
      section: S.gpuCost,
      quote: 'On-Premise GPU: $20,000 upfront for H100 + $2,000/year electricity',
      article: '$20,000 + $2,000/year',
      isInput: true,
      note: 'Inputs of the on-premise arithmetic below.',
    }),
    value({
      id: 'gpu.on-prem-hours-per-year',
      line: 22,
      section: S.gpuCost,
      quote: 'Cheaper only if training >1,000 hours/year',
      article: '>1,000 hours/year',
      articleValue: 1000,
      engine: ownershipPerYear / runPod,
      unit: 'h/year',
      decimals: 1,
      note: `Owning costs $20,000 / 3 + $2,000 = ${fmt(ownershipPerYear, '$', 2)} a year over the article's 3 years; that buys this many hours at RunPod's ${fmt(runPod, '$/h')} (${fmt(ownershipPerYear / awsOnDemand, 'h/year', 1)} at AWS's ${fmt(awsOnDemand, '$/h')}). 1,000 h/year would need the purchase spread over about 41 years.`,
    }),
    value({
      id: 'gpu.13B-50K-hours',
      line: 23,
      section: S.gpuCost,
      quote: 'Sample costs for Llama 13B with 50K examples (10 GPU hours on H100)',
      article: '10 GPU hours',
      articleValue: 10,
      engine: ruleHours(50000, scaleOf('Llama 13B'), full),
      unit: 'h',
    }),
    ...(
      [
        ['AWS on-demand', 26, '$2.88', 2.88, '$28.80', 28.8],
        ['AWS spot', 27, '$0.86', 0.86, '$8.60', 8.6],
        ['RunPod on-demand', 28, '$2.49', 2.49, '$24.90', 24.9],
        ['Lambda Labs', 29, '$3.98', 3.98, '$39.80', 39.8],
        ['On-Premise (amortized)', 30, '$2.73', 2.73, '$27.30', 27.3],
      ] as const
    ).flatMap(([provider, line, rateText, rate, costText, cost]) => {
      const catalogName =
        provider === 'On-Premise (amortized)' ? 'On-premise (amortized)' : provider;
      const rowQuote = `| ${provider} | ${rateText} | ${costText} |`;
      return [
        value({
          id: `gpu.rate.${catalogName}`,
          line,
          section: S.gpuCost,
          quote: rowQuote,
          article: rateText,
          articleValue: rate,
          engine: price(catalogName),
          unit: '$/h',
          note:
            catalogName === 'On-premise (amortized)'
              ? `The article does not derive $2.73; at ${fmt(ownershipPerYear, '$', 2)} a year of ownership it corresponds to ${fmt(ownershipPerYear / price(catalogName), 'h/year', 1)} of use.`
              : '',
        }),
        value({
          id: `gpu.cost.${catalogName}`,
          line,
          section: S.gpuCost,
          quote: rowQuote,
          article: costText,
          articleValue: cost,
          engine: gpuCost(ruleHours(50000, scaleOf('Llama 13B'), full), price(catalogName)),
          unit: '$',
          note: '10 h × the rate.',
        }),
      ];
    }),
    (() => {
      const costs = BUILT_IN_CATALOG.providers.map((row) =>
        gpuCost(ruleHours(50000, scaleOf('Llama 13B'), full), row.pricePerGpuHour),
      );
      return value({
        id: 'gpu.cheapest-run',
        line: 31,
        section: S.gpuCost,
        quote: 'For a single fine-tuning run, RunPod at $24.90 wins',
        article: '$24.90 wins',
        articleValue: 24.9,
        engine: Math.min(...costs),
        unit: '$',
        note: "AWS spot ($8.60) is the cheapest row of the article's own table; RunPod is the cheapest on-demand row.",
      });
    })(),
    value({
      id: 'gpu.on-prem-runs-per-year',
      line: 31,
      section: S.gpuCost,
      quote: 'For repeated runs (10+ annually), on-premise breaks even',
      article: '10+ runs a year',
      articleValue: 10,
      engine: ownershipPerYear / gpuCost(ruleHours(50000, scaleOf('Llama 13B'), full), runPod),
      unit: 'runs/year',
      decimals: 1,
      note: `Runs (10 h, ${fmt(gpuCost(10, runPod), '$', 2)} at RunPod) a year whose rent equals owning (${fmt(ownershipPerYear, '$', 2)}/year). At the article's own amortized $2.73/h, owning is never cheaper per hour than RunPod's $2.49.`,
    }),

    // ---- Component 3: data preparation
    claim({
      id: 'data.collection',
      line: 34,
      section: S.dataPrep,
      quote: 'Data collection: $0-500',
      article: '$0-500',
      isInput: true,
      note: 'An input range (the scenario field "Data collection").',
    }),
    value({
      id: 'data.labeling',
      line: 35,
      section: S.dataPrep,
      quote: 'Data labeling: $500-5,000 (20 hours at $25-250/hour for manual labeling)',
      article: '$500-5,000',
      articleValue: [500, 5000],
      engine: [
        upfrontCost({ ...NO_UPFRONT, labelingHours: 20, labelingRate: 25 }),
        upfrontCost({ ...NO_UPFRONT, labelingHours: 20, labelingRate: 250 }),
      ],
      unit: '$',
      note: '20 h × $25 and 20 h × $250.',
    }),
    claim({
      id: 'data.cleaning',
      line: 36,
      section: S.dataPrep,
      quote: 'Data cleaning and formatting: $200-1,000 (4-8 hours of engineering)',
      article: '$200-1,000',
      note: 'No hourly rate given; the range implies $50–125/hour (200 / 4, 1,000 / 8). An input of the scenario ("Cleaning and formatting").',
    }),
    value({
      id: 'data.total',
      line: 37,
      section: S.dataPrep,
      quote: 'Total: $700-6,500',
      article: '$700-6,500',
      articleValue: [700, 6500],
      engine: [
        upfrontCost({ ...NO_UPFRONT, labelingHours: 20, labelingRate: 25, cleaningCost: 200 }),
        upfrontCost({
          ...NO_UPFRONT,
          dataCollectionCost: 500,
          labelingHours: 20,
          labelingRate: 250,
          cleaningCost: 1000,
        }),
      ],
      unit: '$',
      note: 'Low ends $0 + $500 + $200; high ends $500 + $5,000 + $1,000.',
    }),

    // ---- LoRA vs full, Llama 13B
    value({
      id: 'lora.hours',
      line: 44,
      section: S.lora,
      quote: '| LoRA | 0.5 hours | $1.25 | 16 GB | 98% of full |',
      article: '0.5 hours',
      articleValue: 0.5,
      engine: ruleHours(10000, scaleOf('Llama 13B'), lora),
      unit: 'h',
      note: "No dataset size is given; 10K examples fits (the hours table's 13B/10K cell is 2 h full). LoRA factor 0.25.",
    }),
    value({
      id: 'lora.cost',
      line: 44,
      section: S.lora,
      quote: '| LoRA | 0.5 hours | $1.25 |',
      article: '$1.25',
      articleValue: 1.25,
      engine: gpuCost(ruleHours(10000, scaleOf('Llama 13B'), lora), runPod),
      unit: '$',
      note: "0.5 h × RunPod's $2.49 = $1.245, which the article rounds up.",
    }),
    value({
      id: 'lora.memory',
      line: 44,
      section: S.lora,
      quote: '| $1.25 | 16 GB |',
      article: '16 GB',
      articleValue: 16,
      engine: memoryGb(13, index.method('method', 'LoRA')),
      unit: 'GB',
      decimals: 3,
      note: "13B frozen bf16 weights alone are 26 GB (2 B/param); plus 1% trainable adapters at 16 B/param and 20% for activations (catalog's cited rules). 16 GB cannot hold the weights.",
    }),
    claim({
      id: 'lora.quality',
      line: 44,
      section: S.lora,
      quote: '98% of full',
      article: '98% of full',
      note: 'A quality claim; no arithmetic to check.',
    }),
    value({
      id: 'full.hours',
      line: 45,
      section: S.lora,
      quote: '| Full Fine-Tuning | 2 hours | $5.00 | 80 GB | 100% baseline |',
      article: '2 hours',
      articleValue: 2,
      engine: ruleHours(10000, scaleOf('Llama 13B'), full),
      unit: 'h',
    }),
    value({
      id: 'full.cost',
      line: 45,
      section: S.lora,
      quote: '| Full Fine-Tuning | 2 hours | $5.00 |',
      article: '$5.00',
      articleValue: 5,
      articleDecimals: 2,
      engine: gpuCost(ruleHours(10000, scaleOf('Llama 13B'), full), runPod),
      unit: '$',
      note: "2 h × RunPod's $2.49 = $4.98; $5.00 implies $2.50/h.",
    }),
    value({
      id: 'full.memory',
      line: 45,
      section: S.lora,
      quote: '| $5.00 | 80 GB |',
      article: '80 GB',
      articleValue: 80,
      engine: memoryGb(13, index.method('method', 'full')),
      unit: 'GB',
      decimals: 3,
      note: "Mixed-precision AdamW needs 16 B/param (ZeRO, sec. 3.1): 208 GB for 13B before activations, plus 20%. 80 GB is one H100's memory.",
    }),
    value({
      id: 'lora.cheaper',
      line: 46,
      section: S.lora,
      quote: 'LoRA is 75% cheaper with 98% of the quality',
      article: '75% cheaper',
      articleValue: 0.75,
      engine:
        1 -
        gpuCost(ruleHours(10000, scaleOf('Llama 13B'), lora), runPod) /
          gpuCost(ruleHours(10000, scaleOf('Llama 13B'), full), runPod),
      unit: '%',
      note: 'Follows from the LoRA factor 0.25 (which is taken from this table).',
    }),
    claim({
      id: 'lora.large-dataset',
      line: 50,
      section: S.lora,
      quote: '100K+ examples benefit from full fine-tuning',
      article: '100K+ examples',
      note: 'A rule of thumb about quality; no arithmetic to check.',
    }),
    claim({
      id: 'lora.small-dataset',
      line: 55,
      section: S.lora,
      quote: 'Fine-tuning with <50K examples',
      article: '<50K examples',
      note: 'A rule of thumb about quality; no arithmetic to check.',
    }),

    // ---- Practical example 1 (the scenario's defaults)
    value({
      id: 'example1.examples',
      line: 57,
      section: S.example1,
      quote: 'fine-tune Llama 13B on 10,000 support conversations',
      article: '10,000 conversations',
      articleValue: 10000,
      engine: example1.resolved.input.examples,
      unit: 'examples',
      note: "The scenario's default.",
    }),
    value({
      id: 'example1.collection',
      line: 59,
      section: S.example1,
      quote: 'Data collection: 0 cost (existing support logs)',
      article: '0',
      articleValue: 0,
      engine: example1.resolved.input.dataCollectionCost,
      unit: '$',
    }),
    value({
      id: 'example1.labeling',
      line: 60,
      section: S.example1,
      quote: 'Data labeling: $1,000 (40 hours to format conversations)',
      article: '$1,000',
      articleValue: 1000,
      engine:
        example1.upfront.items.find((item) => item.label.startsWith('Labeling'))?.amount ?? NaN,
      unit: '$',
      note: 'The article gives 40 hours and $1,000: $25/hour, the rate of its full example. The scenario defaults to 40 h × $25.',
    }),
    value({
      id: 'example1.hours',
      line: 61,
      section: S.example1,
      quote: 'LoRA training: 0.5 hours × $2.49 (RunPod) = $1.25',
      article: '0.5 hours',
      articleValue: 0.5,
      engine: example1.training.h100Hours,
      unit: 'h',
    }),
    value({
      id: 'example1.gpu-cost',
      line: 61,
      section: S.example1,
      quote: 'LoRA training: 0.5 hours × $2.49 (RunPod) = $1.25',
      article: '$1.25',
      articleValue: 1.25,
      engine: example1.training.gpuCost,
      unit: '$',
      note: '0.5 × 2.49 = 1.245, rounded up.',
    }),
    value({
      id: 'example1.upfront',
      line: 62,
      section: S.example1,
      quote: 'Total: $1,001.25',
      article: '$1,001.25',
      articleValue: 1001.25,
      engine: example1Upfront,
      unit: '$',
      note: '$1,000 + $1.245.',
    }),
    value({
      id: 'example1.input-price',
      line: 65,
      section: S.example1,
      quote: 'Cost: $0.003 per 1K input tokens',
      article: '$0.003 per 1K input',
      articleValue: 0.003,
      engine: example1.resolved.api.inputPricePer1K,
      unit: '$',
      exact: true,
      note: 'Catalog row "Claude": $0.003 per 1K input tokens, a price below a cent, so shown exactly.',
    }),
    value({
      id: 'example1.output-price',
      line: 65,
      section: S.example1,
      quote: '$0.015 per 1K output tokens',
      article: '$0.015 per 1K output',
      articleValue: 0.015,
      engine: example1.resolved.api.outputPricePer1K,
      unit: '$',
      exact: true,
      note: 'Catalog row "Claude": $0.015 per 1K output tokens, a price below a cent, so shown exactly.',
    }),
    value({
      id: 'example1.per-request',
      line: 66,
      section: S.example1,
      quote: '~1,000 input tokens (question) + 300 output tokens = $0.005',
      article: '$0.005',
      articleValue: 0.005,
      engine: example1PerRequest,
      unit: '$',
      exact: true,
      note: "1,000/1,000 × $0.003 + 300/1,000 × $0.015 = $0.003 + $0.0045 = $0.0075. The article's $0.005 does not follow from its prices.",
    }),
    value({
      id: 'example1.monthly',
      line: 67,
      section: S.example1,
      quote: 'Monthly cost at 10,000 responses: $50/month',
      article: '$50/month',
      articleValue: 50,
      engine: example1.monthly.api,
      unit: '$',
      note: "10,000 × $0.0075. The article's $50 carries its $0.005 slip.",
    }),
    value({
      id: 'example1.yearly',
      line: 67,
      section: S.example1,
      quote: '$50/month = $600/year',
      article: '$600/year',
      articleValue: 600,
      engine: example1.timeline[12].cumulativeApi,
      unit: '$',
      note: '12 × $75 (cumulative API cost at month 12).',
    }),
    value({
      id: 'example1.cost-rounded',
      line: 69,
      section: S.example1,
      quote: 'Fine-tuning cost: $1,001',
      article: '$1,001',
      articleValue: 1001,
      engine: example1Upfront,
      unit: '$',
      note: '$1,001.245 to the dollar.',
    }),
    value({
      id: 'example1.two-year-savings',
      line: 70,
      section: S.example1,
      quote: 'API cost savings: $600/year × 2 years = $1,200 saved',
      article: '$1,200',
      articleValue: 1200,
      engine: roi(0, example1Savings, 24),
      unit: '$',
      note: "24 × $75 of API cost avoided (before the up-front cost); the article's figure carries the $0.005 slip.",
    }),
    value({
      id: 'example1.break-even',
      line: 71,
      section: S.example1,
      quote: 'Break-even: 20 months',
      article: '20 months',
      articleValue: 20,
      engine: example1BreakEven,
      unit: 'months',
      decimals: 2,
      note: `$1,001.245 / $75 a month. With the article's own $50/month it would be ${fmt(paysBack(breakEvenMonths(1001.25, 50)), 'months', 3)}; the slip is in the per-response price.`,
    }),
    value({
      id: 'example1.roi-36',
      line: 72,
      section: S.example1,
      quote: '3-year ROI: $800 profit',
      article: '$800',
      articleValue: 800,
      engine: example1.roi.months36,
      unit: '$',
      note: '36 × $75 − $1,001.245.',
    }),
    value({
      id: 'example1.savings-36',
      line: 72,
      section: S.example1,
      quote: '(save $1,800 vs spend $1,000)',
      article: 'save $1,800',
      articleValue: 1800,
      engine: roi(0, example1Savings, 36),
      unit: '$',
      note: '36 × $75 of API cost avoided.',
    }),
    value({
      id: 'example1.spend',
      line: 72,
      section: S.example1,
      quote: '(save $1,800 vs spend $1,000)',
      article: 'spend $1,000',
      articleValue: 1000,
      articleDecimals: -3,
      engine: example1Upfront,
      unit: '$',
      note: '$1,001.245 to the thousand.',
    }),
    value({
      id: 'example1.wins-after',
      line: 73,
      section: S.example1,
      quote: 'Fine-tuning wins if the service runs >18 months',
      article: '>18 months',
      articleValue: 18,
      engine: example1BreakEven,
      unit: 'months',
      decimals: 2,
      note: "Fine-tuning wins from the break-even month on: 13.35 by the engine, 20 by the article's own line 71. 18 agrees with neither.",
    }),

    // ---- Practical example 2
    claim({
      id: 'example2.paragraphs',
      line: 75,
      section: S.example2,
      quote: 'classify 100,000 contract paragraphs',
      article: '100,000 paragraphs',
      isInput: true,
      note: 'One "batch" of 100K predictions below.',
    }),
    value({
      id: 'example2.labeling',
      line: 78,
      section: S.example2,
      quote: 'Data labeling: $3,000 (120 hours to categorize and format 10K examples)',
      article: '$3,000',
      articleValue: 3000,
      engine: upfrontCost({ ...NO_UPFRONT, labelingHours: 120, labelingRate: 25 }),
      unit: '$',
      note: '120 h × $25.',
    }),
    claim({
      id: 'example2.hours',
      line: 79,
      section: S.example2,
      quote: 'LoRA training: 1 hour × $2.49 = $2.49',
      article: '1 hour',
      engine: sizeForOneHour,
      unit: 'B params',
      decimals: 2,
      note: `The example names no model. 1 h of LoRA on the 10K labelled examples needs scale 4.0, which the catalog's log-log interpolation gives at this size (√(13 × 70)); Llama 13B would take ${fmt(ruleHours(10000, scaleOf('Llama 13B'), lora), 'h')}.`,
    }),
    value({
      id: 'example2.gpu-cost',
      line: 79,
      section: S.example2,
      quote: 'LoRA training: 1 hour × $2.49 = $2.49',
      article: '$2.49',
      articleValue: 2.49,
      engine: gpuCost(1, runPod),
      unit: '$',
    }),
    value({
      id: 'example2.upfront',
      line: 80,
      section: S.example2,
      quote: 'Total: $3,002.49',
      article: '$3,002.49',
      articleValue: 3002.49,
      engine: example2Upfront,
      unit: '$',
    }),
    claim({
      id: 'example2.inference-price',
      line: 81,
      section: S.example2,
      quote: 'Inference cost: $0.001 per prediction',
      article: '$0.001 per prediction',
      isInput: true,
      note: 'The scenario field "Inference cost per request".',
    }),
    value({
      id: 'example2.finetuned-batch',
      line: 82,
      section: S.example2,
      quote: 'Cost for 100K predictions: $100',
      article: '$100',
      articleValue: 100,
      engine: example2FinetunedPerBatch,
      unit: '$',
    }),
    value({
      id: 'example2.per-request',
      line: 85,
      section: S.example2,
      quote: '~500 input tokens (paragraph) + 20 output tokens (category) = $0.0016',
      article: '$0.0016',
      articleValue: 0.0016,
      engine: example2Request,
      unit: '$',
      exact: true,
      note: "At example 1's Claude prices: 500/1,000 × $0.003 + 20/1,000 × $0.015 = $0.0015 + $0.0003 = $0.0018.",
    }),
    value({
      id: 'example2.api-batch',
      line: 86,
      section: S.example2,
      quote: 'Cost for 100K predictions: $160',
      article: '$160',
      articleValue: 160,
      engine: example2ApiPerBatch,
      unit: '$',
      note: '100,000 × $0.0018.',
    }),
    value({
      id: 'example2.upfront-rounded',
      line: 88,
      section: S.example2,
      quote: 'Fine-tuning upfront: $3,000',
      article: '$3,000',
      articleValue: 3000,
      articleDecimals: -2,
      engine: example2Upfront,
      unit: '$',
      note: 'The article drops the $2.49 GPU run here.',
    }),
    value({
      id: 'example2.savings-batch',
      line: 89,
      section: S.example2,
      quote: 'Per-project savings: $160 - $100 = $60 per 100K documents',
      article: '$60',
      articleValue: 60,
      engine: example2SavingsPerBatch,
      unit: '$',
      note: '$180 − $100; the article carries its $0.0016 slip.',
    }),
    value({
      id: 'example2.break-even-batches',
      line: 90,
      section: S.example2,
      quote: 'Break-even: 50 classification batches = $3,000 ÷ $60 = 50 batches',
      article: '50 batches',
      articleValue: 50,
      engine: example2BreakEvenBatches,
      unit: 'batches',
      decimals: 2,
      note: '$3,002.49 / $80 per batch.',
    }),
    value({
      id: 'example2.break-even-1-per-month',
      line: 91,
      section: S.example2,
      quote: 'At 1 batch/month, break-even is 50 months (not viable)',
      article: '50 months',
      articleValue: 50,
      engine: example2BreakEvenBatches,
      unit: 'months',
      decimals: 2,
      note: 'One batch a month: as many months as batches.',
    }),
    value({
      id: 'example2.break-even-4-per-month',
      line: 92,
      section: S.example2,
      quote: 'At 4 batches/month, break-even is 12.5 months (viable)',
      article: '12.5 months',
      articleValue: 12.5,
      engine: example2BreakEvenAt4,
      unit: 'months',
      decimals: 2,
      note: '$3,002.49 / (4 × $80).',
    }),
    claim({
      id: 'example2.batches-threshold',
      line: 93,
      section: S.example2,
      quote: 'high-volume classification (4+ batches monthly)',
      article: '4+ batches/month',
      engine: example2BreakEvenBatches / 12,
      unit: 'batches/month',
      decimals: 2,
      holds: example2BreakEvenBatches / 12 <= 4,
      note: '"Viable" is not defined; taken as paying back within 12 months (the conclusion\'s horizon), which takes this many batches a month (37.53 / 12), so 4 a month is enough.',
    }),

    // ---- Practical example 3
    value({
      id: 'example3.labeling',
      line: 98,
      section: S.example3,
      quote: 'Data labeling: $500 (20 hours to format 5K code examples as input-output pairs)',
      article: '$500',
      articleValue: 500,
      engine: upfrontCost({ ...NO_UPFRONT, labelingHours: 20, labelingRate: 25 }),
      unit: '$',
      note: '20 h × $25.',
    }),
    value({
      id: 'example3.hours',
      line: 99,
      section: S.example3,
      quote: 'LoRA training: 0.25 hours × $2.49 = $0.62',
      article: '0.25 hours',
      articleValue: 0.25,
      engine: example3Hours,
      unit: 'h',
      note: '0.0001 × 5,000 × 1.0 (7B) × 0.25 (LoRA) = 0.125 h; 0.25 h would be 10K examples.',
    }),
    value({
      id: 'example3.gpu-cost',
      line: 99,
      section: S.example3,
      quote: 'LoRA training: 0.25 hours × $2.49 = $0.62',
      article: '$0.62',
      articleValue: 0.62,
      engine: example3Run,
      unit: '$',
      note: "0.125 h × $2.49; the article's 0.25 × 2.49 = 0.6225 carries its hours slip.",
    }),
    claim({
      id: 'example3.hardware',
      line: 100,
      section: S.example3,
      quote: 'Run Ollama locally on RTX 4090 ($500 upfront, $0 inference)',
      article: '$500 upfront, $0 inference',
      isInput: true,
      note: 'Scenario fields "Hardware bought" and "Inference cost per request".',
    }),
    value({
      id: 'example3.upfront',
      line: 101,
      section: S.example3,
      quote: 'Total: $1,000.62',
      article: '$1,000.62',
      articleValue: 1000.62,
      engine: example3Upfront,
      unit: '$',
      note: '$500 labeling + $0.31125 GPU + $500 RTX 4090.',
    }),
    claim({
      id: 'example3.per-request',
      line: 104,
      section: S.example3,
      quote: '~300 input tokens (prompt) + 800 output tokens (code) = $0.001',
      article: '$0.001',
      engine: apiCostPerRequest(300, 800, grok.inputPricePer1K, grok.outputPricePer1K),
      unit: '$',
      decimals: 5,
      exact: true,
      isInput: true,
      note: "The article gives no Grok token prices, so its $0.001 is an input; the rows below keep it. The engine's value is at the catalog's Grok row (xAI grok-code-fast-1, $0.20/$1.50 per 1M tokens, 2025-08-28): 0.3 × $0.0002 + 0.8 × $0.0015 = $0.00126.",
    }),
    value({
      id: 'example3.monthly',
      line: 105,
      section: S.example3,
      quote: 'Cost at 100 generations/month: $100/month',
      article: '$100/month',
      articleValue: 100,
      engine: example3Monthly,
      unit: '$',
      note: '100 × $0.001 = $0.10 a month, not $100 (off by a factor of 1,000).',
    }),
    value({
      id: 'example3.yearly',
      line: 105,
      section: S.example3,
      quote: '$100/month = $1,200/year',
      article: '$1,200/year',
      articleValue: 1200,
      engine: roi(0, example3Savings, 12),
      unit: '$',
      note: '12 × $0.10.',
    }),
    value({
      id: 'example3.upfront-rounded',
      line: 107,
      section: S.example3,
      quote: 'Fine-tuning upfront: $1,001',
      article: '$1,001',
      articleValue: 1001,
      engine: example3Upfront,
      unit: '$',
      note: 'From the 0.125 h run: $1,000.31 to the dollar is $1,000.',
    }),
    value({
      id: 'example3.annual-savings',
      line: 108,
      section: S.example3,
      quote: 'Annual API savings: $1,200',
      article: '$1,200',
      articleValue: 1200,
      engine: roi(0, example3Savings, 12),
      unit: '$',
      note: 'Inference is $0, so the savings are the API cost: 12 × $0.10.',
    }),
    value({
      id: 'example3.break-even',
      line: 109,
      section: S.example3,
      quote: 'Break-even: 10 months',
      article: '10 months',
      articleValue: 10,
      engine: example3BreakEven,
      unit: 'months',
      decimals: 2,
      note: '$1,000.31125 / $0.10 a month (about 834 years).',
    }),
    value({
      id: 'example3.three-year',
      line: 110,
      section: S.example3,
      quote: '3-year savings: $2,600',
      article: '$2,600',
      articleValue: 2600,
      engine: roi(example3Upfront, example3Savings, 36),
      unit: '$',
      note: '36 × $0.10 − $1,000.31125: a loss.',
    }),
    value({
      id: 'example3.snippets-threshold',
      line: 111,
      section: S.example3,
      quote: 'Fine-tuning makes sense if you generate >50 code snippets monthly',
      article: '>50 snippets/month',
      articleValue: 50,
      engine: paysBack(breakEvenMonths(example3Upfront, 36 * 0.001)),
      unit: 'snippets/month',
      decimals: 1,
      note: `Snippets a month at $0.001 that pay $1,000.31 back within 3 years. At 50 a month break-even takes ${fmt(paysBack(breakEvenMonths(example3Upfront, apiMonthlyCost(50, 0.001))), 'months', 1)}.`,
    }),

    // ---- On-premise
    claim({
      id: 'onprem.purchase',
      line: 114,
      section: S.onPrem,
      quote: 'H100 Purchase: $20,000',
      article: '$20,000',
      isInput: true,
      note: 'Input of the on-premise arithmetic (the same $20,000 as line 22).',
    }),
    value({
      id: 'onprem.rent-rate',
      line: 115,
      section: S.onPrem,
      quote: 'Rent H100 from RunPod at $2.49/hour',
      article: '$2.49/hour',
      articleValue: 2.49,
      engine: runPod,
      unit: '$/h',
    }),
    claim({
      id: 'onprem.equation',
      line: 117,
      section: S.onPrem,
      quote: '$20,000 = X hours × $2.49/hour',
      article: '$20,000 = X × $2.49',
      isInput: true,
      note: 'The equation solved on the next line (purchase / hourly rent; no electricity).',
    }),
    value({
      id: 'onprem.break-even-hours',
      line: 118,
      section: S.onPrem,
      quote: 'X = 8,032 hours',
      article: '8,032 hours',
      articleValue: 8032,
      engine: onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, 0),
      unit: 'h',
      decimals: 2,
      note: `$20,000 / $2.49, electricity left out; with 3 years of $2,000 electricity (line 125) it is ${fmt(onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, ownedYears), 'h', 1)}.`,
    }),
    value({
      id: 'onprem.days',
      line: 119,
      section: S.onPrem,
      quote: 'That’s 1 fine-tuning per day for 8,000 days',
      article: '8,000 days',
      articleValue: 8000,
      articleDecimals: -2,
      engine: onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, 0),
      unit: 'days',
      decimals: 2,
      note: 'One 1-hour run a day: as many days as hours.',
    }),
    value({
      id: 'onprem.years',
      line: 119,
      section: S.onPrem,
      quote: '(22 years of continuous training)',
      article: '22 years',
      articleValue: 22,
      engine: onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, 0) / 365,
      unit: 'years',
      decimals: 3,
      note: `At one 1-hour run a day. Continuous training (24 h a day) would use 8,032 h in ${fmt(onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, 0) / (24 * 365), 'years', 2)}.`,
    }),
    value({
      id: 'onprem.3-monthly',
      line: 122,
      section: S.onPrem,
      quote: '3 fine-tunings × 2 hours × $2.49 = $14.94/month',
      article: '$14.94/month',
      articleValue: 14.94,
      engine: gpuCost(3 * 2, runPod),
      unit: '$',
    }),
    value({
      id: 'onprem.3-yearly',
      line: 123,
      section: S.onPrem,
      quote: '12 months × $14.94 = $179/year',
      article: '$179/year',
      articleValue: 179,
      engine: gpuCost(12 * 3 * 2, runPod),
      unit: '$',
      note: '12 × $14.94 = $179.28, to the dollar.',
    }),
    value({
      id: 'onprem.3-three-year',
      line: 124,
      section: S.onPrem,
      quote: '3-year rental: $537',
      article: '$537',
      articleValue: 537,
      engine: gpuCost(36 * 3 * 2, runPod),
      unit: '$',
      note: '36 × $14.94 = $537.84; the article multiplies its rounded $179 by 3.',
    }),
    value({
      id: 'onprem.electricity',
      line: 125,
      section: S.onPrem,
      quote: '$20,000 + $6,000 electricity = $26,000',
      article: '$6,000 electricity',
      articleValue: 6000,
      engine: ownershipCostPerYear(0, electricityPerYear, ownedYears) * ownedYears,
      unit: '$',
    }),
    value({
      id: 'onprem.purchase-total',
      line: 125,
      section: S.onPrem,
      quote: '$20,000 + $6,000 electricity = $26,000',
      article: '$26,000',
      articleValue: 26000,
      engine: ownershipPerYear * ownedYears,
      unit: '$',
    }),
    claim({
      id: 'onprem.3-not-worth',
      line: 126,
      section: S.onPrem,
      quote: 'Still not worth it for 3 fine-tunings monthly',
      article: '3 a month: not worth it',
      engine: onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, ownedYears) / (36 * 2),
      unit: 'runs/month',
      decimals: 2,
      holds:
        3 < onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, ownedYears) / (36 * 2),
      note: 'Owning for 3 years pays off only above this many 2-hour runs a month ($26,000 / (36 × 2 h × $2.49)).',
    }),
    value({
      id: 'onprem.break-even-runs',
      line: 127,
      section: S.onPrem,
      quote: 'Break-even scenario: 20+ fine-tunings monthly',
      article: '20+ a month',
      articleValue: 20,
      engine: onPremBreakEvenHours(h100Purchase, runPod, electricityPerYear, ownedYears) / (36 * 2),
      unit: 'runs/month',
      decimals: 2,
      note: "The article's own next lines ($1,195 rent vs $8,667 a year) show 20 a month is not a break-even; these many 2-hour runs a month are.",
    }),
    value({
      id: 'onprem.20-monthly',
      line: 128,
      section: S.onPrem,
      quote: '20 fine-tunings × 2 hours × $2.49 = $99.60/month',
      article: '$99.60/month',
      articleValue: 99.6,
      engine: gpuCost(20 * 2, runPod),
      unit: '$',
    }),
    value({
      id: 'onprem.20-yearly',
      line: 129,
      section: S.onPrem,
      quote: 'Annual rental: $1,195',
      article: '$1,195',
      articleValue: 1195,
      engine: gpuCost(12 * 20 * 2, runPod),
      unit: '$',
      note: '12 × $99.60 = $1,195.20.',
    }),
    value({
      id: 'onprem.amortized-yearly',
      line: 130,
      section: S.onPrem,
      quote: 'Purchase amortized over 3 years: $8,667/year',
      article: '$8,667/year',
      articleValue: 8667,
      engine: ownershipPerYear,
      unit: '$',
      decimals: 2,
      note: '$20,000 / 3 + $2,000 electricity (the purchase alone is $6,666.67 a year).',
    }),
    claim({
      id: 'onprem.rental-cheaper',
      line: 131,
      section: S.onPrem,
      quote: 'Even at high volume, rental is cheaper',
      article: 'rental is cheaper at 20 a month',
      engine: gpuCost(12 * 20 * 2, runPod),
      unit: '$',
      decimals: 2,
      holds: gpuCost(12 * 20 * 2, runPod) < ownershipPerYear,
      note: `True at 20 runs a month ($1,195.20 < ${fmt(ownershipPerYear, '$', 2)} a year); above about 145 runs a month owning is cheaper.`,
    }),

    // ---- Model size table: no basis stated; taken as the LoRA-vs-full table's.
    ...(
      [
        ['7B', 137, 7, '$1', 1, '8 GB', 8],
        ['13B', 138, 13, '$5', 5, '16 GB', 16],
        ['70B', 139, 70, '$30', 30, '48 GB', 48],
        ['405B', 140, 405, '$200', 200, '80 GB', 80],
      ] as const
    ).flatMap(([size, line, params, costText, cost, memoryText, memory]) => {
      const model = `Llama ${size}`;
      const rowQuote = `| ${model} | ${costText} | ${memoryText} |`;
      return [
        value({
          id: `size.cost.${size}`,
          line,
          section: S.modelSize,
          quote: rowQuote,
          article: costText,
          articleValue: cost,
          engine: gpuCost(ruleHours(10000, scaleOf(model), full), runPod),
          unit: '$',
          note:
            size === '13B'
              ? "No dataset, method or price is stated; taken as the LoRA-vs-full table's basis (full, 10K examples, $2.49/h), where 13B costs $5."
              : "Same basis as 13B. The article's $1:$5:$30:$200 does not follow its own scale factors 1:2:8:50.",
        }),
        value({
          id: `size.memory.${size}`,
          line,
          section: S.modelSize,
          quote: rowQuote,
          article: memoryText,
          articleValue: memory,
          engine: memoryGb(params, index.method('method', 'LoRA')),
          unit: 'GB',
          decimals: 3,
          note: `LoRA keeps the frozen base in bf16: the weights alone are ${params * 2} GB (2 B/param), before adapters and activations.${size === '405B' ? ` Even QLoRA (4-bit) needs ${fmt(memoryGb(params, index.method('method', 'QLoRA')), 'GB', 1)}.` : ''}`,
        }),
      ];
    }),

    // ---- Managed fine-tuning
    value({
      id: 'managed.price',
      line: 145,
      section: S.managed,
      quote: 'Training cost: $25 per 1M tokens in training data',
      article: '$25 per 1M tokens',
      articleValue: 25,
      engine: articleManaged.pricePer1MTrainingTokens,
      unit: '$',
      note: 'Catalog row "OpenAI GPT-4 fine-tuning".',
    }),
    value({
      id: 'managed.tokens',
      line: 146,
      section: S.managed,
      quote: '10K examples × 500 tokens = 5M tokens = $125',
      article: '5M tokens',
      articleValue: 5000000,
      engine: trainingTokens(10000, 500, 1),
      unit: 'tokens',
      note: 'One epoch.',
    }),
    value({
      id: 'managed.cost',
      line: 146,
      section: S.managed,
      quote: '10K examples × 500 tokens = 5M tokens = $125',
      article: '$125',
      articleValue: 125,
      engine: managedTrainingCost(
        trainingTokens(10000, 500, 1),
        articleManaged.pricePer1MTrainingTokens,
      ),
      unit: '$',
    }),
    value({
      id: 'managed.inference-prices',
      line: 147,
      section: S.managed,
      quote: 'Inference cost: $0.03 per 1K input, $0.06 per 1K output',
      article: '$0.03 / $0.06 per 1K',
      articleValue: [0.03, 0.06],
      engine: [gpt4FineTuned.inputPricePer1K, gpt4FineTuned.outputPricePer1K],
      unit: '$',
      shape: 'list',
      note: 'Catalog row "GPT-4 fine-tuned".',
    }),
    claim({
      id: 'managed.premium-vs-base',
      line: 147,
      section: S.managed,
      quote: '(3x premium vs base model)',
      article: '3x',
      note: "The base model's price is not given; no arithmetic to check. Against the article's Claude prices the premium is 10x (input) and 4x (output).",
    }),
    value({
      id: 'managed.total',
      line: 148,
      section: S.managed,
      quote: 'Total: $125 upfront + higher per-request costs',
      article: '$125',
      articleValue: 125,
      engine: managedTrainingCost(
        trainingTokens(10000, 500, 1),
        articleManaged.pricePer1MTrainingTokens,
      ),
      unit: '$',
    }),
    claim({
      id: 'managed.anthropic-expected',
      line: 151,
      section: S.managed,
      quote: 'Expected: Similar to OpenAI’s model ($20-30 per 1M tokens)',
      article: '$20-30 per 1M tokens',
      note: 'A forecast; no arithmetic to check. Not in the catalog.',
    }),
    claim({
      id: 'managed.per-request-premium',
      line: 152,
      section: S.managed,
      quote: 'add 2-3x to per-request costs',
      article: '2-3x',
      engine:
        apiCostPerRequest(
          1000,
          300,
          gpt4FineTuned.inputPricePer1K,
          gpt4FineTuned.outputPricePer1K,
        ) / example1PerRequest,
      unit: 'x',
      decimals: 2,
      holds: (() => {
        const ratio =
          apiCostPerRequest(
            1000,
            300,
            gpt4FineTuned.inputPricePer1K,
            gpt4FineTuned.outputPricePer1K,
          ) / example1PerRequest;
        return ratio >= 2 && ratio <= 3;
      })(),
      note: "Example 1's request (1,000 in + 300 out) at the fine-tuned GPT-4 prices ($0.048) over the same request at Claude's ($0.0075).",
    }),

    // ---- The full example
    value({
      id: 'full-example.hours',
      line: 155,
      section: S.fullExample,
      quote: 'GPU training (10 hours × $2.49): $24.90',
      article: '10 hours',
      articleValue: 10,
      engine: fullExampleHours,
      unit: 'h',
      note: '13B, 50K examples, full fine-tuning.',
    }),
    value({
      id: 'full-example.gpu-cost',
      line: 155,
      section: S.fullExample,
      quote: 'GPU training (10 hours × $2.49): $24.90',
      article: '$24.90',
      articleValue: 24.9,
      engine: gpuCost(fullExampleHours, runPod),
      unit: '$',
    }),
    value({
      id: 'full-example.data-prep',
      line: 156,
      section: S.fullExample,
      quote: 'Data preparation (50 hours at $25/hr): $1,250',
      article: '$1,250',
      articleValue: 1250,
      engine: upfrontCost({ ...NO_UPFRONT, labelingHours: 50, labelingRate: 25 }),
      unit: '$',
    }),
    value({
      id: 'full-example.experimentation',
      line: 157,
      section: S.fullExample,
      quote: 'Experimentation/debugging (10 hours at $50/hr): $500',
      article: '$500',
      articleValue: 500,
      engine: upfrontCost({ ...NO_UPFRONT, engineeringHours: 10, engineeringRate: 50 }),
      unit: '$',
    }),
    claim({
      id: 'full-example.deployment',
      line: 158,
      section: S.fullExample,
      quote: 'Deployment & monitoring setup: $200',
      article: '$200',
      isInput: true,
      note: 'The scenario field "Deployment and monitoring setup".',
    }),
    value({
      id: 'full-example.total',
      line: 159,
      section: S.fullExample,
      quote: 'Total: $1,974.90',
      article: '$1,974.90',
      articleValue: 1974.9,
      engine: fullExampleUpfront,
      unit: '$',
    }),
    claim({
      id: 'full-example.true-cost',
      line: 164,
      section: S.fullExample,
      quote: 'True cost is likely $3,000-5,000',
      article: '$3,000-5,000',
      note: 'The overhead is not itemised; no arithmetic to check.',
    }),
    value({
      id: 'full-example.api-yearly',
      line: 165,
      section: S.fullExample,
      quote: 'Compare to API costs: $600/year for Claude',
      article: '$600/year',
      articleValue: 600,
      engine: example1.timeline[12].cumulativeApi,
      unit: '$',
      note: "Example 1's API cost for a year: 12 × $75 (the article carries its $0.005 slip).",
    }),
    claim({
      id: 'full-example.two-years',
      line: 165,
      section: S.fullExample,
      quote: 'only worth it if you’re training for a product that runs 2+ years',
      article: '2+ years',
      engine: fullExampleBreakEven,
      unit: 'months',
      decimals: 2,
      holds: fullExampleBreakEven >= 24,
      note: `$1,974.90 / example 1's $75 a month: over 2 years, as the article says (its own $50/month would give ${fmt(paysBack(breakEvenMonths(fullExampleUpfront, 50)), 'months', 1)}).`,
    }),

    // ---- The calculator
    value({
      id: 'calculator.dataset-range',
      line: 169,
      section: S.calculator,
      quote: 'Specifying dataset size (5K-500K examples)',
      article: '5K-500K',
      articleValue: [5000, 500000],
      engine: [Math.min(...MATRIX_DATASET_SIZES), Math.max(...MATRIX_DATASET_SIZES)],
      unit: 'examples',
      note: "The scenario's model × dataset-size matrix.",
    }),
    value({
      id: 'calculator.models',
      line: 168,
      section: S.calculator,
      quote: 'Selecting your model (7B, 13B, 70B, 405B)',
      article: '7B, 13B, 70B, 405B',
      articleValue: [7, 13, 70, 405],
      engine: BUILT_IN_CATALOG.models.map((model) => model.paramsBillions),
      unit: 'B params',
      shape: 'list',
      note: 'Catalog models; any other size is interpolated.',
    }),
    value({
      id: 'calculator.roi-horizon',
      line: 176,
      section: S.calculator,
      quote: 'ROI projection for 3 years',
      article: '3 years',
      articleValue: 36,
      engine: DEFAULT_SCENARIO.horizonMonths,
      unit: 'months',
      note: "The scenario's default horizon.",
    }),

    // ---- Conclusion: thresholds, tested on example 1's costs
    claim({
      id: 'conclusion.fine-tune-above-100k',
      line: 179,
      section: S.conclusion,
      quote: 'You make >100K requests monthly to APIs',
      article: '>100K requests/month',
      engine: example1BreakEvenAt(ARTICLE_VOLUME.fineTuneAbove),
      unit: 'months',
      decimals: 3,
      holds: example1BreakEvenAt(ARTICLE_VOLUME.fineTuneAbove) <= 12,
      note: `Example 1's break-even at 100K requests a month. By example 1's costs, ${fmt(example1RequestsFor12Months, 'requests/month', 0)} already pay back within 12 months.`,
    }),
    claim({
      id: 'conclusion.runs-12-months',
      line: 181,
      section: S.conclusion,
      quote: 'Your model will run >12 months continuously',
      article: '>12 months',
      engine: example1.roi.months12,
      unit: '$',
      note: "A rule of thumb; it depends on volume. Example 1's ROI at 12 months is this (break-even 13.35 months).",
    }),
    claim({
      id: 'conclusion.upfront-range',
      line: 182,
      section: S.conclusion,
      quote: 'You can afford $1K-5K upfront investment',
      article: '$1K-5K',
      engine: workedUpfrontRange,
      unit: '$',
      holds: workedUpfronts.every((amount) => amount >= 1000 && amount <= 5000),
      note: "The engine's up-front cost of the four worked cases; all inside $1K–5K (line 1 says $500–5,000).",
    }),
    claim({
      id: 'conclusion.api-below-50k',
      line: 184,
      section: S.conclusion,
      quote: 'You make <50K requests monthly',
      article: '<50K requests/month',
      engine: example1BreakEvenAt(ARTICLE_VOLUME.apiBelow),
      unit: 'months',
      decimals: 3,
      holds: example1BreakEvenAt(ARTICLE_VOLUME.apiBelow) > 12,
      note: `Example 1's break-even at 50K requests a month: fine-tuning pays back in under 3 months there, so "use APIs below 50K" does not follow from the article's own costs (payback within 12 months from ${fmt(example1RequestsFor12Months, 'requests/month', 0)}).`,
    }),
    claim({
      id: 'conclusion.short-projects',
      line: 186,
      section: S.conclusion,
      quote: 'Your project has <6 month timeline',
      article: '<6 months',
      engine: example1BreakEven,
      unit: 'months',
      decimals: 2,
      holds: example1BreakEven > 6,
      note: "Example 1's break-even: a project shorter than 6 months would not recover it.",
    }),
    claim({
      id: 'conclusion.scale-500k',
      line: 188,
      section: S.conclusion,
      quote: 'Reserve fine-tuning for scale (>500K requests/month)',
      article: '>500K requests/month',
      engine: example1BreakEvenAt(500000),
      unit: 'months',
      decimals: 3,
      holds: example1BreakEvenAt(500000) <= 12,
      note: `Example 1's break-even at 500K requests a month (about 8 days). Fine-tuning also pays at far lower volume: ${fmt(example1RequestsFor12Months, 'requests/month', 0)} pay back within 12 months.`,
    }),
  ];
  return figures;
}
