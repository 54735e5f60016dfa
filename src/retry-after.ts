/**
 * `Retry-After` as milliseconds from now: delay-seconds or an HTTP date. Undefined when absent or
 * unreadable. Seconds beyond what a number holds exactly read as Number.MAX_SAFE_INTEGER ms
 * (never Infinity, which an error's JSON would show as null).
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // Every HTTP-date form starts with a day name; Date.parse alone would read "-1" as a year.
  if (!/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
