/** `--name=value` from the command line, or undefined. */
export function benchArg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

/** A positive integer `--name=N`, or the fallback; anything else stops the bench with the flag's name. */
export function benchInt(name: string, fallback: number): number {
  const value = Number(benchArg(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}
