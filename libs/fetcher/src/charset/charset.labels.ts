import iconv from 'iconv-lite';

/** A supported character encoding: the name we report (WHATWG spelling) and the name iconv-lite decodes with. */
export interface Charset {
  name: string;
  iconvName: string;
}

// Labels that do not follow a pattern, mapped to the WHATWG encoding that browsers actually use for them.
// Notably ASCII and ISO-8859-1 decode as windows-1252: real pages labelled so are full of cp1252 quotes and dashes.
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  unicode11utf8: 'utf-8',
  unicode20utf8: 'utf-8',
  'x-unicode20utf8': 'utf-8',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  'iso-ir-100': 'windows-1252',
  csisolatin1: 'windows-1252',
  'x-user-defined': 'windows-1252',
  latin2: 'iso-8859-2',
  l2: 'iso-8859-2',
  latin3: 'iso-8859-3',
  l3: 'iso-8859-3',
  latin4: 'iso-8859-4',
  l4: 'iso-8859-4',
  cyrillic: 'iso-8859-5',
  arabic: 'iso-8859-6',
  greek: 'iso-8859-7',
  greek8: 'iso-8859-7',
  hebrew: 'iso-8859-8',
  visual: 'iso-8859-8',
  'iso-8859-8-i': 'iso-8859-8-i',
  'iso_8859-8-i': 'iso-8859-8-i',
  logical: 'iso-8859-8-i',
  latin5: 'windows-1254',
  l5: 'windows-1254',
  latin6: 'iso-8859-10',
  l6: 'iso-8859-10',
  latin9: 'iso-8859-15',
  l9: 'iso-8859-15',
  'tis-620': 'windows-874',
  'dos-874': 'windows-874',
  gb18030: 'gb18030',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  chinese: 'gb18030',
  csgb2312: 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  'iso-ir-58': 'gb18030',
  cp936: 'gb18030',
  ms936: 'gb18030',
  'windows-936': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'cn-big5': 'big5',
  csbig5: 'big5',
  'x-x-big5': 'big5',
  cp950: 'big5',
  'euc-jp': 'euc-jp',
  'x-euc-jp': 'euc-jp',
  cseucpkdfmtjapanese: 'euc-jp',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  ms932: 'shift_jis',
  cp932: 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  csshiftjis: 'shift_jis',
  'euc-kr': 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  'ks_c_5601-1989': 'euc-kr',
  ksc5601: 'euc-kr',
  ksc_5601: 'euc-kr',
  korean: 'euc-kr',
  'windows-949': 'euc-kr',
  cp949: 'euc-kr',
  cseuckr: 'euc-kr',
  csksc56011987: 'euc-kr',
  'iso-ir-149': 'euc-kr',
  'koi8-r': 'koi8-r',
  koi8_r: 'koi8-r',
  koi: 'koi8-r',
  koi8: 'koi8-r',
  cskoi8r: 'koi8-r',
  'koi8-u': 'koi8-u',
  'koi8-ru': 'koi8-u',
  ibm866: 'ibm866',
  '866': 'ibm866',
  cp866: 'ibm866',
  csibm866: 'ibm866',
  mac: 'macintosh',
  macintosh: 'macintosh',
  'x-mac-roman': 'macintosh',
  csmacintosh: 'macintosh',
  'x-mac-cyrillic': 'x-mac-cyrillic',
  'x-mac-ukrainian': 'x-mac-cyrillic',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'ucs-2': 'utf-16le',
  unicode: 'utf-16le',
  unicodefeff: 'utf-16le',
  'iso-10646-ucs-2': 'utf-16le',
  csunicode: 'utf-16le',
  'utf-16be': 'utf-16be',
  unicodefffe: 'utf-16be',
};

// Where iconv-lite spells an encoding differently, or where the WHATWG encoding is a superset it names otherwise.
const ICONV_NAMES: Record<string, string> = {
  big5: 'big5hkscs',
  'euc-kr': 'cp949',
  'iso-8859-8-i': 'iso-8859-8',
  'x-mac-cyrillic': 'maccyrillic',
  ibm866: 'cp866',
  shift_jis: 'shiftjis',
};

/**
 * Maps a charset label (from a header, a declaration or a detector) to a supported encoding, following the WHATWG
 * Encoding Standard's choices. Undefined for unknown labels and for encodings browsers refuse (UTF-7, ISO-2022-*).
 */
export function resolveCharset(label: string | undefined): Charset | undefined {
  if (!label) return undefined;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
  if (cleaned === '' || cleaned.length > 40) return undefined;
  const name = canonicalName(cleaned);
  if (!name) return undefined;
  const iconvName = ICONV_NAMES[name] ?? name;
  return iconv.encodingExists(iconvName) ? { name, iconvName } : undefined;
}

function canonicalName(label: string): string | undefined {
  const alias = ALIASES[label];
  if (alias) return alias;
  if (label === 'utf-8') return 'utf-8';

  const iso = /^iso[-_ ]?8859[-_ ]?(\d{1,2})(?::\d{4})?$/.exec(label);
  if (iso) {
    const part = Number(iso[1]);
    if (part === 1) return 'windows-1252';
    if (part === 9) return 'windows-1254';
    if (part === 11) return 'windows-874';
    // 12 was never published; the rest are real.
    return part >= 2 && part <= 16 && part !== 12 ? `iso-8859-${part}` : undefined;
  }
  const windows = /^(?:windows|x-cp|cp|win)[-_ ]?(125[0-8]|874)$/.exec(label);
  if (windows) return `windows-${windows[1]}`;
  return undefined;
}
