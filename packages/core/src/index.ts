/** @bmplint/core: the engine behind the CLI, the review portal and the editor integrations. */
import { registerCompiledSchema } from './analysis/json-schema.js';
export { lint, BUNDLE_RULE_ID, INTERNAL_ERROR_RULE_ID, type LintOptions, type LintResult } from './runner/lint.js';
export { openSession, type LintSession } from './runner/session.js';
export type { FileResult, ResultCache } from './runner/file-result.js';
export { DiskResultCache, CACHE_FILE_NAME } from './runner/disk-cache.js';
export { defineRule, DOCS_BASE_URL } from './rules/rule.js';
export type {
  Rule, AnyRule, RuleMeta, RuleContext, RuleVisitors, ReportDescriptor, ReportTarget,
  JsVisitors, BxmlVisitors, BxssVisitors, JsonVisitors, FileVisitors,
} from './rules/rule.js';
export { renderMessage, summarize, compareFindings, SEVERITIES, type Finding, type Severity, type Confidence, type Summary } from './findings.js';
export { openBundle, InputError } from './bundle/open.js';
export { openMemoryBundle } from './bundle/memory.js';
export { DEFAULT_LIMITS, type Bundle, type BundleLimits, type BundleIssue } from './bundle/bundle.js';
export { loadConfigFile, activateRules, CONFIG_FILE_NAME, type Config, type LoadedConfig, type RuleSetting } from './config/config.js';
export { Project, normalizeRoute, type Page, type ComponentUse, type AppStyle, type UnitFiles, type ParseCache } from './project/project.js';
export { jsonConfigSource, jsConfigSource, type ConfigSource, type SourceSpan } from './project/config-source.js';
export type { Listing, ListingSource } from './project/listing.js';
export { default as listingSchema } from './project/listing.schema.json' with { type: 'json' };
import listingSchema from './project/listing.schema.json' with { type: 'json' };
import validateListing from './project/listing.validate.generated.js';
registerCompiledSchema(listingSchema, validateListing);
export { dirnameOf, joinPath } from './project/paths.js';
export type { ParsedFile, JsFile, BxmlFile, BxssFile, JsonFile, ParseError, FileKind } from './parse/source-file.js';
export { fileKindOf } from './parse/source-file.js';
export * from './parse/bxml-ast.js';
export { jsonNodeAt, jsonKeyNodeAt, TRAILING_COMMA, JSON_COMMENT } from './parse/json.js';
export { LineIndex, type Position, type Range } from './text/line-index.js';
export { walkJs, nodesIn, parentIn, ancestorsIn } from './analysis/walk.js';
export { ScopeIndex, memberPath, type Binding } from './analysis/scope.js';
export { StaticEvaluator, UNKNOWN, stringsIn, type StaticValue, type StringPrefix } from './analysis/static-value.js';
export { BnApiIndex, optionValue, isMpServiceModule, MP_SERVICE_MODULE, type BnCall, type BnMember } from './analysis/bn-api.js';
export { handlerGraph, type HandlerGraph, type HandlerBinding, type MethodInfo } from './analysis/handlers.js';
export { validateWithSchema, registerCompiledSchema, describeSchemaError, schemaErrorPath, type SchemaError, type CompiledValidator } from './analysis/json-schema.js';
export { parseOrigin, normalizeOrigin, type Origin } from './analysis/url.js';
export { getClause, allClauses, isKnownClause, type Clause } from './clauses/index.js';
export { renderRuleDoc, renderRuleIndex, ruleFolder, ruleDocPath, compareClauseIds } from './docs/render.js';
export type { Node as JsNode } from '@babel/types';
export { memoize } from './memo.js';
export { assignFingerprints, groupOf, subjectOf } from './fingerprint.js';
export { normalizeText, normalizedOf, toOriginalSpan, LEET_SOURCES, type NormalizedText } from './text/normalize.js';
export { decodeEntities, decodeTextAt, type DecodedEntities } from './text/entities.js';
export { registerTermTables } from './text/term-tables.js';
export { TermMatcher, serializeTermTables, termMatcherSources, expandTerm, validateTermList, termSeverity, type TermList, type TermEntry, type TermMatch, type TermSeverity, type TermMatcherOptions, type ScanOptions } from './text/terms.js';
export * from './analysis/flow.js';
export * from './analysis/confirmation.js';
export { readImage, pixelFraction, statistics as imageStatistics, type ImageInfo, type ImagePixels, type DominantColour, type ImageError, type ImageErrorCode, type ReadImageOptions } from './parse/image.js';
