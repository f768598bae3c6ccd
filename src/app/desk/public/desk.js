// The desk page: who views (signed in, or picked in the loopback demo), then the board, the wall
// screen or an item's page, fetched again on every `changed` the server sends.

import { getJson, h, redrawKeepingInputs } from "./api.js";
import { drawBoard } from "./board.js";
import { resizeCharts } from "./charts.js";
import { startClock } from "./clock.js";
import { drawItem } from "./item.js";
import { texts as T } from "./texts.js";

const DEMO_COOKIE = "kuaibao_desk_as";
const params = new URLSearchParams(location.search);
const wall = location.pathname === "/desk/wall" || params.get("wall") === "1";
const itemMatch = location.pathname.match(/^\/desk\/items\/([^/]+)\/([^/]+)\/?$/);
const main = document.getElementById("main");

function setConnection(state) {
  const conn = document.getElementById("conn");
  conn.dataset.state = state;
  document.getElementById("conn-text").textContent = state === "live" ? T.live : T.offline;
}

function message(title, body, link) {
  main.replaceChildren(
    h(
      "section",
      { class: "notice" },
      h("h1", {}, title),
      body ? h("p", {}, body) : null,
      link ? h("a", { class: "button", href: link.href, id: link.id }, link.text) : null,
    ),
  );
}

function drawViewer(viewer) {
  document.getElementById("me").textContent = viewer.me ? `${viewer.me.name} · ${viewer.me.unitName}` : "";
  const links = [];
  if (itemMatch) links.push(h("a", { href: "/desk" }, T.board));
  if (!wall) links.push(h("a", { href: "/desk/wall" }, T.wall));
  if (viewer.me?.admin && !wall) links.push(h("a", { href: "/desk/queues" }, T.queues));
  if (!wall) links.push(h("a", { href: "/" }, T.console));
  document.getElementById("top-links").replaceChildren(...links);
  if (viewer.mode !== "demo" || wall) return;
  const pick = document.getElementById("viewer-pick");
  const select = document.getElementById("viewer-select");
  document.getElementById("viewer-pick-label").textContent = T.viewAs;
  pick.title = T.demoNote;
  select.replaceChildren(
    h("option", { value: "" }, T.pickSomeone),
    ...viewer.people.map((p) =>
      h(
        "option",
        { value: p.id, selected: viewer.me?.id === p.id },
        `${p.name}（${p.unitName}${p.title ? ` ${p.title}` : ""}）`,
      ),
    ),
  );
  select.addEventListener("change", () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the demo's pick is one plain cookie, no Cookie Store API in every browser
    document.cookie = `${DEMO_COOKIE}=${encodeURIComponent(select.value)}; path=/; SameSite=Strict${select.value ? "" : "; max-age=0"}`;
    location.reload();
  });
  pick.hidden = false;
}

let loading = false;
let again = false;
async function load() {
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  try {
    if (itemMatch) {
      const [, kind, id] = itemMatch;
      try {
        const { json } = await getJson(`/desk/api/items/${kind}/${id}`);
        document.title = `${json.title} · ${T.title}`;
        redrawKeepingInputs(main, () => drawItem(main, json, { wall, reload: load }));
      } catch (error) {
        if (error.status === 404) message(T.itemGone, "", { href: "/desk", text: T.back });
        else throw error;
      }
    } else {
      const { json } = await getJson("/desk/api/board");
      redrawKeepingInputs(main, () => drawBoard(main, json, { wall }));
    }
    main.dataset.loaded = String(Date.now());
  } catch (error) {
    if (error.status === 401) return boot();
    main.dataset.error = error.message;
  } finally {
    loading = false;
    if (again) {
      again = false;
      void load();
    }
  }
}

let streaming = false;
function live() {
  if (streaming) return;
  streaming = true;
  const source = new EventSource("/desk/api/stream");
  source.addEventListener("open", () => {
    setConnection("live");
    void load(); // what changed while the stream was down
  });
  source.addEventListener("changed", () => void load());
  source.addEventListener("error", () => setConnection("offline"));
}

async function boot() {
  const { json: viewer } = await getJson("/desk/api/viewer");
  drawViewer(viewer);
  if (!viewer.me) {
    if (viewer.mode === "demo") return message(T.pickSomeone, T.demoNote);
    return message(T.signInTitle, T.signInBody, {
      href: viewer.signIn,
      text: T.signInLink,
      id: "sign-in-link",
    });
  }
  await load();
  live();
}

document.body.classList.toggle("wall", wall);
document.getElementById("title").textContent = wall ? T.wallTitle : T.title;
document.getElementById("conn-text").textContent = T.loading;
startClock();
addEventListener("resize", () => resizeCharts());
boot().catch((error) => message(T.loadFailed, error.message));
