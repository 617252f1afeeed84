import { defineRule, type JsNode, type NodeOf, type ReportTarget } from '@bmplint/core';
import { adHostsIn, adSdkOfSpecifier } from './networks.js';

type JsonNode = { type: string; value?: unknown; offset: number; length: number; children?: JsonNode[] };

export default defineRule({
  meta: {
    id: 'content/advertising',
    clauses: ['5.11.1'],
    severity: 'error',
    suppressible: true,
    docs: {
      description: 'A mini program must not load ad networks (AdSense/AdMob, AppLovin, Unity Ads, ironSource, Pangle, Taboola, Coinzilla, A-Ads, Bitmedia…): their SDKs and ad-serving origins are reported wherever the code names them.',
    },
    messages: {
      adOrigin: '{{where}} loads "{{url}}" from {{network}} ({{domain}}), an ad network: mini programs must not be vehicles for advertising (5.11.1).',
      adSdk: 'The module "{{specifier}}" is the {{network}} ad SDK ({{sdk}}): mini programs must not be vehicles for advertising (5.11.1).',
    },
  },
  create(context) {
    const reported = new Set<string>();
    const once = (file: string, start: number) => {
      const key = `${file}\0${start}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };

    /** Reports the ad hosts in a string written at `base` (exact offsets) or somewhere inside `node`. */
    const scan = (text: string, where: string, at: { node: ReportTarget; start: number } | { base: number }) => {
      const file = context.file;
      if (!file) return;
      for (const match of adHostsIn(text)) {
        const data = { where, url: excerpt(text.slice(match.start), match.end - match.start), network: match.network.name, domain: match.domain };
        if ('base' in at) {
          const span = { start: at.base + match.start, end: at.base + match.end };
          if (once(file.path, span.start)) context.report({ span, messageId: 'adOrigin', data });
        } else if (once(file.path, at.start)) {
          context.report({ node: at.node, messageId: 'adOrigin', data });
        }
      }
    };

    const literal = (node: NodeOf<'StringLiteral'>, where: string) => {
      const file = context.file;
      const start = node.start ?? 0;
      const end = node.end ?? start;
      const raw = file?.text.slice(start + 1, end - 1);
      scan(node.value, where, raw === node.value ? { base: start + 1 } : { node, start });
    };

    return {
      js: {
        StringLiteral(node) {
          const parent = context.ancestors[context.ancestors.length - 1];
          const specifier = isModuleSpecifier(node, parent);
          if (specifier) {
            const sdk = adSdkOfSpecifier(node.value);
            if (sdk && context.file && once(context.file.path, node.start ?? 0)) {
              context.report({ node, messageId: 'adSdk', data: { specifier: node.value, network: sdk.network.name, sdk: sdk.sdk } });
              return;
            }
          }
          literal(node, specifier ? 'The import' : 'A string');
        },
        TemplateElement(node) {
          const text = node.value.cooked ?? node.value.raw;
          const start = node.start ?? 0;
          const raw = context.file?.text.slice(start, node.end ?? start);
          scan(text, 'A template string', raw === text ? { base: start } : { node, start });
        },
      },
      bxml: {
        attribute(attribute) {
          if (attribute.value === null) return;
          const first = attribute.expressions[0];
          const value = first ? attribute.value.slice(0, first.start - attribute.valueStart) : attribute.value;
          scan(value.replace(/&amp;/g, '&'), `The ${attribute.name} attribute of <${attribute.element.name}>`, value.includes('&amp;') ? { node: attribute, start: attribute.start } : { base: attribute.valueStart });
        },
      },
      bxss: {
        decl(declaration) {
          if (declaration.value.includes('//') || declaration.value.includes('.')) scan(declaration.value, `The ${declaration.prop} style`, { node: declaration, start: declaration.source?.start?.offset ?? 0 });
        },
        atrule(atrule) {
          if (atrule.name === 'import') scan(atrule.params, 'The @import', { node: atrule, start: atrule.source?.start?.offset ?? 0 });
        },
      },
      json: {
        document(file) {
          const stack: JsonNode[] = file.tree ? [file.tree as JsonNode] : [];
          while (stack.length) {
            const node = stack.pop()!;
            if (node.type === 'string' && typeof node.value === 'string') {
              const raw = file.text.slice(node.offset + 1, node.offset + node.length - 1);
              scan(node.value, 'A JSON value', raw === node.value ? { base: node.offset + 1 } : { node: node as ReportTarget, start: node.offset });
            }
            if (node.children) stack.push(...node.children);
          }
        },
      },
    };
  },
});

/** Whether a string literal is the module of an import, export-from, `require()` or `import()`. */
function isModuleSpecifier(node: JsNode, parent: JsNode | undefined): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
      return parent.source === node;
    case 'CallExpression':
      return parent.arguments[0] === node && ((parent.callee.type === 'Identifier' && parent.callee.name === 'require') || parent.callee.type === 'Import');
    case 'ImportExpression':
      return parent.source === node;
    default:
      return false;
  }
}

/** The URL as written, from its start, at most 80 characters. */
function excerpt(fromStart: string, length: number): string {
  const end = /[\s"'<>)]/.exec(fromStart.slice(length))?.index;
  const url = fromStart.slice(0, length + (end ?? fromStart.length - length));
  return url.length > 80 ? `${url.slice(0, 79)}…` : url;
}
