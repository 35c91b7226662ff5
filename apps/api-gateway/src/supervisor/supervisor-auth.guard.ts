import { type CanActivate, type ExecutionContext, HttpException, Inject, Injectable } from '@nestjs/common';
import { type SupervisorIdentity } from '@ocs/auth';
import type { IncomingMessage } from 'node:http';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { authenticateSupervisor, supervisorTokenOf } from './supervisor-auth';

/** A request of the console, once its token is verified. */
export interface SupervisorRequest extends IncomingMessage {
  /** The query string as the platform (express) parsed it. */
  query: Record<string, unknown>;
  supervisor: SupervisorIdentity;
  /** When the request's token expires: the event stream ends then. */
  supervisorExpiresAt: Date;
}

/** Every console API call acts for the supervisor of its token, in the token's tenant only. */
@Injectable()
export class SupervisorAuthGuard implements CanActivate {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SupervisorRequest>();
    const token = supervisorTokenOf(request.headers.authorization, request.query.access_token);
    const auth = await authenticateSupervisor(token, this.config.authSecret);
    if (!auth.ok) {
      if (auth.refusal.status === 401) {
        context
          .switchToHttp()
          .getResponse<{ setHeader(name: string, value: string): void }>()
          .setHeader('WWW-Authenticate', 'Bearer realm="ocs-supervisor"');
      }
      const code = auth.refusal.status === 401 ? 'UNAUTHORIZED' : 'AUTH_NOT_CONFIGURED';
      throw new HttpException({ error: { code, message: auth.refusal.message } }, auth.refusal.status);
    }
    request.supervisor = auth.identity;
    request.supervisorExpiresAt = auth.expiresAt;
    return true;
  }
}
