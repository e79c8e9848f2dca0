import type { IncomingMessage, ServerResponse } from 'node:http';

export function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
  securityHeaders?: boolean;
  extraRoutes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;

export function resolveRequestPath(base: string, rawUrl: string | undefined): string | null;
