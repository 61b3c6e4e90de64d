import { randomBytes } from 'node:crypto';

/**
 * The demo workspace as Slack would hold it: its people, channels and messages (ephemeral ones
 * visible to one person), the modals open for each person, trigger ids and response URLs. Every
 * change bumps `version`, which the page waits on.
 */
export interface Person {
  id: string;
  name: string;
  title: string;
  /** The people the page lets you act as. */
  playable: boolean;
  /** Their Slack language and time zone (users.info): the bot writes to each in their language. */
  locale: string;
  tz: string;
}

export const TEAM = { id: 'T0DEMO', name: 'Acme (demo)', domain: 'acme-demo' };
export const BOT = { userId: 'U0WINTRO', botId: 'B0WINTRO', appId: 'A0WINTRO', name: 'Wintro' };

const DUBLIN = { locale: 'en-US', tz: 'Europe/Dublin' };
const MUNICH = { locale: 'de-DE', tz: 'Europe/Berlin' };

export const PEOPLE: readonly Person[] = [
  { id: 'U0ALEXADM', name: 'Alex Admin', title: 'HR admin', playable: true, ...DUBLIN },
  { id: 'U0CASEYIT', name: 'Casey Colleague', title: 'IT admin', playable: true, ...DUBLIN },
  { id: 'U0KIMHRDE', name: 'Kim Keller', title: 'HR-Admin, München', playable: true, ...MUNICH },
  { id: 'U0ROBINHR', name: 'Robin Recruiter', title: 'Recruiter', playable: false, ...DUBLIN },
  { id: 'U0SAMOPS', name: 'Sam Operations', title: 'People operations', playable: false, ...DUBLIN },
];

export const CHANNELS = [
  { id: 'C0GENERAL', name: 'general' },
  { id: 'C0WLINKED', name: 'wintro-links' },
] as const;

/** The channel the bot announces new connections in. */
export const NOTIFY_CHANNEL = 'C0WLINKED';

export interface Message {
  ts: string;
  channel: string;
  /** Who wrote it: a person's id or the bot's user id. */
  user: string;
  text: string;
  blocks?: unknown[];
  /** Set for an ephemeral message: the one person who sees it. */
  visibleTo?: string;
  edited?: boolean;
}

export interface OpenView {
  id: string;
  hash: string;
  user: string;
  view: Record<string, unknown>;
  /** Form errors the last submission was answered with, by block id. */
  errors?: Record<string, string>;
}

export const dmOf = (userId: string) => `D${userId}`;
export const personOf = (id: string) => PEOPLE.find((person) => person.id === id);

const TRIGGER_LIFETIME_MS = 3000;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;

export interface ResponseTarget {
  channel: string;
  user: string;
  /** The message a click came from, which `replace_original` replaces. */
  messageTs?: string;
}

export class Workspace {
  version = 0;
  readonly messages: Message[] = [];
  private readonly views = new Map<string, OpenView[]>();
  /** Each person's App Home tab, as the app last published it. */
  private readonly homes = new Map<string, OpenView>();
  private readonly triggers = new Map<string, { user: string; until: number }>();
  private readonly responseUrls = new Map<string, ResponseTarget & { until: number; uses: number }>();
  private readonly waiters = new Set<() => void>();
  private tsCounter = 0;
  private viewCounter = 0;

  /** Resolves at the next change, or after `ms`. */
  nextChange(since: number, ms: number): Promise<void> {
    if (since !== this.version) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  changed(): void {
    this.version += 1;
    for (const wake of [...this.waiters]) wake();
  }

  newTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  post(message: Omit<Message, 'ts'>): Message {
    const posted = { ...message, ts: this.newTs() };
    this.messages.push(posted);
    this.changed();
    return posted;
  }

  find(channel: string, ts: string): Message | undefined {
    return this.messages.find((message) => message.channel === channel && message.ts === ts);
  }

  update(channel: string, ts: string, change: { text: string; blocks?: unknown[] }): Message | undefined {
    const message = this.find(channel, ts);
    if (!message) return undefined;
    message.text = change.text;
    message.blocks = change.blocks;
    message.edited = true;
    this.changed();
    return message;
  }

  remove(channel: string, ts: string): void {
    const index = this.messages.findIndex((message) => message.channel === channel && message.ts === ts);
    if (index >= 0) this.messages.splice(index, 1);
    this.changed();
  }

  /** What one person sees of a conversation, oldest first. */
  visible(channel: string, userId: string): Message[] {
    return this.messages.filter(
      (message) => message.channel === channel && (!message.visibleTo || message.visibleTo === userId),
    );
  }

  issueTrigger(user: string): string {
    const id = `${Date.now()}.${TEAM.id}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { user, until: Date.now() + TRIGGER_LIFETIME_MS });
    return id;
  }

  /** A trigger id works once, for 3 seconds. */
  claimTrigger(id: string): { user: string } | 'expired' | 'invalid' {
    const trigger = this.triggers.get(id);
    if (!trigger) return 'invalid';
    this.triggers.delete(id);
    return trigger.until < Date.now() ? 'expired' : { user: trigger.user };
  }

  issueResponseUrl(target: ResponseTarget): string {
    const id = randomBytes(12).toString('hex');
    this.responseUrls.set(id, { ...target, until: Date.now() + RESPONSE_URL_LIFETIME_MS, uses: 0 });
    return id;
  }

  /** A response URL works 5 times within 30 minutes. */
  useResponseUrl(id: string): ResponseTarget | undefined {
    const target = this.responseUrls.get(id);
    if (!target || target.until < Date.now() || target.uses >= RESPONSE_URL_USES) return undefined;
    target.uses += 1;
    return target;
  }

  stackOf(user: string): OpenView[] {
    return this.views.get(user) ?? [];
  }

  homeOf(user: string): OpenView | undefined {
    return this.homes.get(user);
  }

  /** `views.publish`: the person's Home tab, kept under one view id. */
  publishHome(user: string, view: Record<string, unknown>): OpenView {
    const known = this.homes.get(user);
    if (known) return this.replaceView(known, view);
    this.viewCounter += 1;
    const home: OpenView = { id: `V0HOME${this.viewCounter}`, hash: this.newHash(), user, view };
    this.homes.set(user, home);
    this.changed();
    return home;
  }

  /** A modal or Home tab by its id, or by the `external_id` the app gave it. */
  findView(id: string, by: 'id' | 'external_id' = 'id'): OpenView | undefined {
    if (!id) return undefined;
    for (const stack of [...this.views.values(), [...this.homes.values()]]) {
      const view = stack.find((each) => (by === 'id' ? each.id : each.view.external_id) === id);
      if (view) return view;
    }
    return undefined;
  }

  openView(user: string, view: Record<string, unknown>, push = false): OpenView {
    this.viewCounter += 1;
    const opened: OpenView = { id: `V0DEMO${this.viewCounter}`, hash: this.newHash(), user, view };
    this.views.set(user, push ? [...this.stackOf(user), opened] : [opened]);
    this.changed();
    return opened;
  }

  replaceView(opened: OpenView, view: Record<string, unknown>): OpenView {
    opened.view = view;
    opened.hash = this.newHash();
    opened.errors = undefined;
    this.changed();
    return opened;
  }

  setErrors(opened: OpenView, errors: Record<string, string>): void {
    opened.errors = errors;
    this.changed();
  }

  /** Closes the top view (or every view) a person has open. */
  closeView(user: string, all = false): void {
    const stack = this.stackOf(user);
    this.views.set(user, all ? [] : stack.slice(0, -1));
    this.changed();
  }

  private newHash(): string {
    return `${Math.floor(Date.now() / 1000)}.${randomBytes(6).toString('hex')}`;
  }
}
