/**
 * Reads the Prometheus text exposition the bot serves at /metrics: one sample's value by its name
 * and labels, for tests that watch a counter or a histogram move.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => {
      const match = SAMPLE.exec(line);
      if (!match) return [];
      const [, name, labelText = '', value] = match as unknown as [string, string, string, string];
      const labels = Object.fromEntries([...labelText.matchAll(LABEL)].map(([, key, val]) => [key, val]));
      return [{ name, labels: labels as Record<string, string>, value: Number(value) }];
    });
}

/** The sum of the samples with this name and (at least) these labels; 0 when there is none. */
export function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const found = parseSamples(text).filter(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  return found.reduce((sum, sample) => sum + sample.value, 0);
}

/** Every label value that appears in the exposition. */
export const labelValues = (text: string): string[] =>
  parseSamples(text).flatMap((sample) => Object.values(sample.labels));
