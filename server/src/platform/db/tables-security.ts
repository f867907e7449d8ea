/** Tables of the HTTP safeguards. Instants are epoch ms. */

/** One counting window of the rate limits: hits of one address on one route until `expires_at`. */
export interface RateLimitTable {
  key: string;
  hits: number;
  expires_at: number;
}

export interface SecurityTables {
  rate_limits: RateLimitTable;
}
