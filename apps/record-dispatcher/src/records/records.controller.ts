import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddRecord,
  CancelRecords,
  childOf,
  GetHandleCallingList,
  MarkDoNotCallRecords,
  type Envelope,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { RecordsService } from './records.service';

/**
 * RequestRecordCancel, DoNotCall (on records) and AddRecord, as the gateway parsed them, and the
 * calling list of a handle for the gateway's parsing.
 */
@Controller()
export class RecordsController {
  constructor(@Inject(RecordsService) private readonly records: RecordsService) {}

  @MessagePattern(CancelRecords.subject)
  cancel(
    @Payload() request: Envelope<RequestOf<typeof CancelRecords>>,
  ): Promise<ReplyOf<typeof CancelRecords>> {
    return this.records.cancel(childOf(request), request.data);
  }

  /** DoNotCall's part on records: they become No Call; dnc-registry lists the numbers. */
  @MessagePattern(MarkDoNotCallRecords.subject)
  doNotCall(
    @Payload() request: Envelope<RequestOf<typeof MarkDoNotCallRecords>>,
  ): Promise<ReplyOf<typeof MarkDoNotCallRecords>> {
    return this.records.doNotCall(childOf(request), request.data);
  }

  @MessagePattern(AddRecord.subject)
  add(@Payload() request: Envelope<RequestOf<typeof AddRecord>>): Promise<ReplyOf<typeof AddRecord>> {
    return this.records.add(request.tenant, request.data);
  }

  @MessagePattern(GetHandleCallingList.subject)
  handleCallingList(
    @Payload() request: Envelope<RequestOf<typeof GetHandleCallingList>>,
  ): Promise<ReplyOf<typeof GetHandleCallingList>> {
    return this.records.handleCallingList(request.tenant, request.data.handle);
  }
}
