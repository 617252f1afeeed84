import { describe, expect, it } from 'vitest';
import { openMemoryBundle } from '../bundle/memory.js';
import { Project } from '../project/project.js';

const project = (files: Record<string, string>) => new Project(openMemoryBundle(files));

describe('Project', () => {
  it('follows project.config.json to miniprogramRoot', () => {
    const p = project({
      'project.config.json': '{"miniprogramRoot": "miniprogram/"}',
      'miniprogram/app.json': '{"pages":["pages/index/index"]}',
      'miniprogram/pages/index/index.js': 'Page({})',
      'miniprogram/pages/index/index.bxml': '<view/>',
    });
    expect(p).toMatchObject({ style: 'classic', appRoot: 'miniprogram/', appConfigPath: 'miniprogram/app.json' });
    expect(p.pages[0].files).toEqual({ script: 'miniprogram/pages/index/index.js', template: 'miniprogram/pages/index/index.bxml' });
  });

  it('falls back to React sources when miniprogramRoot is not built', () => {
    const p = project({
      'project.config.json': '{"miniprogramRoot": ".bmp/build"}',
      'src/app.config.ts': "const HOME = 'pages/index/index';\nexport default defineAppConfig({ entryPagePath: HOME, pages: [HOME, 'pages/about/index'] });",
      'src/pages/index/index.tsx': 'export default () => null;',
      'src/pages/index/index.config.ts': "export default { navigationBarTitleText: 'Home' };",
    });
    expect(p.style).toBe('react');
    expect(p.entryRoute).toBe('pages/index/index');
    expect(p.pages.map((page) => [page.route, page.files])).toEqual([
      ['pages/index/index', { script: 'src/pages/index/index.tsx', config: 'src/pages/index/index.config.ts' }],
      ['pages/about/index', { script: undefined, config: undefined }],
    ]);
    expect(p.pageConfig(p.pages[0])?.value).toEqual({ navigationBarTitleText: 'Home' });
    const span = p.appConfig!.locate(['pages', 1]);
    expect(p.jsFile('src/app.config.ts')!.text.slice(span.start, span.end)).toBe("'pages/about/index'");
  });

  it('looks inside a single top-level folder, as zips of a folder are made', () => {
    const p = project({ 'listing.json': '{}', 'my-app/app.json': '{"pages":["a/b"]}' });
    expect(p.appRoot).toBe('my-app/');
  });

  it('collects subpackage pages, normalising stray slashes', () => {
    const p = project({ 'app.json': JSON.stringify({ pages: ['pages/index/index'], subpackages: [{ root: 'packageB/', pages: ['/pages/list/index'] }] }) });
    expect(p.pages.map((page) => [page.route, page.subpackage, page.declaredAt])).toEqual([
      ['pages/index/index', undefined, ['pages', 0]],
      ['packageB/pages/list/index', 'packageB', ['subpackages', 0, 'pages', 0]],
    ]);
  });

  it('resolves components: absolute, relative, bare beside the config, then miniprogram_npm', () => {
    const p = project({
      'app.json': '{"pages":["pages/index/index"]}',
      'pages/index/index.json': JSON.stringify({
        usingComponents: { a: '/components/a/index', b: '../../components/b/index', c: 'card/index', d: '@vant/weapp/button', e: 'plugin://x/y' },
      }),
      'components/a/index.json': '{"component":true,"usingComponents":{"inner":"./inner"}}',
      'components/a/inner.json': '{"component":true}',
      'components/b/index.json': '{}',
      'pages/index/card/index.json': '{}',
      'miniprogram_npm/@vant/weapp/button/index.json': '{}',
    });
    expect(p.componentUses.map((use) => [use.tag, use.base])).toEqual([
      ['a', 'components/a/index'],
      ['b', 'components/b/index'],
      ['c', 'pages/index/card/index'],
      ['d', 'miniprogram_npm/@vant/weapp/button/index'],
      ['e', undefined],
      ['inner', 'components/a/inner'],
    ]);
  });

  it('resolves navigation URLs to routes', () => {
    const p = project({ 'app.json': '{"pages":["pages/a/index"]}' });
    expect(p.routeOfUrl('/pages/a/index?id=1', 'pages/b/index.js')).toBe('pages/a/index');
    expect(p.routeOfUrl('../a/index', 'pages/b/index.js')).toBe('pages/a/index');
    expect(p.routeOfUrl('detail', 'pages/b/index.bxml')).toBe('pages/b/detail');
    expect(p.routeOfUrl('https://example.com/x', 'pages/b/index.js')).toBeUndefined();
  });
});
