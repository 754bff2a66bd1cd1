// Written by scripts/fit-grouping.ts (npm run fit-grouping) from allsides/dev: do not edit by hand.
// On allsides/dev at this threshold: paragraphs P 0.887 R 0.810 F1 0.847 (419 stories); headlines P 0.810 R 0.675 F1 0.736 (465 stories); undated paragraphs P 0.874 R 0.799 F1 0.834 (427 stories); undated headlines P 0.775 R 0.663 F1 0.714 (457 stories).
export const FITTED = {
  bias: -7.4695,
  weights: {
    centroid: 4.3571,
    best: 5.6575,
    head: 1.9037,
    rarest: 7.5062,
    rarestName: 1.0383,
    quote: 0.8073,
    sameDay: 0.3008,
    otherDay: -2.3623,
    gapDays: -1.4623,
    undated: -2.2597,
    together: 0.6409,
    short: 0.9731,
    shortCentroid: -1.1751,
    shortBest: -0.5748,
    shortRarest: -1.2054
  },
  threshold: -1.25
} as const;
