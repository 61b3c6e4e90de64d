import type { Translate } from '../../messages/index.js';
import { field } from '../fields.js';
import { komboAttachment } from '../screenshots.js';
import type { CredentialField, GuideStep, Prerequisites } from '../types.js';
import { recruiterLines, type WorkableRecruiter } from './recruiter.js';
import { isWorkableSubdomain, reduceWorkableSubdomain } from './subdomain.js';
import { expiryChoiceList } from './tokenExpiry.js';

/**
 * The scopes Wintro needs, each probed with its cheapest list call (`limit=1`, 403 when the scope
 * is missing). Scopes are ticked when a token is made and cannot be changed later.
 */
export const WORKABLE_REQUIRED_SCOPES = [
  { scope: 'r_jobs', path: '/spi/v3/jobs', key: 'jobs', covers: 'jobs' },
  { scope: 'r_candidates', path: '/spi/v3/candidates', key: 'candidates', covers: 'candidates' },
] as const;

export const scopeCovers = (tr: Translate, required: (typeof WORKABLE_REQUIRED_SCOPES)[number]) =>
  tr(`systems.workable.covers.${required.covers}`);

export function workablePrerequisites(tr: Translate): Prerequisites {
  const check = (id: 'settings' | 'tokens', key: string, image: string): GuideStep => ({
    title: tr(`systems.workable.selfCheck.${id}.title`),
    text: tr(`systems.workable.selfCheck.${id}.text`),
    screenshot: { key, alt: tr(`systems.workable.selfCheck.${id}.alt`), url: komboAttachment(image) },
  });
  return {
    text: tr('systems.workable.prerequisites.text'),
    selfCheck: [
      check('settings', 'workable-profile-settings', '18680193172625'),
      check('tokens', 'workable-generate-token', '21806967109137'),
    ],
    missingPermission: tr('systems.workable.prerequisites.missingPermission'),
    whoCanHelp: tr('systems.workable.prerequisites.whoCanHelp'),
  };
}

type StepId =
  | 'settings'
  | 'subdomain'
  | 'apps'
  | 'generate'
  | 'tokenForm'
  | 'copyToken'
  | 'members'
  | 'recruiter';

export function workableSteps(tr: Translate, recruiter: WorkableRecruiter): GuideStep[] {
  const step = (id: StepId, key: string, image: string, params?: Record<string, string>): GuideStep => ({
    title: tr(`systems.workable.steps.${id}.title`),
    text: tr(`systems.workable.steps.${id}.text`, params),
    screenshot: { key, alt: tr(`systems.workable.steps.${id}.alt`), url: komboAttachment(image) },
  });
  const scopes = WORKABLE_REQUIRED_SCOPES.map((required) =>
    tr('systems.workable.scopeLine', { scope: required.scope, covers: scopeCovers(tr, required) }),
  ).join('\n');
  return [
    step('settings', 'workable-settings', '17857269127313'),
    step('subdomain', 'workable-subdomain', '17857274661265'),
    step('apps', 'workable-apps', '21806983810449'),
    step('generate', 'workable-generate-token', '21806967109137'),
    step('tokenForm', 'workable-token-form', '21806983830161', {
      expiryChoices: expiryChoiceList(tr),
      scopes,
    }),
    step('copyToken', 'workable-token-created', '21806983842449'),
    step('members', 'workable-add-external-recruiter', '18680372136721'),
    step('recruiter', 'workable-recruiter-details', '18680465093265', {
      recruiter: recruiterLines(tr, recruiter),
    }),
  ];
}

const words = (tr: Translate, id: 'subdomain' | 'apiToken') => ({
  tr,
  label: tr(`systems.workable.fields.${id}.label`),
  hint: tr(`systems.workable.fields.${id}.hint`),
  placeholder: tr(`systems.workable.fields.${id}.placeholder`),
  looksLike: tr(`systems.workable.fields.${id}.looksLike`),
});

export function subdomainField(tr: Translate): CredentialField {
  const base = field({
    id: 'subdomain',
    ...words(tr, 'subdomain'),
    pattern: /^(?!-)[a-z0-9-]{1,63}(?<!-)$/,
    maxLength: 63,
    normalize: reduceWorkableSubdomain,
  });
  return {
    ...base,
    validate(raw) {
      const problem = base.validate(raw);
      if (problem) return problem;
      const value = base.normalize?.(raw) ?? raw;
      if (!isWorkableSubdomain(value))
        return tr('systems.workable.fields.subdomain.reserved', { subdomain: value });
      return undefined;
    },
  };
}

export function tokenField(tr: Translate): CredentialField {
  return field({
    id: 'api_token',
    ...words(tr, 'apiToken'),
    secret: true,
    pattern: /^[A-Za-z0-9._~+/=-]{16,500}$/,
  });
}
