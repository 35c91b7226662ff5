// The console's calls to /supervisor/api: every one carries the supervisor token, and a refusal
// arrives as an ApiError with the server's code and message.

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export class SupervisorApi {
  constructor(token) {
    this.token = token;
  }

  async call(method, path, body) {
    const response = await fetch(`/supervisor/api/${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = answer.error ?? {};
      throw new ApiError(
        response.status,
        error.code ?? `HTTP_${response.status}`,
        error.message ?? response.statusText,
        error.details,
      );
    }
    return answer;
  }

  get(path) {
    return this.call('GET', path);
  }

  post(path, body) {
    return this.call('POST', path, body ?? {});
  }

  /** The live stream: the token travels in the query, as EventSource cannot send headers. */
  events() {
    return new EventSource(`/supervisor/api/events?access_token=${encodeURIComponent(this.token)}`);
  }

  /**
   * Uploads `file` into calling list `listDbid` as import `importId`. `onUpload(sent, total)`
   * follows the bytes sent; resolves with the final summary, rejects with an ApiError whose
   * `details` is the progress so far.
   */
  upload(listDbid, file, importId, onUpload) {
    return new Promise((resolve, reject) => {
      // XMLHttpRequest, not fetch: it reports upload progress.
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/supervisor/api/calling-lists/${listDbid}/imports?importId=${importId}`);
      xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      xhr.setRequestHeader('Content-Type', 'text/csv');
      xhr.upload.onprogress = (event) =>
        onUpload(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onerror = () =>
        reject(new ApiError(0, 'NETWORK', 'The upload failed: the server could not be reached'));
      xhr.onload = () => {
        let answer = {};
        try {
          answer = JSON.parse(xhr.responseText);
        } catch {
          // Not JSON: a proxy's page; answered below by the status.
        }
        if (xhr.status === 200) resolve(answer);
        else {
          const error = answer.error ?? {};
          reject(
            new ApiError(
              xhr.status,
              error.code ?? `HTTP_${xhr.status}`,
              error.message ?? xhr.statusText,
              answer.progress,
            ),
          );
        }
      };
      xhr.send(file);
    });
  }
}

/** A random uuid, also where crypto.randomUUID is missing (pages served over plain http). */
export function newUuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
