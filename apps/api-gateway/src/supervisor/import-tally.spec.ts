import { ImportTally, MAX_LISTED_REJECTS, rowProblem } from './import-tally';

const ID = '6f1c2a8e-1d1b-4c1e-9f55-2a4b0e7c9d10';

describe('ImportTally', () => {
  it('counts rows read, imported and rejected', () => {
    const tally = new ImportTally(ID, 7);
    for (let n = 0; n < 3; n++) tally.rowRead();
    tally.staged(2);
    tally.reject({ line: 3, reasons: ['contact_info is empty'] });
    expect(tally.progress('running')).toEqual({
      importId: ID,
      callingListDbid: 7,
      state: 'running',
      read: 3,
      imported: 2,
      rejected: 1,
      rejectedRows: [{ line: 3, reasons: ['contact_info is empty'] }],
    });
    expect(tally.progress('failed', 'record-dispatcher did not answer')).toMatchObject({
      state: 'failed',
      error: 'record-dispatcher did not answer',
    });
  });

  it('keeps the exact count beyond the listed rows', () => {
    const tally = new ImportTally(ID, 7);
    for (let line = 2; line < MAX_LISTED_REJECTS + 10; line++) tally.reject({ line, reasons: ['bad'] });
    const progress = tally.progress('committed');
    expect(progress.rejected).toBe(MAX_LISTED_REJECTS + 8);
    expect(progress.rejectedRows).toHaveLength(MAX_LISTED_REJECTS);
    expect(progress.rejectedRows[0]).toEqual({ line: 2, reasons: ['bad'] });
  });
});

describe('rowProblem', () => {
  it('refuses rows the import messages cannot carry', () => {
    expect(rowProblem(['1', '2'])).toBeUndefined();
    expect(rowProblem(new Array<string>(201).fill('x'))).toBe('has more than 200 values');
    expect(rowProblem(['ok', 'x'.repeat(4097)])).toBe('value 2 is longer than 4096 characters');
  });
});
