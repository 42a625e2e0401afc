// Random scenarios pick any model and method; the default managed service (Fireworks) prices
// LoRA and full fine-tuning up to a size only. A scenario it cannot price leaves its managed
// path blank, while FT_MANAGED_COST refuses the call: tests comparing the two use a service
// that prices the scenario.
import { DEFAULT_SCENARIO, resolveManaged } from '../../src/engine';
import type { CatalogIndex } from '../../src/engine';

/** A managed service that prices every size and method: the article's OpenAI row. */
export const EVERY_SIZE_SERVICE = 'OpenAI GPT-4 fine-tuning';

/**
 * The scenario as given when its managed service (the default when it names none) prices its
 * model and method, else with EVERY_SIZE_SERVICE; a model or method the catalog does not know
 * is left for the scenario to refuse.
 */
export function withPricedManaged<T extends Record<string, unknown>>(
  input: T,
  index: CatalogIndex,
): T {
  try {
    const model = index.model('model', input.model ?? DEFAULT_SCENARIO.model);
    const method = index.method('method', input.method ?? DEFAULT_SCENARIO.method);
    const service = input.managedService ?? DEFAULT_SCENARIO.managedService;
    resolveManaged(index, 'managedService', service, model.paramsBillions, method.name);
    return input;
  } catch {
    return { ...input, managedService: EVERY_SIZE_SERVICE };
  }
}
