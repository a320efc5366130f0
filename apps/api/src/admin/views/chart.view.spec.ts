import { niceCeiling, polylinePoints, throughputChart } from './chart.view';

describe('throughput chart', () => {
  it('rounds the axis up to a readable number', () => {
    expect([0, 1, 3, 7, 12, 26, 99, 101, 2400].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 50, 100, 200, 2500]);
  });

  it('scales values into the plot: zero at the bottom, the top of the axis at the top', () => {
    const [first, second] = polylinePoints([0, 10], 10).split(' ');
    expect(first).toBe('40.0,178.0');
    expect(second).toBe('712.0,8.0');
  });

  it('draws one line per stage with the totals in words, and escapes nothing it should not', () => {
    const buckets = [0, 1, 2].map((i) => ({
      at: new Date(Date.UTC(2026, 0, 1, 10, i)).toISOString(),
      received: i,
      extracted: i,
      enriched: 0,
      published: 0,
      delivered: 3 - i,
    }));
    const svg = throughputChart(buckets, { received: 3, extracted: 3, enriched: 0, published: 0, delivered: 6 }).value;
    expect(svg.match(/<polyline\s/g)).toHaveLength(5);
    expect(svg).toContain('received: 3.');
    expect(svg).toContain('delivered 6');
    expect(svg).toContain('>10:00<');
    expect(svg).not.toMatch(/style=/);
  });
});
