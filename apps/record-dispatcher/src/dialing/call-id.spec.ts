import { z } from 'zod';
import { callIdOf } from './call-id';

describe('callIdOf', () => {
  it('is a version 5 uuid, the same for the same handle and attempt', () => {
    const id = callIdOf(42, 0);
    expect(z.uuid({ version: 'v5' }).safeParse(id).success).toBe(true);
    expect(callIdOf(42, 0)).toBe(id);
  });

  it('differs between handles and between attempts', () => {
    expect(new Set([callIdOf(42, 0), callIdOf(42, 1), callIdOf(43, 0), callIdOf(4, 20)]).size).toBe(4);
  });
});
