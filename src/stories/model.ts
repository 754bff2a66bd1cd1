/**
 * The model that decides which story a summary joins: a logistic regression over the features of
 * match.ts, fitted on allsides/dev by scripts/fit-grouping.ts (npm run fit-grouping), which writes
 * the weights to fitted.ts. A summary joins the candidate story with the highest score when that
 * score reaches the fitted threshold; otherwise it starts a story of its own.
 */
import { FITTED } from './fitted.js';
import { FEATURES, type FeatureName } from './match.js';

export interface MatchModel {
  readonly bias: number;
  readonly weights: Readonly<Record<FeatureName, number>>;
  /** The least score (log-odds) at which a summary joins a story. */
  readonly threshold: number;
}

export const MODEL: MatchModel = FITTED;

/** The log-odds that a summary belongs to a story, from its features (FEATURES order). */
export function matchScore(features: readonly number[], model: MatchModel = MODEL): number {
  let score = model.bias;
  FEATURES.forEach((name, i) => (score += model.weights[name] * features[i]!));
  return score;
}
