// The article's "When LoRA falls short" cases, shown while a LoRA-family method is chosen.

/** The article's list, in its words (section "LoRA vs Full Fine-Tuning"). */
export const LORA_FALLS_SHORT: readonly string[] = [
  'Instruction-following models: full fine-tuning is needed for style consistency.',
  'Domain shifts (e.g. legal documents to medical documents) need full retraining.',
  "Large, high-quality datasets (100K+ examples) benefit from full fine-tuning's gradient updates.",
];

/** Where the article's third case starts. */
export const LARGE_DATASET_EXAMPLES = 100000;

/** True for LoRA and QLoRA (QLoRA is LoRA on a quantized base, with the same limits). */
export function isLoraFamily(methodName: string): boolean {
  return /lora/i.test(methodName);
}
