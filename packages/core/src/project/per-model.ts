import type { Project } from './project.js';

/**
 * A value that depends on the project model alone (pages, components, configs: what
 * `Project.modelKey` covers), computed once per run and kept for the next runs while the model key
 * is the same: in a session, an edit of a script does not rebuild it when a rule first asks (a
 * file re-walked after an edit elsewhere, or a project hook, would on every run). The last model's
 * value only is kept.
 */
export function perModel<T>(compute: (project: Project) => T): (project: Project) => T {
  const byProject = new WeakMap<Project, { value: T }>();
  let last: { key: string; value: T } | undefined;
  return (project) => {
    const known = byProject.get(project);
    if (known) return known.value;
    const key = project.modelKey;
    const value = last?.key === key ? last.value : compute(project);
    last = { key, value };
    byProject.set(project, { value });
    return value;
  };
}
