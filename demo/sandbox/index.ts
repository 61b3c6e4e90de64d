import { greenhouseSandbox } from './greenhouse.js';
import { personioSandbox } from './personio.js';
import { recruiteeSandbox } from './recruitee.js';
import {
  FAILURES,
  type Failure,
  type SandboxKind,
  type SandboxVendor,
  type VendorReply,
  type VendorRequest,
} from './types.js';
import { workableSandbox } from './workable.js';

export type { Failure, VendorReply, VendorRequest } from './types.js';
export { FAILURES } from './types.js';

/**
 * Every sandbox vendor, the failure switch of each kind of credentials, and the demo credentials
 * the page fills in. Served under `/sandbox/<vendor>/…`.
 */
export class Sandbox {
  readonly vendors: readonly SandboxVendor[] = [
    greenhouseSandbox(),
    personioSandbox(),
    recruiteeSandbox(),
    workableSandbox(),
  ];
  private readonly switches = new Map<string, Failure>();

  get kinds(): SandboxKind[] {
    return this.vendors.flatMap((vendor) => vendor.kinds);
  }

  failureOf(kindId: string): Failure {
    return this.switches.get(kindId) ?? 'none';
  }

  /** Sets a kind's switch; false when the kind or the failure is unknown. */
  setFailure(kindId: string, failure: string): boolean {
    if (!this.kinds.some((kind) => kind.id === kindId)) return false;
    if (!(FAILURES as readonly string[]).includes(failure)) return false;
    this.switches.set(kindId, failure as Failure);
    return true;
  }

  /** Every demo secret: the credentials' secret fields and the tokens the vendors issued. */
  secrets(now = new Date()): string[] {
    const secretFields = ['client_secret', 'access_token', 'api_token'];
    const credentials = this.kinds.flatMap((kind) =>
      Object.entries(kind.credentials(now))
        .filter(([field]) => secretFields.includes(field))
        .map(([, value]) => value),
    );
    return [...credentials, ...this.vendors.flatMap((vendor) => vendor.issued?.() ?? [])];
  }

  /** The environment that points the bot at the sandbox served from `baseUrl`. */
  botEnv(baseUrl: string): Record<string, string> {
    return {
      GREENHOUSE_API_URL: `${baseUrl}/sandbox/greenhouse`,
      GREENHOUSE_AUTH_URL: `${baseUrl}/sandbox/greenhouse`,
      PERSONIO_API_URL: `${baseUrl}/sandbox/personio`,
      RECRUITEE_API_URL: `${baseUrl}/sandbox/recruitee`,
      WORKABLE_API_URL: `${baseUrl}/sandbox/workable/{subdomain}`,
    };
  }

  /**
   * The kind whose demo credentials fit this form: all of its fields are on the form, and of those
   * kinds the one that fills the most. A form is recognised by its field ids alone, so this works
   * whatever language the form is in.
   */
  demoCredentials(
    fieldIds: string[],
    now = new Date(),
  ): { kind: SandboxKind; values: Record<string, string> } | undefined {
    const onForm = new Set(fieldIds);
    let best: { kind: SandboxKind; values: Record<string, string> } | undefined;
    for (const kind of this.kinds) {
      const values = kind.credentials(now);
      const fields = Object.keys(values);
      if (!fields.every((field) => onForm.has(field))) continue;
      if (!best || fields.length > Object.keys(best.values).length) best = { kind, values };
    }
    return best;
  }

  /** Answers `/sandbox/<vendor><path>`; undefined when no vendor is served there. */
  handle(vendorId: string, request: VendorRequest): VendorReply | undefined {
    const vendor = this.vendors.find((each) => each.id === vendorId);
    return vendor?.handle(request, (kindId) => this.failureOf(kindId));
  }
}
