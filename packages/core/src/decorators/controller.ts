import { classRecord } from '../metadata/store.js';
import type { OperationInfo } from '../metadata/records.js';

export interface ControllerOptions extends OperationInfo {
  /** Dependencies run before every route of this controller, for their side effects. */
  dependencies?: unknown[];
}

/**
 * Marks a class as a controller whose methods handle routes under `prefix`.
 * @example
 * @Controller('items')
 * class ItemsController {
 *   @Get(':item_id') read(@Param('item_id', { type: Int }) itemId: number) { return { item_id: itemId }; }
 * }
 */
export function Controller(prefix = '', options: ControllerOptions = {}): ClassDecorator {
  return (target) => {
    const record = classRecord(target);
    const { dependencies = [], ...info } = options;
    record.controller = { prefix, ...info };
    record.controllerDependencies.push(...dependencies);
  };
}
