import noWebviewHome from './no-webview-home/index.js';
import webviewBypass from './webview-bypass/index.js';
import runtimeContentSwitch from './runtime-content-switch/index.js';

/** Rules for Operation Rules 3.4 (embedding web pages) and 5.1 (bypassing review). */
export default [noWebviewHome, webviewBypass, runtimeContentSwitch];

// Translations of these rules' messages, by locale (rule id → message id → template); see @bmplint/core's locale.ts.
import zhCN from './locales/zh-CN.json' with { type: 'json' };
export const locales = { 'zh-CN': zhCN };
