import { postgresInstalled, startPostgresCluster, type PostgresCluster } from './postgres';

/**
 * vitest global setup: one throwaway PostgreSQL cluster per test run; each test that needs it
 * creates its own database there (testDatabase()). Workers find it through MUSUBI_TEST_POSTGRES.
 */
let cluster: PostgresCluster | undefined;

export async function setup(): Promise<void> {
  // Without PostgreSQL only the tests that need it fail (saying what to install), not the run.
  if (!postgresInstalled()) return;
  cluster = await startPostgresCluster();
  process.env.MUSUBI_TEST_POSTGRES = cluster.url;
}

export async function teardown(): Promise<void> {
  await cluster?.destroy();
}
