import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { ruleSetJsonSchema } from './src/rules/ruleSetJsonSchema';

/**
 * Subpath entries: `cchc-index/<name>` is built from `src/<name>/index.ts` into `dist/<name>.js`,
 * `.cjs`, `.d.ts` and `.d.cts`. To add one: list it here, add its `exports` entry in package.json,
 * and its entry point in typedoc.json.
 */
const SUBPATHS = ['testing'] as const;

const SRC = path.resolve('src');
const CORE = path.join(SRC, 'index.ts');

/**
 * A subpath uses the core through its public API only, and at run time through the core bundle
 * (`./index.js` / `./index.cjs`), never a copy of it: one `CchcError` class (so `instanceof`
 * works across entries) and one rule-set cache. So in `src/<subpath>/`, an import of `../index.js`
 * becomes an external import of the core bundle, and any other import reaching outside the folder
 * fails the build.
 */
function useCoreBundle(): Plugin {
  return {
    name: 'cchc-subpaths-use-core-bundle',
    setup(build) {
      // tsup runs esbuild in ESM for both formats when tree-shaking (rollup writes the CJS), so the
      // output format is read from the TSUP_FORMAT constant it defines.
      const cjs = build.initialOptions.define?.TSUP_FORMAT === JSON.stringify('cjs');
      const core = cjs ? './index.cjs' : './index.js';
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const folder = SUBPATHS.map((name) => path.join(SRC, name)).find((dir) =>
          args.importer.startsWith(dir + path.sep),
        );
        if (folder === undefined) return undefined;
        const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        if (target === CORE) return { path: core, external: true };
        if (target.startsWith(folder + path.sep)) return undefined;
        return {
          errors: [
            {
              text: `${path.relative('.', args.importer)} imports "${args.path}": a subpath may import the core only from "../index.js" (its public API), so that it shares the core bundle instead of bundling a copy.`,
            },
          ],
        };
      });
    },
  };
}

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(SUBPATHS.map((name) => [name, `src/${name}/index.ts`])),
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    treeshake: true,
    splitting: false,
    esbuildPlugins: [useCoreBundle()],
    // The JSON Schema of rule-set files, exported as `cchc-index/rule-set.schema.json` for editors.
    onSuccess: async () => {
      writeFileSync('dist/rule-set.schema.json', `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
    },
  },
  // `cchc-index/node` (file readers, HTML report) and the `cchc` command. They use internals of the
  // core (the dossier summariser's batch entry), so they bundle what they use instead of going through
  // the core bundle; errors are still recognised across bundles by `isCchcError`.
  {
    // node-worker: the helper thread of the parallel CSV reader, loaded by path beside the bundle.
    entry: { node: 'src/node/index.ts', 'node-worker': 'src/node/dossierCsvWorker.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'node20',
    treeshake: true,
    splitting: false,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
