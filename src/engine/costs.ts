const TOKENS_PER_PRICE_UNIT = 1000;
const TOKENS_PER_MILLION = 1e6;

/** GPU cost of a run: hours × $ per GPU-hour. */
export function gpuCost(hours: number, pricePerGpuHour: number): number {
  return hours * pricePerGpuHour;
}

/** API cost of one request, prices in $ per 1K tokens. */
export function apiCostPerRequest(
  inputTokens: number,
  outputTokens: number,
  inputPricePer1K: number,
  outputPricePer1K: number,
): number {
  return (
    (inputTokens / TOKENS_PER_PRICE_UNIT) * inputPricePer1K +
    (outputTokens / TOKENS_PER_PRICE_UNIT) * outputPricePer1K
  );
}

/** API cost of a month's requests: requests × cost per request. */
export function apiMonthlyCost(requestsPerMonth: number, costPerRequest: number): number {
  return requestsPerMonth * costPerRequest;
}

/** Managed fine-tuning (e.g. OpenAI's): training tokens × $ per 1M tokens. */
export function managedTrainingCost(tokens: number, pricePer1MTokens: number): number {
  return (tokens / TOKENS_PER_MILLION) * pricePer1MTokens;
}

/** Monthly running cost of the fine-tuned model: requests × inference cost + hosting. */
export function finetunedMonthlyCost(
  requestsPerMonth: number,
  costPerRequest: number,
  monthlyHosting: number,
): number {
  return requestsPerMonth * costPerRequest + monthlyHosting;
}

/** What goes into the up-front cost of fine-tuning (total cost of ownership). */
export interface UpfrontInputs {
  /** GPU cost of the final training run. */
  readonly trainingRunCost: number;
  /** Extra full-size runs spent on experiments (each costs one training run). */
  readonly experimentRuns: number;
  readonly dataCollectionCost: number;
  readonly labelingHours: number;
  readonly labelingRate: number;
  readonly cleaningCost: number;
  readonly engineeringHours: number;
  readonly engineeringRate: number;
  readonly deploymentCost: number;
  readonly hardwareCost: number;
}

export interface UpfrontItem {
  readonly label: string;
  readonly amount: number;
}

/** The up-front cost, item by item, in the order a scenario sheet lists them. */
export function upfrontItems(inputs: UpfrontInputs): UpfrontItem[] {
  return [
    { label: 'Final training run (GPU)', amount: inputs.trainingRunCost },
    { label: 'Experiment runs (GPU)', amount: inputs.experimentRuns * inputs.trainingRunCost },
    { label: 'Data collection', amount: inputs.dataCollectionCost },
    { label: 'Labeling (hours x rate)', amount: inputs.labelingHours * inputs.labelingRate },
    { label: 'Cleaning and formatting', amount: inputs.cleaningCost },
    {
      label: 'Experimentation engineering (hours x rate)',
      amount: inputs.engineeringHours * inputs.engineeringRate,
    },
    { label: 'Deployment and monitoring setup', amount: inputs.deploymentCost },
    { label: 'Hardware', amount: inputs.hardwareCost },
  ];
}

/** The total up-front cost. */
export function upfrontCost(inputs: UpfrontInputs): number {
  return upfrontTotal(upfrontItems(inputs));
}

/** The sum of up-front items already listed. */
export function upfrontTotal(items: readonly UpfrontItem[]): number {
  return items.reduce((total, item) => total + item.amount, 0);
}
