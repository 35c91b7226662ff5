// The supervisor console: signs in with a supervisor token, lists the tenant's campaign groups
// with their lifecycle actions, draws the selected group's live figures and imports files.
import { SupervisorApi } from '/supervisor/api.js';
import { formatPercent, GroupCharts } from '/supervisor/charts.js';
import { Importer } from '/supervisor/importer.js';

const TOKEN_KEY = 'ocs-supervisor-token';
// GSW_CM_AttrGroupCampStatus values.
const STATUS = { NotLoaded: 0, WaitingUnload: 1, UnloadInProgress: 2, Active: 4, Running: 5 };
const STATUS_NAMES = {
  0: 'NotLoaded',
  1: 'WaitingUnload',
  2: 'UnloadInProgress',
  3: 'InActive',
  4: 'Active',
  5: 'Running',
};

const $ = (id) => document.getElementById(id);

const state = {
  api: undefined,
  events: undefined,
  groups: new Map(),
  dialModes: [],
  selected: undefined,
  /** Snapshots per group DBID, oldest first, over the server's window. */
  series: new Map(),
  windowSeconds: 300,
  charts: undefined,
  importer: undefined,
};

/** Which actions a group's status allows (the lifecycle table; the server judges anyway). */
function allowed(status) {
  return {
    load: status === STATUS.NotLoaded,
    start: status === STATUS.NotLoaded || status === STATUS.Active,
    stop: status === STATUS.Running,
    unload: status === STATUS.Active || status === STATUS.Running,
    mode: status === STATUS.Running,
  };
}

function button(label, action, enabled, group) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.disabled = !enabled;
  element.dataset.action = action;
  element.className = action === 'unload' ? 'secondary' : '';
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    void operate(group.dbid, action);
  });
  return element;
}

function renderGroups() {
  const rows = [...state.groups.values()]
    .sort((a, b) => a.dbid - b.dbid)
    .map((group) => {
      const can = allowed(group.status);
      const tr = document.createElement('tr');
      tr.dataset.dbid = String(group.dbid);
      tr.setAttribute('aria-selected', String(group.dbid === state.selected));
      tr.addEventListener('click', () => select(group.dbid));

      const name = document.createElement('td');
      const title = document.createElement('div');
      title.textContent = group.name;
      const sub = document.createElement('div');
      sub.className = 'sub';
      sub.textContent = `DBID ${group.dbid} · ${group.campaignName} · ${group.agentGroupName}`;
      name.append(title, sub);

      const statusCell = document.createElement('td');
      const badge = document.createElement('span');
      badge.className = 'status';
      badge.dataset.status = String(group.status);
      badge.textContent = STATUS_NAMES[group.status] ?? String(group.status);
      statusCell.append(badge);

      const modeCell = document.createElement('td');
      const mode = document.createElement('div');
      mode.className = 'mode';
      const modeSelect = document.createElement('select');
      modeSelect.setAttribute('aria-label', `Dial mode of ${group.name}`);
      modeSelect.dataset.role = 'mode';
      for (const { value, name: label } of state.dialModes) {
        const option = new Option(label, String(value), false, value === group.dialMode);
        modeSelect.append(option);
      }
      modeSelect.addEventListener('click', (event) => event.stopPropagation());
      const apply = button('Set mode', 'mode', can.mode, group);
      apply.className = 'secondary';
      apply.addEventListener('click', () => undefined);
      mode.append(modeSelect, apply);
      modeCell.append(mode);

      const actions = document.createElement('td');
      const wrap = document.createElement('div');
      wrap.className = 'actions';
      wrap.append(
        button('Load', 'load', can.load, group),
        button('Start', 'start', can.start, group),
        button('Stop', 'stop', can.stop, group),
        button('Unload', 'unload', can.unload, group),
      );
      actions.append(wrap);
      tr.append(name, statusCell, modeCell, actions);
      return tr;
    });
  $('groups')
    .querySelector('tbody')
    .replaceChildren(...rows);
}

function showError(message) {
  $('action-error').textContent = message;
  $('action-error').hidden = !message;
}

async function operate(dbid, action) {
  showError('');
  const group = state.groups.get(dbid);
  const row = $('groups').querySelector(`tr[data-dbid="${dbid}"]`);
  const body = {};
  // Start keeps the group's mode unless another one is chosen; mode sends the chosen one.
  const chosen = Number(row?.querySelector('select[data-role="mode"]')?.value);
  if ((action === 'mode' || action === 'start') && chosen && chosen !== group?.dialMode)
    body.dialMode = chosen;
  if (action === 'mode') body.dialMode = chosen;
  try {
    const { campaignGroup } = await state.api.post(`campaign-groups/${dbid}/${action}`, body);
    upsertGroup(campaignGroup);
  } catch (error) {
    const cm =
      error.details?.cmError === undefined ? '' : ` (Communication DN error ${error.details.cmError})`;
    showError(`${group?.name ?? dbid}: ${action} refused - ${error.code}${cm}: ${error.message}`);
    // The controls show the group as it is, not the refused choice.
    renderGroups();
  }
}

function upsertGroup(group) {
  state.groups.set(group.dbid, { ...state.groups.get(group.dbid), ...group });
  renderGroups();
}

function select(dbid) {
  state.selected = dbid;
  renderGroups();
  const group = state.groups.get(dbid);
  $('metrics-heading').textContent = `Live dialing - ${group?.name ?? dbid}`;
  drawSelected();
}

function drawSelected() {
  const points = state.series.get(state.selected) ?? [];
  const last = points.at(-1);
  $('metrics-caption').textContent = last
    ? `Over the last ${Math.round(last.seconds)} s (window ${state.windowSeconds} s): ${last.counts.dialed} calls placed, ${last.counts.ended} ended, ${last.counts.connected + last.counts.abandoned} live answers.`
    : 'Waiting for the first figures…';
  $('tile-dials').textContent = last ? `${last.dialsPerMinute.toFixed(1)} /min` : '–';
  $('tile-answer').textContent = formatPercent(last?.answerRate);
  $('tile-abandon').textContent = formatPercent(last?.abandonRate);
  $('tile-occupancy').textContent = formatPercent(last?.occupancy);
  state.charts.show(points);
}

function addSnapshots(byGroup) {
  for (const [dbid, snapshot] of Object.entries(byGroup)) {
    const points = state.series.get(Number(dbid)) ?? [];
    points.push(snapshot);
    while (points.length > 0 && points[0].at < snapshot.at - state.windowSeconds * 1000) points.shift();
    state.series.set(Number(dbid), points);
  }
  if (state.selected !== undefined) drawSelected();
}

function connectEvents() {
  const source = state.api.events();
  state.events = source;
  source.addEventListener('open', () => setConnection('online', 'Live'));
  source.addEventListener('error', () => {
    setConnection('offline', 'Reconnecting…');
    // EventSource retries whatever the status: an expired token must end the session instead.
    state.api.get('me').catch((error) => {
      if (error.status !== 401) return;
      source.close();
      sessionStorage.removeItem(TOKEN_KEY);
      $('console').hidden = true;
      $('login-panel').hidden = false;
      $('login-error').textContent = `Signed out: ${error.message}`;
      setConnection('offline', 'Signed out');
    });
  });
  source.addEventListener('hello', (event) => {
    const hello = JSON.parse(event.data);
    state.windowSeconds = hello.windowSeconds;
  });
  source.addEventListener('history', (event) => {
    for (const [dbid, points] of Object.entries(JSON.parse(event.data)))
      state.series.set(Number(dbid), points);
    if (state.selected !== undefined) drawSelected();
  });
  source.addEventListener('metrics', (event) => addSnapshots(JSON.parse(event.data)));
  source.addEventListener('group', (event) => upsertGroup(JSON.parse(event.data)));
  source.addEventListener('import', (event) => state.importer.onProgress(JSON.parse(event.data)));
}

function setConnection(value, text) {
  $('connection').dataset.state = value;
  $('connection').textContent = text;
}

async function signIn(token) {
  const api = new SupervisorApi(token);
  const me = await api.get('me');
  state.api = api;
  sessionStorage.setItem(TOKEN_KEY, token);
  $('identity').textContent = `${me.supervisor} · ${me.tenant}`;
  $('identity').hidden = false;
  $('sign-out').hidden = false;
  $('login-panel').hidden = true;
  $('console').hidden = false;
  state.charts ??= new GroupCharts($('chart-dials'), $('chart-rates'));
  state.importer ??= new Importer(api);
  state.importer.api = api;
  const { campaignGroups, dialModes } = await api.get('campaign-groups');
  state.dialModes = dialModes;
  state.groups = new Map(campaignGroups.map((group) => [group.dbid, group]));
  renderGroups();
  if (campaignGroups.length > 0) select(state.selected ?? campaignGroups[0].dbid);
  connectEvents();
  await state.importer.load();
}

function signOut() {
  state.events?.close();
  sessionStorage.removeItem(TOKEN_KEY);
  window.location.assign('/supervisor/');
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  signIn($('login-token').value.trim()).catch((error) => {
    $('login-error').textContent = `Sign-in refused: ${error.message}`;
  });
});
$('sign-out').addEventListener('click', signOut);

// A token in the URL signs in at once; it is then taken out of the address bar and history.
const query = new URLSearchParams(window.location.search);
const initial = query.get('access_token') ?? sessionStorage.getItem(TOKEN_KEY);
if (query.has('access_token')) window.history.replaceState(null, '', window.location.pathname);
if (initial) {
  signIn(initial).catch((error) => {
    sessionStorage.removeItem(TOKEN_KEY);
    $('login-error').textContent = `Sign-in refused: ${error.message}`;
  });
}
