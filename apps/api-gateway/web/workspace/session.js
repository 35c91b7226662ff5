// The agent's login kept in the tab, not in the address bar (WORKSPACE.md, "Pages"): a launcher
// opens /workspace/?place=..&access_token=..; the page takes both out of the address bar and its
// history entry at once (other parameters, such as apps, stay), and keeps them in the tab's
// sessionStorage while the agent is logged in, so that a reload of the tab logs in again. A
// logout, or any other end of the session, forgets them, as the supervisor console does.
const SESSION_KEY = 'ocs-workspace-session';
/** The query parameters that never stay in the address bar. */
const SECRET_PARAMETERS = new Set(['place', 'access_token']);

/**
 * Takes `place` and `access_token` out of the address bar with history.replaceState, leaving the
 * other parameters as they were written; returns them ('' when absent).
 */
export function takeLoginFromAddressBar() {
  const query = new URLSearchParams(window.location.search);
  const login = { place: query.get('place') ?? '', accessToken: query.get('access_token') ?? '' };
  const pairs = window.location.search.replace(/^\?/, '').split('&').filter(Boolean);
  const kept = pairs.filter((pair) => {
    const name = pair.split('=')[0];
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // A malformed name is kept as written.
    }
    return !SECRET_PARAMETERS.has(decoded);
  });
  if (kept.length !== pairs.length) {
    const search = kept.length > 0 ? `?${kept.join('&')}` : '';
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  }
  return login;
}

/** The login this tab keeps, or null (none, or unreadable: then forgotten). */
export function storedLogin() {
  let login = null;
  try {
    const value = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? 'null');
    if (value && typeof value.place === 'string' && typeof value.accessToken === 'string') login = value;
  } catch {
    // Unreadable: forgotten below.
  }
  if (login && login.place && login.accessToken) return login;
  forgetLogin();
  return null;
}

/** Keeps the login of this tab for a reload. */
export function keepLogin(place, accessToken) {
  try {
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify({ place, accessToken }));
  } catch {
    // Storage refused (disabled, full): a reload shows the login form.
  }
}

/** Forgets the login of this tab. */
export function forgetLogin() {
  try {
    window.sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing kept.
  }
}
