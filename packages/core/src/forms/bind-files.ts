/**
 * Binders for `@File` parameters: the uploaded files sent under a name, as one `UploadFile` or, for an
 * `UploadFile[]` parameter, all of them. A required file the client did not send is a 422 `missing` at
 * `["body", name]`, beside every other problem with the request.
 */
import type { Binder } from '../compile/bind-params.js';
import { INVALID } from '../compile/coerce.js';
import { issue } from '../compile/issues.js';
import type { Loc } from '../http/validation-error.js';
import type { ParamDef } from '../route-table/route-def.js';
import type { FormBody } from './read-form-body.js';

export function compileFileBinder(param: ParamDef): Binder {
  const name = param.name;
  if (name === undefined) return (ctx) => (ctx.body as FormBody).files;
  const loc: Loc = ['body', name];
  const many = param.type.kind === 'array';
  const required = param.required;
  const fallback = param.hasDefault ? param.default : many && !required ? [] : undefined;
  return (ctx, errors) => {
    const files = (ctx.body as FormBody).files.get(name);
    if (files === undefined || files.length === 0) {
      if (!required) return fallback;
      errors.push(issue.missing(loc));
      return INVALID;
    }
    return many ? files : files[files.length - 1];
  };
}
