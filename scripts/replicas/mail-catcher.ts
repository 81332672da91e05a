/**
 * The replicas' mail server: a real SMTP server on a local port (smtp-server, as smtp-outage.test.ts uses) that
 * accepts every message and records its Message-ID and the name the sending replica greeted with (EHLO), so the
 * test can count each e-mailed copy and tell which replica's outbox worker sent it.
 */
import { SMTPServer } from "smtp-server";

export type TCaught = { messageId: string; greeting: string };

export async function startMailCatcher(port: number) {
  const caught: TCaught[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const headers = raw.slice(0, raw.indexOf("\r\n\r\n"));
        caught.push({ messageId: /^Message-ID:\s*(\S+)/im.exec(headers)?.[1] ?? "", greeting: session.hostNameAppearsAs ?? "" });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return { caught, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
