// The sidebar: a form generated from the engine's fields, a live preview computed
// by the same engine in the page, and a button that asks the server to write the
// scenario sheet. Every piece of the DOM is made with createElement/textContent.
import { BUILT_IN_CATALOG, CatalogIndex, isoToday, stalePrices } from '../src/engine';
import type { ScenarioInput } from '../src/engine';
import type { CatalogResponse } from '../src/shared/contract';
import { el } from './dom';
import { createForm } from './form';
import { createPreview } from './preview';
import { callServer } from './server';
import { createSources } from './sources';
import { evaluate } from './validate';
import { usd, months } from './format';

/** The catalog's stale prices today, as one sentence (none: nothing to say). */
function staleNote(response: CatalogResponse): string[] {
  const stale = stalePrices(response.catalog, isoToday(), response.staleAfterDays);
  if (stale.length === 0) return [];
  return [
    `${stale.length} price${stale.length === 1 ? ' is' : 's are'} older than ${response.staleAfterDays} days: ${stale.join('; ')}.`,
  ];
}

function start(root: HTMLElement): void {
  let index = new CatalogIndex(BUILT_IN_CATALOG);
  const sources = createSources();
  let valid: ScenarioInput | undefined;
  let busy = false;
  let updates = 0;

  const preview = createPreview();
  const form = createForm(BUILT_IN_CATALOG, update);
  const catalogNote = el('p', { id: 'catalog-note', class: 'note', hidden: '' });
  // Shown when the active sheet is a scenario sheet: load its inputs to make a variant.
  const loadButton = el('button', { id: 'load-inputs', type: 'button', class: 'secondary' }, [
    'Load its inputs',
  ]);
  const loadText = el('span', { id: 'load-text' });
  const loadNote = el('p', { id: 'load-note', class: 'note', hidden: '' }, [loadText, loadButton]);
  let scenarioInputs: Readonly<Record<string, string | number>> | undefined;
  const button = el('button', { id: 'create', type: 'button', class: 'action' }, [
    'Create scenario sheet',
  ]);
  // Issue 21: the sheet's cases table, best and worst filled from the article's ±30%.
  const casesBox = el('input', { id: 'cases', type: 'checkbox', checked: '' });
  const casesOption = el('label', { class: 'option', for: 'cases' }, [
    casesBox,
    ' Best and worst cases from the \u00b130% spreads',
  ]);
  const compareButton = el('button', { id: 'compare', type: 'button', class: 'action secondary' }, [
    'Compare scenarios',
  ]);
  const summary = el('p', { id: 'summary', class: 'summary', 'aria-hidden': 'true' });
  const status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });

  root.append(
    el('header', {}, [
      el('h1', {}, ['Fine-tune or keep the API?']),
      el('p', { class: 'lead' }, [
        'Numbers update as you type. The button writes a live scenario sheet.',
      ]),
    ]),
    catalogNote,
    loadNote,
    preview.element,
    sources.element,
    form.element,
    el('footer', { class: 'actions' }, [summary, casesOption, button, compareButton, status]),
  );

  function setButton(): void {
    button.disabled = busy || valid === undefined;
    // Comparing reads the scenario sheets, not the form: an invalid form does not block it.
    compareButton.disabled = busy;
  }

  function update(): void {
    const started = performance.now();
    const evaluation = evaluate(form.values(), index);
    form.showErrors(evaluation.ok ? new Map() : evaluation.errors);
    if (evaluation.ok) {
      valid = evaluation.input;
      const { result } = evaluation;
      preview.show(result);
      sources.show(result.resolved, index.catalog, index.staleAfterDays);
      form.setPlaceholder('apiInputPricePer1K', String(result.resolved.api.inputPricePer1K));
      form.setPlaceholder('apiOutputPricePer1K', String(result.resolved.api.outputPricePer1K));
      summary.textContent = `Break-even ${months(result.breakEvenMonths)} · ROI at 36 months ${usd(result.roi.months36)}`;
    } else {
      valid = undefined;
      preview.showInvalid(evaluation.message);
      summary.textContent = 'Fix the marked values to see the result.';
    }
    setButton();
    updates += 1;
    // For the benchmark and tests: how many updates ran and how long the last one took.
    root.dataset.previewUpdates = String(updates);
    root.dataset.previewMs = (performance.now() - started).toFixed(3);
    document.dispatchEvent(new CustomEvent('preview-updated'));
  }

  async function create(): Promise<void> {
    if (busy || valid === undefined) return;
    busy = true;
    setButton();
    button.setAttribute('aria-busy', 'true');
    button.textContent = 'Creating…';
    status.className = 'status';
    status.textContent = 'Creating the scenario sheet…';
    try {
      const result = await callServer('generateScenario', valid, { cases: casesBox.checked });
      status.className = 'status ok';
      status.textContent = `Created the sheet “${result.sheetName}”.`;
    } catch (error) {
      status.className = 'status error';
      status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
      button.textContent = 'Create scenario sheet';
      setButton();
    }
  }

  /** Writes or refreshes the compare sheet: a row of live references per scenario sheet. */
  async function compareAll(): Promise<void> {
    if (busy) return;
    busy = true;
    setButton();
    compareButton.setAttribute('aria-busy', 'true');
    compareButton.textContent = 'Comparing…';
    status.className = 'status';
    status.textContent = 'Writing the comparison of the scenario sheets…';
    try {
      const result = await callServer('compareScenarios');
      status.className = 'status ok';
      status.textContent = `Compared the scenarios in the sheet “${result.sheetName}”.`;
    } catch (error) {
      status.className = 'status error';
      status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      busy = false;
      compareButton.removeAttribute('aria-busy');
      compareButton.textContent = 'Compare scenarios';
      setButton();
    }
  }

  button.addEventListener('click', () => {
    void create();
  });
  compareButton.addEventListener('click', () => {
    void compareAll();
  });

  loadButton.addEventListener('click', () => {
    if (!scenarioInputs) return;
    form.load(scenarioInputs);
    loadText.textContent = `Loaded the inputs of “${loadNote.dataset.sheet ?? ''}”. `;
    loadButton.hidden = true;
  });

  /** Offers the active scenario sheet's inputs (names are the user's: shown as text). */
  function offerInputs(): void {
    callServer('getScenarioInputs').then(
      (response) => {
        if (!response) return;
        scenarioInputs = response.input;
        loadNote.dataset.sheet = response.sheetName;
        loadText.textContent = `This is the scenario sheet “${response.sheetName}”. `;
        loadNote.hidden = false;
      },
      () => {
        // Outside a scenario sheet, or outside Sheets: nothing to offer.
      },
    );
  }

  update();

  callServer('getCatalog').then(
    (response) => {
      index = new CatalogIndex(
        response.catalog,
        response.warnings,
        response.staleAfterDays,
        response.runs,
      );
      form.setCatalog(response.catalog);
      const notes = [...response.warnings, ...staleNote(response)];
      if (notes.length > 0) {
        catalogNote.hidden = false;
        catalogNote.textContent = `Notes on the catalog sheet: ${notes.join(' ')}`;
      }
      root.dataset.catalog = 'loaded';
      update();
      offerInputs();
    },
    (error: unknown) => {
      catalogNote.hidden = false;
      catalogNote.textContent = `Using the built-in catalog: ${error instanceof Error ? error.message : String(error)}`;
      root.dataset.catalog = 'built-in';
    },
  );
}

start(document.getElementById('app') ?? document.body);
