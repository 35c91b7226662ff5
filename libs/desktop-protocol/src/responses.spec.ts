import { UserEvent } from './events';
import { isRequestType, RequestType } from './requests';
import { canFail, REQUEST_RESPONSES, responseEventsOf } from './responses';

describe('request responses', () => {
  it.each([
    ['PreviewDialingModeStart', ['PreviewDialingModeStartAcknowledge']],
    ['PreviewDialingModeOver', ['PreviewDialingModeOverAcknowledge']],
    ['PreviewRecordRequest', ['PreviewRecord']],
    ['ReadyTime', ['ReadyTimeAcknowledge']],
    ['UpdateCallCompletionStats', ['UpdateCallCompletionStatsAcknowledge']],
    ['RecordProcessed', ['RecordProcessedAcknowledge']],
    ['ChainedRecordRequest', ['ChainedRecord', 'ChainedRecordsDataEnd']],
    ['RecordReject', ['RecordRejectAcknowledge']],
    ['RequestRecordCancel', ['RecordCancelAcknowledge']],
    ['DoNotCall', ['DoNotCallAcknowledge']],
    ['RecordReschedule', ['RecordRescheduleAcknowledge']],
    ['ScheduledRecordReschedule', ['ScheduledRecordRescheduleAcknowledge']],
    ['AddRecord', ['AddRecordAcknowledge']],
    ['LogOut', ['LogOutTime', 'LogOutAcknowledge']],
    ['CampaignStatusRequest', ['CampaignLoaded', 'CampaignStarted', 'CampaignGroupAssigned']],
  ] as const)('answers %s with %j', (type, events) => {
    expect(responseEventsOf(type)).toEqual(events);
  });

  it('defines a response for every request', () => {
    expect(Object.keys(REQUEST_RESPONSES).sort()).toEqual(Object.values(RequestType).sort());
  });

  it('streams a chain and ends it with ChainedRecordsDataEnd', () => {
    expect(REQUEST_RESPONSES.ChainedRecordRequest).toEqual({
      kind: 'stream',
      item: 'ChainedRecord',
      end: 'ChainedRecordsDataEnd',
    });
  });

  it('never answers CampaignStatusRequest with an error, and may answer any other so', () => {
    for (const type of Object.values(RequestType))
      expect(canFail(type)).toBe(type !== 'CampaignStatusRequest');
  });

  it('leaves only unsolicited notifications unanswerable by a request', () => {
    const answering = new Set(Object.values(RequestType).flatMap(responseEventsOf));
    const unsolicited = Object.values(UserEvent).filter((event) => !answering.has(event));
    expect(unsolicited.sort()).toEqual(
      ['CampaignModeChanged', 'CampaignStopped', 'CampaignUnloaded', 'RecordCancel', 'ScheduledCall'].sort(),
    );
  });

  it('keeps request names and event names apart', () => {
    for (const event of Object.values(UserEvent)) expect(isRequestType(event)).toBe(false);
  });
});
