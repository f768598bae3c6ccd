// 控制台里的图片：上传（📎 按钮、粘贴）和消息里的图片缩略图（点开看原图）。
// Upload: POST /api/console/uploads?chat=…&sender=…&name=… with the file as the body (the same
// session as sending text); shown: each message's `files`, served by the console after it checks
// that the reader may read the chat.

const API = "/api/console";

/** Uploads one file as `sender` in `chat`; resolves with the API's answer, throws Error(text). */
export async function uploadFile(file, { chat, sender }) {
  const query = new URLSearchParams({ chat, name: file.name || "图片" });
  if (sender) query.set("sender", sender);
  let response;
  try {
    response = await fetch(`${API}/uploads?${query}`, {
      method: "POST",
      headers: { "content-type": file.type || "application/octet-stream" },
      body: file,
      cache: "no-store",
    });
  } catch {
    throw new Error("无法连接快报服务，请确认它仍在运行后再试。");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(data?.error || `服务器出错（HTTP ${response.status}），请稍后再试。`);
  return data;
}

/** Thumbnails of a message's images (click opens the picture), links for other files; null when none. */
export function filesNode(m, h) {
  const files = Array.isArray(m.files) ? m.files : [];
  if (!files.length) return null;
  return h(
    "div",
    { class: "msg-files" },
    files.map((f) =>
      h(
        "a",
        { class: "msg-file", href: f.url, target: "_blank", rel: "noopener", title: f.name },
        f.kind === "image"
          ? h("img", { class: "msg-thumb", src: f.url, alt: f.name, loading: "lazy" })
          : h("span", { class: "msg-file-name" }, `📎 ${f.name}`),
      ),
    ),
  );
}

/** The files of a paste (a screenshot, a copied picture). */
export function pastedFiles(event) {
  return [...(event.clipboardData?.files || [])];
}
