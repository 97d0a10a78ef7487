import { Client } from 'pg';
import { ParkedOutboxRows } from '@cmp/messaging';
import { operatorDatabaseUrl, SERVICE_SCHEMAS } from './operator-connections';

const USAGE = `npm run outbox -- <command>

  parked [schema]        outbox rows the broker refused for good, per service schema, with the rows waiting behind each
  retry <schema> <id>    try a parked row again (after mending its cause: a size limit, an ACL)
  drop <schema> <id>     give a parked row up: it is deleted unpublished, and the rows of its key flow again`;

async function main(args: string[]): Promise<number> {
  const [command, schema, id] = args;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const client = new Client({ connectionString: operatorDatabaseUrl() });
  await client.connect();
  try {
    const parked = new ParkedOutboxRows(client);
    switch (command) {
      case 'parked': {
        for (const name of schema ? [schema] : SERVICE_SCHEMAS) {
          const { rows } = await client.query<{ table: string | null }>(`SELECT to_regclass($1) AS table`, [`"${name}".outbox`]);
          if (rows[0].table === null) {
            process.stdout.write(`${name}\tno outbox (the service has not started on this database)\n`);
            continue;
          }
          for (const row of await parked.list(name)) {
            process.stdout.write(
              `${name}\t${row.id}\t${row.eventType}\t${row.topic} key ${row.key}\t${row.payloadBytes} bytes\tparked ${row.parkedAt.toISOString()}\t${row.waiting} waiting\n    ${row.error}\n`,
            );
          }
        }
        return 0;
      }
      case 'retry':
      case 'drop': {
        if (!schema || !id) break;
        const done = command === 'retry' ? await parked.retry(schema, id) : await parked.drop(schema, id);
        process.stdout.write(done ? `${command === 'retry' ? 'unparked' : 'dropped'} ${schema} outbox row ${id}\n` : `no parked row ${id} in ${schema}\n`);
        return done ? 0 : 1;
      }
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  } finally {
    await client.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`outbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
