import { failure, parseClientMessage, serviceEvent, success } from './envelope';

describe('the Service Client API envelope', () => {
  it('answers in the documented envelope, echoing the reference id', () => {
    expect(success('outbound.getCallResult', '7', 6)).toEqual({
      request: 'outbound.getCallResult',
      referenceId: '7',
      data: 6,
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    expect(failure('agent.setState', '8', 'nope')).toEqual({
      request: 'agent.setState',
      referenceId: '8',
      errorMessage: 'nope',
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
  });

  it('gives a method without a result data null, so the client calls succeeded', () => {
    expect(success('interaction.markdone', '1', undefined)).toHaveProperty('data', null);
  });

  it('sends events with the event name and no referenceId (the client routes by event first)', () => {
    const event = serviceEvent('outbound', { eventType: 'CampaignLoaded', campaign: 'Offer of the Month' });
    expect(event).toEqual({
      event: 'outbound',
      data: { eventType: 'CampaignLoaded', campaign: 'Offer of the Month' },
      userAgent: 'WWE Server',
      protocolVersion: 2,
    });
    expect(event).not.toHaveProperty('referenceId');
  });

  it('reads requests as the published client posts them', () => {
    expect(
      parseClientMessage({
        request: 'outbound.getPreviewRecord',
        parameters: ['Offer'],
        referenceId: '3',
        userAgent: 'WWE Client',
        protocolVersion: 2,
      }),
    ).toEqual({
      ok: true,
      message: {
        kind: 'request',
        request: 'outbound.getPreviewRecord',
        parameters: ['Offer'],
        referenceId: '3',
      },
    });
    // Methods without parameters post none.
    expect(parseClientMessage({ request: 'agent.get', referenceId: 4 })).toEqual({
      ok: true,
      message: { kind: 'request', request: 'agent.get', parameters: [], referenceId: '4' },
    });
  });

  it('reads subscribe with one name or several, and unsubscribe with its id', () => {
    expect(parseClientMessage({ event: 'subscribe', data: 'agent', referenceId: '1' })).toEqual({
      ok: true,
      message: { kind: 'subscribe', events: ['agent'], referenceId: '1' },
    });
    expect(parseClientMessage({ event: 'subscribe', data: ['agent', 'outbound'] })).toMatchObject({
      ok: true,
      message: { events: ['agent', 'outbound'] },
    });
    expect(parseClientMessage({ event: 'unsubscribe', data: 5 })).toMatchObject({
      ok: true,
      message: { kind: 'unsubscribe', subscriptionId: '5' },
    });
  });

  it.each([
    ['not an object', 'hello', undefined],
    ['parameters not an array', { request: 'agent.get', parameters: 'x', referenceId: '2' }, '2'],
    ['subscribe without names', { event: 'subscribe', data: [], referenceId: '3' }, '3'],
    ['unsubscribe without id', { event: 'unsubscribe', referenceId: '4' }, '4'],
    ['neither', { hello: 1, referenceId: '5' }, '5'],
  ])('answers a message that is %s with an errorMessage', (_name, message, referenceId) => {
    const parsed = parseClientMessage(message);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reply.errorMessage).toEqual(expect.any(String));
    expect(parsed.reply.referenceId).toBe(referenceId);
    expect(parsed.reply.userAgent).toBe('WWE Server');
  });
});
