import noPrivateApi from './no-private-api/index.js';
import noDynamicApiAccess from './no-dynamic-api-access/index.js';
import paymentConfirmation from './payment-confirmation/index.js';
import paymentDisclosure from './payment-disclosure/index.js';
import thirdPartyLogin from './third-party-login/index.js';
import loginExit from './login-exit/index.js';
import subscribeMessageGesture from './subscribe-message-gesture/index.js';
import testAccount from './test-account/index.js';
import noMiniProgramJump from './no-mini-program-jump/index.js';

/** Rules for Operation Rules 4.1–4.5 and 6.5: APIs, login, payments, messages, test accounts. */
export default [noPrivateApi, noDynamicApiAccess, thirdPartyLogin, loginExit, paymentDisclosure, paymentConfirmation, subscribeMessageGesture, testAccount, noMiniProgramJump];

// Translations of these rules' messages, by locale (rule id → message id → template); see @bmplint/core's locale.ts.
import zhCN from './locales/zh-CN.json' with { type: 'json' };
export const locales = { 'zh-CN': zhCN };
