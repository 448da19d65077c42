/** @decorumjs/create-app: writes a new Decorum project. Most people run it as `npm create @decorumjs/app my-api`. */
export { scaffoldProject, type ScaffoldOptions, type ScaffoldResult } from './scaffold-project.js';
export { CreateAppError } from './errors.js';
