import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  childOf,
  ForceUnloadCampaignGroup,
  LoadCampaignGroup,
  SetDialingMode,
  StartDialing,
  StopDialing,
  UnloadCampaignGroup,
  type Envelope,
  type ReplyOf,
  type RequestOf,
} from '@ocs/contracts';
import { CampaignGroupOperations } from './campaign-group-operations.service';

type Reply = Promise<ReplyOf<typeof LoadCampaignGroup>>;

/**
 * The Communication DN operations on a campaign group (CM_ReqLoadCampaign, CM_ReqStartDialing,
 * CM_ReqStopDialing, CM_ReqSetDialingMode, CM_ReqUnloadCampaign, CM_ReqForceUnloadCampaign).
 * Each answers with the group's new status or fails with the manual's GSW_CM_AttrError.
 */
@Controller()
export class CampaignGroupOperationsHandler {
  constructor(@Inject(CampaignGroupOperations) private readonly operations: CampaignGroupOperations) {}

  @MessagePattern(LoadCampaignGroup.subject)
  load(@Payload() request: Envelope<RequestOf<typeof LoadCampaignGroup>>): Reply {
    const { dbid, autoCompletion } = request.data;
    return this.operations.perform('load', dbid, childOf(request), {}, autoCompletion);
  }

  @MessagePattern(StartDialing.subject)
  startDialing(@Payload() request: Envelope<RequestOf<typeof StartDialing>>): Reply {
    const { dbid, autoCompletion, ...parameters } = request.data;
    return this.operations.perform('start-dialing', dbid, childOf(request), parameters, autoCompletion);
  }

  @MessagePattern(StopDialing.subject)
  stopDialing(@Payload() request: Envelope<RequestOf<typeof StopDialing>>): Reply {
    return this.operations.perform('stop-dialing', request.data.dbid, childOf(request));
  }

  @MessagePattern(SetDialingMode.subject)
  setDialingMode(@Payload() request: Envelope<RequestOf<typeof SetDialingMode>>): Reply {
    const { dbid, autoCompletion, ...parameters } = request.data;
    return this.operations.perform('set-dialing-mode', dbid, childOf(request), parameters, autoCompletion);
  }

  @MessagePattern(UnloadCampaignGroup.subject)
  unload(@Payload() request: Envelope<RequestOf<typeof UnloadCampaignGroup>>): Reply {
    return this.operations.perform('unload', request.data.dbid, childOf(request));
  }

  @MessagePattern(ForceUnloadCampaignGroup.subject)
  forceUnload(@Payload() request: Envelope<RequestOf<typeof ForceUnloadCampaignGroup>>): Reply {
    return this.operations.perform('force-unload', request.data.dbid, childOf(request));
  }
}
