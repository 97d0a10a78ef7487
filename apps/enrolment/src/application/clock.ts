/** Injectable source of "now", so tests can move time. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
