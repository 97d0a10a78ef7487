import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EventValidationError } from './envelope-error';
import { parseEventType, topicOfEventType } from './event-type';

/**
 * An event as its producer publishes it: the wire name, the topic it travels on, and the
 * class-validator class its data must satisfy. Contracts are defined once, in
 * `libs/contracts/<producer>`, and both sides validate against them.
 */
export interface EventContract<TData extends object = object> {
  readonly type: string;
  readonly topic: string;
  readonly service: string;
  readonly version: number;
  readonly dataClass: new () => TData;
  /**
   * Published on a compacted topic that keeps the latest record per key; a record without data
   * (a tombstone) deletes the key.
   */
  readonly compacted: boolean;
}

export interface EventContractOptions {
  /** Another topic of the same producer, `cmp.<service>.<name>`, instead of `cmp.<service>.events`. */
  readonly topic?: string;
  readonly compacted?: boolean;
}

const contractsByType = new Map<string, EventContract>();
const compactedTopics = new Set<string>();

export function defineEvent<TData extends object>(
  type: string,
  dataClass: new () => TData,
  options: EventContractOptions = {},
): EventContract<TData> {
  const { service, version } = parseEventType(type);
  const topic = options.topic ?? topicOfEventType(type);
  if (!topic.startsWith(`cmp.${service}.`)) {
    throw new Error(`${type} must be published on a topic of its producer (cmp.${service}.*), not ${topic}`);
  }
  const existing = contractsByType.get(type);
  if (existing && existing.dataClass !== dataClass) {
    throw new Error(`event type ${type} is already defined by ${existing.dataClass.name}`);
  }
  const compacted = options.compacted ?? false;
  const contract: EventContract<TData> = Object.freeze({ type, topic, service, version, dataClass, compacted });
  contractsByType.set(type, contract as EventContract);
  if (compacted) compactedTopics.add(topic);
  return contract;
}

/** Whether a loaded contract declares the topic compacted (topics are created to match). */
export function isCompactedTopic(topic: string): boolean {
  return compactedTopics.has(topic);
}

/** Every contract loaded so far (for catalogues and contract tests). */
export function loadedEventContracts(): EventContract[] {
  return [...contractsByType.values()];
}

/** The contract registered for a wire name, if the module defining it has been loaded. */
export function findEventContract(type: string): EventContract | undefined {
  return contractsByType.get(type);
}

/**
 * Turns untrusted data into an instance of the contract's class, or throws an
 * `EventValidationError` listing every violation by path. Unknown fields are dropped rather than
 * refused: within a version producers may add optional fields, and older consumers must cope.
 */
export function validateEventData<TData extends object>(contract: EventContract<TData>, data: unknown): TData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new EventValidationError(contract.type, ['data must be a JSON object']);
  }
  const instance = plainToInstance(contract.dataClass, data);
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new EventValidationError(contract.type, flattenViolations(errors));
  }
  return instance;
}

function flattenViolations(errors: ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flattenViolations(error.children ?? [], path)];
  });
}
