// WeChat login panel. The WeChat adapter answers /wechat-status.json when the bot runs with WeChat;
// otherwise the static file of that name says {"state":"off"} and the panel stays hidden (no 404).
// While the account waits for a scan it shows the QR code; otherwise the login state in one line.
const panel = document.getElementById("wechat-panel");
const STATES = {
  starting: "微信：正在启动…",
  scan: "微信：请用机器人的微信扫码登录",
  "logged-in": "微信：已登录",
  "logged-out": "微信：已退出登录，请扫码重新登录",
};

async function refresh() {
  let status;
  try {
    const response = await fetch("/wechat-status.json", { cache: "no-store" });
    if (!response.ok) return true;
    status = await response.json();
    if (status.state === "off") {
      panel.hidden = true;
      return false;
    }
  } catch {
    return true;
  }
  panel.hidden = false;
  panel.dataset.state = status.state;
  const line = document.createElement("p");
  line.className = "wechat-state";
  line.textContent = `${STATES[status.state] ?? status.state}${status.user ? `（${status.user}）` : ""}`;
  const children = [line];
  if (status.state === "scan" && status.qrSvg) {
    const img = document.createElement("img");
    img.className = "wechat-qr";
    img.alt = "微信登录二维码";
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(status.qrSvg)}`;
    children.push(img);
  }
  panel.replaceChildren(...children);
  return true;
}

async function loop() {
  if (await refresh()) setTimeout(loop, 3000);
}

if (panel) loop();
