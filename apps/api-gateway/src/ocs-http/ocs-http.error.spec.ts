import { CampaignGroupErrorCode } from '@ocs/contracts';
import { BusNoRespondersError, BusRemoteError, BusTimeoutError } from '@ocs/messaging';
import { DbidPipe } from './dbid.pipe';
import { OcsHttpError, toOcsHttpError } from './ocs-http.error';

describe('toOcsHttpError', () => {
  it('answers an unknown campaign group with 404 and Warning CM_ERROR_GROUP_CAMP_NOT_FOUND', () => {
    const error = toOcsHttpError(
      new BusRemoteError('subject', {
        code: CampaignGroupErrorCode.NotFound,
        message: 'Campaign group 7 is not configured',
      }),
    );
    expect(error).toMatchObject({ status: 404, warning: 9 });
    expect(error?.html()).toBe(
      '<HTML><body>404 Not Found : 9 Campaign group 7 is not configured</body></HTML>',
    );
  });

  it('tells a bus timeout (504) from a missing service (503)', () => {
    expect(toOcsHttpError(new BusTimeoutError('subject', 5000))).toMatchObject({
      status: 504,
      warning: undefined,
    });
    expect(toOcsHttpError(new BusNoRespondersError('subject'))).toMatchObject({
      status: 503,
      warning: undefined,
    });
  });

  it('leaves other failures to the 500 path', () => {
    expect(
      toOcsHttpError(new BusRemoteError('subject', { code: 'INTERNAL_ERROR', message: 'boom' })),
    ).toBeUndefined();
    expect(toOcsHttpError(new Error('boom'))).toBeUndefined();
  });

  it('escapes the message in the HTML body', () => {
    expect(new OcsHttpError(400, '<script>&').html()).toBe(
      '<HTML><body>400 Bad Request : &lt;script&gt;&amp;</body></HTML>',
    );
  });
});

describe('DbidPipe', () => {
  const pipe = new DbidPipe();

  it('accepts positive integers within the range of configuration DBIDs', () => {
    expect(pipe.transform('115')).toBe(115);
    expect(pipe.transform('2147483647')).toBe(2147483647);
  });

  it.each(['0', '-1', '1.5', '0115', 'abc', '', '2147483648', '99999999999'])(
    'rejects %p with 400',
    (value) => {
      expect(() => pipe.transform(value)).toThrow(expect.objectContaining({ status: 400, warning: 10 }));
    },
  );
});
