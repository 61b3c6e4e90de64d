import type { Translate } from '../../messages/index.js';
import { field } from '../fields.js';
import { komboAttachment } from '../screenshots.js';
import type { CredentialField, GuideStep, LinkableSystem, Prerequisites } from '../types.js';
import { personioAccessRightsHelp, personioName, stripBearer } from './common.js';
import { verifyPersonioRecruiting } from './recruitingCheck.js';

/** "Company ID: 123 456" pasted from the popup becomes "123456". */
export function normalizeCompanyId(value: string): string {
  const withoutLabel = value.replace(/^company[\s_-]*id\s*[:=]?\s*/i, '');
  return /^[\d\s.,']+$/.test(withoutLabel) ? withoutLabel.replace(/[\s.,']/g, '') : withoutLabel;
}

type CheckId = 'marketplace' | 'connected' | 'custom';
type StepId = 'login' | 'marketplace' | 'connected' | 'findKey' | 'openKey' | 'copy';

function prerequisites(tr: Translate): Prerequisites {
  const check = (id: CheckId, key: string, image: string): GuideStep => ({
    title: tr(`systems.personio.recruiting.selfCheck.${id}.title`),
    text: tr(`systems.personio.recruiting.selfCheck.${id}.text`),
    screenshot: {
      key,
      alt: tr(`systems.personio.recruiting.selfCheck.${id}.alt`),
      url: komboAttachment(image),
    },
  });
  return {
    text: tr('systems.personio.recruiting.prerequisites.text'),
    selfCheck: [
      check('marketplace', 'personio-marketplace', '24837808468113'),
      check('connected', 'personio-connected-integrations', '24837808472337'),
      check('custom', 'personio-create-custom-integration', '24837841575953'),
    ],
    missingPermission: tr('systems.personio.recruiting.prerequisites.missingPermission'),
    whoCanHelp: tr('systems.personio.recruiting.prerequisites.whoCanHelp', {
      accessRightsHelp: personioAccessRightsHelp(tr),
    }),
  };
}

function steps(tr: Translate): GuideStep[] {
  const step = (id: StepId, key: string, image: string): GuideStep => ({
    title: tr(`systems.personio.recruiting.steps.${id}.title`),
    text: tr(`systems.personio.recruiting.steps.${id}.text`),
    screenshot: { key, alt: tr(`systems.personio.recruiting.steps.${id}.alt`), url: komboAttachment(image) },
  });
  return [
    step('login', 'personio-login-domain', '16968677802129'),
    // Since Sep 2026 the credentials are under Marketplace → Connected integrations (seed 000's own
    // self-check screenshots show that path).
    step('marketplace', 'personio-marketplace', '24837808468113'),
    step('connected', 'personio-connected-integrations', '24837808472337'),
    step('findKey', 'personio-recruiting-api-key-row', '16968677805201'),
    step('openKey', 'personio-recruiting-api-key-popup', '16968672583569'),
    step('copy', 'personio-recruiting-company-id-token', '16968661914513'),
  ];
}

function credentialFields(tr: Translate): CredentialField[] {
  const words = (id: 'companyId' | 'accessToken') => ({
    tr,
    label: tr(`systems.personio.recruiting.fields.${id}.label`),
    hint: tr(`systems.personio.recruiting.fields.${id}.hint`),
    placeholder: tr(`systems.personio.recruiting.fields.${id}.placeholder`),
    looksLike: tr(`systems.personio.recruiting.fields.${id}.looksLike`),
  });
  return [
    field({
      id: 'company_id',
      ...words('companyId'),
      pattern: /^\d{1,12}$/,
      maxLength: 20,
      normalize: normalizeCompanyId,
    }),
    field({
      id: 'access_token',
      ...words('accessToken'),
      secret: true,
      pattern: /^[A-Za-z0-9._~+/=-]{12,1000}$/,
      maxLength: 1000,
      normalize: stripBearer,
    }),
  ];
}

/** Personio's recruiting data, with the system-generated Recruiting API key, checked at this API base. */
export function createPersonioRecruiting(tr: Translate, apiUrl: string): LinkableSystem {
  return {
    id: 'personio-recruiting',
    name: tr('systems.personio.recruiting.name'),
    revokePath: tr('systems.personio.recruiting.revokePath'),
    vendor: personioName(tr),
    aliases: [
      'personio recruiting',
      'personio recruitment',
      'personio ats',
      'personio applications',
      'personio recruiting api',
    ],
    summary: tr('systems.personio.recruiting.summary'),
    prerequisites: prerequisites(tr),
    steps: steps(tr),
    credentialFields: credentialFields(tr),
    verify: (credentials, context) => verifyPersonioRecruiting(tr, apiUrl, credentials, context),
  };
}
