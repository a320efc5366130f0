import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import picomatch from 'picomatch';

/** Sub-folders Copydesk keeps inside a watched folder. Agencies drop files at the top level only. */
export const DROP_SUBFOLDERS = { claimed: '.copydesk-claimed', processed: 'processed', failed: 'failed' } as const;

export interface DropFolderOptions {
  /** Glob on file names (`*.xml`); every file when unset. */
  pattern?: string | null;
  /** A file is complete once it has not changed for this long (a writer appending to it keeps moving its mtime). */
  settleMs: number;
  /** A claim older than this belongs to a worker that died: the file goes back to be taken again. */
  claimTimeoutMs: number;
}

/** A file taken by this worker: its bytes, and how to settle it once they are stored (or refused). */
export interface ClaimedFile {
  name: string;
  /** Its name while claimed: unique, so a second file dropped under the same name never overwrites a claim. */
  claimedAs: string;
  bytes: Buffer;
  /** sha256 of the bytes: the same file dropped twice, or taken again after a crash, is the same input. */
  digest: string;
}

/** Names that writers use while a file is still being written (rename to the final name when done). */
const IN_PROGRESS = /^\.|\.(?:tmp|part|partial|crdownload|filepart)$|~$/i;

/**
 * A folder that agencies drop wire files into. Files are taken once they are complete (unchanged for `settleMs`,
 * or renamed into place, which keeps an old mtime), claimed by an atomic rename so that of several workers exactly
 * one takes each file, and moved to `processed/` or `failed/` (with the reason beside it) when done. A claim left by
 * a worker that died is released after `claimTimeoutMs`; taking a file twice is harmless because inputs are stored
 * under their digest.
 */
export class DropFolder {
  private readonly matches: (name: string) => boolean;

  constructor(
    readonly path: string,
    private readonly options: DropFolderOptions,
  ) {
    const pattern = options.pattern?.trim();
    this.matches = pattern ? picomatch(pattern, { dot: false, nocase: true }) : () => true;
  }

  /** Names of complete files waiting at the top level, oldest first. */
  async waiting(now = Date.now()): Promise<string[]> {
    const entries = await readdir(this.path, { withFileTypes: true });
    const files: Array<{ name: string; mtimeMs: number }> = [];
    for (const entry of entries) {
      if (!entry.isFile() || IN_PROGRESS.test(entry.name) || !this.matches(entry.name)) continue;
      const info = await stat(join(this.path, entry.name)).catch(() => null);
      if (info && now - info.mtimeMs >= this.options.settleMs) files.push({ name: entry.name, mtimeMs: info.mtimeMs });
    }
    return files.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name)).map((file) => file.name);
  }

  /** Takes a file for this worker, or null when another worker took it first. */
  async claim(name: string): Promise<ClaimedFile | null> {
    const claimedAs = `${randomBytes(6).toString('hex')}~${name}`;
    const claimed = join(await this.subfolder('claimed'), claimedAs);
    try {
      await rename(join(this.path, name), claimed);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    // The claim's age is its mtime: stamp it now, so a file dropped long ago is not taken for an abandoned claim.
    const now = new Date();
    await utimes(claimed, now, now);
    const bytes = await readFile(claimed);
    return { name, claimedAs, bytes, digest: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Moves a claimed file to `processed/`. */
  async processed(file: ClaimedFile): Promise<string> {
    return this.settle(file, 'processed');
  }

  /** Moves a claimed file to `failed/`, with the reason in `<name>.reason.txt` beside it. */
  async failed(file: ClaimedFile, reason: string): Promise<string> {
    const target = await this.settle(file, 'failed');
    await writeFile(`${target}.reason.txt`, `${reason}\n`);
    return target;
  }

  /** Gives a claimed file back (it could not be stored now, e.g. the database is down): it is taken again later. */
  async release(file: ClaimedFile): Promise<void> {
    await rename(join(await this.subfolder('claimed'), file.claimedAs), await freeName(this.path, file.name));
  }

  /** Puts claims older than `claimTimeoutMs` back at the top level; returns their names. */
  async releaseAbandoned(now = Date.now()): Promise<string[]> {
    const folder = await this.subfolder('claimed');
    const released: string[] = [];
    for (const claimedAs of await readdir(folder)) {
      const info = await stat(join(folder, claimedAs)).catch(() => null);
      if (!info || now - info.mtimeMs < this.options.claimTimeoutMs) continue;
      const name = claimedAs.slice(claimedAs.indexOf('~') + 1);
      try {
        await rename(join(folder, claimedAs), await freeName(this.path, name));
        released.push(name);
      } catch {
        // released or settled by another worker meanwhile
      }
    }
    return released;
  }

  private async settle(file: ClaimedFile, outcome: 'processed' | 'failed'): Promise<string> {
    const target = await freeName(await this.subfolder(outcome), file.name);
    await rename(join(await this.subfolder('claimed'), file.claimedAs), target);
    return target;
  }

  private async subfolder(kind: keyof typeof DROP_SUBFOLDERS): Promise<string> {
    const folder = join(this.path, DROP_SUBFOLDERS[kind]);
    await mkdir(folder, { recursive: true });
    return folder;
  }
}

/** `name`, or `name (2).ext`, `name (3).ext`... when a file of that name was settled before. */
async function freeName(folder: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = basename(name, ext);
  for (let n = 1; ; n++) {
    const candidate = join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!(await stat(candidate).catch(() => null))) return candidate;
  }
}
