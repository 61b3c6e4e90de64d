import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type FlowState, flowStateSchema, isTerminal } from '../flows/state.js';
import type { KeyScheme } from './keys.js';
import { claimReading } from './once.js';
import { scanKeys } from './scan.js';
import { runScript } from './scripts.js';

export type SaveResult = 'saved' | 'conflict' | 'missing';

/**
 * Stores a write only while the field it replaces holds what the flow expects: the connection it
 * replaces (its record contains `marker`), or nothing (`marker` ''). Else the script answers -3
 * (`occupied`) and writes nothing.
 */
export interface WriteGuard {
  /** Which of the writes (from 1) is guarded. */
  write: number;
  marker: string;
}

/** A request's once-key, claimed in the compare-and-set that the request makes anyway. */
export interface RequestClaim {
  /** The once-key's name (see `KeyScheme.once`). */
  name: string;
  ttlSeconds: number;
}

// A flow is one string: its version, its funnel marks (space-separated) and its JSON, a line each
// (JSON.stringify writes no raw newline). As a hash it cost Redis a hash table (the JSON is longer
// than a small hash's values may be), about 220 bytes more per setup. Flows stored as a hash before
// (fields v, d, and one per mark) are read as such, and written as a string from then on.
// The active index of a person maps each of their unfinished flows to its system (flow id → system
// id), so a setup taken over from a colleague never hides one of their own for the same system;
// entries of the older shape (system id → flow id) are dropped as their flow is next written.
// KEYS: flow, active index, the request's claim when ARGV[8] is set, then one key per extra hash
// write. ARGV: expected version, new version, json, ttl, system id, flow id, 'clear'|'keep', the
// claim's ttl ('' = no claim), a field and a value per extra write, then a mark ('' = none): set
// once on the flow (the drop-off funnel's "this setup reached this step"); the script answers 2
// instead of 1 when the mark is new. The claim (SET NX of the request's once-key) comes first: a
// request Slack delivers again finds it taken, and the script answers -2, writing nothing; so a
// click's replay guard costs no round trip of its own.
// One script so the version check, the write, the index update and what must be stored with the
// flow (a verified connection, an event for Wintro) happen as one step: a flow never says linked
// without its connection, nor the reverse. Every key carries the team's hash tag: one Cluster slot.
const COMPARE_AND_SET = `
local first = 3
if ARGV[8] ~= '' then
  if not redis.call('SET', KEYS[3], '1', 'EX', ARGV[8], 'NX') then return -2 end
  first = 4
end
local current, marks
local kind = redis.call('TYPE', KEYS[1])
-- A status reply (a table) from Redis; ioredis-mock, which runs the service tests, gives a string.
if type(kind) == 'table' then kind = kind.ok end
if kind == 'string' then
  local stored = redis.call('GET', KEYS[1])
  local a = string.find(stored, '\\n', 1, true)
  local b = string.find(stored, '\\n', a + 1, true)
  current, marks = string.sub(stored, 1, a - 1), string.sub(stored, a + 1, b - 1)
elseif kind == 'hash' then
  current = redis.call('HGET', KEYS[1], 'v')
  local found = {}
  for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
    if string.sub(field, 1, 2) == 'm:' then found[#found + 1] = field end
  end
  marks = table.concat(found, ' ')
end
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
local guard = 10 + (#KEYS - first + 1) * 2
if ARGV[guard] and ARGV[guard] ~= '' then
  local held = redis.call('HGET', KEYS[first - 1 + tonumber(ARGV[guard])], ARGV[guard + 1])
  if held and (ARGV[guard + 2] == '' or not string.find(held, ARGV[guard + 2], 1, true)) then return -3 end
end
local mark = ARGV[9 + (#KEYS - first + 1) * 2]
local newMark = false
if mark and mark ~= '' and not string.find(' ' .. marks .. ' ', ' ' .. mark .. ' ', 1, true) then
  newMark = true
  if marks == '' then marks = mark else marks = marks .. ' ' .. mark end
end
redis.call('SET', KEYS[1], ARGV[2] .. '\\n' .. marks .. '\\n' .. ARGV[3], 'EX', ARGV[4])
if redis.call('HGET', KEYS[2], ARGV[5]) == ARGV[6] then redis.call('HDEL', KEYS[2], ARGV[5]) end
if ARGV[7] == 'clear' then
  redis.call('HDEL', KEYS[2], ARGV[6])
else
  redis.call('HSET', KEYS[2], ARGV[6], ARGV[5])
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
for i = first, #KEYS do
  redis.call('HSET', KEYS[i], ARGV[9 + (i - first) * 2], ARGV[10 + (i - first) * 2])
end
if newMark then return 2 end
return 1
`;

/** A flow's JSON as stored: without its id and team, which its key names. */
// Left out by JSON.stringify as undefined: a copy without them would cost more than the JSON.
const storedJson = (state: FlowState) => JSON.stringify({ ...state, id: undefined, teamId: undefined });

/** The stored form of a flow: version, funnel marks and JSON, a line each (see COMPARE_AND_SET). */
const flowText = (state: FlowState, marks: string) => `${state.version}\n${marks}\n${storedJson(state)}`;

/** The JSON of a stored flow (see `flowText`). */
const jsonOf = (text: string) => text.slice(text.indexOf('\n', text.indexOf('\n') + 1) + 1);

const isWrongType = (error: unknown) => error instanceof Error && error.message.startsWith('WRONGTYPE');

const parseFlow = (teamId: string, flowId: string, json: string) => {
  const parsed = flowStateSchema.safeParse({ ...JSON.parse(json), id: flowId, teamId });
  return parsed.success ? parsed.data : undefined;
};

// A new flow, its holder's index entry and the team's setup index in one step, and the once-claim
// that kept a second command from creating the same setup given back. KEYS: flow, active index,
// team setups, once-key. ARGV: stored text, ttl, flow id, system id, '1' to give the claim back.
// One script rather than a MULTI: the same single step for Redis, and less work for the client.
const CREATE = `
if ARGV[5] == '1' then redis.call('DEL', KEYS[4]) end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('EXPIRE', KEYS[3], ARGV[2])
return 1
`;
const CREATE_COMMAND = 'wintroFlowCreate';

/** A hash field stored in the same step as the flow: a key of the flow's team, a field, a value. */
export interface HashWrite {
  key: string;
  field: string;
  value: string;
}

/** The compare-and-set is registered once per number of keys (see `runScript`). */
const casCommand = (keyCount: number) => `wintroFlowCas${keyCount}`;

export const newFlowId = () => randomBytes(9).toString('base64url');

/** How long a cancelled or finished setup is kept: long enough to redraw its DM, not for weeks. */
export const TERMINAL_TTL_SECONDS = 24 * 3600;

export class FlowStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: KeyScheme,
    private readonly ttlSeconds: number,
    /** For a flow that has ended (linked or cancelled); never longer than `ttlSeconds`. */
    private readonly terminalTtlSeconds = Math.min(ttlSeconds, TERMINAL_TTL_SECONDS),
  ) {}

  /**
   * Stores a new flow; `mark` (see the compare-and-set) is set with it, and the team's once-claim
   * `releasing` (see `OnceGuard`) is given back in the same step.
   */
  async create(state: FlowState, mark?: string, releasing?: string): Promise<void> {
    await runScript(this.redis, CREATE_COMMAND, 4, CREATE, [
      this.keys.flow(state.teamId, state.id),
      this.keys.activeFlows(state.teamId, state.starterId),
      this.keys.teamSetups(state.teamId),
      // The team's slot either way: a key that is never written when there is nothing to give back.
      this.keys.once(state.teamId, releasing ?? 'nothing-to-release'),
      flowText(state, mark ?? ''),
      String(this.ttlSeconds),
      state.id,
      state.systemId,
      releasing ? '1' : '',
    ]);
  }

  async get(teamId: string, flowId: string): Promise<FlowState | undefined> {
    const key = this.keys.flow(teamId, flowId);
    const text = await this.redis.get(key).catch(async (error: unknown) => {
      if (!isWrongType(error)) throw error;
      return this.storedAsHash(key);
    });
    return text ? parseFlow(teamId, flowId, jsonOf(text)) : undefined;
  }

  /** A flow stored as a hash (before flows were one string), as the text it is stored as now. */
  private async storedAsHash(key: string): Promise<string | null> {
    const json = await this.redis.hget(key, 'd');
    return json === null ? null : `\n\n${json}`;
  }

  /**
   * Writes `next` only if the stored flow is still at `expectedVersion`; `next.version` must be
   * `expectedVersion + 1`. The holder's active-flow index follows the flow's phase; `writes` (keys of
   * the same team) are stored in the same step.
   */
  async compareAndSet(
    expectedVersion: number,
    next: FlowState,
    writes: HashWrite[] = [],
  ): Promise<SaveResult> {
    // Without a claim the script never answers 'replayed'.
    return (await this.compareAndSetMarking(expectedVersion, next, writes)).result as SaveResult;
  }

  /** `compareAndSet`, also setting `mark` on the flow once; says whether the mark is new. */
  async compareAndSetMarking(
    expectedVersion: number,
    next: FlowState,
    writes: HashWrite[] = [],
    mark = '',
    claim?: RequestClaim,
    guard?: WriteGuard,
  ): Promise<{ result: SaveResult | 'replayed' | 'occupied'; newMark: boolean }> {
    const keyCount = 2 + (claim ? 1 : 0) + writes.length;
    const result = (await runScript(this.redis, casCommand(keyCount), keyCount, COMPARE_AND_SET, [
      this.keys.flow(next.teamId, next.id),
      this.keys.activeFlows(next.teamId, next.holderId),
      ...(claim ? [this.keys.once(next.teamId, claim.name)] : []),
      ...writes.map((write) => write.key),
      String(expectedVersion),
      String(next.version),
      storedJson(next),
      String(isTerminal(next) ? this.terminalTtlSeconds : this.ttlSeconds),
      next.systemId,
      next.id,
      isTerminal(next) ? 'clear' : 'keep',
      claim ? String(claim.ttlSeconds) : '',
      ...writes.flatMap((write) => [write.field, write.value]),
      mark,
      ...(guard ? [String(guard.write), writes[guard.write - 1]?.field ?? '', guard.marker] : []),
    ])) as number;
    return {
      result:
        result >= 1
          ? 'saved'
          : result === 0
            ? 'conflict'
            : result === -2
              ? 'replayed'
              : result === -3
                ? 'occupied'
                : 'missing',
      newMark: result === 2,
    };
  }

  /** Every unfinished flow of a workspace (a scan: for rare work such as an uninstall). */
  async activeInTeam(teamId: string): Promise<FlowState[]> {
    const flows = new Map<string, FlowState>();
    for await (const key of scanKeys(this.redis, this.keys.activeFlowsPattern(teamId))) {
      // flow id → system id (and the older shape, system id → flow id).
      for (const [field, value] of Object.entries(await this.redis.hgetall(key))) {
        const flow = (await this.get(teamId, field)) ?? (await this.get(teamId, value));
        if (flow && !isTerminal(flow)) flows.set(flow.id, flow);
      }
    }
    return [...flows.values()];
  }

  /**
   * Every unfinished setup of a workspace from its index of setups, without a scan (the Home tab,
   * drawn each time someone opens it): ids whose setup ended or expired are dropped as they are
   * found. The index lists setups created since it exists.
   */
  async setupsInTeam(teamId: string): Promise<FlowState[]> {
    const key = this.keys.teamSetups(teamId);
    const ids = await this.redis.smembers(key);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.get(this.keys.flow(teamId, id));
    const results = (await pipeline.exec()) ?? [];
    const flows: FlowState[] = [];
    const ended: string[] = [];
    for (const [index, id] of ids.entries()) {
      const [error, raw] = results[index] ?? [];
      const text = error && isWrongType(error) ? await this.storedAsHash(this.keys.flow(teamId, id)) : raw;
      const flow = typeof text === 'string' ? parseFlow(teamId, id, jsonOf(text)) : undefined;
      if (flow && !isTerminal(flow)) flows.push(flow);
      else ended.push(id);
    }
    if (ended.length) await this.redis.srem(key, ...ended);
    return flows;
  }

  /** The user's unfinished flows, by system id. Entries whose flow has expired are dropped. */
  async activeFor(teamId: string, userId: string): Promise<FlowState[]> {
    const activeKey = this.keys.activeFlows(teamId, userId);
    return this.flowsOfIndex(teamId, userId, await this.redis.hgetall(activeKey));
  }

  /**
   * `activeFor`, taking the team's once-claim `name` (see `OnceGuard.claim`) in the same step: a
   * command about to start a setup reads the person's setups and keeps a second command from
   * starting the same one, in one command to Redis.
   */
  async activeForClaiming(
    teamId: string,
    userId: string,
    name: string,
    ttlSeconds: number,
  ): Promise<{ flows: FlowState[]; claimed: boolean }> {
    const { first, values: flat } = await claimReading(
      this.redis,
      this.keys.once(teamId, name),
      ttlSeconds,
      this.keys.activeFlows(teamId, userId),
    );
    const index: Record<string, string> = {};
    for (let at = 0; at + 1 < flat.length; at += 2) index[flat[at] as string] = flat[at + 1] as string;
    return { flows: await this.flowsOfIndex(teamId, userId, index), claimed: first };
  }

  /** The unfinished flows an active index names; entries whose flow has ended or expired are dropped. */
  private async flowsOfIndex(teamId: string, userId: string, index: Record<string, string>) {
    const activeKey = this.keys.activeFlows(teamId, userId);
    const flows: FlowState[] = [];
    for (const [field, value] of Object.entries(index)) {
      // flow id → system id; an entry of the older shape is system id → flow id.
      const flow = (await this.get(teamId, field)) ?? (await this.get(teamId, value));
      if (flow && !isTerminal(flow) && flow.holderId === userId) flows.push(flow);
      else await this.redis.hdel(activeKey, field);
    }
    // The most recently moved first: that is the one a person means when they have two of a system.
    return flows.sort((a, b) => b.updatedAt - a.updatedAt);
  }
}
