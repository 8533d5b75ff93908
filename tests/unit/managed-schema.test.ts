import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildManagedSchema, managedSchemaText, type ChromeSchema } from '../../src/settings/managed-schema';
import { MANAGED_KEYS } from '../../src/settings/schema';

/** What Chrome's schema parser understands per type (components/policy/core/common/schema.cc). */
const ALLOWED: Record<ChromeSchema['type'], string[]> = {
  object: ['type', 'properties', 'additionalProperties', 'required', 'title', 'description', 'sensitiveValue'],
  array: ['type', 'items', 'title', 'description', 'sensitiveValue'],
  string: ['type', 'enum', 'pattern', 'title', 'description', 'sensitiveValue'],
  integer: ['type', 'enum', 'minimum', 'maximum', 'title', 'description', 'sensitiveValue'],
  number: ['type', 'title', 'description', 'sensitiveValue'],
  boolean: ['type', 'title', 'description', 'sensitiveValue'],
};

function visit(node: ChromeSchema, path: string, each: (node: ChromeSchema, path: string) => void): void {
  each(node, path);
  for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, `${path}.${key}`, each);
  if (node.additionalProperties) visit(node.additionalProperties, `${path}.*`, each);
  if (node.items) visit(node.items, `${path}[]`, each);
}

describe('managed_schema.json', () => {
  const schema = buildManagedSchema();

  it('is the committed docs/managed_schema.json (regenerate it when the zod schema changes)', () => {
    // Regenerate with: npx tsx scripts/gen-managed-schema.ts
    expect(readFileSync('docs/managed_schema.json', 'utf8')).toBe(managedSchemaText());
  });

  it('has one top-level key per policy and nothing Chrome refuses at the top level', () => {
    expect(Object.keys(schema.properties)).toEqual(MANAGED_KEYS);
    expect(Object.keys(schema).sort()).toEqual(['properties', 'type']);
  });

  it('uses only the attributes Chrome accepts, with a title and description on every key', () => {
    visit(schema, '(root)', (node, path) => {
      expect(Object.keys(ALLOWED), path).toContain(node.type);
      for (const attribute of Object.keys(node)) expect(ALLOWED[node.type], `${path} has ${attribute}`).toContain(attribute);
      if (path !== '(root)') {
        expect(node.title, path).toBeTruthy();
        expect(node.description, path).toBeTruthy();
      }
      if (node.type === 'array') expect(node.items, path).toBeDefined();
      if (node.enum) expect(node.enum.length, path).toBeGreaterThan(0);
      for (const key of node.required ?? []) expect(Object.keys(node.properties ?? {}), path).toContain(key);
    });
  });

  it('marks the name lists sensitive', () => {
    expect(schema.properties.pupils?.sensitiveValue).toBe(true);
    expect(schema.properties.staff?.sensitiveValue).toBe(true);
    expect(schema.properties.schoolPack?.properties?.people).toBeUndefined();
  });

  it('is in the built extension with the manifest pointing at it', () => {
    let manifest: { storage?: { managed_schema?: string } };
    try {
      manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as typeof manifest;
    } catch {
      return; // not built in this checkout; the e2e run builds and checks it
    }
    expect(manifest.storage?.managed_schema).toBe('managed_schema.json');
    expect(JSON.parse(readFileSync('.output/chrome-mv3/managed_schema.json', 'utf8'))).toEqual(schema);
  });
});
