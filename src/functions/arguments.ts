import type {
  ManagedFineTuningRow,
  MethodRow,
  ResolvedApi,
  ResolvedManaged,
  ResolvedProvider,
} from '../engine';
import {
  describeValue,
  InputError,
  isBlank,
  parseNumberValue,
  readNumber,
  resolveManaged,
} from '../engine';
import { catalogIndex } from './catalog';
import type { Cell } from './cells';

// Argument readers shared by the FT_* functions: one place that turns a cell into
// an engine value, so every function reads "model" or "provider" the same way
// (plain numbers: requiredNumber and optionalNumber in ./cells).
// Each has the Reader shape (argument name, cell) => value and throws an InputError
// that names the argument. They keep no memo: a range reads each distinct cell once
// (src/functions/cells.ts), and each call reads the catalog afresh (./catalog).

/** True for a number, or text that reads as one: such a cell is not a name. */
function isNumeric(value: Cell): boolean {
  return typeof value === 'number' || parseNumberValue(value) !== undefined;
}

/** A model's scale factor (the article's rule): a catalog model, or a size in billions. */
export function modelScale(name: string, value: Cell): number {
  return catalogIndex().model(name, value).scale;
}

/** A model's size in billions of parameters. */
export function modelParams(name: string, value: Cell): number {
  return catalogIndex().model(name, value).paramsBillions;
}

/** A provider by name, or a $ per H100-hour rate. */
export function provider(name: string, value: Cell): ResolvedProvider {
  return catalogIndex().provider(name, value);
}

/**
 * A GPU's bf16 dense peak in TFLOPS and its catalog name: a GPU name (H100 when blank), or
 * a number (the peak; no name, so no GPU's measured runs apply).
 */
export function gpuPeak(name: string, value: Cell): { peakTflops: number; gpu: string } {
  if (isNumeric(value)) return { peakTflops: readNumber(name, value, 'positive'), gpu: '' };
  const row = catalogIndex().gpu(name, isBlank(value) ? 'H100' : value);
  return { peakTflops: row.peakTflopsBf16, gpu: row.name };
}

/** A GPU's catalog name: a GPU, or a GPU provider (its GPU). */
export function gpuOrProviderName(name: string, value: Cell): string {
  const index = catalogIndex();
  try {
    return index.gpu(name, value).name;
  } catch (error) {
    if (isNumeric(value)) {
      throw new InputError(
        name,
        `${name} must be a GPU or GPU provider name, got ${describeValue(value)}`,
      );
    }
    try {
      return index.provider(name, value).gpu.name;
    } catch {
      // Neither a GPU nor a provider: the GPU's message (it lists the GPUs).
      throw error;
    }
  }
}

/** An optional fraction (an MFU): undefined when blank, so the caller can tell it was not given. */
export function optionalFraction(name: string, value: Cell): number | undefined {
  return isBlank(value) ? undefined : readNumber(name, value, 'fraction');
}

/**
 * An API by name, or the cell itself when it holds a price: a price is read
 * together with output_price (which it needs, and an API name forbids).
 */
export function apiOrPrice(name: string, value: Cell): ResolvedApi | Cell {
  return isNumeric(value) ? value : catalogIndex().api(name, value);
}

/** The cell as it is, for a check that needs another argument too. */
export function cell(_name: string, value: Cell): Cell {
  return value;
}

/** A method by name; blank is full fine-tuning. */
function method(name: string, value: Cell): MethodRow {
  return catalogIndex().method(name, isBlank(value) ? 'full' : value);
}

/** A method's time factor: a method name, or a number (time relative to full fine-tuning). */
export function methodTimeFactor(name: string, value: Cell): number {
  if (isNumeric(value)) return readNumber(name, value, 'positive');
  return method(name, value).timeFactor;
}

/** A method name only: memory and FLOPs rules need one, which a bare time factor does not give. */
export function namedMethod(name: string, value: Cell): MethodRow {
  if (isNumeric(value)) {
    throw new InputError(
      name,
      `${name} must be a method name here (a number sets only a time factor), got ${describeValue(value)}`,
      `Known: ${catalogIndex()
        .catalog.methods.map((row) => row.name)
        .join(', ')}`,
    );
  }
  return method(name, value);
}

/** A managed fine-tuning service's row by name (blank: the catalog's first). */
export function managedService(name: string, value: Cell): ManagedFineTuningRow {
  return catalogIndex().managed(name, value);
}

/** A model's size in billions, or undefined for a blank cell (a price for every size). */
export function optionalModelSize(name: string, value: Cell): number | undefined {
  return isBlank(value) ? undefined : modelParams(name, value);
}

/** A method's catalog name, or undefined for a blank cell (a price for every method). */
export function optionalMethodName(name: string, value: Cell): string | undefined {
  return isBlank(value) ? undefined : namedMethod(name, value).name;
}

/** The price of a managed service for a model size and a method (its size bracket's row). */
export function managedPrice(
  service: ManagedFineTuningRow,
  sizeBillions: number | undefined,
  method: string | undefined,
): ResolvedManaged {
  return resolveManaged(catalogIndex(), 'service', service.name, sizeBillions, method);
}
