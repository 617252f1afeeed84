import noWebviewHome from './no-webview-home/index.js';

/** Rules for Operation Rules 3.4: embedding web pages. */
export default [noWebviewHome];
