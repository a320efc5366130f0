export interface PollIntervalBounds {
  minSeconds: number;
  maxSeconds: number;
}

/**
 * The next interval of an adaptive poll. A feed that published since the last poll is polled sooner (down to the
 * minimum), an idle one later, and a failing one backs off exponentially (up to the maximum), never dropped.
 */
export function nextPollInterval(
  currentSeconds: number,
  outcome: { newItems: number } | { failures: number },
  bounds: PollIntervalBounds,
): number {
  const clamp = (seconds: number): number => Math.round(Math.min(bounds.maxSeconds, Math.max(bounds.minSeconds, seconds)));
  if ('failures' in outcome) return clamp(currentSeconds * 2 ** Math.min(outcome.failures, 10));
  if (outcome.newItems > 0) return clamp(currentSeconds * (outcome.newItems >= 5 ? 0.5 : 0.75));
  return clamp(currentSeconds * 1.25);
}
