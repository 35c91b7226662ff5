import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import { type Observable } from 'rxjs';

interface RoutedRequest {
  method: string;
  route?: { path?: unknown };
}

/**
 * The http instrumentation sees only the raw URL, so server spans would all be named "GET". Once
 * Nest has matched a route, name the span after the route template (`GET /campaigngroups/:dbid`)
 * and record it as `http.route`, as the HTTP semantic conventions ask.
 */
@Injectable()
export class HttpRouteInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = getRPCMetadata(context.active());
    if (execution.getType() === 'http' && rpc?.type === RPCType.HTTP) {
      const request = execution.switchToHttp().getRequest<RoutedRequest>();
      const route = request.route?.path;
      if (typeof route === 'string') {
        rpc.route = route;
        rpc.span.updateName(`${request.method} ${route}`);
      }
    }
    return next.handle();
  }
}
