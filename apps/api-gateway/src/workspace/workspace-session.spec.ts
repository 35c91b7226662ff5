import { type HostFrame, WorkspaceSession } from './workspace-session';
import { type ServiceClientSecurity } from './service-client.config';
import { parseAcceptedOrigins } from './origin-filter';

const OWN = 'http://gateway.example';

function session(overrides: Partial<ServiceClientSecurity> = {}) {
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
    client: { request: () => Promise.reject(new Error('no bus in unit tests')) },
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
});
