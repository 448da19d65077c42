// How Decorum compiles TypeScript, the same for `decorum dev` (the loader) and `decorum build`: legacy
// decorators with `design:*` metadata, which Decorum reads for parameter and property types, and
// class fields assigned in the constructor as tsc does with `useDefineForClassFields: false`.
export const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'es6' },
  swcrc: false,
  configFile: false,
};
