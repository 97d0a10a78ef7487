export * from './scratch-schema';
export * from './test-infrastructure';
export * from './ts-process';
export * from './wait-for';
