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
