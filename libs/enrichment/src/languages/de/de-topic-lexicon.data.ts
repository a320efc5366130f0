import type { TopicLexicon } from '../../topics/topic.lexicon';

/**
 * German cue words for the 17 top-level IPTC Media Topics, written for Copydesk from general knowledge of German
 * news vocabulary (not derived from any article set). `wort*` matches any word starting with it, which suits German
 * compounds ("Fußball*" matches "Fußballspiel"). Lower case.
 */
export const DE_TOPIC_LEXICON: TopicLexicon = [
  [
    'medtop:01000000',
    'kunst*|künstler*|kultur*|film*|kino*|musik*|konzert*|album|alben|sänger*|band|bands|theater*|oper|opern*|schauspiel*|regisseur*|ausstellung*|museum*|museen|roman|romane|autor*|schriftsteller*|literatur*|buch|bücher|festival*|premiere*|bühne*|fernseh*|serie|serien|medien*|zeitung*|journalis*|verlag*|rundfunk*|streaming*|netflix|lied*|tanz*|ballett*',
  ],
  [
    'medtop:02000000',
    'polizei*|gericht*|landgericht*|amtsgericht*|richter*|staatsanwalt*|anklage*|angeklagt*|prozess*|urteil*|verurteil*|haft*|gefängnis*|straftat*|verbrechen|mord*|totschlag|diebstahl*|betrug*|festnahme*|festgenommen|ermittl*|täter*|tatverdächtig*|kriminal*|klage*|kläger*|anwalt*|rechtsanwalt*|justiz*|gesetz*|strafe*|verfahren*|einbruch*|gutachter*|beschwerde*',
  ],
  [
    'medtop:03000000',
    'unfall*|unfälle*|unglück*|katastrophe*|katastrophen*|brand|brände|feuerwehr*|rettung*|rettungs*|verletzte*|verletzt|tote|todesopfer*|hochwasser*|überschwemmung*|erdbeben*|explosion*|evakuier*|notfall*|notfälle*|einsatzkräfte*|bevölkerungsschutz*|zivilschutz*|krise*|krisen*|hilfsorganisation*|sanitäter*|absturz*|lawine*',
  ],
  [
    'medtop:04000000',
    'wirtschaft*|unternehmen*|firma|firmen*|konzern*|umsatz*|gewinn*|bilanz*|aktie*|börse*|investor*|investition*|markt|märkte*|marktes|preis|preise|kosten|euro|milliarde*|million*|bank|banken*|finanz*|inflation*|handel*|export*|import*|kunden*|produkt*|hersteller*|industrie*|mittelstand*|geschäft*|vertrieb*|startup*|gmbh|ag|kaufen|verkauf*|angebot*|miete*|immobilie*|wohnung*|bau|bauen|baubranche*|steuer*',
  ],
  [
    'medtop:05000000',
    'schule*|schüler*|lehrer*|unterricht*|bildung*|universität*|hochschule*|studium|studier*|student*|studenten*|studierende*|ausbildung*|azubi*|kita*|kindergarten*|abitur*|professor*|lehre|hörsaal*|semester*|asta|lernen|erzieh*',
  ],
  [
    'medtop:06000000',
    'umwelt*|klima*|klimawandel*|natur*|naturschutz*|artenschutz*|tier*|tiere|wald|wälder*|baum|bäume*|straßenbäume*|emission*|co2|energie*|erneuerbar*|solar*|windkraft*|nachhaltig*|müll|abfall*|recycling*|plastik*|wasser*|luft*|verschmutz*|ökolog*|biodiversität*|landschaft*|pflanze*|garten*|gärten*|boden*',
  ],
  [
    'medtop:07000000',
    'gesundheit*|krankheit*|krank*|patient*|arzt|ärzt*|klinik*|krankenhaus*|krankenhäuser*|pflege*|medizin*|medikament*|therapie*|behandlung*|virus*|viren|corona*|covid*|impf*|infektion*|symptom*|diagnose*|ernährung*|diät*|körper*|schmerz*|psych*|depression*|sucht*|zucker*|abnehmen|gewicht*|krebs*|blut*',
  ],
  [
    'medtop:08000000',
    'tot|gestorben|starb|verstorben*|geburtstag*|jubiläum*|hochzeit*|familie*|kinder*|mutter|vater|liebe|schicksal*|erinnerung*|promi*|prominent*|star|stars|adel*|königin*|prinz*|skurril*|kurios*',
  ],
  [
    'medtop:09000000',
    'arbeit*|arbeitnehmer*|arbeitgeber*|beschäftigt*|job|jobs|stelle*|gehalt*|gehälter*|lohn*|löhne*|mindestlohn*|gewerkschaft*|streik*|tarif*|kündigung*|arbeitslos*|fachkräfte*|personal*|mitarbeiter*|mitarbeitende*|betriebsrat*|rente*|renten*|freistellung*|ehrenamt*|ehrenamtlich*|helfende*|karriere*|bewerbung*',
  ],
  [
    'medtop:10000000',
    'freizeit*|urlaub*|reise*|reisen|tourismus*|tourist*|hotel*|ausflug*|wandern*|wanderung*|trail*|route*|fahrrad*|rad|radfahr*|mountainbike*|bike*|camping*|kochen|rezept*|essen|restaurant*|küche*|backen|wein*|bier*|mode*|kleid*|schuh*|beauty*|kosmetik*|haut|haare*|frisur*|wohnen|einrichtung*|deko*|hobby*|spiel|spiele|sprache*|sprachkurs*|lernen|tipps|tipp|ratgeber*|shopping*|auto|autos|fitness*|yoga*|meditation*|achtsamkeit*|entspannung*|wellness*|workout*|horoskop*|sternzeichen*|astrolog*|flirt*|dating|fußgängerzone*|innenstadt*|sommer*|strand*',
  ],
  [
    'medtop:11000000',
    'politik*|politisch*|regierung*|bundesregierung*|minister*|ministerium*|kanzler*|bundestag*|landtag*|parlament*|partei*|parteien|wahl|wahlen|wahlkampf*|abgeordnete*|koalition*|koalitionsvertrag*|opposition*|gesetzentwurf*|bürgermeister*|stadtrat*|gemeinderat*|senat*|behörde*|verwaltung*|präsident*|spd|cdu|csu|fdp|afd|grüne*|linke|eu|bundesländer*|föderal*|haushalt*|bundeshaushalt*|reform*|demokratie*|kommune*|kommunal*|stadt|städte',
  ],
  [
    'medtop:12000000',
    'kirche*|kirchen*|papst*|vatikan*|katholisch*|evangelisch*|bischof*|pfarrer*|gottesdienst*|glaube*|gläubig*|religion*|religiös*|gott|islam*|muslim*|moschee*|jüdisch*|juden*|synagoge*|christ*|theolog*|seelsorge*|gemeinde*|bibel*|missbrauch*',
  ],
  [
    'medtop:13000000',
    'wissenschaft*|forsch*|studie*|technologie*|technik*|digital*|software*|internet*|computer*|smartphone*|handy*|app|apps|daten*|künstliche intelligenz|ki|algorithm*|roboter*|raumfahrt*|weltraum*|physik*|chemie*|biologie*|labor*|experiment*|innovation*|online|web|website*|chip*|elektronik*|gerät*|cybersecurity|hacker*',
  ],
  [
    'medtop:14000000',
    'gesellschaft*|sozial*|integration*|migration*|migrant*|flüchtling*|asyl*|diskriminier*|gleichstellung*|queer*|lgbt*|homosexuell*|frauen*|gender*|armut*|obdach*|familie*|familien*|eltern*|jugend*|jugendliche*|senioren*|rassismus*|antisemitismus*|rechtsextrem*|extremis*|demonstration*|protest*|ehrenamt*|verein*|bürger*|bevölkerung*|inklusion*|orientierung*|coming',
  ],
  [
    'medtop:15000000',
    'sport*|fußball*|bundesliga*|spiel*|spieler*|trainer*|mannschaft*|tor|tore|treffer*|liga|meisterschaft*|meister|pokal*|turnier*|saison*|olympi*|weltmeister*|wm|em|champions league|tennis*|handball*|basketball*|eishockey*|ski*|formel 1|rennen|athlet*|sieg*|niederlage*|punkt|punkte|tabelle*|verein*|stadion*|fans|trikot*|transfer*|stürmer*|torwart*|elfmeter*|ligue*|serie a|premier league|la liga',
  ],
  [
    'medtop:16000000',
    'krieg*|militär*|armee*|soldat*|bundeswehr*|angriff*|rakete*|waffe*|waffen*|terror*|anschlag*|konflikt*|frieden*|friedens*|nato|ukraine*|russland*|gefecht*|truppen*|besatzung*|flucht*|geisel*|bombe*|nazi*|nsdap|widerstand*',
  ],
  [
    'medtop:17000000',
    'wetter*|regen*|schnee*|sturm*|unwetter*|gewitter*|hitze*|hitzewelle*|temperatur*|grad|frost*|glätte*|wind|böen|orkan*|dürre*|wetterdienst*|vorhersage*|sonnig*|bewölkt*|niederschlag*',
  ],
];
