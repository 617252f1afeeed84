import type { FastifyInstance } from 'fastify';
import type { Store } from '@bmplint/store';

export function registerUi(_app: FastifyInstance, _store: Store): void {}
