// The host relay (WORKSPACE.md): each embedded page is a Service Client API client of its own.
// What a page posts goes to the gateway unchanged, with the page's client id and the origin the
// browser reported for it; what the gateway sends for that client goes back to the page's window,
// addressed to that origin. The relay reads nothing of the protocol: security is the gateway's
// (what the host itself keeps across a reconnect is reconnect.js's).

/**
 * A relay between the frames of this page and the channel. `send(client, origin, message)`
 * writes a frame to the channel; `onTraffic(direction, client, message)` sees each relayed
 * message (for the events log).
 */
export function createRelay({ send, onTraffic = () => {} }) {
  /**
   * Embedded pages by client id: their frame, the origin their messages came from and whether
   * they posted yet.
   */
  const clients = new Map();
  let nextId = 1;

  function clientOfWindow(source) {
    for (const [id, client] of clients) if (client.frame.contentWindow === source) return id;
    return undefined;
  }

  function register(frame, origin) {
    const id = `frame-${nextId++}`;
    clients.set(id, { frame, origin, posted: false });
    frame.dataset.client = id;
    return id;
  }

  function onMessage(event) {
    let id = clientOfWindow(event.source);
    // Messages of windows the workspace did not embed are nobody's requests.
    if (id === undefined) return;
    const message = event.data;
    // The Service Client API posts objects; anything else is some other script's traffic.
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return;
    let client = clients.get(id);
    if (client.posted && client.origin !== event.origin) {
      // The frame now shows a page of another site (a link, a redirect): a client of its own,
      // which inherits nothing of the page before - above all not its subscriptions, whose
      // events would otherwise be addressed to the new site.
      clients.delete(id);
      id = register(client.frame, event.origin);
      client = clients.get(id);
    }
    client.origin = event.origin;
    client.posted = true;
    onTraffic('out', id, message);
    try {
      send(id, event.origin, message);
    } catch (error) {
      // No channel (logged out): the page's own timeout answers it, as with no workspace at all.
      onTraffic('dropped', id, { reason: String(error.message ?? error), message });
    }
  }

  window.addEventListener('message', onMessage);

  return {
    /** Registers an iframe; returns its client id. */
    add(frame) {
      // Until the page posts, its address tells where replies may go.
      return register(frame, new URL(frame.src, window.location.href).origin);
    },
    /** Forgets an iframe (removed from the page). */
    remove(id) {
      clients.delete(id);
    },
    /** The iframe of client `id`, if any (a toast's "Show" brings it into view). */
    frame(id) {
      return clients.get(id)?.frame;
    },
    /** Delivers `message` to every embedded page (the host's REALTIME_CONNECTION events). */
    broadcast(message) {
      for (const id of clients.keys()) this.deliver(id, message);
    },
    /** Delivers a message of the gateway to client `id`; false for an unknown client. */
    deliver(id, message) {
      const client = clients.get(id);
      if (!client || !client.frame.contentWindow) return false;
      onTraffic('in', id, message);
      client.frame.contentWindow.postMessage(message, client.origin);
      return true;
    },
    dispose() {
      window.removeEventListener('message', onMessage);
      clients.clear();
    },
  };
}
