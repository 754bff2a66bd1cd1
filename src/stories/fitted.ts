// Written by scripts/fit-grouping.ts (npm run fit-grouping) from allsides/dev: do not edit by hand.
// On allsides/dev at this threshold: paragraphs P 0.885 R 0.808 F1 0.845 (419 stories); headlines P 0.811 R 0.676 F1 0.737 (466 stories); undated paragraphs P 0.873 R 0.798 F1 0.834 (426 stories); undated headlines P 0.774 R 0.663 F1 0.714 (456 stories).
export const FITTED = {
  bias: -7.4359,
  weights: {
    centroid: 4.291,
    best: 5.65,
    head: 2.0059,
    rarest: 7.4953,
    rarestName: 1.0608,
    quote: 0.8121,
    sameDay: 0.2978,
    otherDay: -2.3715,
    gapDays: -1.4903,
    undated: -2.3052,
    together: 0.6556,
    short: 0.9296,
    shortCentroid: -1.2097,
    shortBest: -0.5158,
    shortRarest: -1.1648
  },
  threshold: -1.25
} as const;
