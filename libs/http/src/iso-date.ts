/** A timestamp as every answer writes it: ISO 8601 in UTC with milliseconds; absent stays null. */
export function iso(date: Date): string;
export function iso(date: Date | null | undefined): string | null;
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
