import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { NestJsonLogger } from './nest-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'campaign-manager', level: 'debug', destination }) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level name, service and msg', () => {
    const { lines, logger } = capture();
    logger.info({ campaignGroup: 7 }, 'loaded');
    expect(lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        service: 'campaign-manager',
        campaignGroup: 7,
        msg: 'loaded',
      },
    ]);
  });

  it('adds no trace fields when no span is active', () => {
    const { lines, logger } = capture();
    logger.warn('outside any operation');
    expect(lines[0]).not.toHaveProperty('trace_id');
  });
});

describe('NestJsonLogger', () => {
  it("turns Nest's trailing context argument into a field", () => {
    const { lines, logger } = capture();
    new NestJsonLogger(logger).log('Mapped {/campaigngroups, GET} route', 'RouterExplorer');
    expect(lines[0]).toMatchObject({
      level: 'info',
      context: 'RouterExplorer',
      msg: 'Mapped {/campaigngroups, GET} route',
    });
  });

  it('keeps the stack Nest passes with an error', () => {
    const { lines, logger } = capture();
    const stack = 'Error: boom\n    at handler (/srv/app.js:1:2)';
    new NestJsonLogger(logger).error('boom', stack, 'ExceptionsHandler');
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'boom', stack, context: 'ExceptionsHandler' });
  });

  it('serialises an Error message as err', () => {
    const { lines, logger } = capture();
    new NestJsonLogger(logger).error(new Error('pool closed'));
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'pool closed',
      err: { type: 'Error', message: 'pool closed' },
    });
  });

  it("takes a pino-style call through Nest's Logger: fields first, then the message", () => {
    const { lines, logger } = capture();
    const error = new Error('stream missing');
    new NestJsonLogger(logger).error(
      { err: error, sessionId: 's-1' },
      'Cannot publish',
      'CampaignGroupEvents',
    );
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'Cannot publish',
      context: 'CampaignGroupEvents',
      sessionId: 's-1',
      err: { type: 'Error', message: 'stream missing' },
    });
    expect(lines[0]).not.toHaveProperty('data');
    expect(lines[0]).not.toHaveProperty('params');
  });

  it('maps verbose to trace and respects the level', () => {
    const { lines, logger } = capture();
    const nest = new NestJsonLogger(logger);
    nest.verbose('hidden at debug level');
    nest.debug('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });
});
