// The workspace channel: one WebSocket per logged-in workspace, GET /workspace/channel
// (WORKSPACE.md, "Channel frames"). Every frame is one JSON text frame naming a client.

/** The client id of the workspace's own UI on the channel. */
export const WORKSPACE_CLIENT = 'workspace';
/** The client id of frames meant for the host page itself. */
export const HOST_CLIENT = '*';

// Close codes of the gateway worth a sentence to the agent; others show the gateway's reason.
const CLOSE_REASONS = {
  1000: 'Logged out.',
  1001: 'The server is restarting.',
  1006: 'The connection to the server was lost.',
  1011: 'The server is unavailable.',
  4401: 'The access token was refused.',
  4409: 'This agent logged in elsewhere; this workspace was logged out.',
};

const REFUSED = 'The server refused the login: check the place and the access token.';

/** Why the channel closed, for people. */
export function describeClose(code, reason) {
  return CLOSE_REASONS[code] ?? (reason ? `${reason} (code ${code})` : `The channel closed (code ${code}).`);
}

/**
 * Opens the channel for `place` with the desktop token `accessToken`. Resolves once open;
 * rejects with the close description when the gateway refuses it.
 *
 * `onFrame(client, message)` receives every frame from the gateway; `onClose(description, code)`
 * the end of an open channel.
 */
export function openChannel({ place, accessToken, onFrame, onClose }) {
  const url = new URL('/workspace/channel', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('place', place);
  url.searchParams.set('access_token', accessToken);
  const socket = new WebSocket(url);

  return new Promise((resolve, reject) => {
    let open = false;
    socket.addEventListener('open', () => {
      open = true;
      resolve({
        /** Sends `message` as posted by `client`, whose page has `origin`. */
        send(client, origin, message) {
          if (socket.readyState !== WebSocket.OPEN) throw new Error('the channel is closed');
          socket.send(JSON.stringify({ client, origin, message }));
        },
        /** Sends a frame of the host page itself: `{ client: "*", ... }` (a toast click). */
        sendHost(frame) {
          if (socket.readyState !== WebSocket.OPEN) throw new Error('the channel is closed');
          socket.send(JSON.stringify({ ...frame, client: HOST_CLIENT }));
        },
        close() {
          socket.close(1000, 'logout');
        },
      });
    });
    socket.addEventListener('message', (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame && typeof frame.client === 'string' && frame.message && typeof frame.message === 'object') {
        onFrame(frame.client, frame.message);
      }
    });
    socket.addEventListener('close', (event) => {
      const description = describeClose(event.code, event.reason);
      if (open) onClose(description, event.code);
      // A refused upgrade (401, 404 ...) reaches a page only as 1006, without its status.
      else reject(new Error(event.code === 1006 ? REFUSED : description));
    });
  });
}
