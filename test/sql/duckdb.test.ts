/** The SQL summary run in DuckDB embedded (`@duckdb/node-api`), compared with the library. */
import { openDuckDb } from './engines.js';
import { describeEquivalence } from './equivalence.js';

describeEquivalence('DuckDB', openDuckDb);
