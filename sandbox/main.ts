// `npm run sandbox`: the provider sandbox on SANDBOX_PORT (default 4010).
import { startSandbox } from "./server";

const port = Number(process.env.SANDBOX_PORT ?? 4010);

startSandbox({ port, host: process.env.SANDBOX_HOST ?? "127.0.0.1" })
  .then((sandbox) => {
    console.log(`Provider sandbox listening on ${sandbox.url}`);
    const stop = () => sandbox.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
