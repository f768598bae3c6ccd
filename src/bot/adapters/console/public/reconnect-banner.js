// 「正在重新连接…」横幅：实时连接中断、快报暂时不能收消息（Redis 正在重新连接）或发送得到 503 时显示，恢复后自动消失。
// The banner above the messages while the page cannot reach the bot (the live stream is down) or the bot
// cannot take work (its `availability` event says so, or a request was answered 503). A 503 also starts a
// slow check of /healthz, so the banner clears even if the stream's "ready" arrived before the 503 did.

const CHECK_EVERY_MS = 3000;
const TEXT_STREAM = "正在重新连接…（与快报的实时连接中断，恢复后会自动补上新消息）";
const TEXT_SERVICE = "正在重新连接…（快报暂时不能收消息，请稍后再发；已发出的消息不会丢失）";

export function reconnectBanner(anchor) {
  const node = document.createElement("div");
  node.className = "reconnect-banner";
  node.id = "reconnect-banner";
  node.setAttribute("role", "status");
  node.hidden = true;
  anchor.before(node);

  let streamUp = true;
  let serviceReady = true;
  let checkTimer = null;

  function render() {
    const text = !streamUp ? TEXT_STREAM : !serviceReady ? TEXT_SERVICE : "";
    node.textContent = text;
    node.hidden = text === "";
  }

  function stopChecking() {
    clearTimeout(checkTimer);
    checkTimer = null;
  }

  async function check() {
    checkTimer = null;
    try {
      const response = await fetch("/healthz", { cache: "no-store" });
      if (response.ok) return setServiceReady(true);
    } catch {
      // Not reachable yet: try again.
    }
    if (!serviceReady && !checkTimer) checkTimer = setTimeout(check, CHECK_EVERY_MS);
  }

  function setServiceReady(ready) {
    serviceReady = ready;
    if (ready) stopChecking();
    render();
  }

  return {
    /** The live stream opened (true) or broke (false). */
    stream(up) {
      streamUp = up;
      render();
    },
    /** The stream's `availability` event. */
    service(ready) {
      setServiceReady(ready);
    },
    /** A request was answered 503: show the banner until the bot can take work again. */
    unavailable() {
      setServiceReady(false);
      if (!checkTimer) checkTimer = setTimeout(check, CHECK_EVERY_MS);
    },
  };
}
