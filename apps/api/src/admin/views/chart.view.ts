import { STAGES, type Stage, type StageBucket } from '../overview/throughput';
import { type Html, html } from './html';

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { left: 40, right: 8, top: 8, bottom: 22 };

const hhmm = (iso: string): string => iso.slice(11, 16);

/** A round number at or above `max`, for the top of the axis. */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/** The points of one series, scaled into the plot area. */
export function polylinePoints(values: number[], top: number): string {
  const width = WIDTH - PAD.left - PAD.right;
  const height = HEIGHT - PAD.top - PAD.bottom;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((value, i) => `${(PAD.left + i * step).toFixed(1)},${(PAD.top + height - (value / top) * height).toFixed(1)}`)
    .join(' ');
}

/**
 * Per-minute throughput of each stage as an inline SVG drawn on the server (no script, no inline style: colours
 * come from classes in admin.css). The totals beside it say the same in words for screen readers.
 */
export function throughputChart(buckets: StageBucket[], totals: Record<Stage, number>): Html {
  const top = niceCeiling(Math.max(0, ...buckets.flatMap((b) => STAGES.map((stage) => b[stage]))));
  const height = HEIGHT - PAD.top - PAD.bottom;
  const width = WIDTH - PAD.left - PAD.right;
  const ticks = [0, top / 2, top];
  const labelEvery = Math.max(1, Math.round(buckets.length / 6));
  const first = buckets[0]?.at;
  const last = buckets[buckets.length - 1]?.at;
  return html`<figure class="chart-figure">
    <svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc">
      <title id="chart-title">Articles per minute by stage</title>
      <desc id="chart-desc">From ${first ?? ''} to ${last ?? ''} (UTC). ${STAGES.map((stage) => `${stage}: ${totals[stage]}. `)}</desc>
      ${ticks.map((tick) => {
        const y = PAD.top + height - (tick / top) * height;
        return html`<line class="axis" x1="${PAD.left}" x2="${PAD.left + width}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"></line
          ><text x="${PAD.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${Number.isInteger(tick) ? tick : tick.toFixed(1)}</text>`;
      })}
      ${buckets.map((bucket, i) =>
        i % labelEvery === 0
          ? html`<text
              x="${(PAD.left + (buckets.length > 1 ? (i * width) / (buckets.length - 1) : 0)).toFixed(1)}"
              y="${HEIGHT - 6}"
              text-anchor="middle"
              >${hhmm(bucket.at)}</text
            >`
          : '',
      )}
      ${STAGES.map(
        (stage) =>
          html`<polyline
            class="s-${stage}"
            points="${polylinePoints(
              buckets.map((b) => b[stage]),
              top,
            )}"
          ></polyline>`,
      )}
    </svg>
    <figcaption>
      <ul class="legend">
        ${STAGES.map((stage) => html`<li class="s-${stage}"><span>${stage} ${totals[stage].toLocaleString('en')}</span></li>`)}
      </ul>
      <span class="muted">per minute, UTC, totals over the window</span>
    </figcaption>
  </figure>`;
}
