/** English function words: left out of topic features, keywords and summary scoring. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against ago all almost along also although always am among an and another any anyone
anything are around as at away back be became because become becomes been before being below between both but by
can cannot could did do does doing done down during each either else enough even ever every few for from further
get gets getting got had has have having he her here hers herself him himself his how however i if in into is it
its itself just last least less let like made make makes many may me might more most much must my myself near
need needs neither never new next no nor not now of off often on once one only onto or other others our ours
ourselves out over own per perhaps put quite rather really s same say says said see seen several shall she should
since so some something still such than that the their theirs them themselves then there these they this those
though three through thus to too took two under until up upon us use used very via was way we well went were what
whatever when where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves mr mrs ms dr told year years week weeks day days time times month months also back going
want wants take takes taken include including includes first second third four five six seven eight nine ten
around across already among whose because however according just don't can't won't it's i'm he's she's that's
there's they're we're you're isn't wasn't aren't didn't doesn't`.split(/\s+/),
);
