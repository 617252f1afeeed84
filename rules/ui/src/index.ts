import type { AnyRule } from '@bmplint/core';
import popupCloseControl from './popup-close-control/index.js';
import fakeSystemAlert from './fake-system-alert/index.js';
import homePageShell from './home-page-shell/index.js';

/** Rules for Operation Rules 7 (UI: pop-ups, fake system warnings) and 2.3.2 (the home page shows the core features). */
export default [popupCloseControl, fakeSystemAlert, homePageShell] as AnyRule[];
