// Every FT_* argument that takes a catalog name or a number reads a number typed as text
// ("0.5", "$2.49", "312", " 13 ") as that number, as it reads the number itself: a cell
// formatted as plain text, or a value pasted from elsewhere, holds text, and looking it up
// as a name would refuse it (or worse, find a row whose name starts with it). Through the
// built dist/Code.js, as Sheets calls it.
import { errorOf, valueOf } from './helpers';

describe('a number typed as text where a name or a number is accepted', () => {
  // Each row: the call with the number as text, the same call with the number, and the value
  // worked out by hand. Llama 13B has scale 2 and 13B parameters.
  it.each([
    // method as a time factor: 0.0001 × 50,000 × 2 × 0.5 = 5 h.
    ['FT_HOURS', ['Llama 13B', 50000, '0.5'], ['Llama 13B', 50000, 0.5], 5],
    ['FT_HOURS', ['Llama 13B', 50000, ' 0.5 '], ['Llama 13B', 50000, 0.5], 5],
    // "50%" is 0.5, as Sheets reads it: 5 h again.
    ['FT_HOURS', ['Llama 13B', 50000, '50%'], ['Llama 13B', 50000, 0.5], 5],
    // model as a size in billions: 13 is Llama 13B's size, scale 2: 0.0001 × 10,000 × 2 = 2 h.
    ['FT_HOURS', [' 13 ', 10000], [13, 10000], 2],
    // method as a time factor after a provider rate: 0.0001 × 50,000 × 2 × 0.25 = 2.5 h × $2.49 = $6.225.
    ['FT_COST', ['Llama 13B', 50000, '$2.49', '0.25'], ['Llama 13B', 50000, 2.49, 0.25], 6.225],
    // gpu as a bf16 peak in TFLOPS: 6 × 13e9 × 3.6e6 tokens = 2.808e17 FLOPs;
    // 312e12 × 0.5 MFU × 3,600 s = 5.616e17 FLOPs an hour; 2.808e17 / 5.616e17 = 0.5 h.
    [
      'FT_COMPUTE_HOURS',
      ['Llama 13B', 3600000, 'full', '312', 0.5],
      ['Llama 13B', 3600000, 'full', 312, 0.5],
      0.5,
    ],
    // api_or_input_price as a price: 10,000 × (1 × $0.003 + 0.3 × $0.015) = 10,000 × $0.0075 = $75.
    ['FT_API_COST', [10000, 1000, 300, '0.003', '0.015'], [10000, 1000, 300, 0.003, 0.015], 75],
    ['FT_API_COST', [10000, 1000, 300, '$0.003', '$0.015'], [10000, 1000, 300, 0.003, 0.015], 75],
  ] as const)('%s(%j) is the number’s result', (name, asText, asNumber, expected) => {
    expect(valueOf(name, ...asText)).toBeCloseTo(expected, 10);
    expect(valueOf(name, ...asNumber)).toBeCloseTo(expected, 10);
  });

  it('a price as text still needs the output price, as a price as a number does', () => {
    // Read as a price, "0.003" is not an API name: the message asks for output_price.
    const message = 'FT_API_COST: output_price is required when api_or_input_price is a price';
    expect(errorOf('FT_API_COST', 10000, 1000, 300, '0.003')).toBe(message);
    expect(errorOf('FT_API_COST', 10000, 1000, 300, 0.003)).toBe(message);
  });

  it('where only a method name will do, a number as text is refused as a number, not as a name', () => {
    // FT_MEMORY needs the method's bytes per parameter, which a time factor does not give.
    expect(errorOf('FT_MEMORY', 'Llama 13B', '0.5')).toBe(
      "FT_MEMORY: method must be a method name here (a number sets only a time factor), got '0.5'. Known: full, LoRA, QLoRA",
    );
    expect(errorOf('FT_COMPUTE_HOURS', 'Llama 13B', 3600000, '0.25')).toBe(
      "FT_COMPUTE_HOURS: method must be a method name here (a number sets only a time factor), got '0.25'. Known: full, LoRA, QLoRA",
    );
  });

  it('text that is not a number is still looked up as a name (and an unknown one is named)', () => {
    expect(errorOf('FT_HOURS', 'Llama 13B', 50000, '0.5x')).toBe(
      "FT_HOURS: method '0.5x' is not in the FT Catalog sheet or the built-in catalog. Known: full, LoRA, QLoRA",
    );
    // "A100" is a name, not a number, though it holds digits: 312 TFLOPS, so 0.5 h as above.
    expect(valueOf('FT_COMPUTE_HOURS', 'Llama 13B', 3600000, 'full', 'A100', 0.5)).toBeCloseTo(
      0.5,
      10,
    );
  });
});
