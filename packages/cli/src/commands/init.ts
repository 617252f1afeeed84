/**
 * `bmplint init [dir]`: a starter `bmplint.config.json` and a `listing.json` to fill in. JSON has
 * no comments (the listing is read strictly, as the portal exports it), so every field is
 * explained in `listing.fields.md` beside them and printed.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '@bmplint/core';

const STARTER_CONFIG = {
  rules: {},
  ignorePatterns: ['node_modules/**', 'mock/**'],
  linterOptions: { reportUnusedDisableDirectives: true },
};

/** Fields without a sensible placeholder (`appId`, `category`) are left out; listing.fields.md explains them. */
const STARTER_LISTING = {
  name: 'Your App Name',
  description: 'One or two sentences on what the mini program does for its users.',
  logo: 'logo.png',
  tags: [],
  serviceDomains: ['https://api.example.com'],
  businessDomains: [],
  testAccount: null,
};

/** One line per listing field: what it is in the Management Portal, and which checks read it. */
export const LISTING_FIELDS: ReadonlyArray<[field: string, text: string]> = [
  ['appId', 'The AppID the Management Portal gave the mini program (as in project.config.json).'],
  ['name', 'The name users see in the store: 3–30 characters, each non-ASCII character counting 3; no brands, "official" claims or trademark signs (basic-info rules).'],
  ['description', 'The introduction: what the app does, and what users pay for if it takes payments; no links, contact details or advertising wording (required).'],
  ['logo', 'Path of the logo image, relative to listing.json and inside its folder: a square PNG or JPEG, at least 144×144 (required).'],
  ['category', 'The service category chosen in the portal.'],
  ['tags', 'The search tags entered in the portal.'],
  ['serviceDomains', 'The Service Domain list: every origin bn.request, uploadFile, downloadFile and connectSocket reach (https:// and wss://, public host names).'],
  ['businessDomains', 'The Business Domain list: every origin a <web-view> opens (https://).'],
  ['testAccount', 'An account id and password reviewers can log in with, as { "id": "…", "password": "…" }; null when the app has no login.'],
];

export function initFiles(dir: string, force: boolean): Array<{ file: string; written: boolean }> {
  const explained = `# listing.json fields\n\nlisting.json holds the app's basic info as entered in the Management Portal; bmplint's listing rules check it.\n\n${LISTING_FIELDS.map(([field, text]) => `- \`${field}\`: ${text}`).join('\n')}\n`;
  const files: Array<[name: string, content: string]> = [
    [CONFIG_FILE_NAME, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`],
    ['listing.json', `${JSON.stringify(STARTER_LISTING, null, 2)}\n`],
    ['listing.fields.md', explained],
  ];
  return files.map(([name, content]) => {
    const file = join(dir, name);
    if (existsSync(file) && !force) return { file, written: false };
    writeFileSync(file, content);
    return { file, written: true };
  });
}
