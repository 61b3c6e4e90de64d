import * as z from 'zod/mini';

/**
 * An operator setting a vendor reads from the environment. `schema` checks and tidies the raw
 * value (undefined when the variable is not set); its messages complete "NAME …" in the startup
 * error, so they say what a valid value looks like.
 */
export interface SystemSetting {
  /** The environment variable. */
  name: string;
  /** What applies when the variable is not set. */
  default: string;
  schema: z.ZodMiniType<string, string | undefined>;
}

/** Checked setting values by variable name, as config resolved them. */
export type SettingValues = Readonly<Record<string, string>>;

/** The value of one setting. */
export type SettingReader = (setting: SystemSetting) => string;

const stripSlash = (value: string) => value.replace(/\/+$/, '');

/** An http(s) base URL, without trailing slashes. */
export function urlSetting(name: string, fallback: string, mustContain?: string): SystemSetting {
  const url = z
    ._default(z.string().check(z.trim()), fallback)
    .check(z.refine((value) => /^https?:\/\/[^\s/]+/i.test(value), 'must be an http(s) URL'));
  const schema = mustContain
    ? url.check(z.refine((value) => value.includes(mustContain), { message: `must contain ${mustContain}` }))
    : url;
  return { name, default: fallback, schema: z.pipe(schema, z.transform(stripSlash)) };
}

/** Any other text: the caller's checks on the trimmed value; the default when the variable is not set. */
export function textSetting(
  name: string,
  fallback: string,
  check: (trimmed: z.ZodMiniString<string>) => z.ZodMiniType<string, string>,
): SystemSetting {
  return { name, default: fallback, schema: z._default(check(z.string().check(z.trim())), fallback) };
}

/** Reads settings from checked values; a setting that is not among them gets its default. */
export function settingReader(values: SettingValues = {}): SettingReader {
  return (setting) => {
    const value = values[setting.name];
    return value !== undefined ? value : setting.schema.parse(undefined);
  };
}
