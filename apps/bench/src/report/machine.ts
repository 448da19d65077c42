/** The machine a run happened on, as printed beside its table. */
import { cpus } from 'node:os';

export function describeMachine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${list.length} cores, Node ${process.version}, ${process.platform} ${process.arch}`;
}
