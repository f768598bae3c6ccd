/**
 * A tiny S3-compatible server on 127.0.0.1 for the S3 file store's tests (the outer edge: there is
 * no MinIO on the test machine). Path-style only; it answers what the AWS SDK sends for a small
 * upload and a download — PUT and GET of an object — plus the multipart calls of a large upload
 * (create, part, complete, abort). It checks that requests are signed for the given access key.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeS3 {
  url: string;
  /** Stored objects by `bucket/key`. */
  objects: Map<string, { body: Buffer; contentType: string | undefined }>;
  /** Every request as `METHOD path?query`. */
  requests: string[];
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;

export async function startFakeS3(accessKeyId: string): Promise<FakeS3> {
  const objects = new Map<string, { body: Buffer; contentType: string | undefined }>();
  const uploads = new Map<string, { key: string; parts: Map<number, Buffer>; contentType?: string }>();
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const key = decodeURIComponent(url.pathname.slice(1));
    requests.push(`${request.method} ${url.pathname}${url.search}`);
    const body = await bodyOf(request);
    const send = (status: number, text = "", headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/xml", ...headers });
      response.end(text);
    };
    if (!String(request.headers.authorization ?? "").includes(`Credential=${accessKeyId}/`))
      return send(403, xml("<Error><Code>AccessDenied</Code><Message>unsigned</Message></Error>"));
    const uploadId = url.searchParams.get("uploadId");
    if (request.method === "POST" && url.searchParams.has("uploads")) {
      const id = randomUUID();
      uploads.set(id, { key, parts: new Map(), contentType: request.headers["content-type"] });
      const [bucket, ...rest] = key.split("/");
      return send(
        200,
        xml(
          `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${rest.join("/")}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
        ),
      );
    }
    if (request.method === "PUT" && uploadId) {
      uploads.get(uploadId)?.parts.set(Number(url.searchParams.get("partNumber")), body);
      return send(200, "", { etag: `"part-${url.searchParams.get("partNumber")}"` });
    }
    if (request.method === "POST" && uploadId) {
      const upload = uploads.get(uploadId);
      if (!upload) return send(404, xml("<Error><Code>NoSuchUpload</Code></Error>"));
      const parts = [...upload.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part);
      objects.set(upload.key, { body: Buffer.concat(parts), contentType: upload.contentType });
      uploads.delete(uploadId);
      return send(
        200,
        xml(`<CompleteMultipartUploadResult><ETag>"done"</ETag></CompleteMultipartUploadResult>`),
      );
    }
    if (request.method === "DELETE" && uploadId) {
      uploads.delete(uploadId);
      return send(204);
    }
    if (request.method === "PUT") {
      objects.set(key, { body, contentType: request.headers["content-type"] });
      return send(200, "", { etag: '"object"' });
    }
    if (request.method === "GET") {
      const object = objects.get(key);
      if (!object)
        return send(
          404,
          xml("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"),
        );
      response.writeHead(200, {
        "content-type": object.contentType ?? "application/octet-stream",
        "content-length": String(object.body.length),
      });
      return response.end(object.body);
    }
    send(405, xml("<Error><Code>MethodNotAllowed</Code></Error>"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
