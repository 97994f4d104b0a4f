export * from './tenants';
export * from './users';
export * from './sessions';
export * from './throttle';
export * from './outbox';
export * from './audit';
export * from './contacts';
export * from './grants';
