import type { z } from 'zod';

// A precompiled yes/no check of a record against its published zod schema, for validating a
// whole batch: zod's strict objects take its general path (no compiled fast pass), about 18 µs a
// case record, most of the time spent making a batch. Only what the info-set schemas use is
// understood (strict objects, arrays, nullable, strings with lengths and patterns, enums, safe
// integers and bounds, booleans); anything else fails loudly when the schema is compiled. A record
// it rejects goes through zod for the messages, so it decides only yes or no, and
// tests/node/reporting/schemaCheck.test.ts holds it to zod's answer on many broken records.

export type RecordCheck = (value: unknown) => boolean;

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

interface SchemaDef {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

function unsupported(what: string): never {
  throw new Error(`schemaCheck: ${what} is not supported; extend main/core/reporting/schemaCheck.ts`);
}

/** A surrogate pair is one character (a rare 汉字 in a name, say); a lone surrogate is one too. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n -= 1;
      i += 1;
    }
  }
  return n;
}

/** The checks a string, number or array carries, as one test of the (already typed) value. */
function checksOf(def: SchemaDef): ((v: never) => boolean)[] {
  return (def.checks ?? []).map(({ _zod: { def: c } }) => {
    switch (c.check) {
      // Strings are measured in code points, as zod (and the JSON Schema) measure them.
      case 'min_length': {
        const min = c.minimum!;
        return (v: string | unknown[]) =>
          typeof v === 'string'
            ? v.length >= min && (v.length >= 2 * min || codePoints(v) >= min)
            : v.length >= min;
      }
      case 'max_length': {
        const max = c.maximum!;
        return (v: string | unknown[]) =>
          typeof v === 'string' ? v.length <= max || codePoints(v) <= max : v.length <= max;
      }
      case 'string_format': {
        if (c.format !== 'regex' || !c.pattern || c.pattern.global || c.pattern.sticky)
          return unsupported(`string format ${c.format}`);
        const pattern = c.pattern;
        return (v: string) => pattern.test(v);
      }
      case 'number_format':
        if (c.format !== 'safeint') return unsupported(`number format ${c.format}`);
        return (v: number) => Number.isSafeInteger(v);
      case 'greater_than': {
        const min = c.value!;
        return c.inclusive ? (v: number) => v >= min : (v: number) => v > min;
      }
      case 'less_than': {
        const max = c.value!;
        return c.inclusive ? (v: number) => v <= max : (v: number) => v < max;
      }
      default:
        return unsupported(`check ${c.check}`);
    }
  });
}

function all<T>(type: (v: unknown) => v is T, checks: ((v: never) => boolean)[]): RecordCheck {
  const tests = checks as ((v: T) => boolean)[];
  if (!tests.length) return type;
  return (v) => {
    if (!type(v)) return false;
    for (const test of tests) if (!test(v)) return false;
    return true;
  };
}

export function compileCheck(schema: z.ZodType): RecordCheck {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!def.catchall || defOf(def.catchall).type !== 'never') return unsupported('a non-strict object');
      const fields = Object.entries(def.shape!).map(([key, child]) => [key, compileCheck(child)] as const);
      const known = new Set(fields.map(([key]) => key));
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        for (const key of Object.keys(v)) if (!known.has(key)) return false;
        for (const [key, check] of fields) if (!check((v as Record<string, unknown>)[key])) return false;
        return true;
      };
    }
    case 'array': {
      const element = compileCheck(def.element!);
      const checks = checksOf(def) as ((v: unknown[]) => boolean)[];
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (const check of checks) if (!check(v)) return false;
        for (const item of v) if (!element(item)) return false;
        return true;
      };
    }
    case 'nullable': {
      const inner = compileCheck(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      const inner = compileCheck(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'string':
      if ((def as { format?: string }).format)
        return unsupported(`string format ${(def as { format?: string }).format}`);
      return all((v): v is string => typeof v === 'string', checksOf(def));
    case 'number':
      return all((v): v is number => typeof v === 'number' && Number.isFinite(v), checksOf(def));
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const values = new Set<unknown>(Object.values(def.entries!));
      return (v) => values.has(v);
    }
    default:
      return unsupported(`type ${def.type}`);
  }
}
