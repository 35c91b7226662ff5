import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { SupervisorEvents } from './supervisor-events';

/** The part of a ServerResponse the streams use, recording what is written. */
class FakeResponse extends EventEmitter {
  readonly written: string[] = [];
  ended = false;

  writeHead(): this {
    return this;
  }

  write(text: string): boolean {
    if (this.ended) throw new Error('write after end');
    this.written.push(text);
    return true;
  }

  end(): this {
    this.ended = true;
    this.emit('close');
    return this;
  }
}

function open(events: SupervisorEvents, tenant: string, until?: Date): FakeResponse {
  const response = new FakeResponse();
  events.open(tenant, response as unknown as ServerResponse, [{ event: 'hello', data: {} }], until);
  return response;
}

describe('SupervisorEvents', () => {
  let events: SupervisorEvents;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-21T12:00:00Z') });
    events = new SupervisorEvents();
  });

  afterEach(() => {
    events.close();
    jest.useRealTimers();
  });

  it('sends an event to the consoles of its tenant only', () => {
    const mine = open(events, 'Resources');
    const other = open(events, 'Another');
    events.send('Resources', { event: 'import', data: { read: 1 } });
    expect(mine.written.at(-1)).toBe('event: import\ndata: {"read":1}\n\n');
    expect(other.written.some((text) => text.startsWith('event: import'))).toBe(false);
  });

  it('ends a stream when its token expires, and sends it nothing more', () => {
    const expiring = open(events, 'Resources', new Date('2026-11-21T12:05:00Z'));
    const lasting = open(events, 'Resources', new Date('2026-11-21T20:00:00Z'));
    jest.advanceTimersByTime(5 * 60_000 - 1);
    expect(expiring.ended).toBe(false);
    jest.advanceTimersByTime(1);
    expect(expiring.ended).toBe(true);
    expect(lasting.ended).toBe(false);
    events.send('Resources', { event: 'group', data: {} });
    expect(expiring.written.some((text) => text.startsWith('event: group'))).toBe(false);
    expect(lasting.written.at(-1)).toContain('event: group');
    expect(events.tenants()).toEqual(new Set(['Resources']));
  });

  it('ends a stream whose token expired already at once', () => {
    const late = open(events, 'Resources', new Date('2026-11-21T11:59:59Z'));
    expect(late.ended).toBe(true);
    expect(events.tenants()).toEqual(new Set());
  });

  it('waits out an expiry beyond the longest timer', () => {
    const days = 40;
    const response = open(events, 'Resources', new Date(Date.now() + days * 86_400_000));
    jest.advanceTimersByTime(days * 86_400_000 - 1);
    expect(response.ended).toBe(false);
    jest.advanceTimersByTime(1);
    expect(response.ended).toBe(true);
  });

  it('forgets the expiry of a stream the console closed', () => {
    const response = open(events, 'Resources', new Date('2026-11-21T12:05:00Z'));
    response.emit('close');
    expect(jest.getTimerCount()).toBe(1); // the heartbeat only
    expect(events.tenants()).toEqual(new Set());
  });

  it('keeps a stream without an expiry open', () => {
    const response = open(events, 'Resources');
    jest.advanceTimersByTime(86_400_000);
    expect(response.ended).toBe(false);
    expect(response.written.filter((text) => text === ': keep-alive\n\n').length).toBeGreaterThan(0);
  });
});
