// The workspace channel that survives a gateway restart (WORKSPACE.md, "Reconnection"): when the
// channel closes for a reason worth retrying, the host page opens it again by itself, with backoff
// and jitter, and the Service Client clients of the page (the iframes, and the workspace UI) go on
// as if nothing happened:
// - requests in flight when the channel dropped, and requests made while it is down, fail at once
//   with an errorMessage (not the SDK's 10 s timeout);
// - each client's subscribe and unsubscribe messages are replayed, in order, on the new channel:
//   the gateway numbers subscriptions per client (`<client>-<n>`), so the ids the pages hold stay
//   good; the replies to the replay are swallowed, the pages had theirs;
// - `onRealtime(state)` says DISCONNECTED when the channel drops, DOWN after a minute without it,
//   RECONNECTED once it is back (the system event REALTIME_CONNECTION of the reference).
// The rest is the gateway's: the records on the desk are announced again at the new login.
import { describeClose, openChannel } from '/workspace/channel.js';

/** Close codes worth a new attempt: going away (a replica stops), abnormal (lost), unavailable. */
export const RETRY_CODES = new Set([1001, 1006, 1011]);
/** The reference: DOWN once the real-time connection has been down for more than one minute. */
export const DOWN_AFTER_MS = 60_000;
const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
const REPLAY_PREFIX = '~replay-';
/**
 * The SDK's own timeout: a request unanswered for this long has been failed by the page already.
 * The gateway never answers a request it ignores (a rate-limit quarantine), so pending requests
 * are forgotten after it, or a page polling in quarantine would grow the map without end.
 */
const REQUEST_TIMEOUT_MS = 10_000;
/** The envelope of the gateway's messages, which clients only accept with a "WWE" userAgent. */
const SERVER = { userAgent: 'WWE Server', protocolVersion: 2 };

/**
 * The wait before attempt `attempt` (0, 1, ...): exponential up to 30 s, with jitter so that the
 * workspaces of a replica that stopped do not all come back at the same instant.
 */
export function retryDelay(attempt, random = Math.random) {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Whether the desktop token has expired, from its `exp` claim (a JWT). A browser cannot tell a
 * refused upgrade (401) from a gateway that is not there yet: both close as 1006 before opening.
 * An expired token is the refusal a reconnect meets, so it ends the retries.
 */
export function tokenExpired(accessToken, now = Date.now()) {
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const { exp } = JSON.parse(atob(payload));
    return typeof exp === 'number' && exp * 1000 <= now;
  } catch {
    return false;
  }
}

/** A reply of the host itself, in the gateway's envelope, for a request that cannot be answered. */
function failureReply(message, errorMessage) {
  return {
    ...(message.request === undefined ? {} : { request: message.request }),
    referenceId: message.referenceId,
    errorMessage,
    ...SERVER,
  };
}

/** The system event REALTIME_CONNECTION with `state`, as the gateway would send it. */
export function realtimeEvent(state) {
  return { event: 'system', data: { eventType: 'REALTIME_CONNECTION', state }, ...SERVER };
}

/**
 * Opens the channel (resolves once logged in the first time; rejects as openChannel does) and
 * keeps it open. `onFrame(client, message)` gets the gateway's frames and the host's own replies;
 * `onState(kind, text)` the connection's state for the top bar (online, reconnecting); `onRealtime`
 * the REALTIME_CONNECTION states; `onEnd(description)` the end of it all (logout, replaced, ...).
 */
export async function openResilientChannel({ place, accessToken, onFrame, onState, onRealtime, onEnd }) {
  /** Per client: the origin it last posted from, its subscribe/unsubscribe log, its pending requests. */
  const clients = new Map();
  let channel = null;
  let ended = false;
  let attempt = 0;
  let retryTimer;
  let downTimer;
  let replayed = 0;

  const clientOf = (id) => {
    if (!clients.has(id)) clients.set(id, { origin: '', log: [], pending: new Map(), swallow: new Set() });
    return clients.get(id);
  };

  function receive(id, message) {
    const client = clients.get(id);
    const isReply = client && message.event === undefined && message.referenceId !== undefined;
    if (isReply) {
      const referenceId = String(message.referenceId);
      if (client.swallow.delete(referenceId)) return;
      client.pending.delete(referenceId);
      const entry = client.log.find((logged) => !logged.answered && logged.referenceId === referenceId);
      if (entry) entry.answered = true;
    }
    onFrame(id, message);
  }

  /** Drops the pending requests the page has failed by its own timeout (oldest first in the map). */
  function forgetTimedOut(client, now = Date.now()) {
    for (const [referenceId, entry] of client.pending) {
      if (now - entry.sentAt < REQUEST_TIMEOUT_MS) break;
      client.pending.delete(referenceId);
    }
  }

  const callbacks = {
    onFrame: receive,
    onClose: (description, code) => dropped(description, code),
  };

  function dropped(description, code) {
    channel = null;
    // What was asked of the old channel will never be answered: say so now.
    for (const [id, client] of clients) {
      forgetTimedOut(client);
      const pending = [...client.pending.values()].map((entry) => entry.message);
      client.pending.clear();
      client.swallow.clear();
      for (const message of pending)
        onFrame(id, failureReply(message, 'The connection to the server was lost; retry the request.'));
    }
    if (!RETRY_CODES.has(code)) {
      end(description);
      return;
    }
    onRealtime('DISCONNECTED');
    downTimer = window.setTimeout(() => onRealtime('DOWN'), DOWN_AFTER_MS);
    retry(description);
  }

  function retry(why) {
    if (tokenExpired(accessToken)) {
      end('The access token expired: log in again.');
      return;
    }
    const delay = retryDelay(attempt++);
    onState('reconnecting', `${why} Reconnecting in ${Math.ceil(delay / 1000)} s…`);
    retryTimer = window.setTimeout(reconnect, delay);
  }

  async function reconnect() {
    if (ended) return;
    onState('reconnecting', 'Reconnecting…');
    let opened;
    try {
      opened = await openChannel({ place, accessToken, ...callbacks });
    } catch (error) {
      retry(`${error.message}`.replace(/\.?$/, '.'));
      return;
    }
    if (ended) {
      opened.close();
      return;
    }
    channel = opened;
    attempt = 0;
    replay();
    window.clearTimeout(downTimer);
    onState('online', 'Connected again');
    onRealtime('RECONNECTED');
  }

  /** Each client's subscription history again, in order: the same subscription ids come back. */
  function replay() {
    for (const [id, client] of clients) {
      for (const entry of client.log) {
        if (!entry.answered) {
          // Sent while the channel was down, or unanswered when it dropped: the page waits for this reply.
          channel.send(id, client.origin, entry.message);
          continue;
        }
        const referenceId = `${REPLAY_PREFIX}${++replayed}`;
        client.swallow.add(referenceId);
        channel.send(id, client.origin, { ...entry.message, referenceId });
      }
    }
  }

  function end(description) {
    if (ended) return;
    ended = true;
    window.clearTimeout(retryTimer);
    window.clearTimeout(downTimer);
    clients.clear();
    onEnd(description);
  }

  channel = await openChannel({ place, accessToken, ...callbacks });

  return {
    /** Sends `message` of `client` (page of `origin`); a request it cannot send fails at once. */
    send(id, origin, message) {
      const client = clientOf(id);
      client.origin = origin;
      const referenceId = message.referenceId === undefined ? undefined : String(message.referenceId);
      if (message.event === 'subscribe' || message.event === 'unsubscribe') {
        // Kept for the replay; sent now if there is a channel, at the reconnect otherwise.
        client.log.push({ message, referenceId, answered: false });
        try {
          channel?.send(id, origin, message);
        } catch {
          // The channel is closing: the replay sends it.
        }
        return;
      }
      try {
        if (!channel) throw new Error('no channel');
        channel.send(id, origin, message);
      } catch {
        if (referenceId !== undefined)
          onFrame(id, failureReply(message, 'The workspace is not connected to the server; retry later.'));
        return;
      }
      if (typeof message.request === 'string' && referenceId !== undefined) {
        forgetTimedOut(client);
        // A reference id used again goes to the end, where the newest requests are.
        client.pending.delete(referenceId);
        client.pending.set(referenceId, { message, sentAt: Date.now() });
      }
    },
    /** Sends a frame of the host page itself (`client: "*"`), e.g. a toast button click. */
    sendHost(frame) {
      if (!channel) throw new Error('The workspace is not connected to the server.');
      channel.sendHost(frame);
    },
    close() {
      const open = channel;
      channel = null;
      if (open) open.close();
      else end(describeClose(1000, 'logout'));
    },
  };
}
