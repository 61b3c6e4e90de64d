import type { metrics as english } from '../en/metrics.js';
import type { CatalogShape } from '../shape.js';

/** German answers of `GET /metrics` (see ../en/metrics.ts). */
export const metrics = {
  metrics: {
    tokenRequired:
      'Dieser Endpunkt braucht das Metrik-Token: Senden Sie es als "Authorization: Bearer <token>" (die Einstellung METRICS_TOKEN des Bots).',
    unavailable: 'Die Metriken konnten gerade nicht erhoben werden. Versuchen Sie den Abruf erneut.',
  },
} as const satisfies CatalogShape<typeof english>;
