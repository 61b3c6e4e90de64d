import type { VendorHttp } from './http.js';

/** The same vendor HTTP, reporting how long each call took (answered or not) in seconds. */
export function timedVendorHttp(
  http: VendorHttp,
  observe: (seconds: number) => void,
  now: () => number = performance.now.bind(performance),
): VendorHttp {
  return {
    async send(request) {
      const started = now();
      try {
        return await http.send(request);
      } finally {
        observe((now() - started) / 1000);
      }
    },
  };
}
