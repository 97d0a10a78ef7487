export * from './survey.events';
export * from './outcome.events';
export * from './report.events';
