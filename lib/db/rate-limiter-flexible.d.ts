// The package types its store base class on the main entry but exports it only by file.
declare module "rate-limiter-flexible/lib/RateLimiterStoreAbstract" {
  import { RateLimiterStoreAbstract } from "rate-limiter-flexible";
  export default RateLimiterStoreAbstract;
}
