import { writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { ruleSetJsonSchema } from './src/rules/ruleSetJsonSchema';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  treeshake: true,
  splitting: false,
  // The JSON Schema of rule-set files, exported as `cchc-index/rule-set.schema.json` for editors.
  onSuccess: async () => {
    writeFileSync('dist/rule-set.schema.json', `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
  },
});
