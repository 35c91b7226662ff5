/**
 * Custom toasts (wwe-service-client-api-reference.txt, System namespace: popupToast, updateToast,
 * closeToast, and the system eventType CUSTOM_TOAST_BUTTON_CLICK). The gateway keeps the toasts of
 * one workspace channel and tells the host page what to show; the host page renders them and
 * reports the agent's button clicks. Pure, apart from the timer of `autoCloseTimeout`, which the
 * owner schedules.
 */

/** What a toast shows; updateToast takes these. */
export interface ToastContent {
  readonly title?: string;
  readonly iconUrl?: string;
  readonly subject?: string;
  readonly message?: string;
  readonly keyValues?: Readonly<Record<string, string>>;
  readonly buttons?: readonly string[];
  readonly buttonShowDismiss?: boolean;
}

/** popupToast's parameters: the content, and how the toast lives. */
export interface ToastParameters extends ToastContent {
  readonly autoCloseTimeout?: number;
  readonly sendToMyMessage?: boolean;
  readonly width?: number;
}

/** The parameter names of the reference, for each method. */
const CONTENT_NAMES = [
  'title',
  'iconUrl',
  'subject',
  'message',
  'keyValues',
  'buttons',
  'buttonShowDismiss',
] as const;
const POPUP_NAMES = [...CONTENT_NAMES, 'autoCloseTimeout', 'sendToMyMessage', 'width'] as const;

// Bounds that keep a toast readable and a frame small; the reference sets none.
const MAX_TITLE = 200;
const MAX_SUBJECT = 500;
const MAX_MESSAGE = 4_000;
const MAX_URL = 2_048;
const MAX_KEY_VALUES = 50;
const MAX_KEY = 100;
const MAX_VALUE = 1_000;
const MAX_BUTTONS = 10;
const MAX_BUTTON_LABEL = 60;
const MAX_AUTO_CLOSE_MS = 3_600_000;
const MIN_WIDTH = 100;
const MAX_WIDTH = 2_000;
/**
 * Toasts shown at once, per client and per channel: a page that pops toasts without closing them
 * (no autoCloseTimeout) would otherwise grow the channel's memory and the agent's screen forever.
 */
export const MAX_TOASTS_PER_CLIENT = 20;
export const MAX_TOASTS = 100;

export type ReadToast<T> = { ok: true; parameters: T } | { ok: false; errorMessage: string };

/** Reads popupToast's `parameters`: `title` is required, the rest optional (the reference's "Optional."). */
export function readPopupParameters(value: unknown): ReadToast<ToastParameters> {
  const read = readParameters(value, POPUP_NAMES);
  if (!read.ok) return read;
  if (read.parameters.title === undefined) return fail('parameters.title is required');
  return read;
}

/** Reads updateToast's `parameters`: the content to change; what is left out stays as it was. */
export function readUpdateParameters(value: unknown): ReadToast<ToastContent> {
  return readParameters(value, CONTENT_NAMES);
}

function readParameters(value: unknown, names: readonly string[]): ReadToast<ToastParameters> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('parameters must be an object');
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !names.includes(name));
  // A misspelt name would be silently lost: say so, with the names the method takes.
  if (unknown !== undefined)
    return fail(`parameters.${unknown} is not a parameter of this method (${names.join(', ')})`);
  const parameters: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(fields)) {
    // The SDK sends a left-out value as null; null means "not given" here too.
    if (raw === undefined || raw === null) continue;
    const checked = CHECKS[name]!(raw, `parameters.${name}`);
    if (typeof checked === 'string') return fail(checked);
    parameters[name] = checked.value;
  }
  return { ok: true, parameters: parameters as ToastParameters };
}

type Check = (value: unknown, name: string) => { value: unknown } | string;

const text =
  (max: number, { required = false } = {}): Check =>
  (value, name) => {
    if (typeof value !== 'string') return `${name} must be a string`;
    if (required && value.trim() === '') return `${name} must not be empty`;
    if (value.length > max) return `${name} must be at most ${max} characters`;
    return { value };
  };

const flag: Check = (value, name) =>
  typeof value === 'boolean' ? { value } : `${name} must be true or false`;

const integer =
  (min: number, max: number, unit: string): Check =>
  (value, name) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? { value }
      : `${name} must be a whole number of ${unit} from ${min} to ${max}`;

const CHECKS: Readonly<Record<string, Check>> = {
  title: text(MAX_TITLE, { required: true }),
  subject: text(MAX_SUBJECT),
  message: text(MAX_MESSAGE),
  // Shown as an image by the workspace: only web addresses (a javascript: or data: URL is not an icon).
  iconUrl: (value, name) => {
    if (typeof value !== 'string' || value.length > MAX_URL) return `${name} must be an http(s) URL`;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return `${name} must be an http(s) URL`;
    }
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? { value: url.href }
      : `${name} must be an http(s) URL`;
  },
  keyValues: (value, name) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return `${name} must be an object of keys and values`;
    const entries = Object.entries(value);
    if (entries.length > MAX_KEY_VALUES) return `${name} may hold at most ${MAX_KEY_VALUES} keys`;
    const shown: Record<string, string> = {};
    for (const [key, item] of entries) {
      if (key.length > MAX_KEY) return `${name}: a key must be at most ${MAX_KEY} characters`;
      if (typeof item !== 'string' && typeof item !== 'boolean' && !Number.isFinite(item))
        return `${name}.${key} must be a string, a number or a boolean`;
      const itemText = String(item);
      if (itemText.length > MAX_VALUE) return `${name}.${key} must be at most ${MAX_VALUE} characters`;
      shown[key] = itemText;
    }
    return { value: shown };
  },
  buttons: (value, name) => {
    if (!Array.isArray(value) || value.length > MAX_BUTTONS)
      return `${name} must be an array of at most ${MAX_BUTTONS} labels`;
    for (const label of value) {
      if (typeof label !== 'string' || label.trim() === '' || label.length > MAX_BUTTON_LABEL)
        return `${name} must hold labels of 1 to ${MAX_BUTTON_LABEL} characters`;
    }
    return { value: [...(value as string[])] };
  },
  buttonShowDismiss: flag,
  sendToMyMessage: flag,
  autoCloseTimeout: integer(0, MAX_AUTO_CLOSE_MS, 'milliseconds'),
  width: integer(MIN_WIDTH, MAX_WIDTH, 'pixels'),
};

function fail(errorMessage: string): { ok: false; errorMessage: string } {
  return { ok: false, errorMessage };
}

/** The labels of the buttons a toast shows; a click reports its index in this list. */
export function toastButtons(content: ToastContent): string[] {
  // The reference: "If set to true, displays the Show and Dismiss buttons ... If set to false,
  // displays 'OK' or custom buttons based on the parameter's buttons."
  if (content.buttonShowDismiss === true) return ['Show', 'Dismiss'];
  return content.buttons !== undefined && content.buttons.length > 0 ? [...content.buttons] : ['OK'];
}

/** A toast as the host page is told to show it. */
export interface ToastView {
  readonly customToastId: string;
  /** The client that popped it: the host page brings its frame into view for "Show". */
  readonly client: string;
  readonly title: string;
  readonly iconUrl?: string;
  readonly subject?: string;
  readonly message?: string;
  readonly keyValues?: Readonly<Record<string, string>>;
  readonly buttons: readonly string[];
  readonly buttonShowDismiss: boolean;
  readonly width?: number;
}

interface Toast {
  readonly client: string;
  content: ToastContent;
  readonly width?: number;
  cancelTimer?: () => void;
}

/** What the host page is told: show (or show again, updated) a toast, or take it away. */
export type ToastChange = { action: 'show'; toast: ToastView } | { action: 'close'; customToastId: string };

export interface ToastsDeps {
  /** Runs `action` in `ms`; returns what cancels it. */
  readonly schedule: (ms: number, action: () => void) => () => void;
  /** The host page must show the change. */
  readonly changed: (change: ToastChange) => void;
}

/**
 * The toasts of one workspace channel. A client sees, updates and closes only the toasts it
 * popped: another client's id is "not found" (false), as the reference answers an unknown id.
 */
export class Toasts {
  private readonly toasts = new Map<string, Toast>();
  private next = 0;

  constructor(private readonly deps: ToastsDeps) {}

  /**
   * Pops a toast of `client`; returns its id (`wweCustomToast<n>`, as Genesys's workspace names
   * them), or undefined when too many toasts are shown already ({@link MAX_TOASTS_PER_CLIENT},
   * {@link MAX_TOASTS}).
   */
  popup(client: string, parameters: ToastParameters): string | undefined {
    if (this.toasts.size >= MAX_TOASTS) return undefined;
    let own = 0;
    for (const toast of this.toasts.values()) if (toast.client === client) own++;
    if (own >= MAX_TOASTS_PER_CLIENT) return undefined;
    const customToastId = `wweCustomToast${this.next++}`;
    // sendToMyMessage is accepted and left aside: this workspace has no MyMessage panel.
    const { autoCloseTimeout, width, ...rest } = parameters;
    const content: ToastContent = withoutKey(rest, 'sendToMyMessage');
    const toast: Toast = { client, content, ...(width === undefined ? {} : { width }) };
    this.toasts.set(customToastId, toast);
    if (autoCloseTimeout !== undefined && autoCloseTimeout > 0)
      toast.cancelTimer = this.deps.schedule(autoCloseTimeout, () => this.remove(customToastId));
    this.deps.changed({ action: 'show', toast: view(customToastId, toast) });
    return customToastId;
  }

  /** Changes what a toast of `client` shows; false when it has no such toast. */
  update(client: string, customToastId: unknown, content: ToastContent): boolean {
    const toast = this.own(client, customToastId);
    if (!toast) return false;
    toast.content = { ...toast.content, ...content };
    this.deps.changed({ action: 'show', toast: view(String(customToastId), toast) });
    return true;
  }

  /** Closes a toast of `client`; false when it has no such toast. */
  close(client: string, customToastId: unknown): boolean {
    if (!this.own(client, customToastId)) return false;
    this.remove(String(customToastId));
    return true;
  }

  /**
   * The agent clicked button `buttonIndex` of a toast: the toast is answered and goes away.
   * Returns the client to tell, or an error for a click that names no button of a shown toast.
   */
  click(customToastId: unknown, buttonIndex: unknown): { client: string } | { error: string } {
    const id = typeof customToastId === 'string' ? customToastId : undefined;
    const toast = id === undefined ? undefined : this.toasts.get(id);
    if (id === undefined || !toast) return { error: `There is no toast '${String(customToastId)}'` };
    const buttons = toastButtons(toast.content);
    if (
      typeof buttonIndex !== 'number' ||
      !Number.isInteger(buttonIndex) ||
      buttonIndex < 0 ||
      buttonIndex >= buttons.length
    )
      return { error: `The toast '${id}' has no button ${String(buttonIndex)}` };
    this.remove(id);
    return { client: toast.client };
  }

  /** Forgets every toast (the channel is gone), cancelling their timers. */
  clear(): void {
    for (const toast of this.toasts.values()) toast.cancelTimer?.();
    this.toasts.clear();
  }

  private own(client: string, customToastId: unknown): Toast | undefined {
    const toast = typeof customToastId === 'string' ? this.toasts.get(customToastId) : undefined;
    return toast?.client === client ? toast : undefined;
  }

  private remove(customToastId: string): void {
    const toast = this.toasts.get(customToastId);
    if (!toast) return;
    toast.cancelTimer?.();
    this.toasts.delete(customToastId);
    this.deps.changed({ action: 'close', customToastId });
  }
}

function withoutKey<T extends object>(value: T, key: string): T {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)) as T;
}

function view(customToastId: string, toast: Toast): ToastView {
  const { content } = toast;
  return {
    customToastId,
    client: toast.client,
    // popupToast requires a title; an update may not remove it (null is "not given").
    title: content.title ?? '',
    ...(content.iconUrl === undefined ? {} : { iconUrl: content.iconUrl }),
    ...(content.subject === undefined ? {} : { subject: content.subject }),
    ...(content.message === undefined ? {} : { message: content.message }),
    ...(content.keyValues === undefined ? {} : { keyValues: content.keyValues }),
    buttons: toastButtons(content),
    buttonShowDismiss: content.buttonShowDismiss === true,
    ...(toast.width === undefined ? {} : { width: toast.width }),
  };
}
