import type { AnyRule } from '@bmplint/core';
import popupCloseControl from './popup-close-control/index.js';
import fakeSystemAlert from './fake-system-alert/index.js';
import homePageShell from './home-page-shell/index.js';

/** Rules for Operation Rules 7 (UI: pop-ups, fake system warnings) and 2.3.2 (the home page shows the core features). */
export default [popupCloseControl, fakeSystemAlert, homePageShell] as AnyRule[];

// Translations of these rules' messages, by locale (rule id → message id → template); see @bmplint/core's locale.ts.
import zhCN from './locales/zh-CN.json' with { type: 'json' };
export const locales = { 'zh-CN': zhCN };
