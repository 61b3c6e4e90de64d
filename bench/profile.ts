/**
 * Summarises V8 CPU profiles (.cpuprofile, e.g. from `BENCH_CPU_PROF=<dir> npm run bench`):
 * where the time went by package, and the heaviest functions by self and by inclusive time; or
 * two profiles side by side, in µs of CPU per request (requests: the run's acks, results.json).
 *
 *   npx tsx bench/profile.ts <file.cpuprofile> [top]
 *   npx tsx bench/profile.ts compare <bot.cpuprofile> <requests> <baseline.cpuprofile> <requests>
 *   npx tsx bench/profile.ts allocations <file.heapprofile> <requests> [top]
 *
 * Allocation profiles come from `BENCH_HEAP_PROF=1 BENCH_CPU_PROF=<dir> npm run bench`: bytes
 * allocated per request (collected since or not) by package and by function.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or bot source file, or V8 pseudo-frame) a frame belongs to. */
export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return `bot ${url.slice(src + 1).replace(/\.js$/, '.ts')}`;
  const bench = url.indexOf('/bench/');
  if (bench >= 0) return `bench ${url.slice(bench + 1)}`;
  return url;
}

const label = (frame: CallFrame) =>
  `${frame.functionName || '(anonymous)'} ${packageOf(frame)}:${frame.lineNumber + 1}`;

export function summarise(profile: CpuProfile, top = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  let total = 0;
  const selfByPackage = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const node = byId.get(id);
    if (!node) return;
    const pkg = packageOf(node.callFrame);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + delta);
    const name = label(node.callFrame);
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const key = label(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  });
  const rank = (map: Map<string, number>, n: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  const idle = selfByPackage.get('(idle)') ?? 0;
  const busy = total - idle;
  const pct = (value: number) => `${((100 * value) / busy).toFixed(1)}%`;
  const lines = [
    `profile: ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (percentages are of busy time)`,
    '',
    'self time by package:',
    ...rank(selfByPackage, top)
      .filter(([name]) => name !== '(idle)')
      .map(([name, value]) => `  ${pct(value).padStart(6)}  ${name}`),
    '',
    'self time by function:',
    ...rank(selfByFunction, top)
      .filter(([name]) => !name.startsWith('(idle)'))
      .map(([name, value]) => `  ${pct(value).padStart(6)}  ${name}`),
    '',
    'inclusive time, bot source only:',
    ...rank(new Map([...inclusive].filter(([name]) => name.includes(' bot src/'))), top).map(
      ([name, value]) => `  ${pct(value).padStart(6)}  ${name}`,
    ),
  ];
  return lines.join('\n');
}

function selfByPackage(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const pkg = packageOf(node.callFrame).startsWith('bot ') ? 'bot src/*' : packageOf(node.callFrame);
    out.set(pkg, (out.get(pkg) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  out.delete('(idle)');
  return out;
}

/** Two profiles side by side: µs of CPU (main thread, sampled) per request, by package. */
export function compareProfiles(a: CpuProfile, aRequests: number, b: CpuProfile, bRequests: number): string {
  const left = selfByPackage(a);
  const right = selfByPackage(b);
  const names = [...new Set([...left.keys(), ...right.keys()])].sort(
    (x, y) =>
      (right.get(y) ?? 0) / bRequests +
      (left.get(y) ?? 0) / aRequests -
      ((right.get(x) ?? 0) / bRequests + (left.get(x) ?? 0) / aRequests),
  );
  const per = (map: Map<string, number>, name: string, requests: number) => (map.get(name) ?? 0) / requests;
  const total = (map: Map<string, number>, requests: number) =>
    [...map.values()].reduce((s, v) => s + v, 0) / requests;
  const rows = names
    .filter((name) => per(left, name, aRequests) + per(right, name, bRequests) >= 5)
    .map(
      (name) =>
        `  ${per(left, name, aRequests).toFixed(0).padStart(7)} ${per(right, name, bRequests).toFixed(0).padStart(9)}  ${name}`,
    );
  return [
    '  µs/req (first) µs/req (second)  package',
    `  ${total(left, aRequests).toFixed(0).padStart(7)} ${total(right, bRequests).toFixed(0).padStart(9)}  (all, busy)`,
    ...rows,
  ].join('\n');
}

interface AllocationNode {
  id: number;
  callFrame: CallFrame;
  children?: AllocationNode[];
}

interface AllocationProfile {
  head: AllocationNode;
  samples: { size: number; nodeId: number }[];
}

/** Bytes allocated per request, by package and by function (heaviest first). */
export function summariseAllocations(profile: AllocationProfile, requests: number, top = 25): string {
  const frames = new Map<number, CallFrame>();
  const visit = (node: AllocationNode) => {
    frames.set(node.id, node.callFrame);
    for (const child of node.children ?? []) visit(child);
  };
  visit(profile.head);
  let total = 0;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const { size, nodeId } of profile.samples) {
    const frame = frames.get(nodeId);
    if (!frame) continue;
    total += size;
    const pkg = packageOf(frame);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + size);
    const name = label(frame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + size);
  }
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, bytes]) => `  ${(bytes / requests).toFixed(0).padStart(8)}  ${name}`);
  return [
    `allocated: ${(total / requests).toFixed(0)} B per request (${requests} requests)`,
    '',
    'B/request by package:',
    ...rank(byPackage),
    '',
    'B/request by function:',
    ...rank(byFunction),
  ].join('\n');
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const [first, ...rest] = process.argv.slice(2);
if (first === 'allocations' && rest.length >= 2) {
  const [file, requests, top] = rest as [string, string, string | undefined];
  const profile = JSON.parse(readFileSync(file, 'utf8')) as AllocationProfile;
  process.stdout.write(`${summariseAllocations(profile, Number(requests), Number(top ?? 25))}\n`);
} else if (first === 'compare' && rest.length === 4) {
  const [a, aRequests, b, bRequests] = rest as [string, string, string, string];
  process.stdout.write(`${compareProfiles(read(a), Number(aRequests), read(b), Number(bRequests))}\n`);
} else if (first) {
  process.stdout.write(`${summarise(read(first), Number(rest[0] ?? 25))}\n`);
}
