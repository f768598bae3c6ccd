// 控制台登录：sign-in mode asks who is here before the console starts. GET /api/console/me says the
// mode; without a session the page shows the sign-in screen (name or phone → 发送验证码 → code → 登录,
// or 飞书登录 where Feishu is configured) and reloads once signed in. The demo shows no screen.

const $ = (id) => document.getElementById(id);

async function postJson(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = {};
  }
  return { ok: response.ok, status: response.status, data };
}

function say(text, kind = "info") {
  const note = $("signin-note");
  note.textContent = text;
  note.dataset.kind = kind;
}

function showSignIn(feishu) {
  $("app").hidden = true;
  $("signin").hidden = false;
  $("signin-feishu").hidden = !feishu;
  const who = $("signin-who");
  const code = $("signin-code");
  who.focus();
  $("signin-send").addEventListener("click", async () => {
    if (!who.value.trim()) return say("请填写姓名或手机号。", "error");
    const answer = await postJson("/api/console/sign-in/code", { who: who.value.trim() });
    if (!answer.ok) return say(answer.data.error || "发送失败，请稍后再试。", "error");
    say(answer.data.message || "验证码已发出。");
    code.focus();
  });
  $("signin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!who.value.trim()) return say("请填写姓名或手机号。", "error");
    const answer = await postJson("/api/console/sign-in", { who: who.value.trim(), code: code.value.trim() });
    if (!answer.ok) return say(answer.data.error || "登录失败，请重试。", "error");
    location.reload();
  });
}

/**
 * Resolves with `{ mode: "demo" }` or `{ mode: "signin", me }` once someone may use the console;
 * never resolves while the sign-in screen is shown (the page reloads after signing in).
 */
export async function whoIsHere() {
  let response;
  try {
    response = await fetch("/api/console/me", { cache: "no-store" });
  } catch {
    return { mode: "demo" };
  }
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) {
    showSignIn(Boolean(data.feishu));
    return new Promise(() => {});
  }
  if (!response.ok) return { mode: "demo" };
  if (data.mode === "signin" && data.me) {
    const out = $("signout");
    out.hidden = false;
    out.addEventListener("click", async () => {
      await postJson("/api/console/sign-out", {});
      location.reload();
    });
    return { mode: "signin", me: data.me };
  }
  return { mode: "demo" };
}
