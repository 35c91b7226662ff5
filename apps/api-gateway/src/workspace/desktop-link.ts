import { GswKey as K, OcsKey, UserEvent } from '@ocs/desktop-protocol';

/** A frame of the OCS-Desktop protocol (or of its OCS_ extensions), as JSON. */
export type DesktopFrame = Readonly<Record<string, unknown>>;

/** A desktop frame that went unanswered for this long means the desktop session is stuck. */
export const DESKTOP_REPLY_TIMEOUT_MS = 9_000;

interface Pending {
  readonly frames: DesktopFrame[];
  readonly resolve: (frames: DesktopFrame[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The workspace as an OCS-Desktop client of the agent's desktop session: requests go in as the
 * desktop's JSON frames with a reference id of their own (GSW_REFERENCE_ID, OCS_REFERENCE_ID for
 * agent states) and the session's answers are matched back to them. Frames that answer nothing
 * (PreviewRecord of Push Preview, RecordCancel, campaign notifications, call and agent events) go
 * to `unsolicited`.
 */
export class DesktopLink {
  private nextReference = 1;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly send: (text: string) => void,
    private readonly unsolicited: (frame: DesktopFrame) => void,
    private readonly timeoutMs = DESKTOP_REPLY_TIMEOUT_MS,
  ) {}

  /**
   * Sends an OCS-Desktop request and resolves with its answers: one frame, or for
   * ChainedRecordRequest every ChainedRecord up to ChainedRecordsDataEnd (or an error).
   */
  request(frame: DesktopFrame): Promise<DesktopFrame[]> {
    const reference = this.nextReference++;
    return this.await(`gsw:${reference}`, () =>
      this.send(JSON.stringify({ ...frame, [K.GSW_REFERENCE_ID]: reference })),
    );
  }

  /** An agent state request (`OCS_AGENT_STATE`): its AgentStateAcknowledge or AgentStateError. */
  agentState(frame: DesktopFrame): Promise<DesktopFrame[]> {
    const reference = `workspace-${this.nextReference++}`;
    return this.await(`ocs:${reference}`, () =>
      this.send(JSON.stringify({ ...frame, [OcsKey.OCS_REFERENCE_ID]: reference })),
    );
  }

  /** A frame from the desktop session. */
  receive(frame: DesktopFrame): void {
    const key = referenceKey(frame);
    const pending = key === undefined ? undefined : this.pending.get(key);
    if (key === undefined || pending === undefined) {
      this.unsolicited(frame);
      return;
    }
    pending.frames.push(frame);
    // ChainedRecord frames come before the DataEnd that ends the answer.
    if (frame[K.GSW_USER_EVENT] === UserEvent.ChainedRecord) return;
    clearTimeout(pending.timer);
    this.pending.delete(key);
    pending.resolve(pending.frames);
  }

  /** The channel closed: every pending request fails. */
  close(): void {
    for (const [key, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(key);
      pending.reject(new Error('The workspace channel closed'));
    }
  }

  private await(key: string, send: () => void): Promise<DesktopFrame[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(key);
        reject(new Error('Outbound Contact Server did not answer in time'));
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(key, { frames: [], resolve, reject, timer });
      send();
    });
  }
}

function referenceKey(frame: DesktopFrame): string | undefined {
  const gsw = frame[K.GSW_REFERENCE_ID];
  if (typeof gsw === 'number') return `gsw:${gsw}`;
  const ocs = frame[OcsKey.OCS_REFERENCE_ID];
  if (typeof ocs === 'string') return `ocs:${ocs}`;
  return undefined;
}

/** The error text of a refused desktop request: GSW_ERROR, with its description when there is one. */
export function desktopError(frame: DesktopFrame): string | undefined {
  const error = frame[K.GSW_ERROR];
  if (typeof error === 'string') {
    const description = frame[K.GSW_ERROR_DESCRIPTION];
    const number = frame[K.GSW_ERROR_NUMBER];
    const text = typeof description === 'string' && description !== '' ? `${error}: ${description}` : error;
    return typeof number === 'number' ? `${text} (${number})` : text;
  }
  if (frame[OcsKey.OCS_AGENT_EVENT] === 'AgentStateError') {
    return String(frame[OcsKey.OCS_ERROR_DESCRIPTION] ?? frame[OcsKey.OCS_ERROR]);
  }
  return undefined;
}
