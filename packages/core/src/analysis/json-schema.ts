import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
type AjvClass = typeof import('ajv').default;

let ajv: InstanceType<AjvClass> | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** A validator generated ahead of time by ajv (scripts/generate-validators.mjs). */
export type CompiledValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Uses a validator compiled ahead of time for `schema`: the schemas checked on every run are, so a
 * run neither loads ajv nor compiles them.
 */
export function registerCompiledSchema(schema: object, validate: CompiledValidator): void {
  compiled.set(schema, validate as ValidateFunction);
}

/** Validates with ajv (loaded on first use; a schema is compiled once) or a registered validator. */
export function validateWithSchema(schema: object, value: unknown): ErrorObject[] {
  const ready = compiled.get(schema);
  if (ready) return ready(value) ? [] : [...(ready.errors ?? [])];
  if (!ajv) {
    const Ajv = (require('ajv') as { default: AjvClass }).default;
    ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  }
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

export type { ErrorObject as SchemaError };

/** The JSON path of the value an ajv error is about (`additionalProperties` → the extra key). */
export function schemaErrorPath(error: ErrorObject): Array<string | number> {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (error.keyword === 'additionalProperties') path.push((error.params as { additionalProperty: string }).additionalProperty);
  if (error.keyword === 'propertyNames') path.push((error.params as { propertyName: string }).propertyName);
  return path;
}

/** A readable message for an ajv error, naming the property and the allowed values. */
export function describeSchemaError(error: ErrorObject): string {
  const path = schemaErrorPath(error);
  const where = path.length ? `"${path.join('.')}"` : 'the file';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': return `${where} is not a known property`;
    case 'propertyNames': return `${where} is not a valid property name`;
    case 'required': return `${where} is missing the required property "${String(params.missingProperty)}"`;
    case 'enum': return `${where} must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'type': return `${where} must be of type ${String(params.type)}`;
    default: return `${where} ${error.message ?? 'is invalid'}`;
  }
}
