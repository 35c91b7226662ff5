import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { ExecutionContextHost } from '@nestjs/core/internal';
import { lastValueFrom, type Observable } from 'rxjs';
import { CommandError } from './errors';

describe('CommandError', () => {
  it('is the error reply it stands for', () => {
    const error = new CommandError('NOT_FOUND', 'no campaign group 7', { dbid: 7 });

    expect(error.message).toBe('no campaign group 7');
    expect(error.toReplyError()).toEqual({
      code: 'NOT_FOUND',
      message: 'no campaign group 7',
      details: { dbid: 7 },
    });
  });

  it("passes Nest's default exception filter with its code intact", async () => {
    const host = new ExecutionContextHost([]);
    host.setType('rpc');
    const filtered = new BaseRpcExceptionFilter().catch(
      new CommandError('BUSY', 'try later'),
      host,
    ) as Observable<never>;

    await expect(lastValueFrom(filtered)).rejects.toEqual({ code: 'BUSY', message: 'try later' });
  });
});
