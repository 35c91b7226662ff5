export * from './config';
export * from './tokens';
export * from './start-service';
export * from './run-service';
export * from './help';
export * from './http-route.interceptor';
