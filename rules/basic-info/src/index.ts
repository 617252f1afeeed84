import listingSchema from './listing-schema/index.js';
import nameLength from './name-length/index.js';
import noContactDetails from './no-contact-details/index.js';

/** Rules for Operation Rules 2.2: the basic info (listing) of a mini program account. */
export default [listingSchema, nameLength, noContactDetails];
