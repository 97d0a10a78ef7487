import { IsInt, IsString, Min } from 'class-validator';
import { defineEvent, EventContract } from '@cmp/contracts';

/** The sample producer's only event: one counter moved one step. */
export class CounterIncrementedData {
  /** The counter (the aggregate, and the Kafka key). */
  @IsString() counterId: string;
  /** The counter's value after the step: 1, 2, 3… per counter, so order is checkable. */
  @IsInt() @Min(1) sequence: number;
}

/** Tests get a fresh producer name per run, so old runs' events never leak into a new one. */
export function counterIncremented(service: string): EventContract<CounterIncrementedData> {
  return defineEvent(`dk.cmp.${service}.counter-incremented.v1`, CounterIncrementedData);
}
