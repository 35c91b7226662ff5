import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import serveStatic from 'serve-static';
import { uplotDist, webRoot } from './web-assets';

/**
 * The browser side of the gateway, as static files on its HTTP port: the agent workspace
 * (`/workspace/`), the Service Client SDK (`/sdk/`), the supervisor console (`/supervisor/`),
 * sample third-party pages (`/samples/`), what the pages share (`/shared/`) and the chart library (`/vendor/uplot/`).
 */
@Module({})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const files = serveStatic(webRoot(), { index: ['index.html'], fallthrough: true });
    const uplotFiles = serveStatic(uplotDist(), { fallthrough: true });
    // Served under /vendor/uplot/: the package's dist folder has no such prefix.
    const uplot = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
      request.url = (request.url ?? '/').replace(/^\/vendor\/uplot/, '');
      uplotFiles(request, response, next);
    };
    consumer
      .apply(files)
      .forRoutes(
        { path: 'workspace{/*path}', method: RequestMethod.GET },
        { path: 'sdk{/*path}', method: RequestMethod.GET },
        { path: 'supervisor{/*path}', method: RequestMethod.GET },
        { path: 'samples{/*path}', method: RequestMethod.GET },
        { path: 'shared{/*path}', method: RequestMethod.GET },
      );
    consumer.apply(uplot).forRoutes({ path: 'vendor/uplot/*path', method: RequestMethod.GET });
  }
}
