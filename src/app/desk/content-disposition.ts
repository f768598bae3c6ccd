/**
 * A Content-Disposition header for a download whose name may be Chinese: an ASCII fallback in
 * `filename` and the real name in RFC 5987 `filename*` (UTF-8, percent-encoded).
 */
export function attachmentHeader(
  fileName: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_").trim() || "download";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
