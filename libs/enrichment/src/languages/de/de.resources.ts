/*
 * German language resources, written for Copydesk from general knowledge of German news style (not from any
 * article set): function words, titles and roles that are not part of a name, organisation heads and legal forms,
 * common given names, and the German names of large European cities that GeoNames lists under their English or
 * local name. Lower case.
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Function words: never a name, left out of topic cues. */
export const DE_STOPWORDS = words(`
der die das des dem den ein eine einer eines einem einen und oder aber doch sondern denn weil dass daß ob wenn als
wie so auch noch schon nur nicht kein keine keiner keinen keinem keines sehr mehr viel viele vielen wieder immer
ich du er sie es wir ihr mich dich sich uns euch ihm ihn ihnen mein meine dein sein seine ihre ihren ihrem ihres
unser unsere euer eure man wer was wo wann warum wieso weshalb welche welcher welches dieser diese dieses diesen
diesem jener jene jenes alle alles allem allen jeder jede jedes jedem jeden hier dort da dann danach davor dabei
dafür dagegen damit darauf daraus darüber darum davon dazu deshalb deswegen trotzdem jedoch zudem außerdem bereits
etwa rund fast kaum ganz gar nun jetzt heute gestern morgen bald zuletzt zunächst erst später früher zwar nämlich
in im ins an am ans auf aus bei beim bis durch für gegen mit nach ohne seit um unter über vor vom von zu zum zur
zwischen neben hinter während wegen trotz laut ab pro je per via ist sind war waren wird werden wurde wurden worden
sein hat haben hatte hatten habe kann können konnte konnten muss müssen musste mussten soll sollen sollte sollten
will wollen wollte darf dürfen durfte mag möchte möchten sei wäre wären hätte hätten gibt gab geht ging kommt kam
macht machte sagt sagte neue neuen neuer neues ersten erste zwei drei vier fünf sechs sieben acht neun zehn
sowie bzw usw etc z.b. eines eins einzelne weitere weiteren anderen andere anderer beiden beide mehrere einige
weiter weiterhin ebenfalls ebenso abschließend anschließend hierzu allerdings gleichzeitig zuvor damals
schließlich letztlich inzwischen mittlerweile stattdessen dennoch jedenfalls
`);

/** Titles and roles before a name, in any gender and number; never part of the name. */
export const DE_TITLES = words(`
herr herrn frau dr dr. prof prof. professor professorin papst kardinal bischof bischöfin pfarrer pfarrerin pastor
pastorin präsident präsidentin bundespräsident bundespräsidentin vizepräsident vizepräsidentin kanzler kanzlerin
bundeskanzler bundeskanzlerin minister ministerin bundesminister bundesministerin ministerpräsident
ministerpräsidentin staatssekretär staatssekretärin senator senatorin bürgermeister bürgermeisterin
oberbürgermeister oberbürgermeisterin landrat landrätin abgeordnete abgeordneter abgeordneten sprecher sprecherin
pressesprecher pressesprecherin vorsitzende vorsitzender vorsitzenden chef chefin geschäftsführer
geschäftsführerin vorstand vorstandschef vorstandschefin vorstandsvorsitzende vorstandsvorsitzender direktor
direktorin leiter leiterin gründer gründerin trainer trainerin coach kapitän stürmer torwart torhüter spieler
spielerin sänger sängerin schauspieler schauspielerin autor autorin regisseur regisseurin künstler künstlerin
richter richterin anwalt anwältin rechtsanwalt rechtsanwältin staatsanwalt staatsanwältin polizeisprecher
polizeisprecherin experte expertin forscher forscherin wissenschaftler wissenschaftlerin ökonom ökonomin
intendant intendantin generalsekretär generalsekretärin parteichef parteichefin fraktionschef fraktionschefin
landeschef landeschefin könig königin prinz prinzessin fürst fürstin graf gräfin ceo cfo kollege kollegin
`);

/** Last word parts of organisation names ("Landgericht", "Bundesministerium", "Malteser Hilfsdienst"). */
export const DE_ORGANISATION_HEADS = [
  'gesellschaft',
  'verband',
  'verbands',
  'verein',
  'vereins',
  'vereinigung',
  'partei',
  'ministerium',
  'ministeriums',
  'amt',
  'amts',
  'behörde',
  'gericht',
  'gerichts',
  'gerichtshof',
  'universität',
  'hochschule',
  'institut',
  'instituts',
  'stiftung',
  'agentur',
  'ausschuss',
  'ausschusses',
  'bund',
  'bundes',
  'kammer',
  'bank',
  'konzern',
  'konzerns',
  'werke',
  'werken',
  'betriebe',
  'betrieben',
  'dienst',
  'dienstes',
  'hilfe',
  'kirche',
  'akademie',
  'kommission',
  'parlament',
  'parlaments',
  'bundestag',
  'bundestags',
  'landtag',
  'landtags',
  'bürgerschaft',
  'senat',
  'gewerkschaft',
  'genossenschaft',
  'klinikum',
  'zeitung',
  'rundfunk',
  'verlag',
  'verlags',
  'sender',
  'gruppe',
  'holding',
  'kollektiv',
  'bündnis',
  'union',
  'rat',
  'rats',
  'komitee',
  'zentrale',
  'aktion',
  'konservatorium',
  'internat',
  'schule',
  'gymnasium',
  'orchester',
  'theater',
  'liga',
  'polizei',
  'feuerwehr',
  'staatsanwaltschaft',
  'regierung',
  'wehr',
  'klinik',
  'kliniken',
  'krankenkasse',
  'verbund',
  'verwaltung',
  'versicherung',
  'anstalt',
  'präsidium',
  'jobcenter',
  'hilfswerk',
  'sparkasse',
  'ersatzkasse',
  'club',
];

/** Heads that name a kind of body on their own, so only with a modifier or a name are they an organisation. */
export const DE_GENERIC_HEADS = words(
  'partei bank kirche regierung polizei feuerwehr staatsanwaltschaft gericht amt verein verband ministerium universität hochschule schule zeitung gruppe union rat bund senat kommission parlament dienst hilfe aktion internat theater sender verlag institut stiftung agentur ausschuss kammer akademie liga zentrale werke werken betriebe betrieben club verwaltung versicherung anstalt präsidium jobcenter',
);

/** Generic heads named by what follows: "Verband der Ersatzkassen", "Institut für Tropenmedizin", "Bund der Steuerzahler". */
export const DE_JOINED_HEADS = words(
  'verband verein bund institut universität hochschule akademie stiftung ministerium kommission ausschuss gesellschaft anstalt',
);

/** Heads that also end everyday compounds: "Winterdienst", "Ehrenamt", "Redaktion", "Zielgruppe", "Datenbank". */
export const DE_WEAK_HEADS = words(
  'amt amts dienst dienstes hilfe aktion gruppe rat rats bund bundes bank kammer werke zentrale union schule kirche theater sender zeitung kollektiv wehr club werken betriebe betrieben verwaltung versicherung anstalt präsidium',
);

/** Prefixes of compounds that name one institution: "Bundesamt", "Landeskirche", "Europaparlament", "Staatstheater". */
export const DE_INSTITUTION_PREFIX =
  /^(?:bundes|landes|staats|europa|stadt|kreis|amts|ober|verwaltungs|verfassungs|finanz|arbeits|sozial|kirchen)/u;

/** Legal forms after a company name. */
export const DE_LEGAL_FORMS = /^(?:GmbH|AG|SE|KG|KGaA|OHG|GbR|eG|e\.V\.|e\. V\.|gGmbH|mbH|UG|Co\.|Ltd\.?|Inc\.?|S\.A\.|N\.V\.|plc)$/;

/** Sports club prefixes: "FC Bayern", "VfB Stuttgart". */
export const DE_CLUB_PREFIXES = words('fc sv vfb vfl tsv tsg sc fsv bsc hsv rb spvgg ssv sg 1.');

/** Common given names in Germany, Austria and Switzerland. */
export const DE_GIVEN_NAMES = words(`
alexander andreas anna annalena barbara bernd birgit brigitte christian christiane christina christine christoph
claudia daniel daniela dieter dirk doris eva elke erika florian frank franz friedrich gabriele georg gerhard gisela
gudrun günter günther hans hannah heike heinz helga helmut herbert horst ingrid jan jana jens jörg johannes jonas
josef julia jürgen karin karl karl-heinz katharina kathrin katrin klaus kerstin lena leon lea lukas manfred marco
marcel maria marion markus martin martina matthias max maximilian michael monika nadine nicole niklas norbert olaf
oliver patrick paul peter petra philipp rainer ralf renate robert roland rolf sabine sandra sarah sebastian silke
simon sophie stefan stefanie stephan susanne sven thomas tobias torsten ulrich ulrike ursula ute uwe volker walter
werner wolfgang knut lotte theodor dietmar detlef hartmut siegfried gerd kurt ernst otto fritz hermann wilhelm
heinrich ludwig margarete elisabeth johanna luisa mia emma marie leonie lara laura lisa vanessa jennifer melanie
markus mathias mats felix finn lars nils kai timo tim tom till lutz reinhard reinhold rüdiger bärbel hildegard
irmgard anke antje astrid beate dagmar friederike gesine hannelore ines jutta kirsten marlies regina sigrid svenja
tanja vera wiebke annette angela armin olaf robert cem hubertus joachim friedrich-wilhelm karl-theodor markus
holger jörn ingo axel achim bernhard björn carsten karsten christof clemens dennis dominik erik fabian falk gregor
hendrik henning jakob jochen jonathan julian kevin konstantin lothar malte manuel marius mario moritz nico pascal
rené sascha steffen thorsten ulf valentin vincent wilfried winfried alois anton benedikt eckhard egon elmar emil
erwin eugen ferdinand gottfried gustav hubert konrad leonhard lorenz ludger nikolaus rudolf sepp toni xaver
helene charlotte franziska gabi gaby hanna ilse inge isabel jasmin josefine judith karla katja kristina lieselotte
lina luise magdalena manuela margit marlene martha nina paula rosemarie sabrina sophia simone tina verena viktoria
yvonne anja annika bettina carola cornelia diana elena franka greta heidi henriette irene jessica lydia miriam
nadja natalie nora olga pia ramona ricarda ronja selina stella theresa ruth hedwig emilia clara maja ella luca ben
elias noah henry theo leo luis david samuel aaron benjamin daniel dana gunnar harald heiko hinrich jannik janina
kai-uwe lukas-maximilian mareike merle nele ole piet sönke thilo timm uta ulla waltraud wolf-dieter hans-jürgen
hans-peter klaus-dieter karl-josef
`);

/** Endings that make a compound a role ("Vereinschef", "CSU-Chef", "Polizeisprecherin", "Sportdirektor"). */
export const DE_ROLE_ENDINGS = [
  'chef',
  'chefin',
  'sprecher',
  'sprecherin',
  'präsident',
  'präsidentin',
  'direktor',
  'direktorin',
  'minister',
  'ministerin',
  'leiter',
  'leiterin',
  'trainer',
  'trainerin',
  'vorsitzende',
  'vorsitzender',
  'politiker',
  'politikerin',
  'experte',
  'expertin',
  'manager',
  'managerin',
  'funktionär',
  'funktionärin',
  'sekretär',
  'sekretärin',
  'berater',
  'beraterin',
  'kommissar',
  'kommissarin',
];

/** Titles and roles, also as the end of a compound ("Vereinschef" is a role as "Chef" is). */
export class RoleWords extends Set<string> {
  constructor(
    words: Iterable<string>,
    private readonly endings: readonly string[],
  ) {
    super(words);
  }

  override has(word: string): boolean {
    if (super.has(word)) return true;
    // At least three letters before the ending: "Fraktionschef", not a name such as "Schef".
    return this.endings?.some((e) => word.length >= e.length + 3 && word.endsWith(e)) ?? false;
  }
}

/*
 * "so" attributes only before its speaker ("so der Minister", "so Müller.", "so Müller am Montag"), never as the
 * adverb ("bleibt so glücklicherweise erhalten"). The rules are matched case-insensitively, so a name is told from
 * a word by what ends it (punctuation or a preposition) and by adverb endings ("-weise", "-lich").
 */
const SO_ATTRIBUTION =
  'so(?=\\s+(?:der|die|das|den|dem|des|ein|eine|einer|sein|seine|ihr|ihre|unser|unsere)\\s|\\s+(?![\\p{L}-]*(?:weise|lich|isch|bar|sam|haft)\\s)\\p{L}[\\p{L}.-]*(?:\\s+\\p{L}[\\p{L}-]*)?(?:\\s*[.,;)]|\\s+(?:am|im|weiter|gegenüber|in|auf|bei|laut|zufolge|nach)\\s))';

/** Speech verbs and attribution words: "sagte er", "so der Minister", "laut", "erklärte die Sprecherin". */
export const DE_SPEECH_VERBS =
  'sagt|sagte|sagten|sagen|gesagt|erklärt|erklärte|erklärten|betont|betonte|meint|meinte|fordert|forderte|kritisiert|kritisierte|warnt|warnte|ergänzt|ergänzte|fügt|fügte|berichtet|berichtete|erzählt|erzählte|schreibt|schrieb|' +
  SO_ATTRIBUTION +
  '|laut|zufolge|sagt er|teilt|teilte|bestätigt|bestätigte|unterstreicht|unterstrich|resümiert|resümierte|findet|fand|glaubt|glaubte|räumt|räumte|antwortet|antwortete|fragt|fragte|verspricht|versprach|mahnt|mahnte|appelliert|appellierte|kommentiert|kommentierte|äußert|äußerte|zitiert|betonen|erklären|fordern|kündigt|kündigte|erläutert|erläuterte|schildert|schilderte|bilanziert|bilanzierte|versichert|versicherte|ergänzen|ergänzten|lobt|lobte|beklagt|beklagte|bemängelt|bemängelte|verrät|verriet|gesteht|gestand|twittert|twitterte|postete|unterstreicht|hofft|hoffte|freut sich|freute sich|zeigt sich|zeigte sich|heißt es|hieß es|stellt klar|stellte klar|führt aus|führte aus|gibt zu bedenken|gab zu bedenken|weiß|wusste|rief|ruft|sagen|sagten|meinen|meinten|berichten|berichteten|argumentiert|argumentierte|begründet|begründete|entgegnet|entgegnete|widerspricht|widersprach|warnen|warnten|bekräftigt|bekräftigte|schwärmt|schwärmte|urteilt|urteilte|prognostiziert|prognostizierte|rät|riet|raten|rieten|beschreibt|beschrieb|erinnert|erinnerte|kontert|konterte|gibt an|gab an|stellt fest|stellte fest|fasst zusammen|fasste zusammen';

/** Month names: "Mitte Juni", "Ende März" are points in time. */
export const DE_MONTHS = words('januar jänner februar feber märz april mai juni juli august september oktober november dezember');

/** Nouns that name the kind of place after them: "Kanton Jura", "Region Paznaun", "Landkreis Harburg". */
export const DE_PLACE_HEADS = words(
  'kanton bundesland land landkreis kreis bezirk region provinz gemeinde stadt dorf ortsteil stadtteil insel halbinsel fluss tal département departement',
);

/** Compounds naming a kind of place before its name: "Nordseeinsel Sylt", "Urlaubsregion Paznaun", "Hansestadt Rostock". */
export const DE_PLACE_HEAD_ENDING = /^\p{Ll}{3,}(?:insel|inseln|inselgruppe|region|stadt|hauptstadt|metropole|halbinsel)$/u;

/**
 * A motorway or federal road's number after a road word or a preposition with its article: "auf der A7", "die
 * Bundesstraße B171", "über die A1" (a number alone is a paper size or a car model: "A4", "der A3").
 */
export const DE_ROAD =
  /(?:(?:auf|über|an|von|zur|nach|bis zur)\s+(?:der|die|dem)|Autobahn|Bundesstraße|Landesstraße|Kreisstraße|Schnellstraße)\s+[ABLK]\d{1,3}$/iu;

/** "Westdeutschland", "Nordspanien", "Südostasien": a compass prefix on a country or region. */
export const DE_COMPASS_PREFIX = /^(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Mittel|Zentral|Ober|Nieder)(\p{Lu}?\p{Ll}+)$/u;

/** Kinds of organisation, as the end of a compound: "Musikkonzern", "Streamingdienst", "Verleihfirmen", "Band". */
export const DE_ORGANISATION_KINDS =
  /(?:konzern|konzerne|unternehmen|firma|firmen|band|bands|zeitung|zeitungen|sender|label|labels|plattform|plattformen|streamingdienst|onlinedienst|kurznachrichtendienst|hersteller|autobauer|händler|discounter|start-up|startup|magazin|magazine|zeitschrift|zeitschriften|agentur|portal|netzwerk|club|klub|gewerkschaft|airline|fluggesellschaft|kette|versicherer|anbieter|betreiber|entwickler|studio|marke|riese|gigant|verlag|verlage|partei|parteien|verein|vereine|verband|organisation|initiative|bündnis)$/u;

/** Endings of German common nouns (and verbs) that a name after a kind noun does not have. */
export const DE_COMMON_NOUN_ENDING =
  /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse|chen|lein|ieren|ierte|lich|isch)$/u;

/**
 * Acronyms in German copy that name no organisation (upper case): tournaments, laws and rules, diseases and medical
 * terms, techniques and vehicles, units and taxes.
 */
export const DE_COMMON_ACRONYMS = new Set(
  `WM EM DM OL BGB STGB GG DSGVO EEG HGB STVO HIV AIDS DNA DNS RNA MRT CT EKG ADHS PTBS BMI IQ COVID SARS DSL LTE UMTS
  HD MP3 FAQ PC APP NFC QR MMS ABS SUV MTB DJ KFZ ÖPNV AKW BIP MWST UV OP NFT VR AR ICE IC KM PDF HTML
  URL WWW CEO CFO CTO COO VIP`.split(/\s+/),
);
