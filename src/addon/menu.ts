// The add-on menu, the sidebar opener and the function reference dialog.
import { generateScenario } from './server';
import { escapeHtml, messageOf } from './text';

const TITLE = 'Fine-tuning cost';

/**
 * Builds the add-on menu. Touches no document: onOpen runs in AuthMode.NONE until the
 * add-on is used in this document, and only the Ui is allowed there.
 */
export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open calculator', 'showSidebar')
    .addItem('New scenario sheet (with defaults)', 'newScenarioSheet')
    .addItem('Insert catalog sheet', 'insertCatalogSheet')
    .addItem('Function reference', 'showFunctionReference')
    .addToUi();
}

export function openSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** The menu's "New scenario sheet": the defaults; a failure is shown, not swallowed. */
export function newScenarioWithDefaults(): void {
  try {
    generateScenario({});
  } catch (error) {
    SpreadsheetApp.getUi().alert(`${TITLE}: ${messageOf(error)}`);
  }
}

interface Reference {
  readonly syntax: string;
  readonly does: string;
  readonly example: string;
}

// Kept beside the functions' JSDoc in src/functions/ft-functions.ts; test/sheet checks
// that every FT_* global appears here.
export const FUNCTION_REFERENCE: readonly Reference[] = [
  {
    syntax: 'FT_HOURS(model, examples, [method])',
    does: "H100 GPU-hours by the article's rule: 0.0001 x examples x model scale x method factor.",
    example: '=FT_HOURS("Llama 13B", 50000) returns 10',
  },
  {
    syntax: 'FT_COST(model, examples, provider, [method])',
    does: "GPU cost of one run: hours on the provider's GPU x its $ per GPU-hour.",
    example: '=FT_COST("Llama 13B", 50000, "AWS spot") returns 8.6',
  },
  {
    syntax: 'FT_BREAKEVEN(upfront, monthlyApiCost, [monthlyFinetunedCost])',
    does: 'Months until fine-tuning pays back: up-front / monthly savings; "never" without savings.',
    example: '=FT_BREAKEVEN(1001.25, 50) returns 20.025',
  },
  {
    syntax:
      'FT_API_COST(requests, inputTokens, outputTokens, api or $ per 1K input, [$ per 1K output])',
    does: 'API cost of a number of requests.',
    example: '=FT_API_COST(10000, 1000, 300, "Claude") returns 75',
  },
  {
    syntax: 'FT_ROI(upfront, monthlySavings, months)',
    does: 'Net saving after some months: monthly savings x months - up-front.',
    example: '=FT_ROI(1001.25, 50, 36) returns 798.75',
  },
  {
    syntax: 'FT_MEMORY(model, [method])',
    does: 'GB of GPU memory to fine-tune: parameters x bytes per parameter, plus 20% for activations.',
    example: '=FT_MEMORY("Llama 13B", "LoRA") returns 33.696',
  },
  {
    syntax: 'FT_COMPUTE_HOURS(model, tokens, [method], [gpu], [mfu])',
    does: 'GPU-hours if training is compute-bound: k x parameters x tokens / (peak FLOPS x MFU x 3600).',
    example: '=FT_COMPUTE_HOURS("Llama 13B", 5000000, "LoRA") returns about 0.2086',
  },
  {
    syntax: 'FT_ONPREM_BREAKEVEN(purchasePrice, hourlyRent, [yearlyRunningCost], [years])',
    does: 'Rented GPU-hours that cost as much as buying the GPU.',
    example: '=FT_ONPREM_BREAKEVEN(20000, 2.49) returns about 8032',
  },
];

export function referenceHtml(): string {
  const rows = FUNCTION_REFERENCE.map(
    (entry) =>
      `<tr><td><code>${escapeHtml(entry.syntax)}</code></td><td>${escapeHtml(entry.does)}<br><small>${escapeHtml(entry.example)}</small></td></tr>`,
  ).join('');
  return (
    '<!DOCTYPE html><html><head><base target="_top"><style>' +
    'body{font:13px Arial,sans-serif;margin:8px}table{border-collapse:collapse}' +
    'td{border-bottom:1px solid #ddd;padding:6px;vertical-align:top}code{white-space:nowrap}' +
    '</style></head><body><p>Every function takes single cells or whole ranges; names are matched ' +
    'ignoring case and spaces; a model may be a size in billions (8 or "8B").</p>' +
    `<table>${rows}</table></body></html>`
  );
}

export function openFunctionReference(): void {
  const page = HtmlService.createHtmlOutput(referenceHtml()).setWidth(640).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(page, `${TITLE} functions`);
}
