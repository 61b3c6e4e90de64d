import type { VendorHttp, VendorResult } from '../vendors/http.js';

/** A GET that authenticates with a bearer token and asks for JSON. */
export function bearerGet(http: VendorHttp, url: string, token: string): Promise<VendorResult> {
  return http.send({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
}

/**
 * The cheapest read of a list endpoint: one entry of its first page. Vendors answer it like the
 * full read, so it shows whether the token may read that list at all.
 */
export function probeList(
  http: VendorHttp,
  url: string,
  token: string,
  pageSize: 'per_page' | 'limit',
): Promise<VendorResult> {
  return bearerGet(http, `${url}?${pageSize}=1`, token);
}
