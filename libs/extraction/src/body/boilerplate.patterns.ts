/**
 * Generic class/id/role/text patterns for page furniture. They describe kinds of blocks (share bars, newsletters,
 * comments), never particular sites.
 */

/** class/id words of blocks that are almost never article text. Matched against `class id` in lower case. */
export const UNLIKELY_CLASS =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|advertising|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|gpt|banner|breadcrumbs?|combx|comment|comments|commentlist|community|cookie|cookies|consent|gdpr|cover-wrap|disqus|footer|gallery-?nav|legends|menu|masthead|navbar|navigation|nav|newsletter|newsletters|news-?letter|outbrain|taboola|pagination|pager|popup|modal|overlay|promo|promos|promotion|recirc|recirculation|related|remark|replies|rss|share|sharing|sharebar|shoutbox|sidebar|skyscraper|social|socials|sponsor|sponsored|subscribe|subscription|signup|sign-up|supplemental|toolbar|tooltip|trending|most-?popular|most-?read|popular|read-?more|readmore|more-?stories|more-?from|also-?read|you-?may-?like|recommended|recommendations|newsletter-?signup|tp-?modal|agegate|login|signin|author-?bio|bio-?box|author-?box|about-?the-?author|about-?author|author-?info|disclaimer|disclosure|link-?box|membership|donate|donation|donations|support-?us|app-?promo|app-?download|tags|tag-?list|topics|byline|dateline|timestamp|print-?only|visually-?hidden|sr-?only|screen-?reader|skip-?link|jump-?link)(?=$|[\s_-])/;

/** Words so telling that a content word in the same class token does not rescue the element. */
export const STRONGLY_UNLIKELY_CLASS =
  /(?:^|[\s_-])(?:comment|comments|commentlist|disqus|related|share|sharing|sharebar|social|newsletter|newsletters|news-?letter|promo|promos|advert|advertisement|sponsor|sponsored|outbrain|taboola|cookie|consent|gdpr|recirc|recirculation|trending|subscribe|signup|disclaimer|disclosure|link-?box|membership|donate|donation|donations|support-?us|recommended|recommendations|more-?stories|read-?more|most-?popular|most-?read)(?=$|[\s_-])/;

/** Words that rescue an element matched by UNLIKELY_CLASS: it is probably the article wrapper. */
export const MAYBE_CONTENT_CLASS =
  /(?:^|[\s_-])(?:and|article|body|column|content|main|shadow|story|entry|post|text|prose|rich-?text)(?=$|[\s_-])/;

/** Readability-style class weighting: positive words add, negative words subtract. */
export const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-?text/;
export const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline|caption|credit|newsletter|subscribe|social|recirc|trending|popular|teaser|cookie|consent/;

/** ARIA roles of page furniture. */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
  'tablist',
  'tooltip',
  'form',
]);

/** Short blocks that are page furniture whatever their markup: ad labels, share prompts, newsletter pitches. */
export const BOILERPLATE_TEXT =
  /^(?:advertisement|advertisements|ad|sponsored|sponsored content|story continues below|article continues below|continue reading(?: below)?|read more|read more:?.{0,80}|related(?: articles| stories| coverage| content)?:?.{0,100}|more:.{0,100}|see also:?.{0,100}|also read:?.{0,100}|recommended(?: for you)?|share(?: this| this article| this story| on \w+)?|follow us.{0,80}|sign up.{0,120}|subscribe.{0,120}|click here.{0,120}|skip (?:to )?(?:main )?content|loading\.*|comments?|\d+ comments?|view comments|show comments|image|photo|video|watch:?.{0,100}|listen:?.{0,60}|print|email|whatsapp|facebook|twitter|linkedin|pinterest|reddit|copy link|link copied|you may also like\.*|you might also like\.*|more stories|mehr themen:?|read next|recommended for you|(?:copyright|©).{0,80}|all rights reserved\.?|via [\w.-]+\.\w{2,}|back to .{1,40}|zurück(?: zu| zur| zum)? .{1,40}|retour .{1,40}|volver .{1,40}|you are here:?|sie sind hier:?|vous êtes ici ?:?|share this (?:article|story|post)|diesen artikel teilen|artikel teilen|teilen mit:?|share with:?|loading\.\.\.|wird geladen\.*|(?:gefällt mir|like this|j'aime|me gusta|mi piace)(?::| wird geladen\.*| loading\.*)?|(?:warning|notice|deprecated|fatal error|parse error): .{0,300} on line \d+|anzeige|werbung|publicidad|publicité|pubblicità|advertentie|reklame|\(?(?:alle )?angaben ohne gewähr\.?\)?|\(?sin garantía\.?\)?|\(?sous réserve d'erreurs\.?\)?|(?:quelle|quellen|source|sources|fuente|fuentes|fonte|foto|fotos|bild|bilder|photo|photos|image|credit|credits|crédit|crédits)\s?:\s?.{1,80}|(?:einfach |jetzt )?hier klicken.{0,100}|haga clic aquí.{0,100}|cliquez ici.{0,100}|clicca qui.{0,100}|jetzt (?:abonnieren|anmelden|registrieren|bestellen|testen|mitglied werden).{0,100}|(?:become|hágase|hazte|werden sie|devenez|diventa) (?:a |an |un |ein |una )?(?:member|miembro|mitglied|membre|socio|abonnent|abonné).{0,100}|(?:get|download)\b.{0,80}\b(?:our|the) [\w .-]{0,40}\bapps?\b.{0,40}|(?:abonnez-vous|suscríbete|suscribete|iscriviti|abonnieren sie).{0,100})$/i;

/** A line announcing a publication or update time, e.g. "Updated at 1:23 p.m." or "Published Monday, Nov. 18". */
export const DATELINE_TEXT =
  /^(?:published|updated|posted|last updated|first published|last modified|modified|veröffentlicht|publiziert|erschienen|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)\b[^.!?]{0,60}\d[^!?]{0,40}$/i;

/** A byline made only of capitalised name words: "By Jane Doe and John Roe". */
export const BYLINE_TEXT = /^by\s+(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}(?:(?:,|and|&)\s*(?:\p{Lu}[\p{L}'’.-]*\s*){1,4})*$/iu;

/** The line that introduces a list of links: "You may also like...", "Related:". */
export const LEAD_IN_TEXT =
  /^(?:related|more|read more|read also|see also|also read|you may also like|you might also like|recommended|trending|popular|further reading|latest|more from|more on|watch|listen|top stories|most read|don'?t miss|must read|see more|click here|in other news|editor'?s picks?|auch lesen|lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|mehr themen|weiterlesen|weitere artikel|das könnte sie auch interessieren|lire aussi|à lire aussi|a lire aussi|leer más|lee también|te puede interesar|leggi anche|potrebbe interessarti)\b/i;

/**
 * A call to action on a line of its own: join, subscribe, sign up, donate. Inside a small titled box it makes the
 * whole box a pitch (the prose above the button is part of the pitch, not of the story).
 */
export const CALL_TO_ACTION_TEXT =
  /^(?:(?:become|hágase|hagase|hazte|werden sie|devenez|diventa|join us as|join) (?:a |an |un |ein |una |our )?(?:member|members|miembro|miembros|mitglied|membre|socio|abonnent|abonné|subscriber|suscriptor).{0,100}|(?:subscribe|suscríbete|suscribete|suscríbase|abonnez-vous|abonnieren sie|iscriviti|abonnez vous)\b.{0,100}|jetzt (?:abonnieren|abonnent werden|mitglied werden|unterstützen|spenden).{0,100}|sign up (?:for|to) (?:our|the) .{0,100}|(?:support|unterstützen sie|soutenez|apoya|sostieni) (?:us|uns|our journalism|unseren journalismus|independent journalism|notre journalisme|nuestro periodismo|il nostro giornalismo)\b.{0,100}|(?:donate|spenden sie|faites un don|haz una donación|dona ora)\b.{0,60})$/i;

/** The label heading a box about the writer ("Autor", "About the author"): the box is not the story. */
export const AUTHOR_BOX_LABEL =
  /^(?:autor|autorin|author|authors|about the author|about the authors|über den autor|über die autorin|über die autoren|zur person|der autor|die autorin|l'auteur|l’auteur|à propos de l'auteur|sobre el autor|sobre la autora|l'autore|sull'autore)\s*:?$/i;

/** class/id words of picture captions and credits (kept in the HTML, left out of the plain text). */
export const CAPTION_CLASS =
  /(?:^|[\s_-])(?:caption|captions|figcaption|credit|credits|photo-?credit|image-?credit|cutline|legend)(?=$|[\s_-])/;

/** class/id words of picture wrappers: with an image and little text, the text is a caption. */
export const PICTURE_CLASS =
  /(?:^|[\s_-])(?:image|images|img|photo|photos|picture|pic|media|figure|foto|bild|gallery|thumbnail|lead-?art|cover)(?=$|[\s_-])/;
