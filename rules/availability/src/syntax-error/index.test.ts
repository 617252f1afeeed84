import { RuleTester, miniApp } from '@bmplint/core/testing';
import rule from './index.js';

/** UTF-16LE with a byte-order mark, as Windows editors save "Unicode" text. */
const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);

new RuleTester().run(rule, {
  valid: [
    { name: 'a minimal classic app', files: miniApp() },
    {
      name: 'templates with inline BNS, comparisons in bindings and template data without braces',
      files: miniApp({
        'pages/index/index.bxml': [
          '<bns module="fmt">',
          'var label = function (n) { return n < 10 ? "few" : "many"; };',
          'module.exports = { label: label };',
          '</bns>',
          '<template name="item"><text>{{ index }}: {{ name }}</text></template>',
          '<view bn:if="{{ count < limit && !hidden }}" style="color: {{ color }}">{{ fmt.label(count) }}</view>',
          '<template is="item" data="{{ ...item, index: 1 }}"/>',
          '<!-- <view>commented out <text> </view> -->',
          '',
        ].join('\n'),
      }),
    },
    {
      name: 'a React app in TypeScript with a page config module',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.config.ts': "export default { navigationBarTitleText: 'Home' } as const;\n",
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nconst Home = ({ n }: { n: number }) => <View>{n > 1 ? 'many' : 'one'}</View>;\nexport default Home;\n",
        'tsconfig.json': '{\n  // editor settings\n  "compilerOptions": {\n    "jsx": "react-jsx",\n  },\n}\n',
      },
    },
    {
      name: 'styles with nesting-free BXSS, media queries, imports and a plain .css file',
      files: miniApp({
        'pages/index/index.bxss': '@import "../../common/base.bxss";\n/* layout */\n.page { padding: 24rpx; }\n@media (min-width: 600px) { .page { padding: 48rpx; } }\n',
        'common/base.bxss': 'page { background: #f5f5f5; }\n',
        'vendor/reset.css': 'html, body { margin: 0; }\n',
      }),
    },
    {
      name: 'a JSON file with a UTF-8 byte-order mark and non-ASCII text',
      files: miniApp({ 'pages/index/index.json': '\ufeff{ "navigationBarTitleText": "行情" }\n' }),
    },
  ],
  invalid: [
    {
      name: 'a doubled comma in a page script',
      files: miniApp({ 'pages/index/index.js': 'Page({\n  data: {\n    a: 1,,\n  }\n});\n' }),
      errors: [{ messageId: 'jsSyntax', file: 'pages/index/index.js', line: 3, column: 10, data: { language: 'JavaScript', detail: 'Unexpected token' } }],
    },
    {
      name: 'a TypeScript module of a React app',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => <View>Hi</View>;\n",
        'src/utils/format.ts': 'export const twice = (x: number) => x +;\n',
      },
      errors: [{ messageId: 'jsSyntax', file: 'src/utils/format.ts', line: 1, column: 40, message: 'TypeScript' }],
    },
    {
      name: 'an unterminated JSX element in a React page',
      files: {
        'src/app.config.ts': "export default { pages: ['pages/index/index'] };\n",
        'src/pages/index/index.tsx': "import { View } from '@binance/mp-components';\nexport default () => (\n  <View>Hi\n);\n",
      },
      errors: [{ messageId: 'jsSyntax', file: 'src/pages/index/index.tsx', line: 3, column: 9, data: { language: 'TSX', detail: 'Unterminated JSX contents' } }],
    },
    {
      name: 'a BNS module file',
      files: miniApp({ 'utils/fmt.bns': 'var add = function (a) { return a +; };\nmodule.exports = { add: add };\n' }),
      errors: [{ messageId: 'jsSyntax', file: 'utils/fmt.bns', line: 1, column: 36, message: 'BNS module' }],
    },
    {
      name: 'a BXML element closed by the wrong tag',
      files: miniApp({ 'pages/index/index.bxml': '<view>\n  <text>Hi</view>\n' }),
      errors: [{ messageId: 'templateSyntax', file: 'pages/index/index.bxml', line: 2, column: 3, endLine: 2, endColumn: 9, data: { detail: '<text> is not closed' } }],
    },
    {
      name: 'a closing tag with no opening tag, and an element left open at the end',
      files: miniApp({ 'pages/index/index.bxml': '<view>Hi</view>\n</text>\n<scroll-view>\n  <text>a</text>\n' }),
      errors: [
        { messageId: 'templateSyntax', file: 'pages/index/index.bxml', line: 2, column: 1, message: '</text> has no matching opening tag' },
        { messageId: 'templateSyntax', file: 'pages/index/index.bxml', line: 3, column: 1, message: '<scroll-view> is not closed' },
      ],
    },
    {
      name: 'invalid {{ }} expressions in an attribute and in text, reported on the whole binding',
      files: miniApp({ 'pages/index/index.bxml': '<view class="{{ a b }}">\n  {{ price + }}\n</view>\n' }),
      errors: [
        { messageId: 'templateSyntax', file: 'pages/index/index.bxml', line: 1, column: 14, endLine: 1, endColumn: 23, message: 'invalid expression in {{ }}' },
        { messageId: 'templateSyntax', file: 'pages/index/index.bxml', line: 2, column: 3, endLine: 2, endColumn: 16, message: 'invalid expression in {{ }}: Unexpected token' },
      ],
    },
    {
      name: 'a {{ binding that is never closed',
      files: miniApp({ 'pages/index/index.bxml': '<view>{{ name </view>\n' }),
      errors: [{ messageId: 'templateSyntax', file: 'pages/index/index.bxml', line: 1, column: 7, message: 'is never closed' }],
    },
    {
      name: 'a syntax error inside an inline <bns> module',
      files: miniApp({ 'pages/index/index.bxml': '<bns module="m">\nvar f = function( { };\n</bns>\n<view>{{ m.f() }}</view>\n' }),
      errors: [{ messageId: 'templateScriptSyntax', file: 'pages/index/index.bxml', line: 2, column: 22, message: 'Unexpected token' }],
    },
    {
      name: 'a BXSS block that is never closed',
      files: miniApp({ 'pages/index/index.bxss': '.page {\n  color: red;\n' }),
      errors: [{ messageId: 'styleSyntax', file: 'pages/index/index.bxss', line: 1, column: 1, data: { language: 'BXSS', detail: 'Unclosed block' } }],
    },
    {
      name: 'a declaration without a colon in a .css file',
      files: miniApp({ 'styles/theme.css': '.title {\n  color red;\n}\n' }),
      errors: [{ messageId: 'styleSyntax', file: 'styles/theme.css', line: 2, column: 3, message: 'CSS stylesheet: Unknown word' }],
    },
    {
      name: 'a trailing comma in a page json (one finding, not two)',
      files: miniApp({ 'pages/index/index.json': '{\n  "navigationBarTitleText": "Home",\n}\n' }),
      errors: [{ messageId: 'jsonSyntax', file: 'pages/index/index.json', line: 2, column: 35, endLine: 2, endColumn: 36, data: { detail: 'trailing comma is not allowed in JSON' } }],
    },
    {
      name: 'a trailing comma in an array of a data json',
      files: miniApp({ 'data/levels.json': '{"list": [1, 2,]}' }),
      errors: [{ messageId: 'jsonSyntax', file: 'data/levels.json', line: 1, column: 15, message: 'Invalid JSON: trailing comma' }],
    },
    {
      name: 'a missing comma and a duplicate key in app.json',
      files: miniApp({ 'app.json': '{\n  "pages": ["pages/index/index"]\n  "window": {},\n  "pages": []\n}\n' }),
      errors: [
        { messageId: 'jsonSyntax', file: 'app.json', line: 3, column: 3, message: 'comma expected' },
        { messageId: 'jsonSyntax', file: 'app.json', line: 4, column: 3, message: 'duplicate key "pages"' },
      ],
    },
    {
      name: 'a real error in a JSONC tool config is still reported',
      files: miniApp({ 'tsconfig.json': '{\n  // strict\n  "strict": true\n  "jsx": "react"\n}\n' }),
      errors: [{ messageId: 'jsonSyntax', file: 'tsconfig.json', line: 4, column: 3, message: 'comma expected' }],
    },
    {
      name: 'comments in a mini program json',
      files: miniApp({ 'pages/index/index.json': '// page settings\n{}\n' }),
      errors: [{ messageId: 'jsonSyntax', file: 'pages/index/index.json', line: 1, column: 1, message: 'comments are not allowed' }],
    },
    {
      name: 'an empty json file',
      files: miniApp({ 'pages/index/index.json': '' }),
      errors: [{ messageId: 'jsonSyntax', file: 'pages/index/index.json', line: 1, column: 1, message: 'value expected' }],
    },
    {
      name: 'a UTF-16 encoded page json',
      files: miniApp({ 'pages/index/index.json': utf16('{ "navigationBarTitleText": "Home" }') }),
      errors: [{ messageId: 'encoding', file: 'pages/index/index.json', line: 1, column: 1, message: 'the file is UTF-16 encoded' }],
    },
    {
      name: 'a Latin-1 script that is not valid UTF-8',
      files: miniApp({ 'pages/index/index.js': new Uint8Array([...Buffer.from("Page({ data: { city: 'Z"), 0xfc, ...Buffer.from("rich' } });\n")]) }),
      errors: [{ messageId: 'encoding', file: 'pages/index/index.js', line: 1, column: 1, data: { detail: 'the file is not valid UTF-8 text' } }],
    },
    {
      name: 'an image saved under a .bxss name',
      files: miniApp({ 'pages/index/index.bxss': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }),
      errors: [{ messageId: 'encoding', file: 'pages/index/index.bxss', line: 1, column: 1, message: 'the file holds binary data' }],
    },
  ],
});
