import { advance, Interactions, interactionView } from './interactions';
import { PREVIEW_EVENTS } from './preview-events';
import { parseKeyList } from './user-data-access';

const record = { GSW_RECORD_HANDLE: 17, GSW_PHONE: '5551234', GSW_CHAIN_ID: 3, Secret: 'x' };

describe('outbound records as interactions', () => {
  it('follows the pull preview table: received, call, release, mark done', () => {
    const interactions = new Interactions();
    const interaction = interactions.add('pull', 17, record);
    expect(advance(interaction, 'received').map((event) => [event.eventType, event.state])).toEqual([
      ['ADDED', 'PREVIEWING'],
      ['PREVIEWING', 'PREVIEWING'],
    ]);
    expect(interaction).toMatchObject({
      state: 'PREVIEWING',
      callType: 'OUTBOUND_PREVIEW',
      capabilities: ['CALL', 'REJECT_RECORD', 'CANCEL_RECORD'],
    });
    expect(advance(interaction, 'call').map((event) => [event.eventType, event.state])).toEqual([
      ['ADDED', 'DIALING'],
      ['DIALING', 'DIALING'],
    ]);
    expect(interaction).toMatchObject({
      state: 'DIALING',
      previousState: 'DIALING',
      capabilities: ['HANGUP'],
    });
    advance(interaction, 'released');
    expect(interaction).toMatchObject({ state: 'IDLE', capabilities: ['MARK_DONE'] });
    expect(advance(interaction, 'markdone').map((event) => event.eventType)).toEqual([
      'MARKDONE_APPLY',
      'REMOVED',
    ]);
  });

  it('invites to push preview records with their own call types', () => {
    expect(PREVIEW_EVENTS.push.received[0]).toEqual({
      eventType: 'ADDED',
      state: 'INVITED',
      callType: 'OUTBOUND_PUSH_PREVIEW',
      capabilities: ['ACCEPT', 'REJECT'],
    });
    expect(PREVIEW_EVENTS['direct-push'].received[1]).toMatchObject({
      eventType: 'INVITED',
      callType: 'OUTBOUND_PREVIEW',
    });
    expect(PREVIEW_EVENTS.push.declined).toEqual([
      { eventType: 'REMOVED', state: 'REJECTED', callType: 'OUTBOUND_PUSH_PREVIEW', capabilities: [] },
    ]);
    expect(PREVIEW_EVENTS.push.established[0]?.capabilities).toEqual(['HANGUP', 'HOLD']);
    expect(PREVIEW_EVENTS.pull.rejected[0]).toMatchObject({ eventType: 'STATE_CHANGE', state: 'REJECTED' });
    expect(PREVIEW_EVENTS.pull.canceled[0]).toMatchObject({ eventType: 'STATE_CHANGE', state: 'CANCELED' });
  });

  it('finds interactions by id, record handle and call', () => {
    const interactions = new Interactions();
    const first = interactions.add('pull', 17, record);
    const second = interactions.add('push', 18, { ...record, GSW_RECORD_HANDLE: 18 });
    first.chainedRecords = [{ GSW_RECORD_HANDLE: 40 }];
    second.callId = 'call-1';
    expect(interactions.get('1')).toBe(first);
    expect(interactions.get(2)).toBe(second);
    expect(interactions.get({})).toBeUndefined();
    expect(interactions.byHandle(40)).toBe(first);
    expect(interactions.byCall('call-1')).toBe(second);
    interactions.remove(first);
    expect(interactions.all()).toEqual([second]);
  });

  it('shows clients the user data as strings, through the read allow-list', () => {
    const interaction = new Interactions().add('pull', 17, record);
    expect(interactionView(interaction, undefined)['userData']).toEqual({
      GSW_RECORD_HANDLE: '17',
      GSW_PHONE: '5551234',
      GSW_CHAIN_ID: '3',
      Secret: 'x',
    });
    expect(interactionView(interaction, parseKeyList('GSW_PHONE'))['userData']).toEqual({
      GSW_PHONE: '5551234',
    });
  });
});
