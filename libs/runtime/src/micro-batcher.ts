export interface MicroBatcherOptions<I> {
  /** Most items in one batch. */
  maxSize: number;
  /** Batches running at once (default 1); items submitted meanwhile wait and go together in the next. */
  maxConcurrent?: number;
  /**
   * Items with the same key never share a batch: a later one waits for the next batch (e.g. two inputs of one
   * article, which must be applied one after the other).
   */
  key?: (item: I) => string;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for anything with a fixed cost per call (a transaction, a round trip): callers submit one item each
 * and get their own result, while the work runs on batches. Nothing waits on a timer: with no batch running, an
 * item goes at once (alone, so an idle system answers as fast as before); items that arrive while batches run are
 * gathered and go together as soon as one finishes. The busier the system, the bigger the batches.
 *
 * `work` gets the batch and returns one result per item, in order. When it throws for a batch of several, each item
 * is run again alone, so one bad item fails only its own caller (work must therefore leave nothing half done when it
 * throws: one transaction, or idempotent steps).
 */
export class MicroBatcher<I, O> {
  private readonly pending: Array<Pending<I, O>> = [];
  private readonly maxConcurrent: number;
  private running = 0;

  constructor(
    private readonly work: (items: I[]) => Promise<O[]>,
    private readonly options: MicroBatcherOptions<I>,
  ) {
    this.maxConcurrent = options.maxConcurrent ?? 1;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Items waiting for a batch. */
  get waiting(): number {
    return this.pending.length;
  }

  private pump(): void {
    while (this.running < this.maxConcurrent && this.pending.length > 0) {
      const batch = this.take();
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private take(): Array<Pending<I, O>> {
    const { key, maxSize } = this.options;
    if (!key) return this.pending.splice(0, maxSize);
    const batch: Array<Pending<I, O>> = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.pending.length && batch.length < maxSize;) {
      const k = key(this.pending[i].item);
      if (keys.has(k)) {
        i++;
        continue;
      }
      keys.add(k);
      batch.push(...this.pending.splice(i, 1));
    }
    return batch;
  }

  private async run(batch: Array<Pending<I, O>>): Promise<void> {
    try {
      const results = await this.work(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`batch work returned ${results.length} results for ${batch.length} items`);
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      for (const p of batch) {
        try {
          const [result] = await this.work([p.item]);
          p.resolve(result);
        } catch (own) {
          p.reject(own);
        }
      }
    }
  }
}
