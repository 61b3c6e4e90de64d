/** Why an install link was refused: each gets its own page. */
export type InstallLinkProblem = 'missing' | 'expired' | 'invalid';

export type InstallLinkResult = { ok: true; accountId: string } | { ok: false; problem: InstallLinkProblem };

const ACCOUNT_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * Reads the `account` token of an install link Wintro's web app handed out: an HS256 JWT signed
 * with WINTRO_INSTALL_SECRET whose `sub` is the Wintro account id and which must carry `exp`.
 */
export async function readInstallLink(token: string | null, secret: string): Promise<InstallLinkResult> {
  if (!token) return { ok: false, problem: 'missing' };
  // Loaded on the first install link: a bot of one workspace never needs it.
  const { errors, jwtVerify } = await import('jose');
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
    });
    if (!payload.sub || !ACCOUNT_ID.test(payload.sub)) return { ok: false, problem: 'invalid' };
    return { ok: true, accountId: payload.sub };
  } catch (error) {
    return { ok: false, problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
