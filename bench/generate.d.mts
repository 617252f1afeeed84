/** Types of bench/generate.mjs (the generator itself is plain JavaScript so `node bench/…` runs it unbuilt). */

export interface GenerateOptions {
  /** Number of pages (about 80% in the main package, the rest in subpackages of 25). Default 10. */
  pages?: number;
  /** PRNG seed; the same options give the same bytes. Default 1. */
  seed?: number;
  /** Plant one problem per kind per 10 pages. Default true. */
  problems?: boolean;
}

export interface PlantedProblem {
  ruleId: 'network/service-domain' | 'availability/navigation-target' | 'api/no-private-api';
  what: string;
  file: string;
  /** 1-based, at the start of the offending node. */
  line: number;
  column: number;
}

export interface GeneratedStats {
  pages: number;
  files: number;
  bytes: number;
  lines: { js: number; bxml: number; bxss: number; json: number; bns: number; total: number };
  images: number;
}

export type GeneratedFiles = Record<string, string | Buffer>;

export function generateBundle(options?: GenerateOptions): { files: GeneratedFiles; planted: PlantedProblem[]; stats: GeneratedStats };
export function generateApp(options?: GenerateOptions): GeneratedFiles;
export function countPlanted(planted: readonly PlantedProblem[]): Record<string, number>;
export function writeApp(dir: string, files: GeneratedFiles): void;
export function createRandom(seed: number): {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(items: readonly T[]): T[];
};
