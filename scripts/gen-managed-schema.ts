// Rewrites docs/managed_schema.json from the zod settings schema (src/settings/schema.ts).
// The build generates the extension's copy itself (wxt.config.ts); this keeps the documented
// copy in step, and tests/unit/managed-schema.test.ts fails until it is.
import { writeFileSync } from 'node:fs';
import { managedSchemaText } from '../src/settings/managed-schema';

writeFileSync(new URL('../docs/managed_schema.json', import.meta.url), managedSchemaText());
console.log('docs/managed_schema.json written');
