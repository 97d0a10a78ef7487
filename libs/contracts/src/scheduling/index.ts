export * from './mentorship-completed.event';
