import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { OcsHttpError, toOcsHttpError } from './ocs-http.error';

interface HttpResponse {
  status(code: number): this;
  set(field: string, value: string): this;
  type(type: string): this;
  send(body: string): this;
}

/** Answers every failure of an OCS HTTP resource the way OCS does, never with Nest's JSON errors. */
@Catch()
export class OcsHttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(OcsHttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    let error = toOcsHttpError(exception);
    if (!error) {
      this.logger.error(exception instanceof Error ? exception : String(exception));
      error = new OcsHttpError(500, 'OCS internal processing error');
    }
    const response = host.switchToHttp().getResponse<HttpResponse>();
    response.status(error.status).type('text/html');
    if (error.warning !== undefined) response.set('Warning', String(error.warning));
    response.send(error.html());
  }
}
