/**
 * A Workable account lives at `https://<subdomain>.workable.com`, and the subdomain the admin types
 * becomes part of the host Wintro sends the API token to. So it must be exactly one hostname label
 * (letters, digits, hyphens; no leading or trailing hyphen), and nothing else: no dots, ports,
 * user info, percent-encoding or path can get through, whatever the admin pastes.
 */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Only an address on workable.com is reduced to its subdomain: `acme.workable.com`,
 * `https://acme.workable.com/backend`. Anything else is kept as typed, so validation refuses it
 * (e.g. `acme.workable.com.evil.io`, `https://acme.workable.com@evil.io`, `acme/../`).
 */
const WORKABLE_ADDRESS = /^(?:https?:\/\/)?([a-z0-9-]+)\.workable\.com(?::443)?(?:[/?#].*)?$/s;

/** Hosts of Workable itself, never a company's account. */
export const WORKABLE_RESERVED_LABELS: ReadonlySet<string> = new Set(['www', 'apply', 'help', 'api']);

/** Tidies what the admin pasted down to the subdomain when it is an address on workable.com. */
export function reduceWorkableSubdomain(value: string): string {
  const lowered = value.trim().toLowerCase();
  const address = lowered.match(WORKABLE_ADDRESS);
  return address?.[1] ?? lowered;
}

/** True only for a single hostname label that could be a company's Workable account. */
export function isWorkableSubdomain(value: string): boolean {
  return LABEL.test(value) && !WORKABLE_RESERVED_LABELS.has(value);
}

/**
 * The account's API base, from the configured template (`https://{subdomain}.workable.com` in
 * production). Returns undefined for anything that is not a valid subdomain, so a request can
 * never be steered to another host.
 */
export function workableBaseUrl(template: string, subdomain: string): string | undefined {
  if (!isWorkableSubdomain(subdomain)) return undefined;
  return template.split('{subdomain}').join(encodeURIComponent(subdomain));
}
