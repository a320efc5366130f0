import { PROCESS_HEAP_MB, withHeapLimit } from './process-heap';

describe('withHeapLimit', () => {
  it('adds the heap limit to the operator’s NODE_OPTIONS, and keeps theirs when they set one', () => {
    expect(withHeapLimit(undefined)).toBe(`--max-old-space-size=${PROCESS_HEAP_MB}`);
    expect(withHeapLimit('--enable-source-maps')).toBe(`--enable-source-maps --max-old-space-size=${PROCESS_HEAP_MB}`);
    expect(withHeapLimit('--max-old-space-size=1024')).toBe('--max-old-space-size=1024');
  });
});
