// `npm run sandbox`: the provider sandbox on SANDBOX_PORT (default 4010), sending webhooks to SANDBOX_APP_URL.
import { sandboxAppUrl } from "./env";
import { startSandbox } from "./server";

const port = Number(process.env.SANDBOX_PORT ?? 4010);

startSandbox({ port, host: process.env.SANDBOX_HOST ?? "127.0.0.1", appUrl: sandboxAppUrl(process.env) })
  .then((sandbox) => {
    console.log(`Provider sandbox listening on ${sandbox.url}`);
    console.log(sandbox.state.webhookTarget ? `Webhooks go to ${sandbox.state.webhookTarget}; record a workout at ${sandbox.url}/record` : "No SANDBOX_APP_URL: webhooks are not sent");
    const stop = () => sandbox.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
