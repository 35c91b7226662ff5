import { type DesktopSystem, startDesktopSystem } from './support/desktop-system';
import { type ChannelClientId, type ChannelFrame, WorkspaceChannel } from './support/workspace-channel';

// The Service Client API's system namespace on a real workspace channel: the frame-state methods
// and the frameState event of a workspace that always leads, custom toasts shown through the host
// page and their button clicks reaching the client that popped them only, and subscription ids
// that a new channel gives again for the same messages (what the host page's replay relies on).

const AGENT = { agent: 'agent11', place: 'Place_7011' };
const crm: ChannelClientId = { client: 'crm', origin: 'http://crm.example' };
const other: ChannelClientId = { client: 'other', origin: 'http://other.example' };

const SERVER = { userAgent: 'WWE Server', protocolVersion: 2 };

describe('the system namespace on the workspace channel', () => {
  let system: DesktopSystem;
  let channel: WorkspaceChannel;
  let channelUrl: string;

  const connect = async () => {
    const opened = await WorkspaceChannel.connect(channelUrl, {
      token: await system.token(AGENT.agent),
      place: AGENT.place,
    });
    await opened.next((frame) => frame.client === '*' && frame.message['state'] === 'LOGGED_IN');
    return opened;
  };
  /** The next toast frame of the host page. */
  const toastFrame = (on: WorkspaceChannel = channel) =>
    on.next((frame) => frame.client === '*' && frame.message.event === 'toast');

  beforeAll(async () => {
    system = await startDesktopSystem({
      busName: 'workspace-system-test',
      recordCount: 10,
      services: ['campaign-manager'],
      env: {
        'service-client-api.accepted-web-content-origins': 'http://crm.example (*), http://other.example (*)',
      },
    });
    channelUrl = system.desktopUrl.replace(/\/desktop$/, '/workspace/channel');
    channel = await connect();
  }, 120_000);

  afterAll(async () => {
    channel?.close();
    await system?.stop();
  }, 60_000);

  it('answers the frame-state methods of the one workspace, which leads', async () => {
    const answers: Record<string, unknown> = {};
    for (const method of [
      'isFrameLeading',
      'isFrameFollowing',
      'isFrameNegotiating',
      'isFrameLeadingOrNegotiating',
      'isLastActiveFrame',
    ]) {
      const reply = await channel.request(crm, `system.${method}`);
      expect(reply).toMatchObject({ request: `system.${method}`, ...SERVER });
      answers[method] = reply.data;
    }
    expect(answers).toEqual({
      isFrameLeading: true,
      isFrameFollowing: false,
      isFrameNegotiating: false,
      isFrameLeadingOrNegotiating: true,
      isLastActiveFrame: true,
    });
  });

  it('tells a client subscribing to system events that its frame is LEADING, after the reply', async () => {
    channel.post(crm, { event: 'subscribe', data: ['system', 'agent'], referenceId: 'sub-system' });
    const reply = await channel.next((frame) => frame.client === crm.client);
    expect(reply.message).toMatchObject({ referenceId: 'sub-system', subscriptionId: expect.any(String) });
    const event = await channel.next((frame) => frame.client === crm.client);
    expect(event.message).toEqual({ event: 'system', data: { frameState: 'LEADING' }, ...SERVER });
    // No system subscription, no frame-state event.
    await channel.subscribe(other, 'agent');
    expect(await channel.drain(other.client, 300)).toEqual([]);
  });

  it('shows a toast through the host page and tells only the client that popped it of a click', async () => {
    await channel.subscribe(other, 'system');
    await channel.drain(other.client, 200);
    await channel.drain(crm.client, 0);

    const popped = await channel.request(crm, 'system.popupToast', [
      {
        title: 'Callback due',
        subject: 'Ada Lovelace',
        message: 'Call back at 10:00',
        keyValues: { account: 'A-17', amount: 120 },
        buttons: ['Call now', 'Later'],
      },
    ]);
    expect(popped).toMatchObject({
      request: 'system.popupToast',
      data: expect.stringMatching(/^wweCustomToast\d+$/),
    });
    const id = popped.data as string;
    expect((await toastFrame()).message).toEqual({
      event: 'toast',
      action: 'show',
      toast: {
        customToastId: id,
        client: crm.client,
        title: 'Callback due',
        subject: 'Ada Lovelace',
        message: 'Call back at 10:00',
        keyValues: { account: 'A-17', amount: '120' },
        buttons: ['Call now', 'Later'],
        buttonShowDismiss: false,
      },
    });

    // Another client's id is not found: it can neither update nor close the toast.
    expect(await channel.call(other, 'system.updateToast', [id, { message: 'hijacked' }])).toBe(false);
    expect(await channel.call(other, 'system.closeToast', [id])).toBe(false);
    expect(await channel.call(crm, 'system.updateToast', [id, { message: 'Call back at 11:00' }])).toBe(true);
    expect((await toastFrame()).message).toMatchObject({
      action: 'show',
      toast: { customToastId: id, message: 'Call back at 11:00', title: 'Callback due' },
    });

    channel.sendRaw({ client: '*', toastClick: { customToastId: id, buttonIndex: 1 } });
    expect((await toastFrame()).message).toEqual({ event: 'toast', action: 'close', customToastId: id });
    expect(await channel.event(crm.client, 'system', (data) => data['eventType'] !== undefined)).toEqual({
      eventType: 'CUSTOM_TOAST_BUTTON_CLICK',
      customToastId: id,
      buttonIndex: 1,
    });
    // The other client, subscribed to system events too, hears nothing of it.
    expect(await channel.drain(other.client, 300)).toEqual([]);
    // Answered, the toast is gone.
    expect(await channel.call(crm, 'system.closeToast', [id])).toBe(false);
  });

  it('closes a toast by itself after autoCloseTimeout, and by closeToast', async () => {
    const started = Date.now();
    const auto = (await channel.call(crm, 'system.popupToast', [
      { title: 'Short', autoCloseTimeout: 400 },
    ])) as string;
    expect((await toastFrame()).message).toMatchObject({ action: 'show', toast: { buttons: ['OK'] } });
    expect((await toastFrame()).message).toEqual({ event: 'toast', action: 'close', customToastId: auto });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);

    const closed = (await channel.call(crm, 'system.popupToast', [
      { title: 'Shown', buttonShowDismiss: true },
    ])) as string;
    expect((await toastFrame()).message).toMatchObject({ toast: { buttons: ['Show', 'Dismiss'] } });
    expect(await channel.call(crm, 'system.closeToast', [closed])).toBe(true);
    expect((await toastFrame()).message).toEqual({ event: 'toast', action: 'close', customToastId: closed });
  });

  it('refuses bad toast parameters and bad clicks with a message, and keeps serving', async () => {
    const refusals: Array<[string, unknown[], string]> = [
      ['system.popupToast', [{ message: 'no title' }], 'parameters.title is required'],
      ['system.popupToast', ['text'], 'parameters must be an object'],
      [
        'system.popupToast',
        [{ title: 'T', iconUrl: 'javascript:alert(1)' }],
        'parameters.iconUrl must be an http(s) URL',
      ],
      [
        'system.popupToast',
        [{ title: 'T', buttons: [42] }],
        'parameters.buttons must hold labels of 1 to 60 characters',
      ],
      ['system.updateToast', [7, { title: 'T' }], 'id must be a string'],
      ['system.closeToast', [null], 'id must be a string'],
    ];
    for (const [request, parameters, errorMessage] of refusals) {
      expect(await channel.request(crm, request, parameters)).toMatchObject({ request, errorMessage });
    }
    channel.sendRaw({ client: '*', toastClick: { customToastId: 'wweCustomToast999', buttonIndex: 0 } });
    expect(
      (await channel.next((frame) => frame.client === '*' && frame.message['error'] !== undefined)).message,
    ).toEqual({ event: 'channel', error: "There is no toast 'wweCustomToast999'" });
    channel.sendRaw({ client: '*', hello: true });
    expect(
      (await channel.next((frame) => frame.client === '*' && frame.message['error'] !== undefined)).message,
    ).toEqual({ event: 'channel', error: 'A host frame needs a toastClick' });
    expect(await channel.call(crm, 'system.isFrameLeading')).toBe(true);
  });

  it('gives the same subscription ids again on a new channel for the same messages', async () => {
    /** Subscribes and unsubscribes as a page would; the ids of the replies, in order. */
    const script = async (on: WorkspaceChannel): Promise<Array<string | undefined>> => {
      const ids: Array<string | undefined> = [];
      const send = async (from: ChannelClientId, message: Record<string, unknown>) => {
        const referenceId = `r${ids.length}`;
        on.post(from, { ...message, referenceId });
        const reply: ChannelFrame = await on.next(
          (frame) => frame.client === from.client && frame.message.referenceId === referenceId,
        );
        ids.push(reply.message['subscriptionId'] as string | undefined);
      };
      await send({ client: 'frame-1', origin: crm.origin }, { event: 'subscribe', data: 'agent' });
      await send({ client: 'frame-2', origin: other.origin }, { event: 'subscribe', data: 'agent' });
      await send({ client: 'frame-1', origin: crm.origin }, { event: 'subscribe', data: 'outbound' });
      await send({ client: 'frame-1', origin: crm.origin }, { event: 'unsubscribe', data: 'frame-1-1' });
      await send({ client: 'frame-1', origin: crm.origin }, { event: 'subscribe', data: 'interaction' });
      return ids;
    };
    const first = await script(channel);
    expect(first).toEqual(['frame-1-1', 'frame-2-1', 'frame-1-2', undefined, 'frame-1-3']);
    // A new login of the agent (a host page reconnecting) replaces this channel.
    const replacement = await connect();
    expect(await channel.closed).toMatchObject({ code: 4409 });
    channel = replacement;
    expect(await script(channel)).toEqual(first);
    // And the subscription still unsubscribes by the id the page holds.
    channel.post(
      { client: 'frame-1', origin: crm.origin },
      { event: 'unsubscribe', data: 'frame-1-2', referenceId: 'u' },
    );
    const reply = await channel.next((frame) => frame.message.referenceId === 'u');
    expect(reply.client).toBe('frame-1');
    expect(reply.message).toMatchObject({ data: null });
    expect(reply.message.errorMessage).toBeUndefined();
  });
});
