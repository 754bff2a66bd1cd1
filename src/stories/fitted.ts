// Written by scripts/fit-grouping.ts (npm run fit-grouping) from allsides/dev: do not edit by hand.
// On allsides/dev at this threshold: paragraphs P 0.886 R 0.815 F1 0.849 (415 stories); headlines P 0.790 R 0.673 F1 0.727 (450 stories).
export const FITTED = {
  bias: -8.8394,
  weights: {
    centroid: 4.2916,
    best: 5.0674,
    head: 1.9468,
    rarest: 7.3099,
    quote: 0.7579,
    sameDay: 0.3118,
    otherDay: -2.2555,
    gapDays: -0.706,
    together: 5.7297,
    short: 0.3424,
    shortCentroid: -0.8506,
    shortBest: -0.4336,
    shortRarest: -0.5648
  },
  threshold: -1.25
} as const;
