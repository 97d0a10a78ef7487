import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movableClock } from './movable-clock';

describe('movableClock', () => {
  let directory: string;
  let offsetFile: string;
  let systemNow: number;
  const now = () => systemNow;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cmp-clock-'));
    offsetFile = join(directory, 'clock.json');
    systemNow = Date.parse('2027-02-01T09:00:00Z');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('follows the system clock while no offset file exists', () => {
    expect(movableClock(offsetFile, now)().toISOString()).toBe('2027-02-01T09:00:00.000Z');
  });

  it('runs ahead by the offset in the file, and sees a later move once its cache expires', () => {
    writeFileSync(offsetFile, JSON.stringify({ offsetMs: 86_400_000 }));
    const clock = movableClock(offsetFile, now);
    expect(clock().toISOString()).toBe('2027-02-02T09:00:00.000Z');

    writeFileSync(offsetFile, JSON.stringify({ offsetMs: 2 * 86_400_000 }));
    systemNow += 50;
    expect(clock().toISOString()).toBe('2027-02-02T09:00:00.050Z');
    systemNow += 100;
    expect(clock().toISOString()).toBe('2027-02-03T09:00:00.150Z');
  });

  it('refuses a file that does not hold a finite offset', () => {
    writeFileSync(offsetFile, JSON.stringify({ offsetMs: 'tomorrow' }));
    expect(() => movableClock(offsetFile, now)()).toThrow('{"offsetMs": <finite number>}');
  });
});
