import { it } from 'vitest';
import { validateWithSchema } from '@bmplint/core';
import app from '../schemas/app.schema.json' with { type: 'json' };
import page from '../schemas/page.schema.json' with { type: 'json' };

const show = (s: object, v: unknown) => { console.log(JSON.stringify(v)); for (const e of validateWithSchema(s, v)) console.log('   ', e.keyword, e.instancePath, e.schemaPath, JSON.stringify(e.params), e.message, (e as any).propertyName ?? ''); };
it('probe', () => {
  show(app, { entryPage: 'pages/index/index', pages: ['pages/index/index'] });
  show(app, { pages: [] });
  show(app, {});
  show(app, [] );
  show(app, { pages: ['pages/a', 'pages/a', '/pages/b.js'] });
  show(app, { pages: ['a'], window: { navigationBarTextStyle: 'blue', backgroundTextStyle: '@bad name', navigationBarTitleTxt: 'x', backgroundColor: 'red' } });
  show(app, { pages: ['a'], window: { navigationBarTextStyle: 3 } });
  show(app, { pages: ['a'], darkmode: true });
  show(app, { pages: ['a'], useExtendedLib: { x: 3 } });
  show(app, { pages: ['a'], preloadRule: { '/bad': { packages: ['x'] }, 'ok/x': { network: 'wifi' } } });
  show(app, { pages: ['a'], tabBar: { list: [{ pagePath: 'a' }] , colour: '#fff'} });
  show(app, { pages: ['a'], subpackages: [{ root: 'p', pages: ['x'], indepenent: true }] });
  show(page, { navigationBarTitleText: 1, usingComponents: { a: '' }, options: {} });
});
