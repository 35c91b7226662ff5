// The agent workspace: logs the agent in (opens the channel), embeds third-party pages and
// relays their Service Client API traffic (relay.js), and is itself the Service Client
// "workspace" of the same channel, calling the same methods as the SDK through the SDK's client.
import { HOST_CLIENT, WORKSPACE_CLIENT } from '/workspace/channel.js';
import { openResilientChannel, realtimeEvent, tokenExpired } from '/workspace/reconnect.js';
import { createRelay } from '/workspace/relay.js';
import { forgetLogin, keepLogin, storedLogin, takeLoginFromAddressBar } from '/workspace/session.js';
import { createToasts } from '/workspace/toasts.js';
import {
  campaignNameOf,
  chainedRecordsOf,
  fieldValueOf,
  interactionIdOf,
  isManualCall,
  labelOf,
  recordHandleOf,
  recordOf,
  rescheduleDateOf,
} from '/workspace/records.js';

/** The sample integration embedded when the URL names no applications. */
const DEFAULT_APPS = ['/samples/third-party.html'];
/** The Service Client events the workspace follows. */
const EVENTS = ['agent', 'interaction', 'outbound', 'markdone', 'system'];
const LOG_LIMIT = 300;

const $ = (id) => document.getElementById(id);
// The place and the token leave the address bar before anything else runs (session.js).
const urlLogin = takeLoginFromAddressBar();
const query = new URLSearchParams(window.location.search);

/** Creates an element with properties and children (text is always set as text). */
function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key in element && typeof value !== 'string') element[key] = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

const state = {
  channel: null,
  relay: null,
  /** The workspace's own Service Client, on the channel. */
  client: null,
  campaigns: [],
  /** The interaction of the record on screen, or null. */
  interaction: null,
  /** Its record (GSW_* attributes). */
  record: {},
  /** Its fields as getRecordFields returned them, with their inputs. */
  fields: [],
  /** Its chain of records (getChainedRecords). */
  chain: [],
  /** The loading of its fields, chain and call result (settles, never rejects). */
  loading: Promise.resolve(),
  /** Other interactions on the agent's desktop, by interactionId. */
  waiting: new Map(),
  /** Calls the agent dialed (voice.dial, here or by an embedded page), by interactionId. */
  manualCalls: new Map(),
  callResults: {},
  /** The toasts on screen (toasts.js). */
  toasts: null,
};

// ---- notices and the events log ----

function notify(text, kind = 'ok') {
  const notice = $('notice');
  notice.textContent = text;
  notice.dataset.kind = kind;
}

function compact(value) {
  const text = JSON.stringify(value);
  return text && text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function log(kind, label, detail) {
  const list = $('log');
  const time = new Date().toLocaleTimeString();
  list.prepend(
    h(
      'li',
      { 'data-kind': kind },
      h('time', {}, time),
      ' ',
      h('span', { class: 'kind' }, label),
      ' ',
      compact(detail),
    ),
  );
  while (list.children.length > LOG_LIMIT) list.lastElementChild.remove();
}

/** A failure reply, a timeout string or an exception, for people. */
function reasonOf(failure) {
  if (typeof failure === 'string') return failure;
  return failure?.errorMessage ?? failure?.message ?? compact(failure);
}

/** Failures shown so far: act() shows its success only if its calls all succeeded. */
let failuresShown = 0;

/**
 * Calls `namespace.method(...parameters)` on the workspace client. Resolves with the reply's
 * data; rejects with the reason, which is also shown and logged.
 */
function call(namespace, method, ...parameters) {
  const name = `${namespace}.${method}`;
  return new Promise((resolve, reject) => {
    state.client[namespace][method](
      ...parameters,
      (reply) => {
        log('reply', name, reply.data);
        resolve(reply.data);
      },
      (failure) => {
        const reason = reasonOf(failure);
        log('error', name, reason);
        failuresShown += 1;
        notify(`${name}: ${reason}`, 'error');
        reject(Object.assign(new Error(reason), { shown: true }));
      },
    );
  });
}

/** Runs a user action: a success notice, or the failure already shown by call(). */
async function act(text, action) {
  // A new action: the previous one's notice no longer applies.
  notify('');
  const failuresBefore = failuresShown;
  try {
    await action();
    // Part of the action may have failed on its own (the fields of a record that came).
    if (text && failuresShown === failuresBefore) notify(text);
  } catch (error) {
    // call() has shown a server failure; show local ones (bad input) the same way.
    if (!error.shown) notify(error.message, 'error');
  }
}

// ---- login ----

const EXPIRED = 'The access token expired: log in again.';

async function login(place, accessToken) {
  $('login-error').textContent = '';
  // An expired token is dropped, never tried: the gateway would refuse it.
  if (tokenExpired(accessToken)) {
    forgetLogin();
    $('login-token').value = '';
    setConnection('offline', 'Not logged in');
    $('login-error').textContent = EXPIRED;
    return;
  }
  setConnection('connecting', 'Connecting…');
  try {
    state.channel = await openResilientChannel({
      place,
      accessToken,
      onFrame,
      onState: setConnection,
      onRealtime,
      onEnd: onClose,
    });
  } catch (error) {
    forgetLogin();
    setConnection('offline', 'Not logged in');
    $('login-error').textContent = `Login failed: ${error.message}`;
    return;
  }
  // Logged in: a reload of this tab logs in again with the same place and token.
  keepLogin(place, accessToken);
  state.client = new window.genesys.wwe.ServiceClient((message) =>
    state.channel.send(WORKSPACE_CLIENT, window.location.origin, message),
  );
  state.relay = createRelay({
    send: (client, origin, message) => {
      if (!state.channel) throw new Error('not logged in');
      state.channel.send(client, origin, message);
    },
    onTraffic: (direction, client, message) =>
      log('relay', `${{ in: 'to', out: 'from', dropped: 'dropped from' }[direction]} ${client}`, message),
  });
  setConnection('online', `Logged in at ${place}`);
  $('login-panel').hidden = true;
  $('workspace').hidden = false;
  $('logout').hidden = false;
  state.client.subscribe(EVENTS, onEvent);
  embedApps();
  await Promise.allSettled([
    loadAgent(),
    loadStates(),
    loadCampaigns(),
    loadCallResults(),
    loadInteractions(),
  ]);
}

function onClose(description) {
  // The session is over (logout, logged in elsewhere, token expired ...): a reload shows the form.
  forgetLogin();
  if (tokenExpired($('login-token').value)) $('login-token').value = '';
  setConnection('offline', description);
  state.channel = null;
  state.toasts.clear();
  state.relay?.dispose();
  state.relay = null;
  state.client?.unload();
  $('apps').replaceChildren();
  $('identity').hidden = true;
  $('workspace').hidden = true;
  $('logout').hidden = true;
  $('login-panel').hidden = false;
  $('login-error').textContent = description;
}

function setConnection(kind, text) {
  const connection = $('connection');
  connection.dataset.state = kind;
  connection.textContent = text;
}

/**
 * The real-time connection's state (reconnect.js): the system event REALTIME_CONNECTION to every
 * embedded page and to the UI's own client (each hands it to its system handlers, if any).
 */
function onRealtime(realtime) {
  const event = realtimeEvent(realtime);
  state.relay?.broadcast(event);
  state.client?.receive(event);
  if (realtime === 'DISCONNECTED') {
    // The toasts lived in the gateway's session of the channel that is gone.
    state.toasts.clear();
    notify('The connection to the server was lost; reconnecting…', 'error');
  } else if (realtime === 'DOWN') {
    notify('The server has been unreachable for more than a minute; still trying…', 'error');
  } else if (realtime === 'RECONNECTED') {
    notify('Connected to the server again');
    reloadAfterReconnect();
  }
}

/**
 * A new channel is a new login: what the page holds of the old one may be stale. The records on
 * the desk come again as ADDED interactions (the one on screen is matched by its record handle);
 * the rest is read again.
 */
function reloadAfterReconnect() {
  state.waiting.clear();
  renderWaiting();
  state.manualCalls.clear();
  renderManualCalls();
  Promise.allSettled([loadAgent(), loadCampaigns(), loadInteractions()]);
}

/** Frames of the gateway: for the UI's client, for the host page, or for an embedded page. */
function onFrame(client, message) {
  if (client === WORKSPACE_CLIENT) state.client?.receive(message);
  else if (client === HOST_CLIENT) {
    if (message.event === 'toast') {
      state.toasts.apply(message);
      return;
    }
    // The channel's own state: the login completed, or a frame of this page was refused.
    log('channel', message.state ?? 'channel', message);
    if (message.state === 'LOGGED_IN')
      setConnection('online', `Logged in as ${message.agent} at ${message.place}`);
    if (message.error) notify(`Channel: ${message.error}`, 'error');
  } else if (!state.relay?.deliver(client, message)) log('error', `unknown client ${client}`, message);
}

// ---- agent ----

async function loadAgent() {
  const agent = await call('agent', 'get');
  const name = [agent?.firstName ?? agent?.firstname, agent?.lastName ?? agent?.lastname]
    .filter(Boolean)
    .join(' ');
  const identity = $('identity');
  identity.textContent = name || agent?.userName || agent?.username || agent?.employeeId || '';
  identity.hidden = !identity.textContent;
  showState(await call('agent', 'getState'));
}

function showState(mediaState) {
  if (!mediaState) return;
  const reason = mediaState.reason ? ` (${mediaState.reason})` : '';
  $('agent-state').textContent =
    `${mediaState.displayName ?? mediaState.type ?? mediaState.mediaState ?? '?'}${reason}`;
}

async function loadStates() {
  const states = (await call('agent', 'getStateList')) ?? [];
  $('state-select').replaceChildren(
    ...states
      .filter((option) => option.operationName)
      .map((option) =>
        h('option', { value: option.operationName }, option.displayName ?? option.operationName),
      ),
  );
}

// ---- interactions already there ----

/**
 * The interactions the server holds at login: the records still on the agent's desktop after a
 * page reload (the server announces them too; the same one is shown once) and calls.
 */
async function loadInteractions() {
  const interactions = (await call('interaction', 'getInteractions')) ?? [];
  for (const interaction of interactions) {
    const id = interactionIdOf(interaction);
    if (isManualCall(interaction)) state.manualCalls.set(id, interaction);
    else if (isOnScreen(interaction)) state.interaction = { ...state.interaction, ...interaction };
    else if (id !== interactionId() && !state.waiting.has(id)) onOtherInteraction('ADDED', id, interaction);
  }
  renderManualCalls();
}

// ---- manual calls ----

function renderManualCalls() {
  $('manual-calls').replaceChildren(
    ...[...state.manualCalls.values()].map((interaction) => {
      const number = interaction.dnis ?? interaction.name ?? '';
      const capabilities = interaction.capabilities ?? [];
      const id = interaction.interactionId;
      return h(
        'li',
        {},
        `${number} (${interaction.state ?? '?'}) `,
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Hang up ${number}`,
            disabled: !capabilities.includes('HANGUP'),
            onclick: () => act('Hung up', () => call('voice', 'hangUp', id)),
          },
          'Hang up',
        ),
        ' ',
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Done with ${number}`,
            disabled: !capabilities.includes('MARK_DONE'),
            onclick: () => act('Call done', () => call('interaction', 'markdone', id)),
          },
          'Done',
        ),
      );
    }),
  );
}

/** An event of a manual call: its state changes, or it is gone (marked done). */
function onManualCall(eventType, interaction) {
  const id = interactionIdOf(interaction);
  if (eventType === 'REMOVED') state.manualCalls.delete(id);
  else state.manualCalls.set(id, { ...state.manualCalls.get(id), ...interaction });
  renderManualCalls();
}

// ---- campaigns ----

async function loadCampaigns() {
  const campaigns = await call('outbound', 'getCampaigns');
  state.campaigns = Array.isArray(campaigns) ? campaigns : [];
  const select = $('campaign-select');
  const chosen = select.value;
  $('campaign-rows').replaceChildren(
    ...state.campaigns.map((campaign) =>
      h(
        'tr',
        {},
        h('td', {}, campaignNameOf(campaign)),
        h('td', {}, campaign.status ?? campaign.state ?? ''),
        h('td', {}, campaign.mode ?? campaign.dialMode ?? ''),
      ),
    ),
  );
  select.replaceChildren(
    ...state.campaigns.map((campaign) =>
      h('option', { value: campaignNameOf(campaign) }, campaignNameOf(campaign)),
    ),
  );
  if (chosen && state.campaigns.some((campaign) => campaignNameOf(campaign) === chosen))
    select.value = chosen;
  $('no-campaigns').hidden = state.campaigns.length > 0;
}

async function loadCallResults() {
  state.callResults = (await call('outbound', 'getListOfCallResults')) ?? {};
  $('result-select').replaceChildren(
    ...Object.entries(state.callResults)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => h('option', { value: String(value) }, name.replaceAll('_', ' ').toLowerCase())),
  );
}

// ---- the record on screen ----

/**
 * Puts an interaction on screen and loads its fields, chain and call result. The same
 * interaction shown again (its ADDED event, then the getPreviewRecord reply) is loaded once.
 */
async function showInteraction(data) {
  const interactionId = interactionIdOf(data);
  if (interactionId === undefined) throw new Error('The server returned no interaction for the record.');
  if (state.interaction?.interactionId === interactionId) {
    state.interaction = { ...state.interaction, ...(data.interaction ?? data) };
    renderSummary();
    return state.loading;
  }
  // The record on screen stays on the desktop: it waits while the agent looks at this one.
  if (state.interaction) state.waiting.set(state.interaction.interactionId, state.interaction);
  state.waiting.delete(interactionId);
  renderWaiting();
  state.interaction = { interactionId, ...(data.interaction ?? data) };
  state.record = recordOf(data);
  state.fields = [];
  state.chain = [];
  // Nothing of the previous record may stay on screen while this one's parts load.
  $('fields').replaceChildren();
  $('chain-rows').replaceChildren();
  $('current-result').textContent = '';
  renderSummary();
  $('no-record').hidden = true;
  $('record').hidden = false;
  state.loading = Promise.allSettled([loadFields(), loadChain(), loadCallResult({ preselect: true })]);
  await state.loading;
}

/** Other records on the agent's desktop (pushed, scheduled ...), while one is on screen. */
function renderWaiting() {
  $('waiting').hidden = state.waiting.size === 0;
  $('waiting-list').replaceChildren(
    ...[...state.waiting.values()].map((interaction) => {
      const record = recordOf(interaction);
      const text = `${record.GSW_PHONE ?? interaction.interactionId} (${interaction.state ?? 'new'})`;
      return h(
        'li',
        {},
        text,
        ' ',
        h(
          'button',
          {
            type: 'button',
            'aria-label': `Show record ${text}`,
            onclick: () => act('', () => showInteraction(interaction)),
          },
          'Show',
        ),
      );
    }),
  );
}

/** The record on screen is gone: the next waiting one, if any, takes its place. */
function showNextWaiting() {
  const next = state.waiting.values().next().value;
  if (next) showInteraction(next).catch(() => undefined);
}

function clearRecord() {
  state.interaction = null;
  state.record = {};
  state.fields = [];
  state.chain = [];
  $('record').hidden = true;
  $('no-record').hidden = false;
  $('fields').replaceChildren();
  $('chain-rows').replaceChildren();
  $('record-summary').replaceChildren();
  $('current-result').textContent = '';
  showNextWaiting();
}

/** Re-reads the interaction on screen, whose state and capabilities a method changed. */
async function refreshInteraction() {
  const fresh = await call('interaction', 'getByInteractionId', needRecord());
  if (fresh) state.interaction = { ...state.interaction, ...fresh };
  renderSummary();
}

/**
 * Enables the preview buttons the interaction's capabilities allow (the reference's outbound
 * preview events table: CALL, REJECT_RECORD, CANCEL_RECORD), so the agent sees what he can do.
 * Without capabilities every button stays enabled and the server's answer decides.
 */
function renderCapabilities() {
  const capabilities = state.interaction?.capabilities;
  const allows = (capability) => !Array.isArray(capabilities) || capabilities.includes(capability);
  $('call').disabled = !allows('CALL');
  $('hangup').disabled = !allows('HANGUP');
  $('reject').disabled = !allows('REJECT_RECORD');
  $('cancel').disabled = !allows('CANCEL_RECORD');
  // A pushed record is an invitation first: accept or decline it (ACCEPT, REJECT).
  const invited = Array.isArray(capabilities) && capabilities.includes('ACCEPT');
  $('invitation').hidden = !invited;
  for (const button of $('chain-rows').querySelectorAll('button')) button.disabled = !allows('CALL');
}

function renderSummary() {
  const record = state.record;
  const items = [
    ['Interaction', state.interaction.interactionId],
    ['State', state.interaction.state],
    ['Campaign', record.GSW_CAMPAIGN_NAME],
    ['Phone', record.GSW_PHONE],
    ['Record handle', recordHandleOf(state.interaction)],
    ['Customer time zone', record.GSW_TZ_NAME],
  ].filter(([, value]) => value !== undefined && value !== null && value !== '');
  $('record-summary').replaceChildren(
    ...items.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
  renderCapabilities();
}

const interactionId = () => state.interaction?.interactionId;

/**
 * The handle of the record on screen: from the interaction's user data, else from the record's
 * chain (its first record), which the user-data read allow-list does not filter.
 */
const currentHandle = () =>
  recordHandleOf(state.interaction) ?? recordHandleOf(state.record) ?? recordHandleOf(state.chain[0]);

function needRecord() {
  if (!state.interaction) throw new Error('There is no record on screen.');
  return interactionId();
}

function inputOf(field, id) {
  const common = {
    id,
    name: field.name,
    required: field.isMandatory === true,
    'aria-required': field.isMandatory ? 'true' : undefined,
  };
  const value = field.value ?? '';
  if (field.fieldType === 'enum' && field.options) {
    return h(
      'select',
      { ...common, disabled: field.isEditable === false },
      Object.entries(field.options).map(([key, label]) =>
        h('option', { value: key, selected: String(value) === key }, label),
      ),
    );
  }
  if (field.fieldType === 'bool' || field.valueType === 'boolean') {
    return h('input', {
      ...common,
      type: 'checkbox',
      checked: value === true || value === 'true' || value === 1 || value === '1',
      disabled: field.isEditable === false,
    });
  }
  const numeric = field.fieldType === 'int' || field.fieldType === 'float';
  const placeholder = { date: 'MM/DD/YYYY HH:MM', time: 'HH:MM' }[field.fieldType];
  return h('input', {
    ...common,
    type: numeric ? 'number' : 'text',
    step: field.fieldType === 'float' ? 'any' : undefined,
    maxlength: field.fieldType === 'char' ? '1' : undefined,
    placeholder,
    value: String(value),
    readOnly: field.isEditable === false,
  });
}

async function loadFields() {
  const fields = (await call('outbound', 'getRecordFields', needRecord())) ?? [];
  state.fields = fields.map((field, index) => ({ field, input: inputOf(field, `field-${index}`) }));
  $('fields').replaceChildren(
    ...state.fields.flatMap(({ field, input }) => [
      h('label', { for: input.id, class: field.isMandatory ? 'mandatory' : undefined }, labelOf(field)),
      input,
    ]),
  );
  // The chain may have come first: its phone types can now be named.
  renderChain(state.chain);
}

/** The fields the agent changed, typed as updateRecordFields expects. */
function changedFields() {
  const changes = {};
  for (const { field, input } of state.fields) {
    if (field.isEditable === false) continue;
    const value = fieldValueOf(field, input);
    const before = field.value ?? (field.valueType === 'boolean' ? false : '');
    if (String(value ?? '') !== String(before)) changes[field.name] = value;
  }
  return changes;
}

async function loadChain() {
  const records = chainedRecordsOf(await call('outbound', 'getChainedRecords', needRecord()));
  renderChain(records);
}

/** A phone type's label, from the options of the record's Phone Type field once it is read. */
function phoneTypeName(value) {
  const options = state.fields.find(({ field }) => field.name === 'GSW_PHONE_TYPE')?.field.options;
  return options?.[String(value)] ?? value ?? '';
}

function renderChain(records) {
  state.chain = records;
  $('chain-rows').replaceChildren(
    ...records.map((record) => {
      const handle = recordHandleOf(record);
      return h(
        'tr',
        {},
        h('td', {}, handle ?? ''),
        h('td', {}, record.GSW_PHONE ?? ''),
        h('td', {}, phoneTypeName(record.GSW_PHONE_TYPE)),
        h('td', {}, callResultName(record.GSW_CALL_RESULT)),
        h(
          'td',
          {},
          h(
            'button',
            {
              type: 'button',
              'aria-label': `Call ${record.GSW_PHONE ?? `record ${handle}`}`,
              onclick: () => act(`Calling ${record.GSW_PHONE ?? handle}`, () => dial(handle)),
            },
            'Call',
          ),
        ),
      );
    }),
  );
  renderCapabilities();
}

function callResultName(value) {
  if (value === undefined || value === null) return '';
  const entry = Object.entries(state.callResults).find(([, number]) => Number(number) === Number(value));
  return entry ? entry[0] : String(value);
}

/**
 * Shows the record's call result; `preselect` also selects it in the list, for a record just
 * shown (later, the agent may be choosing one).
 */
async function loadCallResult({ preselect = false } = {}) {
  const result = await call('outbound', 'getCallResult', needRecord());
  const known = result !== undefined && result !== null;
  $('current-result').textContent = known ? `Current: ${callResultName(result)}` : '';
  if (known && preselect) $('result-select').value = String(result);
}

async function dial(handle) {
  const reply = await call('outbound', 'callPreviewRecord', needRecord(), handle);
  // Once the call is made, the call's interaction id may replace the preview's (reference,
  // rescheduleRecord): follow it when the reply names it.
  const next = interactionIdOf(reply);
  if (next !== undefined && next !== interactionId()) {
    state.interaction = { ...state.interaction, ...(reply.interaction ?? reply), interactionId: next };
  }
  await refreshInteraction();
}

/**
 * Whether `interaction` is of the record on screen, whatever its id: the call of a previewed
 * record, or the record announced again after a reconnect (a new login numbers them anew).
 */
function isOnScreen(interaction) {
  return (
    state.interaction !== null &&
    recordHandleOf(interaction) !== undefined &&
    recordHandleOf(interaction) === recordHandleOf(state.interaction)
  );
}

/** Interaction events: the record on screen changes state, or goes away. */
function onInteractionEvent(data) {
  const interaction = data.interaction ?? data;
  const id = interactionIdOf(data);
  if (isManualCall(interaction)) {
    onManualCall(data.eventType, interaction);
    return;
  }
  if (data.eventType === 'RECORDS_RETRIEVED' && id === interactionId()) {
    renderChain(chainedRecordsOf(data));
    return;
  }
  if (id === undefined) return;
  if (id !== interactionId() && !isOnScreen(interaction)) {
    onOtherInteraction(data.eventType, id, interaction);
    return;
  }
  if (data.eventType === 'REMOVED' && id === interactionId()) {
    clearRecord();
    return;
  }
  // The call of a previewed record comes as a new interaction for the same record.
  state.interaction = { ...state.interaction, ...interaction, interactionId: id ?? interactionId() };
  renderSummary();
  // The call's outcome becomes the record's call result until the agent sets another.
  if (data.eventType === 'RELEASED') loadCallResult().catch(() => undefined);
}

/**
 * An interaction that is not on screen: a record that arrived unasked (pushed, a scheduled
 * callback) is shown at once when the desk is free, else listed as waiting.
 */
function onOtherInteraction(eventType, id, interaction) {
  if (eventType === 'REMOVED') {
    if (state.waiting.delete(id)) renderWaiting();
    return;
  }
  if (eventType !== 'ADDED' && !state.waiting.has(id)) return;
  if (!state.interaction) {
    showInteraction(interaction).catch(() => undefined);
    return;
  }
  state.waiting.set(id, interaction);
  renderWaiting();
}

function onEvent(message) {
  const data = message.data ?? {};
  log('event', `${message.event}${data.eventType ? ` ${data.eventType}` : ''}`, data);
  if (message.event === 'agent' && data.eventType === 'STATE_CHANGED') {
    // The event names the media state (READY, NOT_READY_ACTION_CODE ...); getState gives its
    // display name, as the state list shows it.
    showState({ displayName: data.mediaState, reason: data.reason });
    call('agent', 'getState').then(showState, () => undefined);
  } else if (message.event === 'outbound' && /^Campaign/.test(data.eventType ?? '')) {
    loadCampaigns().catch(() => undefined);
  } else if (message.event === 'interaction') {
    onInteractionEvent(data);
  } else if (message.event === 'markdone' && interactionIdOf(data) === interactionId()) {
    clearRecord();
  }
}

// ---- applications ----

/** The pages to embed: `?apps=` (comma-separated URLs), else the sample integration. */
function appUrls() {
  const listed = (query.get('apps') ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  return listed.length > 0 ? listed : DEFAULT_APPS;
}

function embedApps() {
  const panel = $('apps');
  panel.replaceChildren();
  for (const url of appUrls()) {
    let address;
    try {
      address = new URL(url, window.location.href);
    } catch {
      log('error', 'apps', `not a URL: ${url}`);
      continue;
    }
    // Only web pages: a javascript: or data: URL would run in (or as) the workspace.
    if (address.protocol !== 'https:' && address.protocol !== 'http:') {
      log('error', 'apps', `not a web page: ${url}`);
      continue;
    }
    const frame = h('iframe', { src: address.href, title: `Application ${address.host}${address.pathname}` });
    const figure = h('section', { class: 'app' }, h('h3', {}, address.href), frame);
    panel.append(figure);
    // The relay names the frame's client (data-client) and renames it if another site's page
    // takes the frame over.
    state.relay.add(frame);
  }
}

// ---- wiring ----

function wire() {
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    login($('login-place').value.trim(), $('login-token').value.trim());
  });
  $('logout').addEventListener('click', () => {
    // Logging out forgets the token: the form asks for it again.
    forgetLogin();
    $('login-token').value = '';
    state.channel?.close();
  });
  $('state-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = $('state-reason').value.trim();
    // Not ready with a reason code: the gateway's "NotReady:<reason>" operation.
    const operation =
      $('state-select').value === 'NotReady' && reason ? `NotReady:${reason}` : $('state-select').value;
    act('State changed', async () => {
      await call('agent', 'setState', operation);
      showState(await call('agent', 'getState'));
    });
  });
  $('preview-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const campaign = $('campaign-select').value;
    act('Preview record received', async () => {
      const data = await call('outbound', 'getPreviewRecord', campaign);
      await showInteraction(data);
      $('record-heading').focus();
    });
  });
  $('push-start').addEventListener('click', () =>
    act('Direct push preview started', () => call('outbound', 'startDirectPushPreview')),
  );
  $('push-stop').addEventListener('click', () =>
    act('Direct push preview stopped', () => call('outbound', 'stopDirectPushPreview')),
  );
  $('call').addEventListener('click', () => act('Calling', () => dial(currentHandle())));
  // The call's end comes as the RELEASED event; the record then waits for its mark done.
  $('hangup').addEventListener('click', () => act('Hung up', () => call('voice', 'hangUp', needRecord())));
  $('dial-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const destination = $('dial-destination').value.trim();
    act(`Dialing ${destination}`, async () => {
      const interaction = await call('voice', 'dial', destination);
      // The ADDED event may have come first: the reply adds nothing new then.
      if (interaction) onManualCall('DIALING', interaction);
      $('dial-destination').value = '';
    });
  });
  // A rejected or cancelled record stays on screen until it is marked done, as in the
  // reference's preview events (STATE_CHANGE to REJECTED or CANCELED, then MARK_DONE).
  $('reject').addEventListener('click', () =>
    act('Record rejected: mark it done to close it', async () => {
      await call('outbound', 'rejectPreviewRecord', needRecord());
      await refreshInteraction();
    }),
  );
  $('cancel').addEventListener('click', () =>
    act('Record cancelled: mark it done to close it', async () => {
      await call('outbound', 'cancelPreviewRecord', needRecord());
      await refreshInteraction();
    }),
  );
  $('fields-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('Fields saved; they are sent with the record when it is marked done', async () => {
      const changes = changedFields();
      if (Object.keys(changes).length === 0) throw new Error('No field was changed.');
      await call('outbound', 'updateRecordFields', needRecord(), changes);
      await loadFields();
    });
  });
  $('result-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const result = $('result-select').value;
    act('Call result set', async () => {
      // The reference: "The call result value, which must be a number", typed string.
      await call('outbound', 'setCallResult', needRecord(), result);
      await loadCallResult();
    });
  });
  $('reschedule-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('Record rescheduled', async () => {
      const date = rescheduleDateOf($('reschedule-at').value);
      const handle = currentHandle();
      await call('outbound', 'rescheduleRecord', needRecord(), handle, date, $('reschedule-type').value);
    });
  });
  $('cancel-reschedule').addEventListener('click', () =>
    act('Reschedule cancelled', () => call('outbound', 'cancelReschedule', needRecord())),
  );
  $('dnc-set').addEventListener('click', () =>
    act('Marked do-not-call', () => call('outbound', 'setDoNotCall', needRecord())),
  );
  $('dnc-remove').addEventListener('click', () =>
    act('Do-not-call removed', () => call('outbound', 'removeDoNotCall', needRecord())),
  );
  $('accept').addEventListener('click', () =>
    act('Record accepted', async () => {
      await call('interaction', 'accept', needRecord());
      await refreshInteraction();
    }),
  );
  // Declining gives a pushed record back to the campaign; the server removes the interaction.
  $('decline').addEventListener('click', () =>
    act('Record declined', async () => {
      const id = needRecord();
      await call('interaction', 'reject', id);
      if (interactionId() === id) clearRecord();
    }),
  );
  $('chain-refresh').addEventListener('click', () => act('', loadChain));
  $('markdone').addEventListener('click', () =>
    act('Record done', async () => {
      await call('interaction', 'markdone', needRecord());
      clearRecord();
    }),
  );
  $('log-clear').addEventListener('click', () => $('log').replaceChildren());
}

wire();
state.toasts = createToasts($('toasts'), {
  click: (customToastId, buttonIndex) => {
    try {
      state.channel?.sendHost({ toastClick: { customToastId, buttonIndex } });
      return true;
    } catch (error) {
      notify(`Toast: ${error.message}`, 'error');
      return false;
    }
  },
  show: (client) => {
    // "Show" pops up the frame of the page that popped the toast.
    const frame = state.relay?.frame(client);
    if (!frame) return;
    frame.scrollIntoView({ block: 'nearest' });
    frame.focus();
  },
});
// A URL with a token logs in at once, as a workspace opened by a launcher does (its place and
// token then wait in the form if the login fails); else a reload of a logged-in tab logs in again.
const initial = (urlLogin.accessToken ? null : storedLogin()) ?? urlLogin;
$('login-place').value = initial.place;
$('login-token').value = initial.accessToken;
if (initial.place && initial.accessToken) login(initial.place, initial.accessToken);
