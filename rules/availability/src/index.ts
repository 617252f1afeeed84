import syntaxError from './syntax-error/index.js';
import appJsonSchema from './app-json-schema/index.js';
import unsupportedConfigKey from './unsupported-config-key/index.js';
import missingFile from './missing-file/index.js';
import unknownPage from './unknown-page/index.js';
import entryPagePath from './entry-page-path/index.js';
import navigationTarget from './navigation-target/index.js';
import noTestBuild from './no-test-build/index.js';
import foreignTemplateSyntax from './foreign-template-syntax/index.js';

/** Rules for Operation Rules 6: availability and completeness (crashes, major bugs). */
export default [syntaxError, appJsonSchema, unsupportedConfigKey, missingFile, unknownPage, entryPagePath, navigationTarget, noTestBuild, foreignTemplateSyntax];

// Translations of these rules' messages, by locale (rule id → message id → template); see @bmplint/core's locale.ts.
import zhCN from './locales/zh-CN.json' with { type: 'json' };
export const locales = { 'zh-CN': zhCN };
