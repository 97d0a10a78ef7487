export * from './scratch-schema';
export * from './test-infrastructure';
export * from './ts-process';
export * from './wait-for';
export { default as prepareTestInfrastructure } from './global-setup';
export { default as releaseTestInfrastructure } from './global-teardown';
export * from './event-probe';
export * from './system-under-test';
export * from './consumer-group-offsets';
