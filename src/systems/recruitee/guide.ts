import { t } from '../../messages/index.js';
import { field } from '../fields.js';
import { komboAttachment } from '../screenshots.js';
import type { CredentialField, GuideStep, Prerequisites } from '../types.js';
import { isRecruiteeCompanyId, normalizeRecruiteeCompanyId } from './companyId.js';

export function recruiteePrerequisites(): Prerequisites {
  return {
    text: t('systems.recruitee.prerequisites.text'),
    selfCheck: [
      {
        title: t('systems.recruitee.selfCheck.profile.title'),
        text: t('systems.recruitee.selfCheck.profile.text'),
      },
      {
        title: t('systems.recruitee.selfCheck.role.title'),
        text: t('systems.recruitee.selfCheck.role.text'),
        screenshot: {
          key: 'recruitee-profile-role',
          alt: t('systems.recruitee.selfCheck.role.alt'),
          url: komboAttachment('18368191959185'),
        },
      },
    ],
    missingPermission: t('systems.recruitee.prerequisites.missingPermission'),
    whoCanHelp: t('systems.recruitee.prerequisites.whoCanHelp'),
  };
}

type StepWithImage = 'newToken' | 'save' | 'copyToken' | 'companyId';

export function recruiteeSteps(): GuideStep[] {
  const step = (id: StepWithImage, key: string, image: string): GuideStep => ({
    title: t(`systems.recruitee.steps.${id}.title`),
    text: t(`systems.recruitee.steps.${id}.text`),
    screenshot: { key, alt: t(`systems.recruitee.steps.${id}.alt`), url: komboAttachment(image) },
  });
  return [
    { title: t('systems.recruitee.steps.tokens.title'), text: t('systems.recruitee.steps.tokens.text') },
    step('newToken', 'recruitee-new-token', '14886356303505'),
    step('save', 'recruitee-save-token', '14886356341137'),
    step('copyToken', 'recruitee-copy-token', '14886356301457'),
    step('companyId', 'recruitee-company-id', '14886379544465'),
  ];
}

export function recruiteeFields(): CredentialField[] {
  const words = (id: 'companyId' | 'apiToken') => ({
    label: t(`systems.recruitee.fields.${id}.label`),
    hint: t(`systems.recruitee.fields.${id}.hint`),
    placeholder: t(`systems.recruitee.fields.${id}.placeholder`),
    looksLike: t(`systems.recruitee.fields.${id}.looksLike`),
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
        if (!isRecruiteeCompanyId(value)) return t('systems.recruitee.fields.companyId.notACompany');
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
