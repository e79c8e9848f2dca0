export const CSP_DIRECTIVES: string[];
export const CONTENT_SECURITY_POLICY: string;
export const CONTENT_SECURITY_POLICY_HEADER: string;
export const SECURITY_HEADERS: Record<string, string>;
