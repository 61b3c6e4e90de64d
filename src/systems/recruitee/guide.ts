import type { Translate } from '../../messages/index.js';
import { field } from '../fields.js';
import { komboAttachment } from '../screenshots.js';
import type { CredentialField, GuideStep, Prerequisites } from '../types.js';
import { isRecruiteeCompanyId, normalizeRecruiteeCompanyId } from './companyId.js';

export function recruiteePrerequisites(tr: Translate): Prerequisites {
  return {
    text: tr('systems.recruitee.prerequisites.text'),
    selfCheck: [
      {
        title: tr('systems.recruitee.selfCheck.profile.title'),
        text: tr('systems.recruitee.selfCheck.profile.text'),
      },
      {
        title: tr('systems.recruitee.selfCheck.role.title'),
        text: tr('systems.recruitee.selfCheck.role.text'),
        screenshot: {
          key: 'recruitee-profile-role',
          alt: tr('systems.recruitee.selfCheck.role.alt'),
          url: komboAttachment('18368191959185'),
        },
      },
    ],
    missingPermission: tr('systems.recruitee.prerequisites.missingPermission'),
    whoCanHelp: tr('systems.recruitee.prerequisites.whoCanHelp'),
  };
}

type StepWithImage = 'newToken' | 'save' | 'copyToken' | 'companyId';

export function recruiteeSteps(tr: Translate): GuideStep[] {
  const step = (id: StepWithImage, key: string, image: string): GuideStep => ({
    title: tr(`systems.recruitee.steps.${id}.title`),
    text: tr(`systems.recruitee.steps.${id}.text`),
    screenshot: { key, alt: tr(`systems.recruitee.steps.${id}.alt`), url: komboAttachment(image) },
  });
  return [
    { title: tr('systems.recruitee.steps.tokens.title'), text: tr('systems.recruitee.steps.tokens.text') },
    step('newToken', 'recruitee-new-token', '14886356303505'),
    step('save', 'recruitee-save-token', '14886356341137'),
    step('copyToken', 'recruitee-copy-token', '14886356301457'),
    step('companyId', 'recruitee-company-id', '14886379544465'),
  ];
}

export function recruiteeFields(tr: Translate): CredentialField[] {
  const words = (id: 'companyId' | 'apiToken') => ({
    tr,
    label: tr(`systems.recruitee.fields.${id}.label`),
    hint: tr(`systems.recruitee.fields.${id}.hint`),
    placeholder: tr(`systems.recruitee.fields.${id}.placeholder`),
    looksLike: tr(`systems.recruitee.fields.${id}.looksLike`),
  });
  const companyIdField = field({
    id: 'company_id',
    ...words('companyId'),
    pattern: /^[a-z0-9-]+$/,
    maxLength: 63,
    normalize: normalizeRecruiteeCompanyId,
  });
  return [
    {
      ...companyIdField,
      validate(raw) {
        const problem = companyIdField.validate(raw);
        if (problem) return problem;
        const value = companyIdField.normalize?.(raw) ?? raw;
        if (!isRecruiteeCompanyId(value)) return tr('systems.recruitee.fields.companyId.notACompany');
        return undefined;
      },
    },
    field({
      id: 'api_token',
      ...words('apiToken'),
      secret: true,
      pattern: /^[A-Za-z0-9._~+/=-]{16,500}$/,
    }),
  ];
}
