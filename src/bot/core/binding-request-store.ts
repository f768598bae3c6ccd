/**
 * Requests to bind a platform account nobody knows to a person of the org file, waiting for the
 * one-time code the duty office hands over. Kept outside the process (Redis), so a restart in
 * between does not make the person ask again.
 */

export interface BindingRequest {
  personId: string;
  code: string;
}

export interface BindingRequestStore {
  /** Stores the request of a platform account, replacing an older one; it expires after `ttlMs`. */
  put(platform: string, accountId: string, request: BindingRequest, ttlMs: number): Promise<void>;
  get(platform: string, accountId: string): Promise<BindingRequest | null>;
  remove(platform: string, accountId: string): Promise<void>;
}
