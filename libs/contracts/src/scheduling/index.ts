export * from './mentorship-completed.event';
export * from './plan.events';
export * from './session.events';
export * from './timer.events';
