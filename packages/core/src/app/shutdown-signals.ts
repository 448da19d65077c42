/**
 * Graceful shutdown on by default (NestJS leaves it off, and deploys drop requests): on SIGTERM or
 * SIGINT every listening app stops accepting, finishes in-flight requests, runs its shutdown hooks, and
 * the process exits 0. Handlers are installed while at least one app listens and removed after.
 */
interface Closable {
  close(): Promise<void>;
}

type ProcessLike = {
  on(signal: string, listener: () => void): unknown;
  off(signal: string, listener: () => void): unknown;
  exit(code: number): never;
};

const listening = new Set<Closable>();
const installed = new Map<string, () => void>();

function processObject(): ProcessLike | undefined {
  const candidate = (globalThis as { process?: Partial<ProcessLike> }).process;
  return typeof candidate?.on === 'function' && typeof candidate.exit === 'function' ? (candidate as ProcessLike) : undefined;
}

export function watchShutdownSignals(app: Closable, signals: readonly string[]): void {
  const proc = processObject();
  if (!proc || signals.length === 0) return;
  listening.add(app);
  for (const signal of signals) {
    if (installed.has(signal)) continue;
    const onSignal = () => {
      const apps = [...listening];
      void Promise.allSettled(apps.map((a) => a.close())).then(() => proc.exit(0));
    };
    installed.set(signal, onSignal);
    proc.on(signal, onSignal);
  }
}

export function unwatchShutdownSignals(app: Closable): void {
  listening.delete(app);
  const proc = processObject();
  if (!proc || listening.size > 0) return;
  for (const [signal, onSignal] of installed) proc.off(signal, onSignal);
  installed.clear();
}
