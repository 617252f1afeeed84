import type { AnyRule } from '@bmplint/core';
import prohibitedPageText from './prohibited-page-text/index.js';
import fraudWording from './fraud-wording/index.js';
import falseAdvertising from './false-advertising/index.js';
import impersonation from './impersonation/index.js';
import impersonationListing from './impersonation-listing/index.js';
import shareReward from './share-reward/index.js';
import shareWording from './share-wording/index.js';
import ugcModeration from './ugc-moderation/index.js';
import minorsNotice from './minors-notice/index.js';
import binanceAppFeatures from './binance-app-features/index.js';
import crossPromotion from './cross-promotion/index.js';
import advertising from './advertising/index.js';
import adPlacement from './ad-placement/index.js';

/**
 * Rules for what the mini program shows and does with users: page contents (3.1), user-generated
 * content (3.2), sharing (4.4), minors (2.3.6), Binance-app features (2.3.4), fraud (5.6),
 * deception (5.7) and rumours (5.11.2).
 */
export default [
  prohibitedPageText, fraudWording, falseAdvertising, impersonation, impersonationListing,
  shareReward, shareWording, ugcModeration, minorsNotice, binanceAppFeatures, crossPromotion, advertising, adPlacement] as AnyRule[];

// Translations of these rules' messages, by locale (rule id → message id → template); see @bmplint/core's locale.ts.
import zhCN from './locales/zh-CN.json' with { type: 'json' };
export const locales = { 'zh-CN': zhCN };
