/**
 * The model that decides which story a summary joins: a logistic regression over the features of
 * match.ts, fitted on allsides/dev by scripts/fit-grouping.ts (npm run fit-grouping), which writes
 * the weights to fitted.ts. A summary joins the candidate story with the highest score when that
 * score reaches the fitted threshold; otherwise it starts a story of its own.
 *
 * A learned decision in place of the threshold (Miranda et al. 2018's second model: a logistic
 * regression over the best candidate's score, its lead over the runner-up, the log of its size
 * and whether the summary is a headline, fitted on allsides/dev's views and uci-full's first day
 * dated by the day) was tried and not kept: B-cubed F1 on allsides/dev 0.843 (0.841 with the
 * threshold), uci-full's first day 0.642 (0.642), basil 0.980 (0.965), but uci 0.700 (0.729);
 * over the best candidate's every feature instead, allsides/dev 0.838. Fitting the match model on
 * uci-full's first day too (dated by the day, with story-size and date-Gaussian features) lowers
 * allsides/dev to 0.834 and uci to 0.689.
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
