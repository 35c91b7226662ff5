import { CallProgress, type PayloadOf } from '@ocs/contracts';
import { GroupCampaignStatus, isFinalCallState } from '@ocs/domain';
import { type BusSubscription } from '@ocs/messaging';
import { type DesktopSystem, eventually, SECRET, startDesktopSystem } from './support/desktop-system';
import {
  dialingSystemOptions,
  type EventStream,
  gatewayHttpUrl,
  SupervisorApi,
  supervisorToken,
} from './support/supervisor-client';

// The console's live figures after real dialing: a Progressive group paced by predictive-pacing,
// calls played by telephony-sim (10x), its simulated agents taking them. The test follows the
// same CallProgress events as the gateways and checks the console's counts against its own.

const GROUP = 'Spring Offers@Retention';

describe('supervisor live metrics', () => {
  let system: DesktopSystem;
  let api: SupervisorApi;
  let events: EventStream;
  let follower: BusSubscription;
  let groupDbid: number;
  const progress: Array<PayloadOf<typeof CallProgress>> = [];

  beforeAll(async () => {
    system = await startDesktopSystem(dialingSystemOptions('supervisor-metrics-test'));
    const { rows } = await system.database.pool.query<{ id: number }>(
      'SELECT id FROM campaign_groups WHERE name = $1',
      [GROUP],
    );
    groupDbid = rows[0].id;
    follower = await system.bus.follow(CallProgress, ({ data }) => {
      if (data.campaignGroupDbid === groupDbid) progress.push(data);
    });
    api = new SupervisorApi(gatewayHttpUrl(system.desktopUrl), await supervisorToken(SECRET));
    // The second replica: figures are the same whichever replica a console reaches.
    events = await new SupervisorApi(gatewayHttpUrl(system.replicaUrl), api.token).events();
  }, 90_000);

  afterAll(async () => {
    await events?.close();
    await follower?.stop();
    await system?.stop();
  });

  it('measures dial, answer and abandon rates and agent occupancy of a dialing group', async () => {
    const started = await api.post(`campaign-groups/${groupDbid}/start`);
    expect(started.body).toMatchObject({
      campaignGroup: { status: GroupCampaignStatus.Running, dialMode: 2 },
    });

    const latest = () => events.of('metrics').at(-1)?.data[groupDbid];
    // Enough finished calls for every rate to mean something.
    await eventually(
      async () => {
        const snapshot = latest();
        expect(snapshot?.counts.ended).toBeGreaterThanOrEqual(12);
        expect(snapshot?.counts.connected).toBeGreaterThanOrEqual(2);
      },
      60_000,
      500,
    );
    await api.post(`campaign-groups/${groupDbid}/stop`);
    // Calls in progress end; then the console's counts are exactly the events' own.
    await eventually(
      async () => {
        const finals = progress.filter((step) => isFinalCallState(step.state));
        const dialed = progress.filter((step) => step.state === 'dialing');
        expect(finals.length).toBe(dialed.length);
        const snapshot = latest();
        expect(snapshot.counts).toEqual({
          dialed: dialed.length,
          ended: finals.length,
          answered: new Set(
            progress
              .filter((step) =>
                ['answered-person', 'established', 'dropped', 'abandoned'].includes(step.state),
              )
              .map((step) => step.callId),
          ).size,
          connected: progress.filter((step) => step.state === 'established').length,
          abandoned: progress.filter((step) => step.state === 'dropped' || step.state === 'abandoned').length,
        });
      },
      30_000,
      500,
    );
    const snapshot = latest();
    expect(snapshot.dialsPerMinute).toBeGreaterThan(0);
    expect(snapshot.answerRate).toBeCloseTo(snapshot.counts.answered / snapshot.counts.ended, 10);
    // Progressive pacing waits for a ready agent: hardly any live answer is abandoned.
    expect(snapshot.abandonRate).toBeLessThanOrEqual(0.2);
    // The four simulated agents spent part of their logged-in time on calls and wrap-up.
    expect(snapshot.occupancy).toBeGreaterThan(0);
    expect(snapshot.occupancy).toBeLessThanOrEqual(1);

    // A console opened now gets the history of the window at once.
    const late = await api.events();
    try {
      const history = await late.waitFor('history');
      expect(history.data[groupDbid].length).toBeGreaterThan(3);
    } finally {
      await late.close();
    }
    await api.post(`campaign-groups/${groupDbid}/unload`);
  }, 120_000);
});
