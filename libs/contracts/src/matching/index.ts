export * from './match-confirmed.event';
