/**
 * The name a DTO property has on the wire. Header models follow FastAPI's `convert_underscores`: a
 * property `user_agent` is the `user-agent` header (HTTP header names use hyphens; Python and
 * TypeScript identifiers cannot), lower-cased because Node delivers header names so. Query, cookie
 * and path names are the property's own.
 */
export function wireName(source: string, property: string): string {
  return source === 'header' ? property.replace(/_/g, '-').toLowerCase() : property;
}
