// Issue 20: a managed service prices per 1M training tokens by model-size bracket and method.
// Fireworks' built-in rows (catalog.ts): LoRA $0.50 up to 16B, $3 for 16.1-80B, $6 for 80.1-300B,
// $10 above; full $1 up to 16B. Together AI's: LoRA $0.48 up to 16B, $1.50 for 16.1-69B; full
// $1.20 up to 16B. The rows above 80B and Together's name no serving price (none was cited).
import {
  BUILT_IN_CATALOG,
  CatalogIndex,
  managedTrainingCost,
  pickBracket,
  resolveManaged,
  trainingTokens,
} from '../../src/engine';
import type { ManagedFineTuningRow } from '../../src/engine';

const index = new CatalogIndex(BUILT_IN_CATALOG);
const price = (size: number | undefined, method: string | undefined): number =>
  resolveManaged(index, 'service', 'Fireworks', size, method).pricePer1MTrainingTokens;

describe('the size bracket that prices a model', () => {
  test('a bracket holds its own limit: 16B is in "up to 16B", 16.1B is in 16.1-80B', () => {
    expect(price(16, 'LoRA')).toBe(0.5);
    expect(price(16.1, 'LoRA')).toBe(3);
    expect(price(15.99, 'LoRA')).toBe(0.5);
  });

  test('80B is in 16.1-80B, 80.1B and 300B in 80.1-300B, 300.1B in the last bracket', () => {
    expect(price(80, 'LoRA')).toBe(3);
    expect(price(80.1, 'LoRA')).toBe(6);
    expect(price(300, 'LoRA')).toBe(6);
    expect(price(300.1, 'LoRA')).toBe(10);
    expect(price(1000, 'LoRA')).toBe(10);
  });

  test('above 80B the price names no serving price: nothing is made up for it', () => {
    expect(resolveManaged(index, 'service', 'Fireworks', 80, 'LoRA').inferenceApi?.name).toBe(
      'Fireworks fine-tuned 16.1-80B',
    );
    expect(
      resolveManaged(index, 'service', 'Fireworks', 80.1, 'LoRA').inferenceApi,
    ).toBeUndefined();
  });

  test("Together AI's brackets: 16B, 16.1B, 69B, 69.1B (none holds it), full up to 16B", () => {
    const together = (size: number, method: string): number =>
      resolveManaged(index, 'service', 'together', size, method).pricePer1MTrainingTokens;
    expect(together(16, 'LoRA')).toBe(0.48);
    expect(together(16.1, 'LoRA')).toBe(1.5);
    expect(together(69, 'LoRA')).toBe(1.5);
    expect(() => together(69.1, 'LoRA')).toThrow(
      'service "Together AI" has no price for a 69.1B model with LoRA',
    );
    expect(together(16, 'full')).toBe(1.2);
    expect(() => together(16.1, 'full')).toThrow('has no price for a 16.1B model with full');
    // 10,000 examples x 500 tokens x 3 epochs = 15M tokens x $0.48 = $7.20; no minimum.
    expect(managedTrainingCost(trainingTokens(10000, 500, 3), together(13, 'LoRA'))).toBeCloseTo(
      7.2,
      9,
    );
  });

  test('the method picks its own rows: full up to 16B is $1, full above 16B is not sold', () => {
    expect(price(13, 'full')).toBe(1);
    expect(price(16, 'full')).toBe(1);
    expect(() => price(16.1, 'full')).toThrow('has no price for a 16.1B model with full');
    expect(() => price(13, 'QLoRA')).toThrow('has no price for a 13B model with QLoRA');
  });

  test('each bracket names its own serving price: the inference API grows with the size', () => {
    const small = resolveManaged(index, 'service', 'Fireworks', 13, 'LoRA').inferenceApi;
    const large = resolveManaged(index, 'service', 'Fireworks', 70, 'LoRA').inferenceApi;
    // $0.20 and $0.90 per 1M tokens are $0.0002 and $0.0009 per 1K.
    expect([small?.name, small?.inputPricePer1K, small?.outputPricePer1K]).toEqual([
      'Fireworks fine-tuned up to 16B',
      0.0002,
      0.0002,
    ]);
    expect([large?.name, large?.inputPricePer1K]).toEqual([
      'Fireworks fine-tuned 16.1-80B',
      0.0009,
    ]);
  });

  test('a method matches as names do (case, spaces, "-" and "_" ignored)', () => {
    expect(price(13, 'lora')).toBe(0.5);
    expect(price(13, ' Lo-Ra ')).toBe(0.5);
  });
});

describe('rows without a bracket or a method', () => {
  const row = (fields: Partial<ManagedFineTuningRow>): ManagedFineTuningRow => ({
    name: 'Acme',
    pricePer1MTrainingTokens: 1,
    inferenceApi: 'Claude',
    source: 'test',
    asOf: '2026-12-06',
    ...fields,
  });

  test('a flat row (a catalog sheet made before brackets) prices every size and method', () => {
    const flat = row({});
    expect(pickBracket([flat], 405, 'full')).toBe(flat);
    expect(pickBracket([flat], 0.5, 'QLoRA')).toBe(flat);
    expect(pickBracket([flat], undefined, undefined)).toBe(flat);
  });

  test('the smallest bracket that holds the size wins, then the method’s own row', () => {
    const any = row({ pricePer1MTrainingTokens: 9 });
    const anyUpTo16 = row({ upToBillions: 16, pricePer1MTrainingTokens: 2 });
    const loraUpTo16 = row({ upToBillions: 16, method: 'LoRA', pricePer1MTrainingTokens: 1 });
    const rows = [any, anyUpTo16, loraUpTo16];
    expect(pickBracket(rows, 13, 'LoRA')).toBe(loraUpTo16);
    expect(pickBracket(rows, 13, 'full')).toBe(anyUpTo16);
    expect(pickBracket(rows, 17, 'LoRA')).toBe(any);
    // No model size given: only a row for every size applies.
    expect(pickBracket(rows, undefined, 'LoRA')).toBe(any);
  });

  test('of two rows with one bracket and method, the later (lower in the sheet) wins', () => {
    const first = row({ upToBillions: 16, method: 'LoRA', pricePer1MTrainingTokens: 1 });
    const second = row({ upToBillions: 16, method: 'lora', pricePer1MTrainingTokens: 2 });
    expect(pickBracket([first, second], 16, 'LoRA')).toBe(second);
  });
});

describe('training cost: tokens x epochs x the bracket price, at least the minimum charge', () => {
  test('epochs multiply the tokens: 10,000 x 500 x 3 = 15M x $3 (16.1-80B LoRA) = $45', () => {
    expect(managedTrainingCost(trainingTokens(10000, 500, 3), price(70, 'LoRA'))).toBeCloseTo(
      45,
      12,
    );
  });

  test('a minimum charge applies when the tokens cost less', () => {
    // 5M x $0.50 = $2.50, under a $10 minimum; 50M x $0.50 = $25, over it.
    expect(managedTrainingCost(trainingTokens(10000, 500, 1), 0.5, 10)).toBe(10);
    expect(managedTrainingCost(trainingTokens(100000, 500, 1), 0.5, 10)).toBeCloseTo(25, 12);
  });
});
