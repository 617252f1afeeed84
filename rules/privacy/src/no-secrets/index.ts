import { defineRule, fileKindOf, LineIndex, type RuleContext } from '@bmplint/core';
import { findSecrets, type Secret } from './detect.js';

/** Text files that are not parsed (and so not seen by `file.enter`) are read from the bundle up to this size. */
const MAX_RAW_BYTES = 2 * 1024 * 1024;
/** Binary formats not worth decoding (images are skipped by kind). */
const BINARY_EXTENSIONS = /\.(?:woff2?|ttf|otf|eot|mp3|mp4|m4a|aac|wav|ogg|webm|mov|avi|zip|gz|tgz|br|7z|rar|wasm|pdf|ico|psd|bin|dat|db|sqlite|so|dylib|dll|exe|class|jar|glb|gltf|fbx|obj|skel|atlas)$/i;
/** Where `NAME=value` without quotes is a value (not code). */
const BARE_VALUE_FILES = /(?:^|\/)\.env(?:\.[\w-]+)?$|\.(?:env|ya?ml|properties|ini|cfg|conf|toml|txt|md)$/i;

export default defineRule({
  meta: {
    id: 'privacy/no-secrets',
    clauses: ['5.2.14'],
    severity: 'error',
    suppressible: false,
    // A secret shipped in the bundle is exposed whether or not the code holding it runs.
    reachability: 'any-file',
    // The hook reads only bundle bytes (files no visitor sees); the visitor keeps no state for it.
    projectInput: 'facts',
    docs: { description: 'No secrets in the bundle: private keys (PEM or Ethereum), BIP-39 seed phrases, API tokens of well-known services, or high-entropy values of secret-named variables.' },
    messages: {
      privateKeyPem: 'A {{kind}} is in the bundle ("{{preview}}"): anyone who downloads the mini program can read it. Remove it and revoke the key (5.2.14).',
      mnemonic: 'A {{count}}-word BIP-39 seed phrase ("{{preview}}") is in the bundle: it gives full control of its wallet. Remove it and move the funds to a new wallet (5.2.14).',
      knownKey: 'A {{kind}} ("{{preview}}") is in the bundle: keys shipped in a mini program are public. Remove it, revoke it, and call the service from your server (5.2.14).',
      ethPrivateKey: '{{name}} holds an Ethereum private key ("{{preview}}"): anyone who downloads the mini program controls that account. Remove it and move the funds (5.2.14).',
      namedSecret: '{{name}} is set to a hard-coded secret ("{{preview}}", {{length}} characters): secrets in a mini program are public. Keep it on your server and revoke this one (5.2.14).',
    },
  },
  create(context) {
    return {
      file: {
        enter(file) {
          if (!file.text) return;
          const skipNamed = file.path === context.project.listing?.json.path;
          for (const secret of findSecrets(file.text, { skipNamed, bareValues: BARE_VALUE_FILES.test(file.path) })) {
            report(context, secret, { span: { start: secret.start, end: secret.end } });
          }
        },
      },
      project(project) {
        for (const [path, entry] of project.bundle.entries) {
          const kind = fileKindOf(path);
          if (kind !== 'other' || entry.size > MAX_RAW_BYTES || BINARY_EXTENSIONS.test(path)) continue;
          let bytes: Uint8Array;
          try {
            bytes = project.bundle.read(path);
          } catch {
            continue;
          }
          for (const { secret, loc } of rawSecrets(path, bytes)) report(context, secret, { file: path, loc });
        }
      },
    };
  },
});

/**
 * Secrets in a file that is not parsed, with their ranges. A session keeps an unchanged file's
 * bytes (the same buffer), so each content is scanned once, not on every run.
 */
const rawScans = new WeakMap<Uint8Array, { path: string; found: Array<{ secret: Secret; loc: ReturnType<LineIndex['rangeOf']> }> }>();

function rawSecrets(path: string, bytes: Uint8Array) {
  const known = rawScans.get(bytes);
  // The path is part of the scan (it decides whether bare `NAME=value` counts).
  if (known?.path === path) return known.found;
  const found: Array<{ secret: Secret; loc: ReturnType<LineIndex['rangeOf']> }> = [];
  if (!bytes.subarray(0, 8192).includes(0)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const secrets = findSecrets(text, { bareValues: BARE_VALUE_FILES.test(path) });
    const lines = secrets.length ? new LineIndex(text) : undefined;
    for (const secret of secrets) found.push({ secret, loc: lines!.rangeOf(secret.start, secret.end) });
  }
  rawScans.set(bytes, { path, found });
  return found;
}

function report(context: RuleContext, secret: Secret, where: { span?: { start: number; end: number }; file?: string; loc?: ReturnType<LineIndex['rangeOf']> }): void {
  const data: Record<string, string | number> = { preview: secret.preview };
  if (secret.type === 'privateKeyPem' || secret.type === 'knownKey') data.kind = secret.kind;
  if (secret.name) data.name = secret.name;
  if (secret.count) data.count = secret.count;
  if (secret.type === 'namedSecret') data.length = secret.end - secret.start;
  context.report({ ...where, messageId: secret.type, data, confidence: secret.confidence });
}
