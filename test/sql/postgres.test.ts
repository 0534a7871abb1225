/**
 * The SQL summary run in a real PostgreSQL server, compared with the library.
 *
 * The server comes from `CCHC_TEST_PG_URL` (`.ci/run` starts one on loopback with
 * `test/sql/pg-server.sh`). Without a reachable server the suite is skipped with the reason
 * printed, except in CI (`CI=true`), where a missing server is a failure.
 */
import { describe, expect, it } from 'vitest';
import { openPostgres } from './engines.js';
import { describeEquivalence } from './equivalence.js';

const url = process.env.CCHC_TEST_PG_URL;
const inCi = process.env.CI === 'true';

async function reachable(): Promise<string | null> {
  if (url === undefined || url === '') return 'CCHC_TEST_PG_URL is not set';
  try {
    const engine = await openPostgres(url);
    await engine.close();
    return null;
  } catch (error) {
    return `cannot connect to CCHC_TEST_PG_URL (${error instanceof Error ? error.message : String(error)})`;
  }
}

const unavailable = await reachable();

if (unavailable === null) {
  describeEquivalence('PostgreSQL', () => openPostgres(url as string));
} else if (inCi) {
  describe('PostgreSQL', () => {
    it('is reachable in CI', () => {
      expect.fail(`no PostgreSQL server in CI: ${unavailable}; .ci/run should have started one.`);
    });
  });
} else {
  console.warn(
    `PostgreSQL tests skipped: ${unavailable}. Start a server with: eval "$(bash test/sql/pg-server.sh start /tmp/cchc-pg)"`,
  );
  describe.skip('PostgreSQL (no server reachable)', () => {
    it('equals summarizeDossiers', () => {});
  });
}
