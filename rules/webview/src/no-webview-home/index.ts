import { defineRule, elementsOf, walkJs, type BxmlElement, type BxmlFile, type JsFile } from '@bmplint/core';

/** Elements that carry no content of their own: wrappers, layout and script. */
const NON_CONTENT = new Set(['view', 'block', 'bns', 'template', 'import', 'slot', 'page-meta', 'navigation-bar']);
const WEB_VIEW_TAGS = new Set(['web-view']);
const REACT_WEB_VIEW = 'WebView';
const REACT_WRAPPERS = new Set(['View', 'Fragment', 'React.Fragment', '']);

export default defineRule({
  meta: {
    id: 'webview/no-webview-home',
    clauses: ['3.4.1'],
    severity: 'error',
    suppressible: false,
    docs: { description: 'The home page must not be a web-view wrapping a web site: it needs native content of its own.' },
    messages: {
      homeIsWebview: 'The home page {{page}} is only a <web-view> of {{src}}: web pages may not be the primary content of the home page (3.4.1).',
    },
  },
  create(context) {
    // The home page is judged when its own file is walked (the entry page comes from the app
    // config, part of the project model), so the finding is cached with that file.
    const report = (found: Found | undefined) => {
      const page = context.project.entryPage;
      if (found && page) context.report({ file: found.file, span: found.span, messageId: 'homeIsWebview', data: { page: page.route, src: found.src } });
    };
    // A classic home page is its template; a React one is its page module (then the rule reads
    // scripts, which it leaves alone in a classic app).
    if (context.project?.style === 'react') {
      return {
        js: {
          Program() {
            const file = context.file;
            const page = context.project.entryPage;
            if (file?.kind === 'js' && page && file.path === page.files.script) report(reactWebView(file));
          },
        },
      };
    }
    return {
      bxml: {
        document() {
          const file = context.file;
          const page = context.project.entryPage;
          if (file?.kind === 'bxml' && page && file.path === page.files.template) report(templateWebView(file));
        },
      },
    };
  },
});

interface Found {
  file: string;
  span: { start: number; end: number };
  src: string;
}

/** A classic home page whose template, apart from wrappers, is one `<web-view>`. */
function templateWebView(template: BxmlFile): Found | undefined {
  let webView: BxmlElement | undefined;
  for (const element of elementsOf(template.document)) {
    if (WEB_VIEW_TAGS.has(element.name)) {
      if (webView) return undefined;
      webView = element;
    } else if (!NON_CONTENT.has(element.name)) {
      return undefined;
    }
  }
  if (!webView || hasVisibleText(template.document.children) || hasVisibleTextInside(webView)) return undefined;
  const src = webView.attributes.find((attribute) => attribute.name === 'src')?.value ?? '(no src)';
  return { file: template.path, span: { start: webView.start, end: webView.openEnd }, src };
}

function hasVisibleText(children: BxmlElement['children']): boolean {
  const stack = [...children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' && node.data.trim()) return true;
    if (node.type === 'element' && node.name !== 'bns' && node.name !== 'web-view') stack.push(...node.children);
  }
  return false;
}

const hasVisibleTextInside = (element: BxmlElement) => hasVisibleText(element.children);

/** A React home page whose returned JSX, apart from wrappers, is one `<WebView>`. */
function reactWebView(file: JsFile): Found | undefined {
  if (!file.ast) return undefined;
  const jsxNames: { name: string; start: number; end: number; src?: string }[] = [];
  let hasText = false;
  // The home page is a web-view page when WebView is the only JSX element that is not a layout wrapper.
  walkJs(file.ast, {
    enter(node) {
      if (node.type === 'JSXText' && node.value.trim()) hasText = true;
      if (node.type !== 'JSXElement') return;
      const opening = node.openingElement;
      const name = opening.name.type === 'JSXIdentifier' ? opening.name.name : '';
      const srcAttribute = opening.attributes.find((attribute) => attribute.type === 'JSXAttribute' && attribute.name.name === 'src');
      const src = srcAttribute?.type === 'JSXAttribute' && srcAttribute.value?.type === 'StringLiteral' ? srcAttribute.value.value : undefined;
      jsxNames.push({ name, start: opening.start ?? 0, end: opening.end ?? 0, src });
    },
  });
  const webViews = jsxNames.filter((element) => element.name === REACT_WEB_VIEW);
  const others = jsxNames.filter((element) => element.name !== REACT_WEB_VIEW && !REACT_WRAPPERS.has(element.name));
  if (webViews.length !== 1 || others.length || hasText) return undefined;
  return { file: file.path, span: { start: webViews[0].start, end: webViews[0].end }, src: webViews[0].src ?? '(dynamic src)' };
}
