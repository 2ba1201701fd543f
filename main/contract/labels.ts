import type { z } from 'zod';

// Turns an issue path into the Chinese field label given with .describe() in the schemas, so
// every validation message names the field the clerk has to fix.

type AnySchema = z.core.$ZodType;

function describedLabel(schema: AnySchema): string | undefined {
  return (schema as unknown as { description?: string }).description;
}

function inner(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return [def.innerType as AnySchema];
    case 'pipe':
      // z.preprocess puts the real field schema on the output side; transforms on the input side.
      return [def.in as AnySchema, def.out as AnySchema];
    case 'union':
      return def.options as AnySchema[];
    case 'lazy':
      return [(def.getter as () => AnySchema)()];
    default:
      return [];
  }
}

function child(schema: AnySchema, key: string | number): AnySchema | undefined {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object' && typeof key === 'string') {
    return (def.shape as Record<string, AnySchema>)[key];
  }
  if (def.type === 'array') return def.element as AnySchema;
  if (def.type === 'record') return def.valueType as AnySchema;
  if (def.type === 'tuple' && typeof key === 'number') return (def.items as AnySchema[])[key];
  for (const candidate of inner(schema)) {
    const found = child(candidate, key);
    if (found) return found;
  }
  return undefined;
}

function labelOf(schema: AnySchema): string | undefined {
  const own = describedLabel(schema);
  if (own) return own;
  for (const candidate of inner(schema)) {
    const found = labelOf(candidate);
    if (found) return found;
  }
  return undefined;
}

export function fieldLabel(root: AnySchema, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let current: AnySchema | undefined = root;
  for (const key of path) {
    if (typeof key === 'symbol') break;
    if (typeof key === 'number') {
      parts.push(`第${key + 1}项`);
    }
    current = current ? child(current, key) : undefined;
    const label = current ? labelOf(current) : undefined;
    if (typeof key === 'string') parts.push(label ?? key);
  }
  return parts.length === 0 ? '输入' : parts.join(' › ');
}
