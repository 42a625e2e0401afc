// The scenario form, generated from the engine's SCENARIO_FIELDS: one fieldset per
// group, every control labelled, with its help text and an inline error message
// tied to it by aria-describedby / aria-invalid.
import { DEFAULT_SCENARIO, SCENARIO_FIELDS, normalizeName } from '../src/engine';
import type { Catalog, FieldSpec, ScenarioField } from '../src/engine';
import { el, replaceChildren } from './dom';

/**
 * What each field holds as typed: a plain number typed into a box is a number
 * (so a message says "got -5"); anything else stays text for the engine to read
 * as it reads a cell ("50,000", "35%", a catalog name) or to reject.
 */
export type RawInput = Record<ScenarioField, string | number>;

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function typed(text: string): string | number {
  const trimmed = text.trim();
  return PLAIN_NUMBER.test(trimmed) && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

/** The select option that reveals a free-text box (a model size, a $/GPU-hour rate). */
const CUSTOM = '\u0000custom';

/** Fields whose dropdown also offers a typed value, and how that box is labelled. */
const CUSTOM_ENTRY: Partial<Record<ScenarioField, { option: string; label: string }>> = {
  model: { option: 'Other size…', label: 'Model size (billions of parameters)' },
  provider: { option: 'Other price…', label: 'Price ($ per H100 GPU-hour)' },
};

/** The element id of a field's control (tests and the benchmark use these). */
export function fieldId(key: ScenarioField): string {
  return `f-${key}`;
}

interface FieldView {
  readonly spec: FieldSpec;
  readonly control: HTMLInputElement | HTMLSelectElement;
  /** The free-text box of a dropdown with an "Other…" option. */
  readonly custom?: HTMLInputElement;
  readonly customRow?: HTMLElement;
  readonly message: HTMLElement;
  readonly describedBy: string;
}

export interface ScenarioForm {
  readonly element: HTMLFormElement;
  /** Every field as typed. */
  values(): RawInput;
  /** Refills the dropdowns from a catalog, keeping each current choice where it still exists. */
  setCatalog(catalog: Catalog): void;
  /** Shows each field's message (fields not in the map are marked valid). */
  showErrors(errors: ReadonlyMap<ScenarioField, string>): void;
  /** Sets a blank-means-default box's placeholder (e.g. the chosen API's price). */
  setPlaceholder(key: ScenarioField, text: string): void;
  /**
   * Fills the fields from a scenario sheet's inputs (fields not given keep their value): a
   * name picks its option (matched as the engine matches names); a value no option has goes
   * into the "Other…" box where there is one. Runs onChange once.
   */
  load(input: Readonly<Record<string, string | number>>): void;
}

/** The catalog names a dropdown field offers. */
function namesFor(key: ScenarioField, catalog: Catalog): readonly string[] {
  switch (key) {
    case 'model':
      return catalog.models.map((row) => row.name);
    case 'method':
      return catalog.methods.map((row) => row.name);
    case 'provider':
      return catalog.providers.map((row) => row.name);
    case 'api':
      return catalog.apis.map((row) => row.name);
    case 'managedService':
      return [...new Set(catalog.managed.map((row) => row.name))];
    default:
      return [];
  }
}

function isDropdown(spec: FieldSpec): boolean {
  return (
    spec.kind === 'model' ||
    spec.kind === 'method' ||
    spec.kind === 'provider' ||
    spec.kind === 'api' ||
    spec.kind === 'managed'
  );
}

function defaultText(key: ScenarioField): string {
  const value = DEFAULT_SCENARIO[key];
  return value === '' ? '' : String(value);
}

/** Builds the form; `onChange` runs on every edit. */
export function createForm(catalog: Catalog, onChange: () => void): ScenarioForm {
  const views = new Map<ScenarioField, FieldView>();
  const form = el('form', { id: 'scenario-form', novalidate: '', autocomplete: 'off' });
  let group: HTMLFieldSetElement | undefined;
  let groupName = '';

  for (const spec of SCENARIO_FIELDS) {
    if (!group || spec.group !== groupName) {
      groupName = spec.group;
      group = el('fieldset', { class: 'group' }, [el('legend', {}, [spec.group])]);
      form.appendChild(group);
    }
    const view = createField(spec);
    views.set(spec.key, view);
    group.appendChild(
      el('div', { class: 'field' }, [
        el('label', { for: view.control.id }, [spec.label]),
        view.control,
        ...(view.customRow ? [view.customRow] : []),
        ...(spec.help
          ? [el('div', { class: 'help', id: `${fieldId(spec.key)}-help` }, [spec.help])]
          : []),
        view.message,
      ]),
    );
  }

  function showCustom(view: FieldView): void {
    if (!view.customRow || !view.custom) return;
    const shown = view.control.value === CUSTOM;
    view.customRow.hidden = !shown;
  }

  function setCatalog(next: Catalog): void {
    for (const view of views.values()) {
      if (!(view.control instanceof HTMLSelectElement)) continue;
      const select = view.control;
      const wasCustom = select.value === CUSTOM;
      const current = normalizeName(
        select.options.length > 0 ? select.value : defaultText(view.spec.key),
      );
      const names = namesFor(view.spec.key, next);
      const options = names.map((name) => el('option', { value: name }, [name]));
      if (view.custom)
        options.push(
          el('option', { value: CUSTOM }, [CUSTOM_ENTRY[view.spec.key]?.option ?? 'Other…']),
        );
      replaceChildren(select, options);
      const keep = options.find((option) => normalizeName(option.value) === current);
      if (keep) select.value = keep.value;
      else if (wasCustom) select.value = CUSTOM;
      showCustom(view);
    }
  }

  form.addEventListener('input', onChange);
  form.addEventListener('change', (event) => {
    for (const view of views.values()) if (event.target === view.control) showCustom(view);
    onChange();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  setCatalog(catalog);

  return {
    element: form,
    values(): RawInput {
      const raw = {} as RawInput;
      for (const [key, view] of views) {
        if (view.custom && view.control.value === CUSTOM) raw[key] = typed(view.custom.value);
        else if (view.control instanceof HTMLInputElement) raw[key] = typed(view.control.value);
        else raw[key] = view.control.value;
      }
      return raw;
    },
    setCatalog,
    showErrors(errors: ReadonlyMap<ScenarioField, string>): void {
      for (const [key, view] of views) {
        const message = errors.get(key);
        const target = view.custom && view.control.value === CUSTOM ? view.custom : view.control;
        const other = target === view.control ? view.custom : view.control;
        if (message === undefined) {
          if (view.message.textContent !== '') view.message.textContent = '';
          view.message.hidden = true;
          target.removeAttribute('aria-invalid');
          describe(target, view.describedBy);
        } else {
          if (view.message.textContent !== message) view.message.textContent = message;
          view.message.hidden = false;
          target.setAttribute('aria-invalid', 'true');
          describe(target, `${view.describedBy} ${view.message.id}`.trim());
        }
        if (other) {
          other.removeAttribute('aria-invalid');
          describe(other, view.describedBy);
        }
      }
    },
    setPlaceholder(key: ScenarioField, text: string): void {
      const control = views.get(key)?.control;
      if (control instanceof HTMLInputElement && control.placeholder !== text) {
        control.placeholder = text;
      }
    },
    load(input: Readonly<Record<string, string | number>>): void {
      for (const [key, view] of views) {
        if (!(key in input)) continue;
        const text = String(input[key]);
        if (view.control instanceof HTMLInputElement) {
          view.control.value = text;
          continue;
        }
        const select = view.control;
        const wanted = normalizeName(text);
        const option = Array.from(select.options).find(
          (candidate) => candidate.value !== CUSTOM && normalizeName(candidate.value) === wanted,
        );
        if (option) select.value = option.value;
        else if (view.custom) {
          select.value = CUSTOM;
          view.custom.value = text;
        }
        showCustom(view);
      }
      onChange();
    },
  };
}

function describe(control: HTMLElement, ids: string): void {
  if (ids === '') control.removeAttribute('aria-describedby');
  else if (control.getAttribute('aria-describedby') !== ids) {
    control.setAttribute('aria-describedby', ids);
  }
}

function createField(spec: FieldSpec): FieldView {
  const id = fieldId(spec.key);
  const describedBy = spec.help ? `${id}-help` : '';
  const message = el('div', { class: 'message', id: `${id}-msg`, hidden: '' });
  if (isDropdown(spec)) {
    const control = el('select', {
      id,
      name: spec.key,
      'aria-describedby': describedBy || undefined,
    });
    const entry = CUSTOM_ENTRY[spec.key];
    if (!entry) return { spec, control, message, describedBy };
    const custom = el('input', {
      id: `${id}-custom`,
      name: `${spec.key}-custom`,
      type: 'text',
      inputmode: 'decimal',
      spellcheck: 'false',
    });
    const customRow = el('div', { class: 'custom', hidden: '' }, [
      el('label', { for: custom.id }, [entry.label]),
      custom,
    ]);
    return { spec, control, custom, customRow, message, describedBy };
  }
  const control = el('input', {
    id,
    name: spec.key,
    type: 'text',
    // A date is typed YYYY-MM-DD: the "-" is on no decimal keypad.
    inputmode: spec.kind === 'date' ? 'text' : 'decimal',
    spellcheck: 'false',
    value: defaultText(spec.key),
    placeholder:
      spec.kind === 'optionalNumber'
        ? 'catalog price'
        : spec.kind === 'hoursFrom'
          ? 'calibrated if a run applies, else rule'
          : defaultText(spec.key),
    'aria-describedby': describedBy || undefined,
  });
  return { spec, control, message, describedBy };
}
