export * from './match-confirmed.event';
export * from './match.events';
