/**
 * Words that never decide a match. Two lists: STOPWORDS are dropped everywhere (index and
 * question alike, which also keeps the index small); QUESTION_FILLER is dropped from
 * questions only, so that "what's the latest on Taiwan?" searches for Taiwan and not for
 * "latest" (a word a summary may well contain).
 */

export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being
  below between both but by cannot could couldn did didn do does doesn doing don down during each few for from
  further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn
  it its itself just me more most mustn my myself no nor not now of off on once only or other ought our ours
  ourselves out over own same shan she should shouldn so some such than that the their theirs them themselves
  then there these they this those through to too under until up very was wasn we were weren what when where
  which while who whom why will with won would wouldn you your yours yourself yourselves s t d ll m o re ve y
  whats thats theres heres hows whos wheres whens whys ive youre theyre weve theyve id youd hed shed itd`
    .split(/\s+/)
    .filter(Boolean),
);

export const QUESTION_FILLER: ReadonlySet<string> = new Set(
  `latest news update updates happening happened going go goes tell show give find search anything
  something everything story stories headline headlines info information know recent recently lately please
  hi hello hey thanks thank any new newest current currently whats summary summaries brief briefing
  get got me let lets can could would`
    .split(/\s+/)
    .filter(Boolean),
);
