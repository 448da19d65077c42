/** Every server the bench knows, in table order; `module` is the file under `servers/` that starts it. */
export interface ServerEntry {
  readonly id: string;
  readonly label: string;
}

export const SERVERS: readonly ServerEntry[] = [
  { id: 'raw-node', label: 'raw node:http' },
  { id: 'fastify', label: 'Fastify 5 (JSON schema)' },
  { id: 'nest', label: 'NestJS 12 + Fastify + ValidationPipe' },
  { id: 'decorum-node', label: 'Decorum (platform-node)' },
  { id: 'decorum-node-cors', label: 'Decorum (platform-node) + cors()' },
  { id: 'decorum-fastify', label: 'Decorum (platform-fastify)' },
];

export const BASELINE = 'raw-node';
