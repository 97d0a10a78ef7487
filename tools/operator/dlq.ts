import { createKafka, DeadLetterStore } from '@cmp/messaging';
import { operatorKafkaConnection } from './operator-connections';

const USAGE = `npm run dlq -- <command>

  list                        the consumer groups with dead letters, and how many each has
  show <group>                every letter of a group: position, original topic and offset, reason, error
  replay <group> [position…]  publish the letters (all, or those at <partition>:<offset>) to their original topics

Replay once the cause is mended: groups that applied an event skip it by their inbox.`;

async function main(args: string[]): Promise<number> {
  const [command, group, ...positions] = args;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const store = new DeadLetterStore(createKafka(operatorKafkaConnection('cmp-dlq-tool')));
  switch (command) {
    case 'list': {
      const groups = await store.groups();
      if (groups.length === 0) process.stdout.write('no dead-letter topics\n');
      for (const name of groups) process.stdout.write(`${name}\t${(await store.list(name)).length} letters\n`);
      return 0;
    }
    case 'show': {
      if (!group) break;
      for (const letter of await store.list(group)) {
        process.stdout.write(
          `${letter.position}\t${letter.originalTopic}[${letter.originalPartition}]@${letter.originalOffset}\t${letter.eventType ?? '-'}\t${letter.eventId ?? '-'}\t${letter.reason} after ${letter.attempts} attempts at ${letter.failedAt}\n    ${letter.error}\n`,
        );
      }
      return 0;
    }
    case 'replay': {
      if (!group) break;
      const replayed = await store.replay(group, positions);
      process.stdout.write(`replayed ${replayed.length} letters of ${group}: ${replayed.map((letter) => letter.position).join(' ') || 'none'}\n`);
      return 0;
    }
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
