import adWording from './ad-wording/index.js';
import brandLookalikeLogo from './brand-lookalike-logo/index.js';
import imageBudget from './image-budget/index.js';
import logo from './logo/index.js';
import nameAndDescription from './name-and-description/index.js';
import prohibitedListingText from './prohibited-listing-text/index.js';
import trademarkInName from './trademark-in-name/index.js';
import listingSchema from './listing-schema/index.js';
import nameLength from './name-length/index.js';
import noContactDetails from './no-contact-details/index.js';

/** Rules for Operation Rules 2.2: the basic info (listing) of a mini program account. */
export default [listingSchema, nameLength, noContactDetails, logo, brandLookalikeLogo, trademarkInName, prohibitedListingText, adWording, nameAndDescription, imageBudget];

// Translations of these rules' messages, by locale (rule id → message id → template); see @bmplint/core's locale.ts.
import zhCN from './locales/zh-CN.json' with { type: 'json' };
export const locales = { 'zh-CN': zhCN };
