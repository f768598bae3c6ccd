/** ioredis connections as BullMQ needs them. */
import { Redis } from "ioredis";

export function createRedis(url: string): Redis {
  // Workers block on Redis: BullMQ requires maxRetriesPerRequest null.
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}
