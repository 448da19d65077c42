// class-transformer ships no typings for its deep CommonJS storage module; this is the part we read.
declare module 'class-transformer/cjs/storage.js' {
  interface TypeMetadata {
    typeFunction?: (options: { newObject: unknown; object: object; property: string }) => unknown;
  }
  export const defaultMetadataStorage: {
    findTypeMetadata(target: object, propertyName: string): TypeMetadata | undefined;
  };
}
