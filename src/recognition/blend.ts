import { MOODS, type MoodProbabilities } from '../model/moods';

/**
 * How the DenseNet (the mood model of record) and face-api.js's expression net are combined:
 * a weighted mean of their log-probabilities, divided by a temperature, then a softmax.
 * The two make different mistakes (the DenseNet leans to calm on subtle faces; the expression
 * net reads real faces well but FER2013's 48x48 faces poorly), so the blend reads better than
 * either. Fitted on real photos only (training/fit_blend.py; README "The model").
 */
export interface BlendParams {
  /** Weight of the DenseNet's log-probabilities; the expression net gets 1 - weight. */
  weight: number;
  /** Divides the blended log-probabilities (> 1 softens, < 1 sharpens). */
  temperature: number;
}

/** The probabilities of the blend; `expression` holds log-probabilities in MOODS order. */
export function blendMoods(
  densenet: MoodProbabilities,
  expression: ArrayLike<number>,
  { weight, temperature }: BlendParams,
): MoodProbabilities {
  const logits = MOODS.map(
    (mood, i) =>
      (weight * Math.log(Math.max(densenet[mood], 1e-7)) + (1 - weight) * expression[i]!) / temperature,
  );
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const total = exps.reduce((s, e) => s + e, 0);
  return Object.fromEntries(MOODS.map((mood, i) => [mood, exps[i]! / total])) as MoodProbabilities;
}

/** The blend the extension ships (training/fit_blend.py; README "The model"). */
export const SHIPPED_BLEND: BlendParams = { weight: 0.95, temperature: 1.15 };
