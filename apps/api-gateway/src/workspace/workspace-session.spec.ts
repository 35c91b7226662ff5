import { DialManualCall, ReleaseCall, type CommandDefinition } from '@ocs/contracts';
import {
  type HostFrame,
  MAX_SUBSCRIPTIONS_PER_CLIENT,
  WorkspaceSession,
  type WorkspaceSessionDeps,
} from './workspace-session';
import { type ServiceClientSecurity } from './service-client.config';
import { parseAcceptedOrigins } from './origin-filter';

const OWN = 'http://gateway.example';

function session(
  overrides: Partial<ServiceClientSecurity> = {},
  client: WorkspaceSessionDeps['client'] = {
    request: () => Promise.reject(new Error('no bus in unit tests')),
  },
) {
  const parsed = parseAcceptedOrigins('http://crm.example, http://agents.example (agent.*)');
  if (!parsed.ok) throw new Error(parsed.error);
  const toHost: HostFrame[] = [];
  const toDesktop: string[] = [];
  let now = 0;
  const workspace = new WorkspaceSession({
    tenant: 'T',
    loginId: 'agent01',
    applicationId: 101,
    security: {
      acceptedOrigins: parsed.rules,
      rateLimits: { global: 0, perRequest: { 'agent.getStateList': 1 }, quarantineDelaySeconds: 30 },
      readAllowed: undefined,
      writeAllowed: undefined,
      ...overrides,
    },
    ownOrigin: OWN,
    client,
    clock: () => now,
    desktopContext: () => ({
      agent: { dbid: 1, loginId: 'agent01', name: 'Ada Lovelace' },
      place: { dbid: 1, name: 'Place_1', dn: '7001' },
      agentGroups: [],
      campaignGroups: [],
    }),
    place: () => 'Place_1',
    toDesktop: (text) => toDesktop.push(text),
    toHost: (frame) => toHost.push(frame),
    warn: () => undefined,
  });
  const post = (client: string, origin: string, message: unknown) =>
    workspace.fromHost(JSON.stringify({ client, origin, message }));
  return { workspace, toHost, toDesktop, post, advance: (ms: number) => (now += ms) };
}

describe('a workspace channel session', () => {
  it('answers the accepted origins and refuses the others, with the request echoed', async () => {
    const { post, toHost } = session();
    await post('crm', 'http://crm.example', { request: 'agent.get', referenceId: '1' });
    await post('agents', 'http://agents.example', { request: 'outbound.getCampaigns', referenceId: '2' });
    await post('evil', 'http://evil.example', { request: 'agent.get', referenceId: '3' });
    expect(toHost).toEqual([
      {
        client: 'crm',
        message: {
          request: 'agent.get',
          referenceId: '1',
          data: { employeeId: 'agent01', firstName: 'Ada', lastName: 'Lovelace', userName: 'agent01' },
          userAgent: 'WWE Server',
          protocolVersion: 2,
        },
      },
      {
        client: 'agents',
        message: expect.objectContaining({
          referenceId: '2',
          errorMessage: "The origin 'http://agents.example' is not allowed to use 'outbound.getCampaigns'",
        }),
      },
      {
        client: 'evil',
        message: expect.objectContaining({
          referenceId: '3',
          errorMessage: "The origin 'http://evil.example' is not allowed to use 'agent.get'",
        }),
      },
    ]);
  });

  it("accepts pages of the workspace's own origin, and does not rate-limit only its own UI", async () => {
    const { post, toHost } = session();
    for (let i = 0; i < 3; i++)
      await post('workspace', OWN, { request: 'agent.getStateList', referenceId: `w${i}` });
    // A sample page served by the gateway itself: accepted without being listed, but limited.
    await post('sample', OWN, { request: 'agent.getStateList', referenceId: 's1' });
    await post('sample', OWN, { request: 'agent.getStateList', referenceId: 's2' });
    // The name alone trusts nothing: the workspace client from another origin is checked.
    await post('workspace', 'http://evil.example', { request: 'agent.get', referenceId: 'e' });
    expect(toHost.map((frame) => frame.message)).toEqual([
      expect.objectContaining({ referenceId: 'w0', data: expect.any(Array) }),
      expect.objectContaining({ referenceId: 'w1', data: expect.any(Array) }),
      expect.objectContaining({ referenceId: 'w2', data: expect.any(Array) }),
      expect.objectContaining({ referenceId: 's1', data: expect.any(Array) }),
      expect.objectContaining({ referenceId: 's2', errorMessage: expect.stringContaining('rate limit') }),
      expect.objectContaining({ referenceId: 'e', errorMessage: expect.stringContaining('is not allowed') }),
    ]);
  });

  it('checks the origin before counting a request against the rate limit', async () => {
    const { post, toHost } = session();
    // Refused by origin: does not use up the one allowed agent.getStateList of the minute.
    await post('evil', 'http://evil.example', { request: 'agent.getStateList', referenceId: 'e' });
    await post('crm', 'http://crm.example', { request: 'agent.getStateList', referenceId: 'c1' });
    await post('crm', 'http://crm.example', { request: 'agent.getStateList', referenceId: 'c2' });
    await post('crm', 'http://crm.example', { request: 'agent.getStateList', referenceId: 'c3' });
    expect(toHost.map((frame) => frame.message)).toEqual([
      expect.objectContaining({ referenceId: 'e', errorMessage: expect.stringContaining('is not allowed') }),
      expect.objectContaining({ referenceId: 'c1', data: expect.any(Array) }),
      expect.objectContaining({
        referenceId: 'c2',
        errorMessage:
          "The rate limit for the request 'agent.getStateList' has been reached.\nFurther requests of the same type will be ignored for 30 seconds.",
      }),
    ]);
  });

  it("answers names of Object's prototype as unknown requests, revealing nothing of the session", async () => {
    const { post, toHost } = session();
    for (const request of ['constructor', 'toString', 'hasOwnProperty', '__proto__'])
      await post('workspace', OWN, { request, referenceId: request });
    expect(toHost.map((frame) => frame.message)).toEqual(
      ['constructor', 'toString', 'hasOwnProperty', '__proto__'].map((request) => ({
        request,
        referenceId: request,
        errorMessage: `Unknown request '${request}'`,
        userAgent: 'WWE Server',
        protocolVersion: 2,
      })),
    );
  });

  it('answers unknown requests without counting them against the rate limit', async () => {
    const { post, toHost } = session({
      rateLimits: { global: 2, perRequest: {}, quarantineDelaySeconds: 0 },
    });
    // Made-up names would otherwise each be quarantined, forever here, in the channel's memory.
    for (let i = 0; i < 5; i++)
      await post('crm', 'http://crm.example', { request: `x.y${i}`, referenceId: `x${i}` });
    await post('crm', 'http://crm.example', { request: 'agent.getStateList', referenceId: 'known' });
    expect(toHost.map((frame) => frame.message)).toEqual([
      ...[0, 1, 2, 3, 4].map((i) =>
        expect.objectContaining({ referenceId: `x${i}`, errorMessage: `Unknown request 'x.y${i}'` }),
      ),
      expect.objectContaining({ referenceId: 'known', data: expect.any(Array) }),
    ]);
  });

  it('sends each event once to each subscribed client, until it unsubscribes', async () => {
    const { post, toHost, workspace } = session();
    await post('crm', 'http://crm.example', {
      event: 'subscribe',
      data: ['outbound', 'agent'],
      referenceId: 's1',
    });
    await post('crm', 'http://crm.example', { event: 'subscribe', data: 'outbound', referenceId: 's2' });
    await post('agents', 'http://agents.example', { event: 'subscribe', data: 'agent', referenceId: 's3' });
    const [first, second] = toHost
      .splice(0)
      .map((frame) => frame.message as { subscriptionId: string; data: { subscriptionId: string } });
    // At the top of the reply, where Genesys's client reads it, and in data.
    expect(first?.subscriptionId).toEqual(first?.data.subscriptionId);
    expect(first?.subscriptionId).not.toEqual(second?.subscriptionId);

    workspace.fromDesktop(JSON.stringify({ GSW_USER_EVENT: 'CampaignLoaded', GSW_CAMPAIGN_NAME: 'Offer' }));
    expect(toHost.splice(0)).toEqual([
      {
        client: 'crm',
        message: {
          event: 'outbound',
          data: { eventType: 'CampaignLoaded', campaign: 'Offer' },
          userAgent: 'WWE Server',
          protocolVersion: 2,
        },
      },
    ]);

    await post('crm', 'http://crm.example', { event: 'unsubscribe', data: first?.subscriptionId });
    toHost.splice(0);
    workspace.fromDesktop(JSON.stringify({ OCS_AGENT_EVENT: 'AgentStateChanged', OCS_AGENT_STATE: 'Ready' }));
    expect(toHost.map((frame) => [frame.client, (frame.message as { event: string }).event])).toEqual([
      ['agents', 'agent'],
    ]);
    // The state is remembered for getState.
    await post('crm', 'http://crm.example', { request: 'agent.getState', referenceId: 'g' });
    expect(toHost.at(-1)?.message).toMatchObject({ data: { state: 'READY', displayName: 'Ready' } });
  });

  it('answers frames it cannot read without crashing', async () => {
    const { workspace, post, toHost } = session();
    await workspace.fromHost('{');
    await workspace.fromHost(JSON.stringify({ client: 'crm' }));
    await post('crm', 'http://crm.example', 'not an object');
    await post('crm', 'http://crm.example', { request: 'outbound.fly', referenceId: 'f' });
    expect(toHost.map((frame) => frame.client)).toEqual(['*', '*', 'crm', 'crm']);
    expect(toHost[3]?.message).toMatchObject({ errorMessage: "Unknown request 'outbound.fly'" });
    workspace.fromDesktop('not json');
  });

  it('turns a record pushed by OCS into an invitation, direct push once started', async () => {
    const { workspace, post, toHost } = session();
    await post('crm', 'http://crm.example', { event: 'subscribe', data: 'interaction' });
    toHost.splice(0);
    workspace.fromDesktop(
      JSON.stringify({ GSW_USER_EVENT: 'PreviewRecord', GSW_RECORD_HANDLE: 5, GSW_PHONE: '555' }),
    );
    expect(toHost.map((frame) => (frame.message as { data: { eventType: string } }).data.eventType)).toEqual([
      'ADDED',
      'INVITED',
    ]);
    workspace.context.directPush = true;
    workspace.fromDesktop(
      JSON.stringify({ GSW_USER_EVENT: 'PreviewRecord', GSW_RECORD_HANDLE: 6, GSW_PHONE: '556' }),
    );
    expect(workspace.context.interactions.byHandle(6)?.mode).toBe('direct-push');
    // OCS cancels the first one.
    workspace.fromDesktop(JSON.stringify({ GSW_USER_EVENT: 'RecordCancel', GSW_RECORD_HANDLE: 5 }));
    expect(workspace.context.interactions.byHandle(5)).toMatchObject({ state: 'CANCELED', finished: true });
  });

  describe('the voice namespace', () => {
    /** A telephony port that records the commands and answers them (or refuses with `refuse`). */
    function telephony(refuse?: string) {
      const sent: Array<{ command: CommandDefinition; data: Record<string, unknown> }> = [];
      const client: WorkspaceSessionDeps['client'] = {
        request: ((command: CommandDefinition, data: Record<string, unknown>) => {
          sent.push({ command, data });
          if (refuse) return Promise.reject(new Error(refuse));
          return Promise.resolve(
            command === ReleaseCall ? { callId: data['callId'], released: true } : { callId: data['callId'] },
          );
        }) as WorkspaceSessionDeps['client']['request'],
      };
      return { sent, client };
    }
    const events = (toHost: HostFrame[]) =>
      toHost
        .splice(0)
        .filter((frame) => (frame.message as { event?: string }).event === 'interaction')
        .map((frame) => {
          const data = (
            frame.message as { data: { eventType: string; interaction: Record<string, unknown> } }
          ).data;
          return [data.eventType, data.interaction['state']];
        });
    const reply = (toHost: HostFrame[], referenceId: string) =>
      toHost.find((frame) => (frame.message as { referenceId?: string }).referenceId === referenceId)
        ?.message as { data?: Record<string, unknown>; errorMessage?: string } | undefined;

    it('dials, follows the call, hangs up and marks the call done without OCS', async () => {
      const { sent, client } = telephony();
      const { workspace, post, toHost, toDesktop } = session({}, client);
      await post('crm', 'http://crm.example', { event: 'subscribe', data: 'interaction' });
      await post('crm', 'http://crm.example', {
        request: 'voice.dial',
        parameters: [' 5551234 ', { Case: '42' }],
        referenceId: 'd',
      });
      const dialed = reply(toHost, 'd')?.data;
      expect(dialed).toMatchObject({
        interactionId: expect.any(String),
        state: 'DIALING',
        direction: 'OUT',
        callType: 'OUTBOUND',
        name: '5551234',
        dnis: '5551234',
        capabilities: ['HANGUP'],
        userData: { Case: '42' },
      });
      expect(sent).toEqual([
        {
          command: DialManualCall,
          data: {
            callId: expect.any(String),
            agent: { loginId: 'agent01', place: 'Place_1' },
            destination: '5551234',
            userData: { Case: '42' },
            noAnswerTimeoutSeconds: 30,
          },
        },
      ]);
      expect(events(toHost)).toEqual([
        ['ADDED', 'DIALING'],
        ['DIALING', 'DIALING'],
      ]);
      const callId = sent[0]?.data['callId'] as string;
      expect(workspace.holdsCall('T', callId)).toBe(true);
      // Another tenant's call of the same id is not this workspace's.
      expect(workspace.holdsCall('U', callId)).toBe(false);
      workspace.callProgress(callId, 'ringing', null);
      workspace.callProgress(callId, 'established', null);
      expect(events(toHost)).toEqual([['ESTABLISHED', 'TALKING']]);
      const id = dialed?.['interactionId'];
      // A manual call has no record for the outbound methods.
      await post('crm', 'http://crm.example', {
        request: 'outbound.setCallResult',
        parameters: [id, 6],
        referenceId: 'r',
      });
      expect(reply(toHost, 'r')?.errorMessage).toBe(
        `The interaction '${String(id)}' is not an outbound record`,
      );
      await post('crm', 'http://crm.example', {
        request: 'voice.hangUp',
        parameters: [id],
        referenceId: 'h',
      });
      expect(reply(toHost, 'h')).toMatchObject({ data: null });
      expect(sent[1]).toEqual({ command: ReleaseCall, data: { callId } });
      workspace.callProgress(callId, 'released', 33);
      expect(events(toHost)).toEqual([['RELEASED', 'IDLE']]);
      // The call is over: nothing left to hang up.
      await post('crm', 'http://crm.example', {
        request: 'voice.hangUp',
        parameters: [id],
        referenceId: 'h2',
      });
      expect(reply(toHost, 'h2')?.errorMessage).toBe(
        `The interaction '${String(id)}' has no call to hang up`,
      );
      await post('crm', 'http://crm.example', {
        request: 'interaction.markdone',
        parameters: [id],
        referenceId: 'm',
      });
      expect(events(toHost)).toEqual([['REMOVED', 'IDLE']]);
      expect(toDesktop).toEqual([]);
      expect(workspace.context.interactions.all()).toEqual([]);
    });

    it("hangs up a dialed record's call, whose end is told once", async () => {
      const { sent, client } = telephony();
      const { workspace, post, toHost } = session({}, client);
      await post('crm', 'http://crm.example', { event: 'subscribe', data: 'interaction' });
      workspace.fromDesktop(
        JSON.stringify({ OCS_CALL_EVENT: 'EventEstablished', OCS_CALL_ID: 'c7', GSW_RECORD_HANDLE: 7 }),
      );
      expect(events(toHost)).toEqual([
        ['ADDED', 'TALKING'],
        ['ESTABLISHED', 'TALKING'],
      ]);
      const id = workspace.context.interactions.byHandle(7)?.interactionId;
      await post('crm', 'http://crm.example', {
        request: 'voice.hangUp',
        parameters: [id],
        referenceId: 'h',
      });
      expect(sent).toEqual([{ command: ReleaseCall, data: { callId: 'c7' } }]);
      // The port's CallProgress, then the desktop session's EventReleased: one RELEASED.
      workspace.callProgress('c7', 'released', 33);
      workspace.fromDesktop(
        JSON.stringify({
          OCS_CALL_EVENT: 'EventReleased',
          OCS_CALL_ID: 'c7',
          GSW_RECORD_HANDLE: 7,
          OCS_CALL_RESULT: 33,
          OCS_RECORD_PROCESSED_REQUIRED: 0,
        }),
      );
      expect(events(toHost)).toEqual([['RELEASED', 'IDLE']]);
      expect(workspace.context.interactions.byHandle(7)).toMatchObject({ finished: true, callResult: 33 });
    });

    it('answers bad parameters, unknown interactions and refused calls with an errorMessage', async () => {
      const { client } = telephony('AGENT_BUSY: Agent agent01 is on a call already');
      const { workspace, post, toHost } = session({}, client);
      await post('crm', 'http://crm.example', { event: 'subscribe', data: 'interaction' });
      for (const [request, parameters, errorMessage] of [
        ['voice.dial', ['call John'], 'destination must be a phone number or a DN'],
        ['voice.dial', ['5001', 'x'], 'userData must be an object of keys and values'],
        ['voice.hangUp', ['99'], "The interaction '99' does not exist"],
        ['voice.hangUp', [{}], 'interactionId must be a string'],
        ['voice.dial', ['5001'], 'The call cannot be placed: AGENT_BUSY: Agent agent01 is on a call already'],
      ] as const) {
        await post('crm', 'http://crm.example', { request, parameters, referenceId: request });
        expect(reply(toHost, request)?.errorMessage).toBe(errorMessage);
        toHost.splice(
          toHost.findIndex((frame) => reply([frame], request)),
          1,
        );
      }
      // The refused call was announced, then removed.
      expect(events(toHost)).toEqual([
        ['ADDED', 'DIALING'],
        ['DIALING', 'DIALING'],
        ['REMOVED', 'IDLE'],
      ]);
      expect(workspace.context.interactions.all()).toEqual([]);
    });
  });

  it('announces the records on the desk at login, with their chains, once', async () => {
    const { workspace, post, toHost } = session();
    await post('crm', 'http://crm.example', { event: 'subscribe', data: 'interaction' });
    toHost.splice(0);
    // A dialed call in progress is already known (EventEstablished came again at the login).
    workspace.fromDesktop(
      JSON.stringify({ OCS_CALL_EVENT: 'EventEstablished', OCS_CALL_ID: 'c1', GSW_RECORD_HANDLE: 9 }),
    );
    toHost.splice(0);
    workspace.announceDesk([
      { frame: { GSW_USER_EVENT: 'PreviewRecord', GSW_RECORD_HANDLE: 7, GSW_PHONE: '555' } },
      { frame: { GSW_USER_EVENT: 'ChainedRecord', GSW_RECORD_HANDLE: 8, GSW_PHONE: '556' }, chainOf: 7 },
      { frame: { GSW_USER_EVENT: 'PreviewRecord', GSW_RECORD_HANDLE: 9, GSW_PHONE: '557' } },
    ]);
    expect(
      toHost.map((frame) => {
        const { data } = frame.message as {
          data: { eventType: string; interaction: Record<string, unknown> };
        };
        return [data.eventType, data.interaction['state'], data.interaction['name']];
      }),
    ).toEqual([
      ['ADDED', 'PREVIEWING', '555'],
      ['PREVIEWING', 'PREVIEWING', '555'],
    ]);
    expect(workspace.context.interactions.byHandle(8)?.chainedRecords).toEqual([
      { GSW_USER_EVENT: 'ChainedRecord', GSW_RECORD_HANDLE: 8, GSW_PHONE: '556' },
    ]);
    expect(workspace.context.interactions.records().map((interaction) => interaction.handle)).toEqual([9, 7]);
  });

  it('numbers subscriptions per client, so a replay of the same messages gives the same ids', async () => {
    const ids = async () => {
      const { post, toHost } = session();
      await post('crm', 'http://crm.example', { event: 'subscribe', data: 'agent', referenceId: 'a' });
      await post('agents', 'http://agents.example', { event: 'subscribe', data: 'agent', referenceId: 'b' });
      await post('crm', 'http://crm.example', { event: 'unsubscribe', data: 'crm-1', referenceId: 'c' });
      await post('crm', 'http://crm.example', { event: 'subscribe', data: 'outbound', referenceId: 'd' });
      return toHost.map((frame) => [
        frame.client,
        (frame.message as { subscriptionId?: string }).subscriptionId,
      ]);
    };
    const first = await ids();
    expect(first).toEqual([
      ['crm', 'crm-1'],
      ['agents', 'agents-1'],
      ['crm', undefined],
      ['crm', 'crm-2'],
    ]);
    expect(await ids()).toEqual(first);
  });

  it('refuses a subscription past the number a page may hold, until it unsubscribes', async () => {
    const { post, toHost } = session();
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_CLIENT; i++)
      await post('crm', 'http://crm.example', { event: 'subscribe', data: 'agent', referenceId: `s${i}` });
    await post('crm', 'http://crm.example', { event: 'subscribe', data: 'agent', referenceId: 'over' });
    expect(toHost.at(-1)).toEqual({
      client: 'crm',
      message: expect.objectContaining({
        referenceId: 'over',
        errorMessage: expect.stringContaining('at most'),
      }),
    });
    // Other pages are not held back by this one.
    await post('agents', 'http://agents.example', { event: 'subscribe', data: 'agent', referenceId: 'a' });
    expect(toHost.at(-1)!.message).toMatchObject({ subscriptionId: 'agents-1' });
    await post('crm', 'http://crm.example', { event: 'unsubscribe', data: 'crm-1', referenceId: 'u' });
    await post('crm', 'http://crm.example', { event: 'subscribe', data: 'agent', referenceId: 'again' });
    // The refused subscribe took no number: a replay of the same messages gives the same ids.
    expect(toHost.at(-1)!.message).toMatchObject({
      referenceId: 'again',
      subscriptionId: `crm-${MAX_SUBSCRIPTIONS_PER_CLIENT + 1}`,
    });
  });

  it('tells a system subscriber that its frame leads, and answers the frame-state methods', async () => {
    const { post, toHost } = session();
    await post('crm', 'http://crm.example', {
      event: 'subscribe',
      data: ['agent', 'system'],
      referenceId: 's',
    });
    await post('agents', 'http://agents.example', { event: 'subscribe', data: 'agent', referenceId: 't' });
    expect(toHost.splice(0).map((frame) => [frame.client, frame.message])).toEqual([
      ['crm', expect.objectContaining({ subscriptionId: 'crm-1' })],
      [
        'crm',
        { event: 'system', data: { frameState: 'LEADING' }, userAgent: 'WWE Server', protocolVersion: 2 },
      ],
      ['agents', expect.objectContaining({ subscriptionId: 'agents-1' })],
    ]);
    const answers: unknown[] = [];
    for (const method of [
      'isFrameLeading',
      'isFrameFollowing',
      'isFrameNegotiating',
      'isFrameLeadingOrNegotiating',
      'isLastActiveFrame',
    ]) {
      await post('crm', 'http://crm.example', { request: `system.${method}`, referenceId: method });
      answers.push((toHost.pop()?.message as { data: unknown }).data);
    }
    expect(answers).toEqual([true, false, false, true, true]);
  });

  it("shows a client's toast on the host page and tells that client only of its button clicks", async () => {
    const { post, toHost, workspace } = session();
    await post('crm', 'http://crm.example', { event: 'subscribe', data: 'system' });
    await post('agents', 'http://agents.example', { event: 'subscribe', data: 'system' });
    toHost.splice(0);
    await post('crm', 'http://crm.example', {
      request: 'system.popupToast',
      parameters: [{ title: 'Callback', message: 'Call Ada back', buttons: ['Now', 'Later'] }],
      referenceId: 'p',
    });
    expect(toHost.splice(0)).toEqual([
      {
        client: '*',
        message: {
          event: 'toast',
          action: 'show',
          toast: {
            customToastId: 'wweCustomToast0',
            client: 'crm',
            title: 'Callback',
            message: 'Call Ada back',
            buttons: ['Now', 'Later'],
            buttonShowDismiss: false,
          },
        },
      },
      { client: 'crm', message: expect.objectContaining({ referenceId: 'p', data: 'wweCustomToast0' }) },
    ]);
    // Another client cannot close it: not found, as an unknown id.
    await post('crm-2', 'http://crm.example', {
      request: 'system.closeToast',
      parameters: ['wweCustomToast0'],
      referenceId: 'x',
    });
    expect(toHost.splice(0)).toEqual([
      { client: 'crm-2', message: expect.objectContaining({ referenceId: 'x', data: false }) },
    ]);
    await workspace.fromHost(
      JSON.stringify({ client: '*', toastClick: { customToastId: 'wweCustomToast0', buttonIndex: 1 } }),
    );
    expect(toHost.splice(0)).toEqual([
      { client: '*', message: { event: 'toast', action: 'close', customToastId: 'wweCustomToast0' } },
      {
        client: 'crm',
        message: {
          event: 'system',
          data: { eventType: 'CUSTOM_TOAST_BUTTON_CLICK', customToastId: 'wweCustomToast0', buttonIndex: 1 },
          userAgent: 'WWE Server',
          protocolVersion: 2,
        },
      },
    ]);
    // A click on a toast that is gone is the host page's error, and nobody's event.
    await workspace.fromHost(
      JSON.stringify({ client: '*', toastClick: { customToastId: 'wweCustomToast0', buttonIndex: 0 } }),
    );
    expect(toHost.splice(0)).toEqual([
      { client: '*', message: { event: 'channel', error: "There is no toast 'wweCustomToast0'" } },
    ]);
  });

  it('refuses bad toast parameters with an errorMessage', async () => {
    const { post, toHost } = session();
    await post('crm', 'http://crm.example', {
      request: 'system.popupToast',
      parameters: [{ title: 'T', autoClose: 5 }],
      referenceId: 'p',
    });
    expect(toHost.pop()?.message).toMatchObject({
      referenceId: 'p',
      errorMessage: expect.stringContaining('parameters.autoClose is not a parameter'),
    });
  });
});
