/** Counts of what an app under test logged, and the last few lines (nothing else is kept). */
export interface LogCounts {
  lines: number;
  warn: number;
  error: number;
  fatal: number;
  last: string[];
}

export const newLogCounts = (): LogCounts => ({ lines: 0, warn: 0, error: 0, fatal: 0, last: [] });

export function remember(counts: LogCounts, line: string): void {
  counts.lines += 1;
  counts.last.push(line.slice(0, 400));
  if (counts.last.length > 5) counts.last.shift();
}
