/**
 * The SMTP listener of the support address (`smtp-server`): accepts mail for support@… only,
 * refuses mail over the size limit (announced with SIZE; 552), and answers 250 only once the mail
 * and everything it caused are committed — a database failure answers 451, so the sending server
 * keeps the mail and retries. Meant for loopback, behind the organization's MX (no TLS, no AUTH).
 */
import type { AddressInfo } from "node:net";
import { supportEmail } from "@cirrus/domain";
import type { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { isUniqueViolation } from "../db/errors.ts";
import type { Logger } from "../logger.ts";
import { normalizeEmail } from "../queries/users.ts";
import { inboundFromParsed } from "./inbound-mail.ts";
import { type InboundDeps, type InboundResult, processInboundMail } from "./inbound-processing.ts";

/** Largest accepted message, bytes (attachments included, as encoded on the wire). */
export const defaultInboundMaxBytes = 10 * 1024 * 1024;

export interface InboundServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly maxBytes?: number;
  readonly deps: InboundDeps & { readonly logger: Logger };
}

export interface InboundServer {
  /** The port actually listened on. */
  readonly port: number;
  close(): Promise<void>;
}

/** An error whose `responseCode` smtp-server sends to the client. */
function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

async function handleMail(options: InboundServerOptions, raw: Buffer, session: SMTPServerSession) {
  const { deps } = options;
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    // Loaded on the first mail, not at start: the parser and its charset tables weigh ~11 MB of
    // memory that an API receiving no mail should not carry (docs/benchmarks.md, memory).
    const { simpleParser: parse } = await import("mailparser");
    parsed = await parse(raw, {
      skipImageLinks: true,
      skipTextToHtml: true,
      // HTML is converted to plain text (never kept as HTML); a huge HTML part is not worth it.
      maxHtmlLengthToParse: 2_000_000,
    });
  } catch (error) {
    deps.logger.warn("inbound mail unreadable", { error: String(error) });
    throw smtpError(554, "5.6.0 Message could not be parsed");
  }
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
  const mail = inboundFromParsed(parsed, envelopeFrom, raw);
  let result: InboundResult;
  try {
    result = await processInboundMail(deps, mail);
  } catch (error) {
    // The same Message-ID committed meanwhile by another connection: it is stored, so accept.
    if (isUniqueViolation(error)) return { outcome: "duplicate", requestId: null } as const;
    deps.logger.error("inbound mail not stored, asking the sender to retry", {
      messageId: mail.messageId,
      error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
    });
    throw smtpError(451, "4.3.0 Temporary failure, please try again later");
  }
  deps.logger.info("inbound mail", {
    messageId: mail.messageId,
    from: mail.fromAddress,
    outcome: result.outcome,
    requestId: result.requestId,
  });
  return result;
}

/**
 * Starts the listener; resolves once it listens.
 * @example const inbound = await startInboundServer({ host: "127.0.0.1", port: 2525, deps }); await inbound.close()
 */
export async function startInboundServer(options: InboundServerOptions): Promise<InboundServer> {
  const maxBytes = options.maxBytes ?? defaultInboundMaxBytes;
  const server = new SMTPServer({
    name: "support.cirrus-shield.com",
    banner: "Cirrus Shield Support",
    size: maxBytes,
    rejectOversized: true,
    // Loopback behind the MX: nobody authenticates, and TLS is the MX's business.
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    disableReverseLookup: true,
    maxRecipients: 10,
    closeTimeout: 5_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (normalizeEmail(address.address) === supportEmail) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here, write to ${supportEmail}`));
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= maxBytes) chunks.push(chunk);
      });
      stream.on("error", (error) => callback(smtpError(451, `4.3.0 ${error.message}`)));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(smtpError(552, `5.3.4 Message exceeds the maximum size of ${maxBytes} bytes`));
          return;
        }
        handleMail(options, Buffer.concat(chunks), session).then(
          (result) => callback(null, `2.0.0 OK: ${result.outcome}`),
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on("error", (error) => options.deps.logger.warn("inbound SMTP error", { error: error.message }));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.server.off("error", onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
