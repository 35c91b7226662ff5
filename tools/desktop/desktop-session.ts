/**
 * The protocol side of the agent CLI, free of I/O: turns typed commands into desktop request
 * frames (one JSON object of GSW_* keys each, or the gateway's OCS_AGENT_STATE extension), follows
 * the records on the desktop (previewed, or arriving with a call's EventEstablished), tells when a
 * request has its answer and formats every event for people.
 */
import {
  AgentEvent,
  CallEvent,
  DesktopAgentState,
  GswKey as K,
  isProtocolKey,
  OcsKey,
  CallbackType,
  REQUEST_RESPONSES,
  REQUEST_SPECS,
  RequestType,
  UserEvent,
} from '@ocs/desktop-protocol';
import { CALL_RESULT_LABELS, CallResult, isChainAttr } from '@ocs/domain';

export type Frame = Record<string, unknown>;

export interface DesktopSettings {
  /** GSW_APPLICATION_ID: the DBID of the OCS application (the gateway's OCS_APPLICATION_DBID). */
  readonly applicationId: number;
  /** GSW_CAMPAIGN_NAME of the campaign whose records the agent works. */
  readonly campaign: string;
}

/** The gateway's agent state request (OCS_AGENT_STATE), beside the OCS-Desktop request types. */
export const AGENT_STATE_REQUEST = 'AgentState';

/** A request on its way: its answer is the events carrying the same reference id. */
export interface PendingRequest {
  readonly referenceId: number;
  readonly type: RequestType | typeof AGENT_STATE_REQUEST;
}

export type Action =
  | { readonly kind: 'send'; readonly frame: Frame; readonly pending: PendingRequest }
  | { readonly kind: 'print'; readonly lines: readonly string[] }
  | { readonly kind: 'quit' }
  | { readonly kind: 'none' };

/** A record the desktop holds, as far as the events told. */
export interface DesktopRecord {
  readonly handle: number;
  readonly callingList: string;
  readonly phone: string;
  readonly chainId: number | undefined;
}

/** ws://host:port/desktop?place=... from the gateway's http(s) address. */
export function desktopUrl(gateway: string, place: string): string {
  const url = new URL('/desktop', gateway);
  url.protocol = url.protocol === 'https:' || url.protocol === 'wss:' ? 'wss:' : 'ws:';
  url.searchParams.set('place', place);
  return url.toString();
}

export const DEFAULT_CALL_RESULT = CallResult.Answer;

export const COMMAND_HELP = [
  'Commands:',
  '  start                              PreviewDialingModeStart: begin a preview session (first)',
  '  preview                            PreviewRecordRequest: ask for a record',
  '  update <call result> [field=value ...]',
  '                                     UpdateCallCompletionStats for the current record',
  '  done [call result] [field=value ...]',
  `                                     RecordProcessed for the current record (default ${DEFAULT_CALL_RESULT} Answer)`,
  '  reject                             RecordReject: give the current record back',
  '  chain                              ChainedRecordRequest: the other records of its chain',
  '  reschedule <MM/DD/YYYY HH:MM> [personal|campaign]',
  "                                     RecordReschedule: call back then, in the record's time zone",
  '                                     (campaign by default); done finalizes it',
  '  dnc [RecordOnly]                   DoNotCall: never call this record (its whole chain by default)',
  '  records                            the records on this desktop; * marks the current one',
  '  use <handle>                       make another record on the desktop the current one',
  '  over                               PreviewDialingModeOver: end the preview session',
  '  status                             CampaignStatusRequest',
  '  logout                             LogOut (Smart Logout)',
  '  ready                              telephony: ready for calls (Progressive, Predictive)',
  '  notready [reason]                  telephony: not ready (the desktop logs in not ready)',
  '  help                               this list',
  '  quit                               close the desktop',
  'A call result is a number or a name (answer, busy, no_answer, wrong_party, ...). Field values',
  'that look like integers are sent as integers; quote them to send text: Notes="call back later".',
  "A dialed call's record arrives with EventEstablished and becomes the current record: update it",
  'during the call, done after EventReleased.',
];

export class DesktopSession {
  private nextReferenceId = 1;
  private readonly records = new Map<number, DesktopRecord>();
  private currentHandle: number | undefined;

  constructor(private readonly settings: DesktopSettings) {}

  /** The record the record commands act on: the last one previewed, or the one `use` chose. */
  get current(): DesktopRecord | undefined {
    return this.currentHandle === undefined ? undefined : this.records.get(this.currentHandle);
  }

  get heldRecords(): readonly DesktopRecord[] {
    return [...this.records.values()];
  }

  /** What to do for one line typed by the agent. */
  command(line: string): Action {
    let words: Token[];
    try {
      words = tokenize(line);
    } catch (error) {
      return failure((error as Error).message);
    }
    const [name, ...args] = words;
    if (!name) return { kind: 'none' };
    try {
      return this.run(name.text.toLowerCase(), args);
    } catch (error) {
      return failure((error as Error).message);
    }
  }

  /**
   * Whether `frame` completes `pending`: its single answer, the end of a stream, an error, or for
   * LogOut the acknowledgement (or LogOutTime while records still wait on the desktop).
   * CampaignStatusRequest has no last answer: it is never completed by a frame.
   */
  settles(pending: PendingRequest, frame: Frame): boolean {
    if (pending.type === AGENT_STATE_REQUEST) {
      const event = frame[OcsKey.OCS_AGENT_EVENT];
      return (
        frame[OcsKey.OCS_REFERENCE_ID] === pending.referenceId &&
        (event === AgentEvent.AgentStateAcknowledge || event === AgentEvent.AgentStateError)
      );
    }
    if (frame[K.GSW_REFERENCE_ID] !== pending.referenceId) return false;
    if (frame[K.GSW_ERROR_NUMBER] !== undefined) return true;
    const event = frame[K.GSW_USER_EVENT];
    const response = REQUEST_RESPONSES[pending.type];
    switch (response.kind) {
      case 'single':
        return event === response.event;
      case 'stream':
        return event === response.end;
      case 'negotiation':
        return event === response.completion || (event === response.event && this.records.size > 0);
      case 'status':
        return false;
    }
  }

  /** Whether only a quiet period, not an answer, ends the wait for `pending`. */
  endsByQuiet(pending: PendingRequest): boolean {
    return pending.type !== AGENT_STATE_REQUEST && REQUEST_RESPONSES[pending.type].kind === 'status';
  }

  /** Takes note of an event (records arriving and leaving) and formats it for people. */
  receive(frame: Frame): string[] {
    this.follow(frame);
    return formatEvent(frame);
  }

  private run(name: string, args: Token[]): Action {
    switch (name) {
      case 'start':
        return this.send(RequestType.PreviewDialingModeStart, this.campaignScoped());
      case 'over':
        return this.send(RequestType.PreviewDialingModeOver, this.campaignScoped());
      case 'preview':
        return this.send(RequestType.PreviewRecordRequest, this.campaignScoped());
      case 'status':
        return this.send(RequestType.CampaignStatusRequest, {
          [K.GSW_APPLICATION_ID]: this.settings.applicationId,
        });
      case 'logout':
        return this.send(RequestType.LogOut, this.campaignScoped());
      case 'ready':
        noArguments(name, args);
        return this.agentState(DesktopAgentState.Ready);
      case 'notready': {
        const [reason, ...rest] = args.map((token) => token.text);
        if (rest.length > 0) throw new Error('notready [reason]: one word, or quote it');
        return this.agentState(DesktopAgentState.NotReady, reason);
      }
      case 'update': {
        const record = this.requireCurrent();
        const { callResult, fields } = parseOutcome(RequestType.UpdateCallCompletionStats, args);
        if (callResult === undefined && Object.keys(fields).length === 0)
          throw new Error('update needs a call result or field=value (see help)');
        return this.send(RequestType.UpdateCallCompletionStats, {
          ...this.campaignScoped(),
          [K.GSW_RECORD_HANDLE]: record.handle,
          ...(callResult === undefined ? {} : { [K.GSW_CALL_RESULT]: callResult }),
          ...fields,
        });
      }
      case 'done': {
        const record = this.requireCurrent();
        const { callResult, fields } = parseOutcome(RequestType.RecordProcessed, args);
        return this.send(RequestType.RecordProcessed, {
          ...this.campaignScoped(),
          [K.GSW_RECORD_HANDLE]: record.handle,
          [K.GSW_CALLING_LIST]: record.callingList,
          [K.GSW_CALL_RESULT]: callResult ?? DEFAULT_CALL_RESULT,
          ...fields,
        });
      }
      case 'reject': {
        const record = this.requireCurrent();
        noArguments(name, args);
        return this.send(RequestType.RecordReject, {
          ...this.campaignScoped(),
          [K.GSW_RECORD_HANDLE]: record.handle,
          [K.GSW_CALLING_LIST]: record.callingList,
        });
      }
      case 'chain': {
        const record = this.requireCurrent();
        noArguments(name, args);
        return this.send(RequestType.ChainedRecordRequest, {
          ...this.campaignScoped(),
          [K.GSW_RECORD_HANDLE]: record.handle,
        });
      }
      case 'reschedule': {
        const record = this.requireCurrent();
        const [date, time, type, ...rest] = args.map((token) => token.text);
        const callbackType = { personal: CallbackType.Personal, campaign: CallbackType.Campaign }[
          (type ?? 'campaign').toLowerCase()
        ];
        if (!date || !time || !callbackType || rest.length > 0)
          throw new Error('reschedule <MM/DD/YYYY HH:MM> [personal|campaign] (see help)');
        return this.send(RequestType.RecordReschedule, {
          ...this.campaignScoped(),
          [K.GSW_RECORD_HANDLE]: record.handle,
          [K.GSW_CALLING_LIST]: record.callingList,
          [K.GSW_DATE_TIME]: `${date} ${time}`,
          [K.GSW_CALLBACK_TYPE]: callbackType,
        });
      }
      case 'dnc': {
        const record = this.requireCurrent();
        const [scope, ...rest] = args.map((token) => token.text);
        if (rest.length > 0 || (scope !== undefined && !isChainAttr(scope)))
          throw new Error('dnc [AllChain|RecordOnly] (see help)');
        return this.send(RequestType.DoNotCall, {
          ...this.campaignScoped(),
          [K.GSW_RECORD_HANDLE]: record.handle,
          [K.GSW_CALLING_LIST]: record.callingList,
          ...(scope === undefined ? {} : { [K.GSW_CHAIN_ATTR]: scope }),
        });
      }
      case 'records':
        return { kind: 'print', lines: this.describeRecords() };
      case 'use': {
        const handle = Number(args[0]?.text);
        if (args.length !== 1 || !this.records.has(handle))
          throw new Error(`use <handle>: one of the handles on the desktop (${this.handles()})`);
        this.currentHandle = handle;
        return { kind: 'print', lines: this.describeRecords() };
      }
      case 'help':
      case '?':
        return { kind: 'print', lines: COMMAND_HELP };
      case 'quit':
      case 'exit':
        return { kind: 'quit' };
      default:
        throw new Error(`unknown command "${name}" (type help)`);
    }
  }

  private send(type: RequestType, attributes: Frame): Action {
    const referenceId = this.nextReferenceId++;
    const frame = { [K.GSW_AGENT_REQ_TYPE]: type, ...attributes, [K.GSW_REFERENCE_ID]: referenceId };
    return { kind: 'send', frame, pending: { referenceId, type } };
  }

  private agentState(state: DesktopAgentState, reason?: string): Action {
    const referenceId = this.nextReferenceId++;
    const frame = {
      [OcsKey.OCS_AGENT_STATE]: state,
      ...(reason === undefined ? {} : { [OcsKey.OCS_REASON]: reason }),
      [OcsKey.OCS_REFERENCE_ID]: referenceId,
    };
    return { kind: 'send', frame, pending: { referenceId, type: AGENT_STATE_REQUEST } };
  }

  private campaignScoped(): Frame {
    return {
      [K.GSW_APPLICATION_ID]: this.settings.applicationId,
      [K.GSW_CAMPAIGN_NAME]: this.settings.campaign,
    };
  }

  private requireCurrent(): DesktopRecord {
    const record = this.current;
    if (!record) throw new Error('no record on the desktop: type preview first, or ready for calls');
    return record;
  }

  private handles(): string {
    return this.records.size === 0 ? 'none' : [...this.records.keys()].join(', ');
  }

  private describeRecords(): string[] {
    if (this.records.size === 0) return ['No records on the desktop.'];
    return this.heldRecords.map(
      (r) =>
        `${r.handle === this.currentHandle ? '*' : ' '} handle ${r.handle}  phone ${r.phone}  list "${r.callingList}"` +
        (r.chainId === undefined ? '' : `  chain ${r.chainId}`),
    );
  }

  private follow(frame: Frame): void {
    const event = frame[K.GSW_USER_EVENT] ?? frame[OcsKey.OCS_CALL_EVENT];
    const handle = frame[K.GSW_RECORD_HANDLE];
    if (typeof handle !== 'number' || frame[K.GSW_ERROR_NUMBER] !== undefined) return;
    // OCS finalized the record at the release (record_processed off): it is off the desktop.
    if (event === CallEvent.EventReleased && frame[OcsKey.OCS_RECORD_PROCESSED_REQUIRED] === 0) {
      this.forget(handle);
      return;
    }
    if (
      event === CallEvent.EventEstablished ||
      event === UserEvent.PreviewRecord ||
      event === UserEvent.ChainedRecord ||
      event === UserEvent.ScheduledCall
    ) {
      const chainId = frame[K.GSW_CHAIN_ID];
      this.records.set(handle, {
        handle,
        callingList: String(frame[K.GSW_CALLING_LIST] ?? ''),
        phone: String(frame[K.GSW_PHONE] ?? ''),
        chainId: typeof chainId === 'number' ? chainId : undefined,
      });
      if (event !== UserEvent.ChainedRecord || this.currentHandle === undefined) this.currentHandle = handle;
      return;
    }
    if (
      event === UserEvent.RecordProcessedAcknowledge ||
      (event === UserEvent.DoNotCallAcknowledge && frame[K.GSW_CHAIN_ATTR] !== 'RecordOnly')
    ) {
      // A processed (or do-not-call) record ends its chain: the chained records on the desktop go with it.
      const done = this.records.get(handle);
      for (const record of this.heldRecords) {
        const sameChain =
          done?.chainId !== undefined &&
          record.chainId === done.chainId &&
          record.callingList === done.callingList;
        if (record.handle === handle || sameChain) this.forget(record.handle);
      }
      return;
    }
    if (
      event === UserEvent.RecordRejectAcknowledge ||
      event === UserEvent.RecordCancel ||
      event === UserEvent.DoNotCallAcknowledge
    )
      this.forget(handle);
  }

  private forget(handle: number): void {
    this.records.delete(handle);
    if (this.currentHandle === handle) this.currentHandle = this.records.keys().next().value;
  }
}

function failure(message: string): Action {
  return { kind: 'print', lines: [`error: ${message}`] };
}

function noArguments(name: string, args: Token[]): void {
  if (args.length > 0) throw new Error(`${name} takes no arguments`);
}

/** A word of a command line; `quoted` when any part of it was in quotes. */
export interface Token {
  readonly text: string;
  readonly quoted: boolean;
}

/** Splits a line at blanks, keeping "double" or 'single' quoted parts together. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let quoted = false;
  let inWord = false;
  let quote: string | undefined;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else text += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      quoted = true;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) tokens.push({ text, quoted });
      text = '';
      quoted = false;
      inWord = false;
    } else {
      text += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed ${quote}`);
  if (inWord) tokens.push({ text, quoted });
  return tokens;
}

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const CALL_RESULTS_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...Object.entries(CallResult).map(([name, value]) => [normalize(name), value] as const),
  ...Object.entries(CALL_RESULT_LABELS).map(([value, label]) => [normalize(label), Number(value)] as const),
]);

/** A call result given as a number (any non-negative integer) or as a name, e.g. `no_answer`. */
export function parseCallResult(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const value = CALL_RESULTS_BY_NAME.get(normalize(text));
  if (value === undefined) throw new Error(`"${text}" is not a call result (a number, or e.g. answer, busy)`);
  return value;
}

/** `[call result] [field=value ...]` of update and done. */
export function parseOutcome(
  type: RequestType,
  args: readonly Token[],
): { callResult: number | undefined; fields: Frame } {
  let rest = args;
  let callResult: number | undefined;
  if (rest[0] && !rest[0].text.includes('=')) {
    callResult = parseCallResult(rest[0].text);
    rest = rest.slice(1);
  }
  const fields: Frame = {};
  for (const token of rest) {
    const at = token.text.indexOf('=');
    if (at <= 0) throw new Error(`"${token.text}" is not field=value`);
    const key = token.text.slice(0, at);
    fields[key] = fieldValue(type, key, token.text.slice(at + 1), token.quoted);
  }
  return { callResult, fields };
}

/**
 * The value of `key` as the request's table types it (GSW_PHONE stays text, GSW_PHONE_TYPE is an
 * integer); a custom field that looks like an integer travels as one unless quoted.
 */
function fieldValue(type: RequestType, key: string, raw: string, quoted: boolean): string | number {
  const spec = REQUEST_SPECS[type].attributes.find((a) => a.key === key);
  const integer = /^-?\d+$/.test(raw);
  if (spec?.type === 'Int') {
    if (!integer) throw new Error(`${key} must be an integer`);
    return Number(raw);
  }
  if (spec || quoted || !integer || !Number.isSafeInteger(Number(raw))) return raw;
  return Number(raw);
}

/** Keys shown in the heading or the body of a record, not again among the other keys. */
const RECORD_KEYS: readonly string[] = [
  K.GSW_PHONE,
  K.GSW_PHONE_TYPE,
  K.GSW_RECORD_HANDLE,
  K.GSW_CALLING_LIST,
  K.GSW_CHAIN_ID,
  K.GSW_CALL_RESULT,
  K.GSW_ATTEMPTS,
  K.GSW_FROM,
  K.GSW_UNTIL,
];

const HIDDEN_KEYS: ReadonlySet<string> = new Set([
  K.GSW_USER_EVENT,
  K.GSW_REFERENCE_ID,
  K.GSW_APPLICATION_ID,
  K.GSW_ERROR,
  K.GSW_ERROR_NUMBER,
  K.GSW_ERROR_DESCRIPTION,
]);

const RECORD_EVENTS: ReadonlySet<unknown> = new Set([
  UserEvent.PreviewRecord,
  UserEvent.ChainedRecord,
  CallEvent.EventEstablished,
]);

/** One event as lines for people: a heading with its name, then its fields. */
export function formatEvent(frame: Frame): string[] {
  const agentEvent = frame[OcsKey.OCS_AGENT_EVENT];
  if (typeof agentEvent === 'string') return formatAgentEvent(agentEvent, frame);
  if (frame[OcsKey.OCS_CALL_EVENT] === CallEvent.EventReleased) return formatReleased(frame);
  const reference =
    frame[K.GSW_REFERENCE_ID] === undefined ? '' : ` (ref ${show(frame[K.GSW_REFERENCE_ID])})`;
  if (frame[K.GSW_ERROR_NUMBER] !== undefined || frame[K.GSW_ERROR] !== undefined) {
    const description = frame[K.GSW_ERROR_DESCRIPTION] ? `: ${show(frame[K.GSW_ERROR_DESCRIPTION])}` : '';
    const request = frame[K.GSW_AGENT_REQ_TYPE] ? ` to ${show(frame[K.GSW_AGENT_REQ_TYPE])}` : '';
    const others = otherFields(frame, new Set([K.GSW_AGENT_REQ_TYPE]));
    const hint = hintFor(frame);
    return [
      `<< Error ${show(frame[K.GSW_ERROR_NUMBER])} ${show(frame[K.GSW_ERROR])}${request}${reference}${description}`,
      ...(others ? [`     ${others}`] : []),
      ...(hint ? [`   (${hint})`] : []),
    ];
  }
  const named = frame[K.GSW_USER_EVENT] ?? frame[OcsKey.OCS_CALL_EVENT];
  const event = typeof named === 'string' ? named : '(no GSW_USER_EVENT)';
  if (!RECORD_EVENTS.has(event)) {
    const others = otherFields(frame);
    return [`<< ${event}${reference}${others ? `  ${others}` : ''}`];
  }
  const custom = Object.entries(frame).filter(([key]) => !isProtocolKey(key) && !key.startsWith('OCS_'));
  const rest = otherFields(frame, new Set([...RECORD_KEYS, ...custom.map(([key]) => key)]));
  const callResult = frame[K.GSW_CALL_RESULT];
  const call = frame[OcsKey.OCS_CALL_ID] === undefined ? '' : `  call ${show(frame[OcsKey.OCS_CALL_ID])}`;
  return [
    `<< ${event}${reference}${call}`,
    `     phone ${show(frame[K.GSW_PHONE])}${phoneType(frame[K.GSW_PHONE_TYPE])}  handle ${show(frame[K.GSW_RECORD_HANDLE])}  list ${show(frame[K.GSW_CALLING_LIST])}`,
    `     chain ${show(frame[K.GSW_CHAIN_ID])}  attempts ${show(frame[K.GSW_ATTEMPTS])}  call result ${describeCallResult(callResult)}` +
      `  window ${clock(frame[K.GSW_FROM])}-${clock(frame[K.GSW_UNTIL])}`,
    `     fields: ${custom.length === 0 ? '(none)' : custom.map(([key, value]) => `${key}=${show(value)}`).join('  ')}`,
    ...(rest ? [`     ${rest}`] : []),
  ];
}

/** The agent's telephony state: changes, and the answers to ready / notready. */
function formatAgentEvent(event: string, frame: Frame): string[] {
  const reference =
    frame[OcsKey.OCS_REFERENCE_ID] === undefined ? '' : ` (ref ${show(frame[OcsKey.OCS_REFERENCE_ID])})`;
  if (event === AgentEvent.AgentStateError)
    return [
      `<< ${event} ${show(frame[OcsKey.OCS_ERROR])}${reference}: ${show(frame[OcsKey.OCS_ERROR_DESCRIPTION])}`,
    ];
  const previous = frame[OcsKey.OCS_PREVIOUS_AGENT_STATE];
  const details = [
    previous === undefined ? '' : ` (was ${show(previous)})`,
    frame[OcsKey.OCS_REASON] === undefined ? '' : `  reason ${show(frame[OcsKey.OCS_REASON])}`,
    frame[OcsKey.OCS_AFTER_CALL_AGENT_STATE] === undefined
      ? ''
      : `  after the call: ${show(frame[OcsKey.OCS_AFTER_CALL_AGENT_STATE])}`,
  ].join('');
  const heading = event === AgentEvent.AgentStateChanged ? 'Agent state' : `${event}${reference}: state`;
  return [`<< ${heading} ${show(frame[OcsKey.OCS_AGENT_STATE])}${details}`];
}

/** EventReleased: how the call ended and whether the record waits for done. */
function formatReleased(frame: Frame): string[] {
  const required = frame[OcsKey.OCS_RECORD_PROCESSED_REQUIRED] === 1;
  return [
    `<< ${CallEvent.EventReleased}  call ${show(frame[OcsKey.OCS_CALL_ID])}: ${show(frame[OcsKey.OCS_CALL_STATE])}, ` +
      `call result ${describeCallResult(frame[OcsKey.OCS_CALL_RESULT])}  handle ${show(frame[K.GSW_RECORD_HANDLE])}`,
    required ? '   (type done to finish the record)' : '   (no done needed: the record is finished)',
  ];
}

/** What a person can do about the errors a new agent meets first. */
function hintFor(frame: Frame): string | undefined {
  const text = String(frame[K.GSW_ERROR] ?? '');
  if (/PreviewDialingModeStart is required/.test(text)) return 'type start first';
  switch (frame[K.GSW_ERROR_NUMBER]) {
    case 107:
      return 'no preview campaign group is running: npm start runs the demo one unless --no-demo-dialing';
    case 108:
      return 'no record is in its daily calling window in its own time zone now; try again later';
    default:
      return undefined;
  }
}

function otherFields(frame: Frame, skip: ReadonlySet<string> = new Set()): string {
  return Object.entries(frame)
    .filter(([key]) => !HIDDEN_KEYS.has(key) && !skip.has(key))
    .map(([key, value]) => `${key.replace(/^GSW_/, '')}=${show(value)}`)
    .join('  ');
}

function phoneType(value: unknown): string {
  return value === undefined ? '' : ` (type ${show(value)})`;
}

function describeCallResult(value: unknown): string {
  const label = typeof value === 'number' ? (CALL_RESULT_LABELS as Record<number, string>)[value] : undefined;
  return label ? `${value} (${label})` : show(value);
}

/** Seconds since midnight as hh:mm, as GSW_FROM and GSW_UNTIL carry them. */
function clock(value: unknown): string {
  if (typeof value !== 'number') return show(value);
  const minutes = Math.floor(value / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function show(value: unknown): string {
  if (value === undefined) return '-';
  if (typeof value === 'string') return /\s/.test(value) || value === '' ? JSON.stringify(value) : value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
