/** Words for kinds of organisation: "carrier SunExpress", "Kosmos, a group founded by…". */
export const ORGANISATION_NOUNS =
  'company|firm|startup|start-up|carrier|airline|retailer|group|brand|maker|manufacturer|giant|rival|subsidiary|platform|network|outlet|newspaper|journal|magazine|tabloid|website|agency|bank|lender|insurer|operator|developer|publisher|studio|label|broadcaster|chain|conglomerate|automaker|carmaker|supplier|charity|organisation|organization|nonprofit|non-profit|band|club|team|party|union|university|school|app|site|service|marketplace|exchange|provider|producer|vendor|distributor|consultancy|regulator|watchdog|militia|movement|broker|brokerage|fund|chipmaker|drugmaker|miner|utility|association|federation|league|coalition|alliance|authority|ministry|institute|foundation|think tank';
/** Text just before a name that makes it an organisation: "carrier X", "CEO of X", "layoffs at X". */
export const ORGANISATION_NOUN_BEFORE = new RegExp(
  `\\b(?:${ORGANISATION_NOUNS}|(?:ceo|founder|co-founder|chief executive|chairman|president|spokesperson|spokesman|spokeswoman|employees|staff|investors|shareholders|customers|users)\\s+(?:of|at)|acquired|bought|joined|sued|invested in|stake in|layoffs at|works at|worked at|takeover of|bid for|shares in|merger with|owner of|owned by|unit of|subsidiary of|division of|rival|statement from|(?:profits?|revenues?|sales|earnings|losses) at)\\s+$`,
  'i',
);
/** Text just after a name that makes it an organisation: "Meetup’s chief executive", "Sonos shares". */
export const ORGANISATION_FOLLOWER =
  /^(?:['’]s?)?\s+(?:ceo|chief executive|founder|co-founder|spokesperson|spokesman|spokeswoman|shares|stock|headquarters|employees|board|app|platform|subscribers|customers)\b|^,?\s+(?:which|that)\s+(?:owns|operates|runs|makes|employs|publishes|manufactures|produces)\b|^\s+(?:was|were)\s+(?:founded|established|set up)\b|^\s+is\s+(?:headquartered|listed)\b/i;
/** An apposition naming a kind of organisation: "Kosmos, a group co-founded by…". */
export const ORGANISATION_APPOSITION = new RegExp(`^['’]?s?,\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}(?:${ORGANISATION_NOUNS})\\b`, 'i');
/** One of those words on its own: "developer", "publisher" name a firm as often as a person's job. */
export const ORGANISATION_NOUN = new RegExp(`^(?:${ORGANISATION_NOUNS})$`, 'i');
/**
 * A job in a club or firm right after a name, without a possessive: "Velmont manager Joe Bright", "the Wagner boss";
 * "Trump’s supporters", "Swift’s manager" are a person's.
 */
export const MEMBER_AFTER = /^\s+(?:manager|boss|striker|midfielder|defender|goalkeeper|keeper|winger)\b/i;
/** A word for a kind of organisation right before a name: "the union Prospect", "broadcaster Sky". */
export const ORGANISATION_KIND_BEFORE = new RegExp(`\\b(?:${ORGANISATION_NOUNS})\\s+$`, 'i');
