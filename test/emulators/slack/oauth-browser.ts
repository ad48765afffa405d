// The browser's part of installing the app through OAuth, for SlackEmulator.completeOAuthInstall.

export interface InstallInput {
  installUrl: string;
  teamId: string;
  /** Used when the authorize URL has no redirect_uri; default `<install origin>/slack/oauth_redirect`. */
  redirectUri?: string;
}

export interface OAuthInstallResult {
  /** Status and body of the app's redirect (callback) endpoint. */
  readonly status: number;
  readonly body: string;
  readonly code: string;
  readonly callbackUrl: string;
}

/**
 * Plays the browser in Slack's OAuth v2 flow: GET the app's install path (Bolt answers a 302
 * with directInstall, or a page with the authorize link), "approve" at the emulator's authorize
 * URL for `teamId`, then GET the app's redirect URL with the state cookie. Bolt needs
 * `installerOptions.authorizationUrl = emulator.authorizeUrl` (or a proxy's, same path).
 */
export async function playOAuthInstall(
  authorizeUrl: string,
  options: InstallInput,
): Promise<OAuthInstallResult> {
  const install = await fetch(options.installUrl, { redirect: 'manual' });
  const cookies = install.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c !== '');
  const page = await install.text();
  // A 302 (directInstall) or the landing page's "Add to Slack" link.
  const links = [...page.matchAll(/href=["']([^"']+)["']/g)].map((m) =>
    (m[1] ?? '').replaceAll('&amp;', '&'),
  );
  // The app may know this page by another origin (a proxy in front of the emulator's API).
  const isAuthorize = (href: string) =>
    URL.canParse(href) && new URL(href).pathname === '/oauth/v2/authorize';
  const location = install.headers.get('location') ?? links.find(isAuthorize);
  if (location === undefined || !isAuthorize(location)) {
    throw new Error(
      `install page did not lead to ${authorizeUrl} (status ${install.status}); ` +
        'set installerOptions.authorizationUrl to emulator.authorizeUrl',
    );
  }
  const { search } = new URL(location);
  const authorize = new URL(`${authorizeUrl}${search}`);
  authorize.searchParams.set('team', options.teamId);
  if (!authorize.searchParams.has('redirect_uri')) {
    const fallback = options.redirectUri ?? new URL('/slack/oauth_redirect', options.installUrl).toString();
    authorize.searchParams.set('redirect_uri', fallback);
  }
  const approved = await fetch(authorize, { redirect: 'manual' });
  const callbackUrl = approved.headers.get('location');
  if (approved.status !== 302 || callbackUrl === null) {
    throw new Error(`authorize failed: ${approved.status} ${await approved.text()}`);
  }
  const code = new URL(callbackUrl).searchParams.get('code') ?? '';
  const callback = await fetch(callbackUrl, {
    redirect: 'manual',
    headers: cookies.length > 0 ? { cookie: cookies.join('; ') } : {},
  });
  return { status: callback.status, body: await callback.text(), code, callbackUrl };
}
