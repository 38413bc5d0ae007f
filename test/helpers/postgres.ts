import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for the tests: `initdb` into a temporary folder and `pg_ctl` on a
 * loopback port, as an unprivileged user (PostgreSQL refuses to run as root, and CI runs as root:
 * then the cluster runs as `nobody` through runuser). Trust authentication on loopback only.
 */
export interface PostgresCluster {
  port: number;
  dataDir: string;
  /** postgres://… of the cluster's maintenance database (`postgres`). */
  url: string;
  /** Stops the server (immediately: like a crash of the database machine, seen from the hubs). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes the cluster. */
  destroy(): Promise<void>;
}

export const PG_USER = 'musubi';

function binDir(): string {
  for (const version of ['17', '16', '15', '14', '13']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return '';
}

/** Whether PostgreSQL's server programs are installed (Debian's `postgresql` package). */
export function postgresInstalled(): boolean {
  if (binDir()) return true;
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, 'initdb')));
}

function bin(name: string): string {
  const dir = binDir();
  return dir ? path.join(dir, name) : name;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the unprivileged owner of the cluster. */
async function asOwner(program: string, args: string[]): Promise<void> {
  const command = asRoot ? 'runuser' : bin(program);
  const argv = asRoot ? ['-u', 'nobody', '--', bin(program), ...args] : args;
  await run(command, argv, { cwd: os.tmpdir(), timeout: 60_000 });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster. `durable: false` (tests) turns fsync off for speed; the benches keep the
 * defaults so their figures are those of a real server.
 */
export async function startPostgresCluster(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-pg-'));
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (asRoot) {
    fs.chmodSync(root, 0o755);
    await run('chown', ['-R', 'nobody', root]);
  }
  await asOwner('initdb', ['-D', dataDir, '-U', PG_USER, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${root}`,
    '-c max_connections=200',
    '-c shared_buffers=64MB',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const start = async (): Promise<void> => {
    await asOwner('pg_ctl', ['-D', dataDir, '-l', path.join(root, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  };
  const stop = async (): Promise<void> => {
    await asOwner('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '60', 'stop']).catch(() => undefined);
  };
  await start();
  return {
    port,
    dataDir,
    url: `postgres://${PG_USER}@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** A new, empty database on the cluster; its URL. */
export async function createDatabase(clusterUrl: string): Promise<string> {
  const name = `musubi_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The cluster the global setup started for this test run (test/helpers/postgres-global.ts). */
export function sharedClusterUrl(): string {
  const url = process.env.MUSUBI_TEST_POSTGRES;
  if (!url) {
    throw new Error(
      postgresInstalled()
        ? 'MUSUBI_TEST_POSTGRES is not set: run the tests through vitest (its global setup starts PostgreSQL).'
        : "PostgreSQL is not installed: the hub's PostgreSQL tests need Debian's postgresql package (initdb, pg_ctl).",
    );
  }
  return url;
}

/** A fresh database on the test run's cluster, for one test. */
export function testDatabase(): Promise<string> {
  return createDatabase(sharedClusterUrl());
}
