import { decodeBody } from '@copydesk/fetcher';
import { isTextItem } from './article/text-item';
import { type ArticleParts, buildWireArticle, type BuildOptions, wireDate } from './article/wire-article.builder';
import { catalogAliases } from './newsml/newsml-concept.reader';
import { readNewsMl } from './newsml/newsml-document.reader';
import { readNinjs } from './ninjs/ninjs.reader';
import { isObject, jsonDepth, type JsonObject } from './ninjs/ninjs-object';
import { readNitfDocument } from './nitf/nitf-document.reader';
import { formatOfRoot, mediaTypeEssence, syntaxOfMediaType, syntaxOfText, WIRE_MEDIA_TYPES } from './sniff/wire-format.sniffer';
import { WireParseError, WireParseErrorCode } from './wire.exception';
import { DEFAULT_WIRE_LIMITS, type WireLimits } from './wire.limits';
import type { WireMessage, WireParseResult } from './wire-article.types';
import { is } from './xml/xml-element.helpers';
import { readXml } from './xml/xml-tree.reader';

export interface ParseWireOptions {
  /** The media type the document came with (HTTP Content-Type); the content decides when it is absent or generic. */
  contentType?: string | null;
  /** IANA zone for dates written without an offset (UTC when unset). */
  timeZone?: string;
  limits?: Partial<WireLimits>;
}

/** The ninjs fields that tell a ninjs object from any JSON with a `uri`. */
const NINJS_FIELDS =
  /^(?:headlines?|bodies|body_?(?:text|html|xhtml)|versioncreated|firstcreated|pubstatus|type|standard|by|byline|renditions|associations|language)$/i;

/**
 * Reads a wire document: NewsML-G2 (news item, news message, package), NITF 3.x or ninjs 1.x–3.1, given as bytes
 * (any encoding its XML declaration, BOM or media type names) or text. Pure: no I/O, no clock.
 * @throws WireParseError with a code saying why the document as a whole was refused.
 */
export function parseWire(input: string | Uint8Array, options: ParseWireOptions = {}): WireParseResult {
  const limits: WireLimits = { ...DEFAULT_WIRE_LIMITS, ...options.limits };
  if (input.length > limits.maxBytes) {
    throw new WireParseError(WireParseErrorCode.TooLarge, `the document is larger than ${limits.maxBytes} bytes`);
  }
  const text = typeof input === 'string' ? input : decodeBody(input, options.contentType ?? undefined).text;
  const declared = syntaxOfMediaType(options.contentType);
  if (declared === null) {
    throw new WireParseError(WireParseErrorCode.NotWire, `${mediaTypeEssence(options.contentType)} is not a wire format media type`);
  }
  const syntax = declared === 'unknown' ? syntaxOfText(text) : declared;
  if (!text.trim()) throw new WireParseError(WireParseErrorCode.NotWire, 'the document is empty');
  if (syntax === 'json') return parseJson(text, mediaTypeEssence(options.contentType) === WIRE_MEDIA_TYPES.ninjs, limits, options);
  if (syntax === 'xml') return parseXml(text, limits, options);
  throw new WireParseError(WireParseErrorCode.NotWire, 'the document is neither XML nor JSON: not NewsML-G2, NITF or ninjs');
}

function parseXml(text: string, limits: WireLimits, options: ParseWireOptions): WireParseResult {
  const { root, issues } = readXml(text, limits);
  const build: BuildOptions = { timeZone: options.timeZone, aliases: catalogAliases(root) };
  const mediaType = formatOfRoot(root.name)?.mediaType ?? WIRE_MEDIA_TYPES.xml;
  if (is(root, 'nitf')) {
    const parts = readNitfDocument(root, issues);
    return { ...finish('nitf', parts.formatVersion ?? null, [parts], null, [], issues, build), mediaType };
  }
  const document = readNewsMl(root, limits, issues);
  const result = finish('newsml-g2', document.formatVersion, document.texts, document.message, document.references, issues, build);
  result.others = document.others.map((parts) => buildWireArticle(parts, build));
  return { ...result, mediaType };
}

function parseJson(text: string, declaredNinjs: boolean, limits: WireLimits, options: ParseWireOptions): WireParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new WireParseError(WireParseErrorCode.InvalidJson, `the document is not valid JSON (${(err as Error).message})`, { cause: err });
  }
  if (jsonDepth(value, limits.maxDepth) > limits.maxDepth) {
    throw new WireParseError(WireParseErrorCode.TooDeep, `JSON values are nested deeper than ${limits.maxDepth} levels`);
  }
  const objects = (Array.isArray(value) ? value : [value]).filter(isObject);
  if (objects.length === 0 || !objects.every((o) => isNinjs(o, declaredNinjs))) {
    throw new WireParseError(WireParseErrorCode.NotWire, 'the JSON is not ninjs: a ninjs object has a "uri" and ninjs fields');
  }
  const issues: string[] = [];
  const parts = objects.map((o) => readNinjs(o, limits, issues));
  const build: BuildOptions = { timeZone: options.timeZone };
  const texts = parts.filter(isTextItem);
  const result = finish('ninjs', texts[0]?.formatVersion ?? parts[0].formatVersion ?? null, texts, null, [], issues, build);
  result.others = parts.filter((p) => !isTextItem(p)).map((p) => buildWireArticle(p, build));
  return result;
}

function isNinjs(object: JsonObject, declared: boolean): boolean {
  const hasId = typeof object.uri === 'string' || typeof object.guid === 'string';
  return hasId && (declared || Object.keys(object).some((k) => NINJS_FIELDS.test(k)));
}

function finish(
  format: WireParseResult['format'],
  formatVersion: string | null,
  texts: ArticleParts[],
  message: WireMessage | null,
  references: WireParseResult['references'],
  issues: string[],
  build: BuildOptions,
): WireParseResult {
  return {
    format,
    formatVersion,
    mediaType: format === 'ninjs' ? WIRE_MEDIA_TYPES.ninjs : WIRE_MEDIA_TYPES.xml,
    articles: texts.map((parts) => buildWireArticle(parts, build)),
    others: [],
    references,
    message: message ? { ...message, sent: wireDate(message.sent, build.timeZone) ?? message.sent } : null,
    issues,
  };
}
