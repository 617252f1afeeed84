import { describe, expect, it } from 'vitest';
import { openMemoryBundle } from '../bundle/memory.js';
import { perModel } from '../project/per-model.js';
import { Project } from '../project/project.js';

const project = (files: Record<string, string>) => new Project(openMemoryBundle(files));
const app = (pages: string[]) => ({ 'app.json': JSON.stringify({ pages }), 'pages/a/index.js': 'Page({});\n', 'pages/b/index.js': 'Page({});\n' });

describe('perModel', () => {
  it('computes once per run and keeps the value for a later run of the same model, not of another', () => {
    let computed = 0;
    const routes = perModel((p) => {
      computed++;
      return p.pages.map((page) => page.route);
    });
    const first = project(app(['pages/a/index']));
    const value = routes(first);
    expect(value).toEqual(['pages/a/index']);
    expect(routes(first)).toBe(value);
    // A script's content is not part of the model: the same value.
    expect(routes(project({ ...app(['pages/a/index']), 'pages/a/index.js': 'Page({ data: {} });\n' }))).toBe(value);
    expect(computed).toBe(1);
    // Another page list, another model.
    expect(routes(project(app(['pages/a/index', 'pages/b/index'])))).toEqual(['pages/a/index', 'pages/b/index']);
    expect(computed).toBe(2);
    expect(routes(project(app(['pages/a/index'])))).toEqual(['pages/a/index']);
    expect(computed).toBe(3);
  });
});
