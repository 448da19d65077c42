/** What each benchmarked server module exports: start on 127.0.0.1 at `port` (0 for any free port). */
export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export type StartServer = (port: number) => Promise<RunningServer>;

export const HOST = '127.0.0.1';
