/**
 * @decorumjs/core: decorators, the route table, compiled routes, errors and the adapter contract.
 * Every public name is listed here by hand, so the public surface is reviewed like code.
 */
import 'reflect-metadata';

export { App, createApp } from './app/app.js';
export type { AppInfo, AppOptions, Plugin } from './app/app-options.js';
export { DEFAULT_BODY_LIMIT, DEFAULT_JSON_DEPTH_LIMIT, MAX_JSON_DEPTH_LIMIT } from './app/app-options.js';

export { Controller, type ControllerOptions } from './decorators/controller.js';
export { All, Delete, Get, Head, Options, Patch, Post, Put } from './decorators/http-methods.js';
export { Background, Body, Cookie, File, Form, Header, Param, Query, Req, Res, Signal } from './decorators/params.js';
export { BackgroundTasks } from './http/background-tasks.js';
export { UploadFile } from './forms/upload-file.js';
export { bodyKindOf, type BodyKind } from './forms/body-kind.js';
export { DEFAULT_MULTIPART_LIMITS, type MultipartLimits } from './forms/multipart-limits.js';
export {
  ApiResponse, Deprecated, ExcludeFromSchema, HttpCode, Operation, Produces, ResponseHeader, ResponseModel, SetMetadata, Summary, Tags, Validation,
} from './decorators/responses.js';
export { UseGuards, UseInterceptors, UsePipes } from './decorators/responses.js';
export type { CanActivate, GuardContext, GuardLike } from './extensions/guards.js';
export type { Interceptor, InterceptorLike } from './extensions/interceptors.js';
export { withCondition, type Middleware, type RequestHead } from './extensions/middleware.js';
export {
  DefaultValuePipe, ParseArrayPipe, ParseBoolPipe, ParseDatePipe, ParseEnumPipe, ParseFloatPipe, ParseIntPipe, ParseUUIDPipe,
  PipeError, type PipeLike, type PipeMetadata, type PipeTransform,
} from './extensions/pipes.js';
export type { CompiledRoute, RouteStages } from './compile/compile-route.js';
export { ResponseEncodingError } from './compile/encode-json.js';
export {
  Depends, Inject, Injectable, UseDependencies, dependency, type DependsOptions, type FunctionDependency,
} from './decorators/injection.js';
export { InjectionToken, type Scope, type Token } from './di/tokens.js';
export { Security, SecurityScopes, insufficientScope, type ScopedDependency } from './di/security-scopes.js';
export type { Provider } from './di/providers.js';
export { defineModule, type ModuleDef, type ModuleOptions } from './app/module.js';
export { Property, type PropertyOptions } from './schema/property.js';
export { IntersectionType, OmitType, PartialType, PickType, type DtoType } from './schema/mapped-types.js';
export { genericModel } from './schema/generic-model.js';
export { OneOf, readUnionTags, type OneOfOptions } from './schema/one-of.js';
export { Bytes, DateOnly, Decimal, Dict, Duration, Int, SetOf, TimeOnly, type EnumLike, type TypeRef, type TypeSpec } from './schema/type-spec.js';
export { dtoShape, type DtoShape, type PropertyShape, type ValidationRule } from './schema/dto-shape.js';
export { wireName } from './schema/wire-name.js';

export {
  BadRequest, Conflict, Forbidden, Gone, HttpError, InternalServerError, MethodNotAllowed, NotFound, PayloadTooLarge,
  ServiceUnavailable, TooManyRequests, Unauthorized, UnprocessableContent, UnsupportedMediaType, STATUS_TEXT, bodyLimitExceeded,
  type HeaderValues,
} from './http/http-error.js';
export { RequestAborted, isDisconnect } from './http/request-aborted.js';
export { HttpResponse, type ResponseBody, type ResponseInit } from './http/http-response.js';
export { FileResponse, resolveFile, type FileResponseInit } from './http/file-response.js';
export { staticFiles, type StaticFilesOptions } from './http/static-files.js';
export { SseEvent, type SseEventInit } from './http/sse-event.js';
export { LastEventId, Sse, type SseOptions } from './decorators/sse.js';
export { ConnectedSocket, WebSocketRoute, type WebSocketRouteOptions } from './decorators/websocket.js';
export { WebSocketConnection } from './websocket/websocket-connection.js';
export type { AcceptOptions, WebSocketCloseInfo, WebSocketState } from './websocket/connection-route.js';
export { CLOSE_CODES, WebSocketDisconnect, WebSocketException } from './websocket/websocket-errors.js';
export { WebSocketGroups } from './websocket/websocket-groups.js';
export { InMemoryBroker } from './websocket/memory-broker.js';
export type { GroupPayload, WebSocketBroker } from './websocket/broker.js';
export type { SocketEvents, SocketTransport, SocketUpgrade } from './websocket/socket-transport.js';
export { DEFAULT_WEBSOCKET_OPTIONS, type WebSocketOptions } from './websocket/websocket-options.js';
export { RequestContext, type QueryValues } from './http/request-context.js';
export { parseQueryString } from './http/query-string.js';
export { REQUEST_ID, requestIdOf, setRequestId } from './http/request-id.js';
export { ResponseControl, type CookieOptions } from './http/response-control.js';
export { RequestValidationError, ResponseValidationError, type ErrorDetail, type Loc } from './http/validation-error.js';
export type { ExceptionHandler } from './http/exception-handlers.js';

export type {
  AdapterRequest, AdapterResponse, BodyChunkSink, HttpAdapter, MountTable, MountedRoute, OutgoingBody, OutgoingHeaders, RouteHandle, Routed,
  ServerAddress,
} from './adapter/adapter.js';
export { compileRouter, type Router, type RouterRoute } from './routing/router.js';
export {
  ALLOW_ORDER, DEFAULT_MAX_PARAM_LENGTH, type PathParams, type RouteMatch, type RoutingOptions, type TrailingSlash, type Unmatched,
} from './routing/route-match.js';
export { DEFAULT_SERVER_LIMITS, resolveServerLimits, type ServerLimits } from './adapter/server-limits.js';
export type { Constraints, ParamDef, ResponseDef, RouteDef, RouteTable, WebSocketDef } from './route-table/route-def.js';
export type { Class, HttpMethod, OperationInfo, ParamOptions, ParamSource, ResponseModelOptions } from './metadata/records.js';
export { HTTP_METHODS } from './metadata/records.js';
export { DecorumError, decorumErrors, type DecorumErrorCode, type ErrorEntry } from './errors.js';
export { createDefaultLogger, silentLogger, type Logger } from './logger.js';
export { Env, Milliseconds, Secret, Settings, type SettingsClassOptions } from './settings/setting-decorators.js';
export {
  REDACTED, SettingsError, loadSettings, settingsProvider, type LoadSettingsOptions, type SettingsIssue,
} from './settings/load-settings.js';
