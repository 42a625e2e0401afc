import { firstOfNextMonth } from './dates';
import type { NumberRule } from './numbers';

/** Everything a scenario is computed from. Every field has a default. */
export interface ScenarioInput {
  model: string | number;
  method: string;
  examples: number;
  tokensPerExample: number;
  epochs: number;
  mfu: number;
  provider: string | number;
  api: string;
  /** $ per 1K input tokens; blank takes the chosen API's catalog price. */
  apiInputPricePer1K: number | '';
  /** $ per 1K output tokens; blank takes the chosen API's catalog price. */
  apiOutputPricePer1K: number | '';
  requestsPerMonth: number;
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
  finetunedCostPerRequest: number;
  finetunedMonthlyHosting: number;
  dataCollectionCost: number;
  labelingHours: number;
  labelingRate: number;
  cleaningCost: number;
  experimentRuns: number;
  engineeringHours: number;
  engineeringRate: number;
  deploymentCost: number;
  hardwareCost: number;
  horizonMonths: number;
  /** Growth of the monthly volume (and so of the savings), e.g. 0.05 for 5% a month. */
  monthlyGrowthRate: number;
  /** The cost of money per year, e.g. 0.1 for 10%: later savings count for less. */
  annualDiscountRate: number;
  /** The managed fine-tuning service priced beside the self-hosted path (a catalog row). */
  managedService: string;
  /** Months between retrains when data drifts (0: never); each costs a run and a refresh. */
  retrainEveryMonths: number;
  /** What refreshing the data costs for each retrain, in dollars. */
  dataRefreshCost: number;
  /** Engineering hours a month watching the model in production (at the engineering rate). */
  monitoringHoursPerMonth: number;
  /**
   * Issue 20: the day month 0 starts (YYYY-MM-DD): month 0's costs fall on it, month k's
   * flows on EDATE(start, k); the horizon's last day is EDATE(start, horizon) - 1.
   */
  startDate: string;
  /**
   * Where the training hours come from (issue 19): "rule" (the article's), "compute-bound"
   * (at the MFU above) or "calibrated" (at the MFU the catalog's measured runs imply); blank
   * is calibrated when a run applies, else the rule.
   */
  hoursFrom: HoursFrom | '';
}

/** The choices of the Hours from input. */
export const HOURS_FROM = ['rule', 'compute-bound', 'calibrated'] as const;
export type HoursFrom = (typeof HOURS_FROM)[number];

export type ScenarioField = keyof ScenarioInput;

/** How a field is read: a catalog name (or number) or a number with a rule. */
export type FieldKind =
  | 'model'
  | 'method'
  | 'provider'
  | 'api'
  | 'managed'
  | 'number'
  | 'optionalNumber'
  | 'months'
  | 'date'
  | 'hoursFrom';

/** How a value is shown: drives number formats in the sheet and the sidebar. */
export type FieldUnit =
  'text' | 'usd' | 'usdPrice' | 'hours' | 'count' | 'months' | 'ratio' | 'date';

export interface FieldSpec {
  readonly key: ScenarioField;
  readonly label: string;
  readonly group: string;
  readonly kind: FieldKind;
  readonly rule: NumberRule;
  readonly unit: FieldUnit;
  readonly help: string;
}

/** The longest timeline a scenario draws (50 years). */
export const MAX_HORIZON_MONTHS = 600;

/**
 * Defaults: the article's customer-support example (Practical Example 1): Llama
 * 13B, 10,000 examples, LoRA on RunPod, 40 labeling hours for $1,000, Claude at
 * 10,000 responses a month of 1,000 input + 300 output tokens, 36 months.
 */
export const DEFAULT_SCENARIO: Readonly<ScenarioInput> = {
  model: 'Llama 13B',
  method: 'LoRA',
  examples: 10000,
  tokensPerExample: 500,
  epochs: 1,
  mfu: 0.35,
  provider: 'RunPod on-demand',
  api: 'Claude',
  apiInputPricePer1K: '',
  apiOutputPricePer1K: '',
  requestsPerMonth: 10000,
  inputTokensPerRequest: 1000,
  outputTokensPerRequest: 300,
  finetunedCostPerRequest: 0,
  finetunedMonthlyHosting: 0,
  dataCollectionCost: 0,
  labelingHours: 40,
  labelingRate: 25,
  cleaningCost: 0,
  experimentRuns: 0,
  engineeringHours: 0,
  engineeringRate: 50,
  deploymentCost: 0,
  hardwareCost: 0,
  horizonMonths: 36,
  monthlyGrowthRate: 0,
  annualDiscountRate: 0,
  managedService: 'Fireworks',
  retrainEveryMonths: 0,
  dataRefreshCost: 0,
  monitoringHoursPerMonth: 0,
  // The first of next month when the scenario is made (the script loads for each run).
  startDate: firstOfNextMonth(new Date()),
  hoursFrom: '',
};

const MODEL = 'Model & method';
const DATA = 'Training data';
const GPU = 'GPU provider';
const API = 'API path';
const RUNNING = 'Fine-tuned running cost';
const UPFRONT = 'Up-front costs';
const HORIZON = 'Horizon';
const RECURRING = 'Recurring costs the article leaves out';

/** The scenario's fields in form order: the sidebar and the sheet's Inputs block both use this. */
export const SCENARIO_FIELDS: readonly FieldSpec[] = [
  {
    key: 'model',
    label: 'Model',
    group: MODEL,
    kind: 'model',
    rule: 'positive',
    unit: 'text',
    help: 'A catalog model, or a size in billions such as 8',
  },
  {
    key: 'method',
    label: 'Method',
    group: MODEL,
    kind: 'method',
    rule: 'positive',
    unit: 'text',
    help: 'full, LoRA or QLoRA',
  },
  {
    key: 'examples',
    label: 'Training examples',
    group: DATA,
    kind: 'number',
    rule: 'positive',
    unit: 'count',
    help: 'Examples in the training set',
  },
  {
    key: 'tokensPerExample',
    label: 'Tokens per example',
    group: DATA,
    kind: 'number',
    rule: 'positive',
    unit: 'count',
    help: 'For the compute-bound estimate',
  },
  {
    key: 'epochs',
    label: 'Epochs',
    group: DATA,
    kind: 'number',
    rule: 'positive',
    unit: 'count',
    help: 'Passes over the data (compute-bound estimate)',
  },
  {
    key: 'mfu',
    label: 'Model FLOPs utilization',
    group: DATA,
    kind: 'number',
    rule: 'fraction',
    unit: 'ratio',
    help: 'Share of peak FLOPS reached; 0.3 to 0.5 is typical',
  },
  {
    key: 'provider',
    label: 'GPU provider',
    group: GPU,
    kind: 'provider',
    rule: 'nonNegative',
    unit: 'text',
    help: 'A catalog provider, or $ per H100-hour',
  },
  {
    key: 'api',
    label: 'API',
    group: API,
    kind: 'api',
    rule: 'nonNegative',
    unit: 'text',
    help: 'The API the fine-tuned model replaces',
  },
  {
    key: 'apiInputPricePer1K',
    label: 'Input price ($ per 1K tokens)',
    group: API,
    kind: 'optionalNumber',
    rule: 'nonNegative',
    unit: 'usdPrice',
    help: "Blank: the API's catalog price",
  },
  {
    key: 'apiOutputPricePer1K',
    label: 'Output price ($ per 1K tokens)',
    group: API,
    kind: 'optionalNumber',
    rule: 'nonNegative',
    unit: 'usdPrice',
    help: "Blank: the API's catalog price",
  },
  {
    key: 'requestsPerMonth',
    label: 'Requests per month',
    group: API,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'count',
    help: 'Requests the API would serve each month',
  },
  {
    key: 'inputTokensPerRequest',
    label: 'Input tokens per request',
    group: API,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'count',
    help: '',
  },
  {
    key: 'outputTokensPerRequest',
    label: 'Output tokens per request',
    group: API,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'count',
    help: '',
  },
  {
    key: 'finetunedCostPerRequest',
    label: 'Inference cost per request ($)',
    group: RUNNING,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usdPrice',
    help: 'The article uses $0.001 for a local or RunPod model',
  },
  {
    key: 'finetunedMonthlyHosting',
    label: 'Monthly hosting ($)',
    group: RUNNING,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: 'Fixed cost of serving the model',
  },
  {
    key: 'dataCollectionCost',
    label: 'Data collection ($)',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: '',
  },
  {
    key: 'labelingHours',
    label: 'Labeling hours',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'hours',
    help: '',
  },
  {
    key: 'labelingRate',
    label: 'Labeling rate ($ per hour)',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: '',
  },
  {
    key: 'cleaningCost',
    label: 'Cleaning and formatting ($)',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: '',
  },
  {
    key: 'experimentRuns',
    label: 'Experiment runs (extra GPU runs)',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'count',
    help: 'Each costs one training run',
  },
  {
    key: 'engineeringHours',
    label: 'Experimentation engineering hours',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'hours',
    help: '',
  },
  {
    key: 'engineeringRate',
    label: 'Engineering rate ($ per hour)',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: '',
  },
  {
    key: 'deploymentCost',
    label: 'Deployment and monitoring setup ($)',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: '',
  },
  {
    key: 'hardwareCost',
    label: 'Hardware bought ($)',
    group: UPFRONT,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: "e.g. the article's $500 RTX 4090",
  },
  {
    key: 'horizonMonths',
    label: 'Horizon (months)',
    group: HORIZON,
    kind: 'months',
    rule: 'positive',
    unit: 'months',
    help: `Whole months, 1 to ${MAX_HORIZON_MONTHS}`,
  },
  {
    key: 'monthlyGrowthRate',
    label: 'Monthly volume growth',
    group: HORIZON,
    kind: 'number',
    rule: 'rate',
    unit: 'ratio',
    help: 'e.g. 5% a month; savings grow with the volume (NPV, payback)',
  },
  {
    key: 'annualDiscountRate',
    label: 'Annual discount rate',
    group: HORIZON,
    kind: 'number',
    rule: 'rate',
    unit: 'ratio',
    help: 'The cost of money, e.g. 10% a year (NPV, payback)',
  },
  {
    key: 'managedService',
    label: 'Managed fine-tuning',
    group: API,
    kind: 'managed',
    rule: 'nonNegative',
    unit: 'text',
    help: "The third path: a provider's fine-tuning service (priced beside yours)",
  },
  {
    key: 'retrainEveryMonths',
    label: 'Retrain every (months)',
    group: RECURRING,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'months',
    help: '0: never. Each retrain costs a training run and a data refresh',
  },
  {
    key: 'dataRefreshCost',
    label: 'Data refresh per retrain ($)',
    group: RECURRING,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'usd',
    help: '',
  },
  {
    key: 'monitoringHoursPerMonth',
    label: 'Monitoring hours per month',
    group: RECURRING,
    kind: 'number',
    rule: 'nonNegative',
    unit: 'hours',
    help: 'At the engineering rate',
  },
  // Last (with Start date below), so a scenario sheet made before them keeps its other
  // inputs' rows.
  {
    key: 'hoursFrom',
    label: 'Hours from (rule, compute-bound, calibrated)',
    group: 'Training hours',
    kind: 'hoursFrom',
    rule: 'positive',
    unit: 'text',
    help: "rule (the article's), compute-bound or calibrated (your measured runs); blank: calibrated when a run applies, else the rule",
  },
  {
    key: 'startDate',
    label: 'Start date',
    group: HORIZON,
    kind: 'date',
    rule: 'positive',
    unit: 'date',
    help: 'Month 0 (the up-front cost); month k ends k months later. Default: the first of next month, set when the sheet was made',
  },
];
