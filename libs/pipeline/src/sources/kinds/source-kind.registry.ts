import type { RawItemEntity } from '@copydesk/database';
import type { ArticleDraft } from '../../ingest/drafts/article-draft';
import { UnprocessableRawItemError } from '../../ingest/unprocessable-raw-item.error';
import type { DraftContext, DraftReader, FieldProblem, KindCheckContext, KindSettings, SourceKind } from './source-kind';

/** Without a word from the installation, nothing that needs its leave (a watched folder) is allowed. */
const NOTHING_ALLOWED: KindCheckContext = { watchFolderRoots: [] };

const KIND_SETTINGS: ReadonlyArray<keyof KindSettings> = ['url', 'path', 'pattern'];

/** A media type without its parameters, lower case: how readers are looked up. */
export const mediaTypeOf = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();

/**
 * The kinds of source Copydesk knows, each declared once (see `SourceKind`). Every rule that depends on the kind of
 * a source (is it polled, does it need a url, how are its raw items read) asks this registry.
 */
export class SourceKindRegistry {
  private readonly kinds = new Map<string, SourceKind>();
  private readonly readers = new Map<string, { kind: string; read: DraftReader }>();

  constructor(kinds: readonly SourceKind[]) {
    for (const kind of kinds) this.register(kind);
  }

  /** Adds a kind. Two kinds of one type, or two readers of one media type, are a programming error. */
  register(kind: SourceKind): void {
    if (this.kinds.has(kind.type)) throw new Error(`source kind "${kind.type}" is registered twice`);
    for (const [mediaType, read] of Object.entries(kind.readers ?? {})) {
      const taken = this.readers.get(mediaType);
      if (taken) throw new Error(`media type ${mediaType} is read by both "${taken.kind}" and "${kind.type}"`);
      this.readers.set(mediaType, { kind: kind.type, read });
    }
    this.kinds.set(kind.type, kind);
  }

  types(): string[] {
    return [...this.kinds.keys()];
  }

  kind(type: string): SourceKind | undefined {
    return this.kinds.get(type);
  }

  /** Polled on a schedule by the poll scheduler (feeds, sitemaps). */
  isScheduled(type: string): boolean {
    return this.kinds.get(type)?.polling === 'scheduled';
  }

  typesPolledBy(polling: 'scheduled' | 'watched'): string[] {
    return [...this.kinds.values()].filter((kind) => kind.polling === polling).map((kind) => kind.type);
  }

  isSigned(type: string): boolean {
    return this.kinds.get(type)?.signed === true;
  }

  /** The settings' problems for a new source (`partial` for a change: absent settings keep their value). */
  check(type: string, settings: KindSettings, partial = false, context: KindCheckContext = NOTHING_ALLOWED): FieldProblem[] {
    const kind = this.kinds.get(type);
    if (!kind) return [{ pointer: '/type', detail: `unknown source type "${type}" (known: ${this.types().join(', ')})` }];
    const problems: FieldProblem[] = [];
    for (const field of KIND_SETTINGS) {
      const presence = kind.settings[field] ?? (field === 'url' ? 'optional' : 'forbidden');
      const given = settings[field] !== undefined && settings[field] !== null;
      if (presence === 'required' && !given && !partial)
        problems.push({ pointer: `/${field}`, detail: `a ${type} source needs a ${field}` });
      if (presence === 'forbidden' && given) problems.push({ pointer: `/${field}`, detail: `a ${type} source takes no ${field}` });
    }
    return problems.length ? problems : (kind.check?.(settings, context) ?? []);
  }

  /** The kind's part of the source's `config`. */
  config(type: string, settings: KindSettings): Record<string, unknown> {
    return this.kinds.get(type)?.config?.(settings) ?? {};
  }

  canRead(contentType: string): boolean {
    return this.readers.has(mediaTypeOf(contentType));
  }

  /** Reads a raw item by its media type, whichever kind declared the reader. */
  async draft(raw: RawItemEntity, context: DraftContext): Promise<ArticleDraft> {
    const type = mediaTypeOf(raw.contentType);
    const reader = this.readers.get(type);
    if (!reader) throw new UnprocessableRawItemError(`raw items of type ${type} cannot be read`);
    return reader.read(raw, context);
  }
}
