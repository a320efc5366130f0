import { MicroBatcher } from './micro-batcher';

/** A gate the test opens by hand, so it controls when a batch finishes. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('MicroBatcher', () => {
  it('sends an item alone at once when nothing is running', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((n) => n * 2);
      },
      { maxSize: 10 },
    );
    expect(await batcher.submit(1)).toBe(2);
    expect(await batcher.submit(2)).toBe(4);
    expect(batches).toEqual([[1], [2]]);
  });

  it('gathers what arrives while a batch runs into the next batch, up to maxSize, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const first = gate();
    const batcher = new MicroBatcher<number, string>(
      async (items) => {
        batches.push(items);
        if (items[0] === 0) await first.wait;
        return items.map((n) => `r${n}`);
      },
      { maxSize: 3 },
    );
    const results = [0, 1, 2, 3, 4, 5].map((n) => batcher.submit(n));
    expect(batcher.waiting).toBe(5);
    first.open();
    expect(await Promise.all(results)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('never puts two items with the same key in one batch', async () => {
    const batches: string[][] = [];
    const first = gate();
    const batcher = new MicroBatcher<string, string>(
      async (items) => {
        batches.push(items);
        if (items[0] === 'x0') await first.wait;
        return items;
      },
      { maxSize: 10, key: (item) => item[0] },
    );
    const results = ['x0', 'a1', 'a2', 'b1', 'a3', 'b2'].map((item) => batcher.submit(item));
    first.open();
    await Promise.all(results);
    expect(batches).toEqual([['x0'], ['a1', 'b1'], ['a2', 'b2'], ['a3']]);
  });

  it('runs a failed batch again item by item, so only the bad item fails', async () => {
    const batches: number[][] = [];
    const first = gate();
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        if (items[0] === 0) await first.wait;
        if (items.includes(7)) throw new Error('seven is bad');
        return items;
      },
      { maxSize: 10 },
    );
    const results = [0, 6, 7, 8].map((n) => batcher.submit(n).then(String, (err: Error) => err.message));
    first.open();
    expect(await Promise.all(results)).toEqual(['0', '6', 'seven is bad', '8']);
    expect(batches).toEqual([[0], [6, 7, 8], [6], [7], [8]]);
  });

  it('runs up to maxConcurrent batches at once', async () => {
    let running = 0;
    let most = 0;
    const release = gate();
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        running++;
        most = Math.max(most, running);
        await release.wait;
        running--;
        return items;
      },
      { maxSize: 1, maxConcurrent: 2 },
    );
    const results = [1, 2, 3, 4].map((n) => batcher.submit(n));
    expect(running).toBe(2);
    release.open();
    await Promise.all(results);
    expect(most).toBe(2);
  });
});
