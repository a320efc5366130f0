import { AppConfig } from '@copydesk/config';
import { SourceType } from '@copydesk/contracts';
import { SourceRepository, type SourceEntity } from '@copydesk/database';
import { WIRE_MEDIA_TYPES } from '@copydesk/wire';
import { PeriodicSweep } from '@copydesk/runtime';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CopydeskException } from '../../../errors/copydesk.exception';
import { IngestReceiver } from '../../../ingest/ingest-receiver.service';
import { wireInputs } from '../../../ingest/raw-inputs';
import { type ClaimedFile, DropFolder } from './drop-folder';
import { folderConfig, insideRoots, watchFolderRoots } from './folder.kind';

/** How often the folders are looked at. */
const SCAN_MS = 500;
/** A file is complete once unchanged this long (a writer appending to it keeps moving its mtime). */
const SETTLE_MS = 1_000;
/** A claim older than this belongs to a worker that died: the file goes back to be taken again. */
const CLAIM_TIMEOUT_MS = 10 * 60_000;
/** Abandoned claims are looked for this often (a directory listing each). */
const RELEASE_EVERY_MS = 60_000;
/** Files of one folder read and stored at once by one worker. */
const CONCURRENCY = 8;
/** Folder sources are read from the database at most this often. */
const SOURCES_TTL_MS = 5_000;

export type FileOutcome = 'processed' | 'failed' | 'taken' | 'released';

/** A file's bytes as the media type they are stored under: ninjs when it is JSON, else XML (NewsML-G2 or NITF, sniffed). */
export function wireFileType(bytes: Buffer): string {
  const first = /^\uFEFF?\s*(\S)/.exec(bytes.subarray(0, 4096).toString('utf8'))?.[1];
  return first === '{' || first === '[' ? WIRE_MEDIA_TYPES.ninjs : WIRE_MEDIA_TYPES.xml;
}

/**
 * Watches the directories of active folder sources (runs in the ingest workers only). Each complete file is claimed
 * by an atomic rename, so of several workers exactly one takes it; stored as wire raw items (one per text item, the
 * file's bytes as received); then moved to `processed/`, or to `failed/` with the reason beside it when it is not
 * usable wire copy. A file that cannot be stored now (an outage) is given back and taken again later. Files are only
 * ever at the top level until they are done, so a restarted worker never takes a processed file again.
 */
@Injectable()
export class FolderWatcher extends PeriodicSweep {
  protected readonly intervalMs = SCAN_MS;
  protected override readonly runAtBoot = true;
  private sources: { list: SourceEntity[]; until: number } = { list: [], until: 0 };
  private lastRelease = 0;

  private readonly roots: string[];

  constructor(
    private readonly sourceRepository: SourceRepository,
    private readonly receiver: IngestReceiver,
    config: AppConfig,
  ) {
    super();
    this.roots = watchFolderRoots(config.get('WATCH_FOLDER_ROOTS'));
  }

  async sweep(): Promise<number> {
    let handled = 0;
    for (const source of await this.folderSources()) {
      const config = folderConfig(source.config);
      if (!config) continue;
      // Checked again here, links followed: the roots may have changed since the source was made, or a link inside
      // a root may point out of it.
      if (!insideRoots(config.path, this.roots)) {
        this.logger.warn({ sourceId: source.id, path: config.path }, 'watched folder skipped: not inside WATCH_FOLDER_ROOTS');
        continue;
      }
      const folder = new DropFolder(config.path, { pattern: config.pattern, settleMs: SETTLE_MS, claimTimeoutMs: CLAIM_TIMEOUT_MS });
      try {
        handled += await this.scan(source, folder);
      } catch (err) {
        // A folder that went missing or unreadable stops only itself.
        this.logger.warn({ err, sourceId: source.id, path: config.path }, 'watched folder could not be read');
      }
    }
    return handled;
  }

  /** Takes every complete file waiting in the folder; returns how many this worker stored or refused. */
  async scan(source: SourceEntity, folder: DropFolder): Promise<number> {
    if (Date.now() - this.lastRelease > RELEASE_EVERY_MS) {
      this.lastRelease = Date.now();
      const released = await folder.releaseAbandoned();
      if (released.length) this.logger.warn({ sourceId: source.id, files: released }, 'abandoned claims given back');
    }
    const names = await folder.waiting();
    let handled = 0;
    for (let i = 0; i < names.length; i += CONCURRENCY) {
      const outcomes = await Promise.all(names.slice(i, i + CONCURRENCY).map((name) => this.take(source, folder, name)));
      handled += outcomes.filter((outcome) => outcome === 'processed' || outcome === 'failed').length;
    }
    return handled;
  }

  private async take(source: SourceEntity, folder: DropFolder, name: string): Promise<FileOutcome> {
    const file = await folder.claim(name);
    if (!file) return 'taken';
    const correlationId = randomUUID();
    let inputs;
    try {
      inputs = wireInputs(file.bytes, wireFileType(file.bytes), { file: file.name, digest: file.digest, folder: folder.path });
    } catch (err) {
      if (!(err instanceof CopydeskException)) throw err;
      await folder.failed(file, err.message);
      this.logger.warn({ sourceId: source.id, file: file.name, reason: err.message }, 'wire file refused');
      return 'failed';
    }
    return this.store(source, folder, file, inputs, correlationId);
  }

  private async store(
    source: SourceEntity,
    folder: DropFolder,
    file: ClaimedFile,
    inputs: ReturnType<typeof wireInputs>,
    correlationId: string,
  ): Promise<FileOutcome> {
    try {
      await this.receiver.receiveMany(source, inputs, correlationId);
    } catch (err) {
      await folder.release(file);
      this.logger.warn({ err, sourceId: source.id, file: file.name }, 'wire file not stored; given back for later');
      return 'released';
    }
    await folder.processed(file);
    return 'processed';
  }

  private async folderSources(): Promise<SourceEntity[]> {
    if (this.sources.until > Date.now()) return this.sources.list;
    const list = await this.sourceRepository.listActiveOfTypes([SourceType.Folder]);
    this.sources = { list, until: Date.now() + SOURCES_TTL_MS };
    return list;
  }
}
