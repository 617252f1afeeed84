import { describe, expect, it } from 'vitest';
import { openMemoryBundle } from '../bundle/memory.js';
import { Project } from './project.js';
import { computedLoadFolders, scriptSpecifiers } from './reachable.js';

const APP = JSON.stringify({ pages: ['pages/index/index'], subpackages: [{ root: 'shop', pages: ['pages/cart/index'] }] });

/** The files of the bundle the app can load, and those it cannot. */
function split(files: Record<string, string>): { reachable: string[]; unreachable: string[] } {
  const project = new Project(openMemoryBundle(files));
  const paths = Object.keys(files);
  return { reachable: paths.filter((path) => project.isReachable(path)), unreachable: paths.filter((path) => !project.isReachable(path)) };
}

describe('reachability', () => {
  it('loads the app files, every page and subpackage page, and the configs and images', () => {
    const { unreachable } = split({
      'project.config.json': '{}',
      'listing.json': '{}',
      'app.json': APP,
      'app.js': 'App({})',
      'app.bxss': 'page {}',
      'pages/index/index.js': 'Page({})',
      'pages/index/index.bxml': '<view/>',
      'pages/index/index.json': '{}',
      'pages/index/index.bxss': '.a {}',
      'shop/pages/cart/index.js': 'Page({})',
      'shop/pages/cart/index.bxml': '<view/>',
      'images/logo.png': 'png',
      'sitemap.json': '{}',
      'pages/old/old.js': 'Page({})',
      'pages/old/old.bxml': '<view/>',
      'pages/old/old.json': '{}',
    });
    expect(unreachable).toEqual(['pages/old/old.js', 'pages/old/old.bxml', 'pages/old/old.json']);
  });

  it('follows usingComponents from app, page and component configs, recursively', () => {
    const { unreachable } = split({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], usingComponents: { g: '/components/global/index' } }),
      'pages/index/index.json': '{"usingComponents":{"card":"/components/card/index"}}',
      'pages/index/index.bxml': '<card/>',
      'components/global/index.js': 'Component({})',
      'components/card/index.json': '{"component":true,"usingComponents":{"badge":"../badge/index"}}',
      'components/card/index.js': 'Component({})',
      'components/badge/index.js': 'Component({})',
      'components/badge/index.bxml': '<view/>',
      'miniprogram_npm/ui/circle/index.js': 'Component({})',
      'miniprogram_npm/ui/circle/index.json': '{"component":true}',
    });
    expect(unreachable).toEqual(['miniprogram_npm/ui/circle/index.js', 'miniprogram_npm/ui/circle/index.json']);
  });

  it('follows require, import, export-from and import() of reachable scripts, transitively', () => {
    const { unreachable } = split({
      'app.json': APP,
      'app.js': "const api = require('./utils/api');\nimport conf from './config';\nApp({})",
      'utils/api.js': "module.exports = require('./http.js')",
      'utils/http.js': "export * from '../lib/base'",
      'lib/base.js': "import('./lazy').then(() => {})",
      'lib/lazy.js': "const dayjs = require('dayjs')",
      'miniprogram_npm/dayjs/index.js': 'module.exports = {}',
      'config.js': 'export default {}',
      'pages/index/index.js': "const data = require('../../data/list.json'); Page({})",
      'data/list.json': '[]',
      'tools/pay.js': "bn.navigateTo({ url: '/pages/order/order' })",
      'util/render.js': "import x from './three'",
      'util/three.js': '',
    });
    expect(unreachable).toEqual(['tools/pay.js', 'util/render.js', 'util/three.js']);
  });

  it('follows <import>, <include> and <bns src> of reachable templates, and @import of styles', () => {
    const { unreachable } = split({
      'app.json': APP,
      'app.bxss': "@import './styles/base.bxss';",
      'styles/base.bxss': '@import "/styles/vars";',
      'styles/vars.bxss': '',
      'styles/unused.bxss': '',
      'pages/index/index.bxml': '<import src="../../templates/item.bxml"/>\n<include src="/templates/footer"/>\n<bns src="./fmt.bns" module="fmt"/>\n<template is="item"/>',
      'templates/item.bxml': '<template name="item"><view/></template>',
      'templates/footer.bxml': '<view/>',
      'templates/unused.bxml': '<view/>',
      'pages/index/fmt.bns': "var util = require('../../bns/util.bns'); module.exports = {}",
      'bns/util.bns': 'module.exports = {}',
    });
    expect(unreachable).toEqual(['styles/unused.bxss', 'templates/unused.bxml']);
  });

  it('takes every file of the folder a computed require names as reachable', () => {
    const { unreachable } = split({
      'app.json': APP,
      'pages/index/index.js': "const name = 'a'; const mod = require('../../plugins/' + 'loader.js');\nconst h = require(helperName);\nPage({})",
      'plugins/loader.js': 'const m = require(`./impl/${name}`)',
      'plugins/impl/a.js': '',
      'plugins/impl/b.js': '',
      'pages/index/helper.js': '',
      'other/b.js': '',
    });
    expect(unreachable).toEqual(['other/b.js']);
  });

  it('follows a React app: its config, pages and their imports, with the @/ alias', () => {
    const { unreachable } = split({
      'src/app.config.ts': "export default { pages: ['pages/index/index'] }",
      'src/app.tsx': "import './app.css';\nexport default ({ children }) => children",
      'src/app.css': '',
      'src/pages/index/index.tsx': "import { Card } from '../../components/Card';\nimport { fmt } from '@/utils/fmt';",
      'src/pages/index/index.config.ts': 'export default {}',
      'src/components/Card/index.tsx': 'export const Card = () => null',
      'src/utils/fmt.ts': 'export const fmt = 1',
      'src/pages/draft/index.tsx': 'export default () => null',
    });
    expect(unreachable).toEqual(['src/pages/draft/index.tsx']);
  });

  it('loads a subpackage entry script and what require.async names', () => {
    const { unreachable } = split({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], subpackages: [{ root: 'chat', pages: ['pages/a/index'], entry: 'entry.js' }] }),
      'app.js': "require.async('./lazy/index.js').then(() => {})",
      'lazy/index.js': '',
      'chat/entry.js': '',
      'chat/unused.js': '',
    });
    expect(unreachable).toEqual(['chat/unused.js']);
  });

  it('takes every file as reachable when there is no app config to start from', () => {
    expect(split({ 'button/index.js': 'Component({})', 'button/index.json': '{"component":true}' }).unreachable).toEqual([]);
  });

  it('loads a custom tab bar and a workers folder whole', () => {
    const { unreachable } = split({
      'app.json': JSON.stringify({ pages: ['pages/index/index'], workers: 'workers', tabBar: { custom: true, list: [] } }),
      'custom-tab-bar/index.js': 'Component({})',
      'custom-tab-bar/index.json': '{"component":true,"usingComponents":{"icon":"/components/icon/index"}}',
      'components/icon/index.js': 'Component({})',
      'workers/request/index.js': '',
      'components/unused/index.js': 'Component({})',
    });
    expect(unreachable).toEqual(['components/unused/index.js']);
  });
});

describe('script specifiers', () => {
  it('reads literal loads and tells computed ones apart', () => {
    expect(scriptSpecifiers("import a, { b } from './a';\nimport './b.css';\nexport { c } from \"./c\";\nconst d = require(`./d`);\nawait import('./e');\nimport type { F } from './f';")).toEqual(['./d', './e', './a', './b.css', './c', './f']);
    expect(computedLoadFolders("require('./a'); import('./b'); requirePlugin(x); foo.require(x)")).toEqual([]);
    expect(computedLoadFolders("require(name); require('./a' + name); import(`../pages/${name}`); require('lib/' + x)")).toEqual(['./', './', '../pages/', './lib/']);
  });
});
