import * as z from 'zod';
import { PackSchema } from '../rules/pack/schema';
import { ManagedPolicySchema } from './schema';

/**
 * Builds public/managed_schema.json from the zod schemas, in the subset of JSON Schema Chrome
 * accepts (design/managed-policy.md §1.2): one `type` per node, no unions, no boolean
 * `additionalProperties`, `items` on every array, `enum` only on strings and integers, and a
 * `title` and `description` on every key for chrome://policy and the Admin console.
 */

export type ChromeSchema = {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  required?: string[];
  items?: ChromeSchema;
  enum?: (string | number)[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  sensitiveValue?: boolean;
};

type JsonSchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "knownAs" → "Known as"; "schoolPackJson" → "School pack json". */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Chrome schema node for one zod-generated JSON Schema node; throws on what Chrome cannot express. */
export function toChromeSchema(node: JsonSchemaNode, path: string, fallbackTitle: string): ChromeSchema {
  if ('anyOf' in node || 'oneOf' in node || 'allOf' in node) throw new Error(`${path}: Chrome managed schemas cannot express a union`);
  const type = node.type;
  if (typeof type !== 'string') throw new Error(`${path}: needs exactly one type (got ${JSON.stringify(type)})`);
  const title = typeof node.title === 'string' ? node.title : fallbackTitle;
  const description = typeof node.description === 'string' ? node.description : `${title} (${path}); see docs/rule-pack.md.`;
  const out: ChromeSchema = { type: type as ChromeSchema['type'], title, description };
  if (node.sensitiveValue === true) out.sensitiveValue = true;

  switch (type) {
    case 'object': {
      const properties: Record<string, ChromeSchema> = {};
      if (isNode(node.properties)) {
        for (const [key, child] of Object.entries(node.properties)) {
          if (isNode(child)) properties[key] = toChromeSchema(child, `${path}.${key}`, humanise(key));
        }
      }
      // z.partialRecord(enum, value): every enum member becomes a named property.
      const names = isNode(node.propertyNames) && Array.isArray(node.propertyNames.enum) ? (node.propertyNames.enum as string[]) : null;
      if (names && isNode(node.additionalProperties)) {
        for (const key of names) properties[key] = toChromeSchema(node.additionalProperties, `${path}.${key}`, humanise(key));
      } else if (isNode(node.additionalProperties)) {
        out.additionalProperties = toChromeSchema(node.additionalProperties, `${path}.*`, `${title} entry`);
      }
      if (Object.keys(properties).length) out.properties = properties;
      const required = Array.isArray(node.required) ? (node.required as string[]).filter((key) => key in properties) : [];
      if (required.length) out.required = required;
      break;
    }
    case 'array': {
      if (!isNode(node.items)) throw new Error(`${path}: an array needs one "items" schema`);
      out.items = toChromeSchema(node.items, `${path}[]`, `${title} entry`);
      break;
    }
    case 'string': {
      if (Array.isArray(node.enum)) out.enum = node.enum as string[];
      else if (typeof node.const === 'string') out.enum = [node.const];
      if (typeof node.pattern === 'string') out.pattern = node.pattern;
      break;
    }
    case 'number':
    case 'integer': {
      // Chrome takes enum, minimum and maximum on integers only.
      const integerConst = typeof node.const === 'number' && Number.isInteger(node.const);
      if (type === 'integer' || integerConst) {
        out.type = 'integer';
        if (integerConst) out.enum = [node.const as number];
        if (typeof node.minimum === 'number') out.minimum = node.minimum;
        if (typeof node.maximum === 'number') out.maximum = node.maximum;
      }
      break;
    }
    case 'boolean':
      break;
    default:
      throw new Error(`${path}: type "${type}" is not one Chrome accepts`);
  }
  return out;
}

function jsonSchemaOf(schema: z.core.$ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as JsonSchemaNode;
}

/** The whole managed_schema.json, one top-level property per policy key. */
export function buildManagedSchema(): ChromeSchema & { type: 'object'; properties: Record<string, ChromeSchema> } {
  const properties: Record<string, ChromeSchema> = {};
  for (const [key, field] of Object.entries(ManagedPolicySchema.shape)) {
    let node = jsonSchemaOf(field);
    if (key === 'schoolPack') {
      // The pack's own schema, without `people`: names come through `pupils` and `staff`.
      const pack = jsonSchemaOf(PackSchema);
      const packProperties = { ...(pack.properties as Record<string, unknown>) };
      delete packProperties.people;
      const meta = ManagedPolicySchema.shape.schoolPack.meta() ?? {};
      node = { ...pack, properties: packProperties, title: meta.title, description: meta.description };
    }
    properties[key] = toChromeSchema(node, key, humanise(key));
  }
  return { type: 'object', properties };
}

export function managedSchemaText(): string {
  return `${JSON.stringify(buildManagedSchema(), null, 2)}\n`;
}
