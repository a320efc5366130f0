// Words and patterns around a capitalised run that say what it names (English).

export const CONNECTORS = new Set(['of', 'for', 'on', 'and', '&', 'the']);
// Offices held in a company, not a state: "Chief Executive Officer of X", "Founder of X" name a firm.
export const CORPORATE_ROLES = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'cmo',
  'founder',
  'co-founder',
  'cofounder',
  'chairman',
  'chairwoman',
  'executive',
  'owner',
]);
// First words that make "X of Y" one organisation name.
export const ORGANISATION_HEADS = new Set([
  'university',
  'department',
  'bank',
  'office',
  'ministry',
  'institute',
  'museum',
  'bureau',
  'board',
  'council',
  'federation',
  'association',
  'society',
  'church',
  'college',
  'school',
  'academy',
  'commission',
  'committee',
  'agency',
  'house',
  'court',
  'league',
  'order',
  'chamber',
  'secretary',
  'division',
  'army',
  'corps',
  'organization',
  'organisation',
  'union',
  'party',
  'friends',
  'sisters',
  'brotherhood',
  'republic',
  'kingdom',
  'state',
  'states',
  'city',
  'port',
  'isle',
  'gulf',
  'bay',
  'cape',
  'sea',
  'lake',
  'mount',
  'straits',
  'strait',
]);
// Heads that make "X for Y" one organisation ("Center for…", "Alliance for…", "Campaign for…").
export const FOR_HEADS = new Set([
  'center',
  'centre',
  'alliance',
  'campaign',
  'coalition',
  'foundation',
  'fund',
  'network',
  'project',
  'partnership',
  'initiative',
  'trust',
  'committee',
  'council',
  'institute',
  'society',
  'association',
  'office',
  'agency',
  'commission',
]);
// Lower-case words after a name that say what it names: "the Communist party", "Zabul province".
export const ORGANISATION_WORD_AFTER =
  /^\s+(?:plc|ltd|llc|inc|gmbh|militants|fighters|insurgents|rebels|militiamen|jihadists|party|network|movement|militia|group|commission|council|ministry|government|administration|brigade|front|faction|union|federation|foundation|league|club|band|newspaper|magazine|website|tabloid|broadcaster|channel|outlet|agency|firm|company|conglomerate|startup|airline|carrier|brand|label|studio|publisher|charity|nonprofit|think tank)\b/;
export const PLACE_WORD_AFTER =
  /^\s+(?:province|county|district|region|prefecture|state|village|town|township|municipality|city|borough|island|river|valley|plateau|desert|mountains?|peninsula|oblast|governorate|canton|commune|suburb|neighbou?rhood|islands|archipelago|airport|estuary|coast|glacier|volcano)\b/;
// Lower-case nouns for kinds of place; "the town of Kendal", "Evia, an island off", "Beryslav, a town in".
const PLACE_KIND =
  '(?:town|city|village|hamlet|settlement|township|municipality|commune|borough|suburb|suburbs|neighbou?rhood|district|province|region|prefecture|county|state|island|islands|archipelago|peninsula|port|capital|resort|enclave|oblast|canton)';
// "the town of X", "the Greek island of X", "the outskirts of X", "the coast of X": a place named after "of".
// Not "state", "capital", "port" or "resort": "the state of Play", "the capital of Cool", "a last resort of X".
export const PLACE_OF_BEFORE =
  /\b(?:town|city|village|hamlet|settlement|township|municipality|commune|borough|suburbs?|neighbou?rhood|district|province|region|prefecture|county|island|islands|archipelago|peninsula|enclave|oblast|canton|outskirts|coast|shores)\s+of\s+$/;
// "X, a town in Y", "X, the capital of Y", "X, a city of 40,000 people", "X, a fishing village where": an
// apposition that says the name is a kind of place.
export const PLACE_APPOSITION = new RegExp(
  `^,\\s+(?:a|an|the)\\s+(?:(?!(?:of|in|at|from|for|to|on|by|with|the|a|an)\\s)[\\p{Ll}\\d-]+[\\s,]+){0,3}?${PLACE_KIND}\\s+(?:in|on|of|near|off|outside|along|across|north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|about|some|where|which|that|with|known|home)\\b`,
  'u',
);
// "north of X", "20 miles south-east of X": a bearing from a place.
export const BEARING_OF_BEFORE =
  /\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+$/;
// "Hesse's justice minister", "Kherson's governor", "Corsica's coastline": what only a place has, after its possessive.
export const PLACE_POSSESSION_AFTER =
  /^\s+(?:[\p{Ll}-]+\s+){0,2}?(?:governor|mayor|minister|ministry|premier|legislature|outskirts|suburbs|countryside|coastline|shores|old town|city cent(?:re|er)|town hall|city hall|provincial|regional government|inhabitants)\b/u;
// First words that make a run a natural feature or a settlement: "Mount Kenya", "Lake Victoria", "Cape Cod".
export const PLACE_HEADS = new Set(['mount', 'mt', 'mt.', 'lake', 'cape', 'isle', 'fort', 'gulf']);

export const COMPASS = new Set([
  'inner',
  'outer',
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'upper',
  'lower',
  'greater',
  'north-east',
  'north-west',
  'south-east',
  'south-west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
]);
export const PREPOSITIONS_OF_PLACE = new Set([
  'in',
  'at',
  'from',
  'near',
  'across',
  'outside',
  'inside',
  'throughout',
  'around',
  'towards',
  'toward',
  'via',
]);
// Someone speaks to, or is quoted by, "the X": an outlet or a body, never a person.
export const OUTLET_BEFORE =
  /\b(?:told|tells|tell|telling|according to|reported by|in an interview with|an interview with|a statement to|a spokesperson for|a spokesman for|a spokeswoman for)\s+the\s+$/i;
// A job or role, then "at": "senior vp partnerships and revenue at", "a professor of law at".
export const ROLE_AT =
  /\b(?:ceo|cfo|cto|coo|vp|president|director|head|chief|officer|manager|executive|analyst|economist|engineer|researcher|scientist|professor|fellow|editor|reporter|writer|partner|founder|co-founder|spokes\w+|chair\w*|lead|leader|strategist|specialist|consultant|employee|staff|worker|intern|revenue|marketing|sales|partnerships|games|research|policy|communications)s?\b[^.,;:]{0,40}\bat\s+$/i;
/** AP abbreviations of US states (without dots), read only after "Town, ". */
export const US_STATE_ABBREVIATIONS = new Set(
  'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev nh nj nm ny nc nd okla ore pa ri sc sd tenn tex vt va wash wva wis wyo'.split(
    ' ',
  ),
);

// "Alex Horton of the Washington Post"
export const OF_THE_AFTER = /^\s+of\s+the\s+\p{Lu}/u;
export const SPEECH_AFTER =
  /^(?:['’]s?)?,?\s+(?:said|says|told|added|wrote|writes|explained|asked|replied|recalled|insisted|noted|argued|warned|tweeted)\b/i;
// A lower-case agent noun right before a name: "keeper Kepa Arrizabalaga", "biochemist Soraya Shirazi-Beechey",
// "founders Merav Eitan"; not the function words and comparatives that share the endings.
export const AGENT_NOUN_BEFORE = /(?:^|[^\p{L}])(\p{Ll}{3,}(?:ist|ian|er|or)s?)\s+$/u;
export const NOT_AGENT_NOUNS = new Set(
  'after over under other another never ever either neither whether rather together however former latter earlier later older newer larger bigger smaller higher lower better faster cheaper longer stronger further farther minor major prior her their our your super number order matter member quarter corner border paper letter water power winter summer cancer chapter register'.split(
    ' ',
  ),
);
// ", 45, " / ", a spokesman for" / ", who ": an apposition that describes a person.
export const PERSON_APPOSITION =
  /^,\s+(?:\d{1,3},|(?:Senior\s+|Executive\s+|Deputy\s+|Managing\s+|Vice\s+|Assistant\s+|Associate\s+)?(?:Head|Chief|Director|President|Chair\w*|Founder|Co-founder|Partner|Analyst|Economist|Strategist|Editor|Professor|Manager|Officer|Secretary|CEO|CFO|CTO|COO)\s+(?:[A-Z][\w&-]*\s+)*(?:of|at|for)\s|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes\w+|chief|director|professor|head|founder|leader|president|manager|member|author|researcher|scientist|analyst|economist|lawyer|attorney|officer|minister|senator|mayor|coach|player|actor|actress|singer|writer|editor|reporter|correspondent|executive|chair\w*|secretary|adviser|advisor|expert|doctor|student|resident|owner|partner|teacher|worker|official|co-founder|ceo|cfo)\b|who\s)/i;

// Words that, opening a run of capitals, are no part of the name ("The", "But", "Former").
export const LEADING_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'but',
  'and',
  'or',
  'so',
  'if',
  'when',
  'while',
  'as',
  'at',
  'in',
  'on',
  'for',
  'with',
  'from',
  'by',
  'after',
  'before',
  'former',
  'late',
  'meanwhile',
  'however',
]);
