/**
 * A real SMTP relay on loopback for tests (`smtp-server`): it keeps every mail it accepts, parsed,
 * and can be stopped and started again on the same port to play an outage.
 */
import type { AddressInfo } from "node:net";
import { supportEmail } from "@cirrus/domain";
import { type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly parsed: ParsedMail;
  readonly raw: string;
}

/**
 * @example const relay = await startTestRelay(); … relay.mails; await relay.stop(); await relay.start(); await relay.close()
 */
export async function startTestRelay() {
  const mails: CapturedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;

  async function start(): Promise<void> {
    const instance = new SMTPServer({
      disabledCommands: ["AUTH", "STARTTLS"],
      authOptional: true,
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 1_000,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (parsed) => {
              mails.push({
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                parsed,
                raw: raw.toString("utf8"),
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      instance.server.once("error", reject);
      instance.listen(port, "127.0.0.1", () => resolve());
    });
    port = (instance.server.address() as AddressInfo).port;
    server = instance;
  }

  async function stop(): Promise<void> {
    const instance = server;
    server = undefined;
    if (instance) await new Promise<void>((resolve) => instance.close(() => resolve()));
  }

  await start();
  return {
    mails,
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    /** Plays an outage: the port refuses connections until `start()`. */
    stop,
    start,
    close: stop,
  };
}

export type TestRelay = Awaited<ReturnType<typeof startTestRelay>>;

/**
 * An SMTP client (nodemailer) to our listener, as any mail server or mail client would connect.
 * @example await smtpClient(port).sendMail({ from, to: "support@cirrus-shield.com", subject, text })
 */
export function smtpClient(port: number) {
  return nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
}

export type MailOptions = Parameters<ReturnType<typeof smtpClient>["sendMail"]>[0];

/**
 * Sends one mail to the support address through our listener on `port`, on its own connection.
 * @example await sendToSupport(inbound.port, { from: customer.email, subject: "Export", text: "…" })
 */
export async function sendToSupport(port: number, options: MailOptions) {
  const client = smtpClient(port);
  try {
    return await client.sendMail({ to: supportEmail, ...options });
  } finally {
    client.close();
  }
}

/** Unique `Message-ID`s for test mails, `<prefix-…@mail.example.fr>`. */
export function messageIds(prefix: string): () => string {
  let sequence = 0;
  return () => `<${prefix}-${Date.now()}-${++sequence}@mail.example.fr>`;
}
