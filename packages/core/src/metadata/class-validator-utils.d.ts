// class-validator ships its message formatter (used for failures) without typings at its CommonJS path.
declare module 'class-validator/cjs/validation/ValidationUtils.js' {
  export { ValidationUtils } from 'class-validator/types/validation/ValidationUtils.js';
}
