import type { Translate } from '../../messages/index.js';
import { urlSetting } from '../settings.js';
import type { SystemFamily, SystemModule } from '../types.js';
import { createPersonioEmployees } from './employees.js';
import { createPersonioRecruiting } from './recruiting.js';

export { PERSONIO_ACCESS_RIGHTS_HELP, PERSONIO_RATE_WINDOW_SECONDS, stripBearer } from './common.js';
export { createPersonioEmployees } from './employees.js';
export {
  classifyAttributesResponse,
  classifyAuthResponse,
  maskClientId,
  PERSONIO_REQUIRED_ATTRIBUTE_KEYS,
  personioRequiredAttributes,
} from './employeesCheck.js';
export { createPersonioRecruiting, normalizeCompanyId } from './recruiting.js';
export {
  classifyRecruitingProbe,
  PERSONIO_FEATURE_CODES,
  PERSONIO_RECRUITING_PROBE,
  personioErrorCodes,
} from './recruitingCheck.js';

export const PERSONIO_API_URL = urlSetting('PERSONIO_API_URL', 'https://api.personio.de');

/**
 * Personio hands out two unrelated kinds of credentials: the system-generated Recruiting API key
 * (applications) and generated API credentials for the Personnel Data API (employees). The admin
 * picks one first; `/wintro link personio recruiting|employees` skips the question.
 */
export function createPersonioFamily(tr: Translate): SystemFamily {
  return {
    id: 'personio',
    name: tr('systems.personio.name'),
    aliases: ['personio'],
    question: tr('systems.personio.question'),
    variants: [
      {
        systemId: 'personio-recruiting',
        label: tr('systems.personio.variants.recruiting.label'),
        description: tr('systems.personio.variants.recruiting.description'),
      },
      {
        systemId: 'personio-employees',
        label: tr('systems.personio.variants.employees.label'),
        description: tr('systems.personio.variants.employees.description'),
      },
    ],
  };
}

export const personioModule: SystemModule = {
  settings: [PERSONIO_API_URL],
  create(setting, tr) {
    const apiUrl = setting(PERSONIO_API_URL);
    return {
      systems: [createPersonioRecruiting(tr, apiUrl), createPersonioEmployees(tr, apiUrl)],
      families: [createPersonioFamily(tr)],
    };
  },
};
