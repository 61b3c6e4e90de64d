import type { Detail } from '../systems/types.js';

/** The events Wintro's backend receives, one type per step in a connection's life. */
export type ConnectionEventType =
  | 'connection.linked'
  | 'connection.unlinked'
  | 'connection.broken'
  | 'connection.restored';

/** What every event's `data` has: whose workspace, which system, who acted. */
export interface EventSubject {
  /** The workspace's Wintro account (from its install link); null in single-workspace mode. */
  accountId: string | null;
  teamId: string;
  /** The catalog id, e.g. `greenhouse`, `personio_recruiting`. */
  systemId: string;
}

interface BaseData {
  account_id: string | null;
  slack_team_id: string;
  system: string;
}

export interface LinkedData extends BaseData {
  linked_by: string;
  linked_at: string;
  details: Detail[];
  expires_at?: string;
  /** A compact JWE of the credential fields by field id, for Wintro's key only. */
  credentials: string;
}

export interface UnlinkedData extends BaseData {
  unlinked_by: string;
  unlinked_at: string;
}

export interface BrokenData extends BaseData {
  /** Whoever linked the connection: the person told it broke. */
  linked_by: string;
  broken_at: string;
  check: { code: string; title: string };
}

export interface RestoredData extends BaseData {
  restored_by: string;
  restored_at: string;
}

export interface ConnectionEvent<T extends ConnectionEventType = ConnectionEventType, D = unknown> {
  type: T;
  timestamp: string;
  data: D;
}

export type LinkedEvent = ConnectionEvent<'connection.linked', LinkedData>;
export type UnlinkedEvent = ConnectionEvent<'connection.unlinked', UnlinkedData>;
export type BrokenEvent = ConnectionEvent<'connection.broken', BrokenData>;
export type RestoredEvent = ConnectionEvent<'connection.restored', RestoredData>;
export type AnyConnectionEvent = LinkedEvent | UnlinkedEvent | BrokenEvent | RestoredEvent;

const iso = (ms: number) => new Date(ms).toISOString();

const base = (subject: EventSubject): BaseData => ({
  account_id: subject.accountId,
  slack_team_id: subject.teamId,
  system: subject.systemId,
});

export function linkedEvent(
  subject: EventSubject,
  linked: { by: string; at: number; details: Detail[]; expiresAt?: string; credentialsJwe: string },
): LinkedEvent {
  return {
    type: 'connection.linked',
    timestamp: iso(linked.at),
    data: {
      ...base(subject),
      linked_by: linked.by,
      linked_at: iso(linked.at),
      details: linked.details.map(({ label, value }) => ({ label, value })),
      ...(linked.expiresAt ? { expires_at: linked.expiresAt } : {}),
      credentials: linked.credentialsJwe,
    },
  };
}

export function unlinkedEvent(subject: EventSubject, unlinked: { by: string; at: number }): UnlinkedEvent {
  return {
    type: 'connection.unlinked',
    timestamp: iso(unlinked.at),
    data: { ...base(subject), unlinked_by: unlinked.by, unlinked_at: iso(unlinked.at) },
  };
}

export function brokenEvent(
  subject: EventSubject,
  broken: { linkedBy: string; at: number; code: string; title: string },
): BrokenEvent {
  return {
    type: 'connection.broken',
    timestamp: iso(broken.at),
    data: {
      ...base(subject),
      linked_by: broken.linkedBy,
      broken_at: iso(broken.at),
      check: { code: broken.code, title: broken.title },
    },
  };
}

export function restoredEvent(subject: EventSubject, restored: { by: string; at: number }): RestoredEvent {
  return {
    type: 'connection.restored',
    timestamp: iso(restored.at),
    data: { ...base(subject), restored_by: restored.by, restored_at: iso(restored.at) },
  };
}
