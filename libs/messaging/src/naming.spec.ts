import { defineEvent, defineStream } from '@ocs/contracts';
import { z } from 'zod';
import { durableName } from './naming';

describe('durableName', () => {
  it('is one name per service and event, without the dots JetStream forbids', () => {
    const stream = defineStream({ name: 'CAMPAIGN_GROUPS', domain: 'campaign-groups' });
    const loaded = defineEvent({
      stream,
      domain: 'campaign-groups',
      type: 'loaded',
      version: 1,
      schema: z.object({}),
    });
    const unloaded = defineEvent({
      stream,
      domain: 'campaign-groups',
      type: 'unloaded',
      version: 1,
      schema: z.object({}),
    });

    expect(durableName('record-dispatcher', loaded)).toBe(
      'record-dispatcher__ocs_evt_campaign-groups_loaded_v1',
    );
    expect(durableName('record-dispatcher', loaded)).not.toBe(durableName('predictive-pacing', loaded));
    expect(durableName('record-dispatcher', loaded)).not.toBe(durableName('record-dispatcher', unloaded));
  });
});
