// 快报网页控制台：在浏览器里扮演机关人员，与快报助手在各群和私聊里对话。
// A browser module, no build step: it talks to the console JSON API on the same origin (/api/console/*)
// and follows new messages over Server-Sent Events.
import { filesNode, pastedFiles, uploadFile } from "./attachments.js";
import { chartNode } from "./chart.js";
import { reconnectBanner } from "./reconnect-banner.js";
import { whoIsHere } from "./sign-in.js";

const API = "/api/console";
const TIME_ZONE = "Asia/Shanghai";
const STORE_KEY = "kuaibao.console.v1";
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10000;

const $ = (id) => document.getElementById(id);
const el = {
  app: $("app"),
  brandName: $("brand-name"),
  conn: $("conn"),
  filter: $("chat-filter"),
  chatList: $("chat-list"),
  back: $("back"),
  chatName: $("chat-name"),
  chatMembers: $("chat-members"),
  speaker: $("speaker"),
  messages: $("messages"),
  newBelow: $("new-below"),
  mentionBot: $("mention-bot"),
  mentionMember: $("mention-member"),
  mentionMenu: $("mention-menu"),
  input: $("input"),
  send: $("send"),
  attach: $("attach"),
  fileInput: $("file-input"),
  toasts: $("toasts"),
};

/** 正在重新连接…, above the messages. */
const banner = reconnectBanner(el.messages);

/** Everything the page knows. Messages are kept per chat, sorted by id, deduplicated by id. */
const state = {
  bot: { name: "快报助手" },
  people: new Map(),
  chats: [],
  chatById: new Map(),
  current: null,
  /** chat id → { list: Message[], ids: Set<number>, loaded: boolean } */
  store: new Map(),
  unread: new Map(),
  saved: loadSaved(),
  sending: false,
  /** The signed-in person (sign-in mode): the only one the page speaks as. Null in the demo. */
  me: null,
};

// ---------- small helpers ----------

function loadSaved() {
  try {
    const raw = localStorage.getItem(STORE_KEY);
    const parsed = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === "object") {
      return { chat: parsed.chat || null, speakers: parsed.speakers || {} };
    }
  } catch {
    // A broken or blocked localStorage only costs the remembered choices.
  }
  return { chat: null, speakers: {} };
}

function save() {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(state.saved));
  } catch {
    // Private windows may refuse storage; the page works without it.
  }
}

function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      // Through the CSSOM: the page's CSP allows no inline style attributes.
      else if (key === "style") node.style.cssText = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const dayFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : timeFormat.format(d);
}

/** "2026-03-02" in Shanghai time, for grouping messages by day. */
function dayKey(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const parts = Object.fromEntries(dayFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function dayLabel(key) {
  const today = dayKey(new Date().toISOString());
  const yesterday = dayKey(new Date(Date.now() - 86400000).toISOString());
  if (key === today) return "今天";
  if (key === yesterday) return "昨天";
  const [y, m, d] = key.split("-").map(Number);
  const thisYear = Number(today.slice(0, 4));
  return y === thisYear ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

/** The last two characters of a name, as Chinese chat apps show in avatars. */
function initials(name) {
  const chars = Array.from(name || "?");
  return chars.length <= 2 ? chars.join("") : chars.slice(-2).join("");
}

const AVATAR_COLOURS = [
  "#3370ff",
  "#00b386",
  "#7f3bf5",
  "#f5803e",
  "#14a9c1",
  "#d83931",
  "#4954e6",
  "#8f959e",
];
function colourFor(key) {
  let hash = 0;
  for (const ch of String(key)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}

function personLabel(p) {
  return [p.name, p.unitName, p.title].filter(Boolean).join(" · ");
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------- toasts ----------

function toast(text, kind = "error") {
  const node = h("div", { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : "status" }, text);
  el.toasts.append(node);
  const remove = () => {
    node.classList.add("leaving");
    setTimeout(() => node.remove(), 250);
  };
  node.addEventListener("click", remove);
  setTimeout(remove, kind === "error" ? 6000 : 3000);
}

// ---------- API ----------

class ApiError extends Error {
  constructor(message, status, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch(`${API}${path}`, {
      method: options.method || "GET",
      headers: options.body ? { "content-type": "application/json" } : undefined,
      body: options.body ? JSON.stringify(options.body) : undefined,
      cache: "no-store",
    });
  } catch {
    throw new ApiError("无法连接快报服务，请确认它仍在运行后再试。", 0);
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.status === 503) banner.unavailable();
  if (!response.ok) {
    const text =
      data && typeof data.error === "string" && data.error
        ? data.error
        : `服务器出错（HTTP ${response.status}），请稍后再试。`;
    throw new ApiError(text, response.status, data?.field);
  }
  if (data === null) throw new ApiError("服务器的回答无法识别，请刷新页面后再试。", response.status);
  return data;
}

// ---------- message store ----------

function bucket(chatId) {
  let b = state.store.get(chatId);
  if (!b) {
    b = { list: [], ids: new Set(), loaded: false };
    state.store.set(chatId, b);
  }
  return b;
}

/**
 * Adds messages to their chats; returns those that were new. A message already held comes again
 * when the bot has updated its card (an alert once acknowledged): it takes the held one's place.
 */
function ingest(messages) {
  const fresh = [];
  for (const m of messages) {
    if (!m || typeof m.id !== "number" || !m.chat) continue;
    const b = bucket(m.chat);
    if (b.ids.has(m.id)) {
      replaceHeld(b, m);
      continue;
    }
    b.ids.add(m.id);
    const last = b.list[b.list.length - 1];
    if (!last || last.id < m.id) b.list.push(m);
    else {
      b.list.push(m);
      b.list.sort((a, c) => a.id - c.id);
    }
    fresh.push(m);
  }
  return fresh;
}

/** Puts a held message's new state in its place and redraws where it shows. */
function replaceHeld(b, m) {
  const at = b.list.findIndex((held) => held.id === m.id);
  if (at < 0 || JSON.stringify(b.list[at]) === JSON.stringify(m)) return;
  b.list[at] = m;
  if (state.current && state.current.id === m.chat) renderMessages({ keepScroll: true });
  renderChatList();
}

/**
 * Fetches a chat's messages that the page does not have yet: its whole history the first time, then
 * those after the newest one held. The caller ingests them.
 */
async function fetchNew(chatId) {
  const b = bucket(chatId);
  const last = b.loaded && b.list.length ? b.list[b.list.length - 1].id : null;
  const query = `chat=${encodeURIComponent(chatId)}${last ? `&after=${last}` : ""}`;
  const data = await api(`/messages?${query}`);
  b.loaded = true;
  return Array.isArray(data.messages) ? data.messages : [];
}

// ---------- sidebar ----------

function chatSubtitle(chat) {
  const b = state.store.get(chat.id);
  const last = b?.list[b.list.length - 1];
  if (last) {
    const who = last.sender === null ? state.bot.name : last.senderName;
    const body = last.kind === "card" && last.card ? `[卡片] ${last.card.title}` : last.text;
    return {
      text: `${who}：${body}`.replace(/\s+/g, " "),
      time: formatTime(last.time),
      urgent: last.urgent,
    };
  }
  if (chat.kind === "direct") {
    const p = state.people.get(chat.members[0]);
    return { text: p ? [p.unitName, p.title].filter(Boolean).join(" · ") : "与快报助手的私聊", time: "" };
  }
  const purpose = { leaders: "领导群", duty: "值班群", unit: "单位工作群" }[chat.purpose] || "群聊";
  return { text: `${purpose} · ${chat.members.length} 人`, time: "" };
}

function renderChatList() {
  const q = el.filter.value.trim().toLowerCase();
  const groups = state.chats.filter((c) => c.kind === "group");
  const directs = state.chats.filter((c) => c.kind !== "group");
  const matches = (c) => {
    if (!q) return true;
    if (c.name.toLowerCase().includes(q)) return true;
    return c.members.some((id) => {
      const p = state.people.get(id);
      return p && personLabel(p).toLowerCase().includes(q);
    });
  };
  const section = (title, chats) => {
    const shown = chats.filter(matches);
    if (!shown.length) return null;
    return h(
      "div",
      { class: "chat-section" },
      h("div", { class: "chat-section-title" }, title),
      shown.map(chatItem),
    );
  };
  const nodes = [section("群聊", groups), section("私聊", directs)].filter(Boolean);
  el.chatList.replaceChildren(
    ...(nodes.length ? nodes : [h("p", { class: "chat-list-empty" }, "没有找到匹配的会话")]),
  );
}

function chatItem(chat) {
  const sub = chatSubtitle(chat);
  const unread = state.unread.get(chat.id) || 0;
  const isDirect = chat.kind === "direct";
  const avatarName = isDirect ? state.people.get(chat.members[0])?.name || chat.name : chat.name;
  const avatar = h(
    "span",
    {
      class: `avatar ${isDirect ? "" : "avatar-group"}`,
      style: `background:${colourFor(chat.id)}`,
      "aria-hidden": "true",
    },
    isDirect ? initials(avatarName) : Array.from(chat.name)[0],
  );
  return h(
    "button",
    {
      type: "button",
      class: `chat-item${state.current && state.current.id === chat.id ? " active" : ""}`,
      dataset: { chatId: chat.id },
      "aria-current": state.current && state.current.id === chat.id ? "true" : null,
      onclick: () => selectChat(chat.id, { fromUser: true }),
    },
    avatar,
    h(
      "span",
      { class: "chat-item-main" },
      h(
        "span",
        { class: "chat-item-top" },
        h("span", { class: "chat-item-name" }, chat.name),
        h("span", { class: "chat-item-time" }, sub.time),
      ),
      h(
        "span",
        { class: "chat-item-bottom" },
        h(
          "span",
          { class: "chat-item-sub" },
          sub.urgent ? h("span", { class: "sub-urgent" }, "[加急] ") : null,
          sub.text,
        ),
        unread
          ? h(
              "span",
              { class: "badge", "aria-label": `${unread} 条未读` },
              unread > 99 ? "99+" : String(unread),
            )
          : null,
      ),
    ),
  );
}

// ---------- header and speaker ----------

function renderHeader() {
  const chat = state.current;
  if (!chat) return;
  el.chatName.textContent = chat.name;
  document.title = `${chat.name} · 快报网页控制台`;
  const names = chat.members.map((id) => (state.people.get(id) || { name: id }).name);
  el.chatMembers.textContent =
    chat.kind === "direct"
      ? `与${state.bot.name}的私聊 · ${personLabel(state.people.get(chat.members[0]) || { name: names[0] })}`
      : `${names.length} 位成员：${names.join("、")}`;
  el.chatMembers.title = chat.members
    .map((id) => state.people.get(id))
    .filter(Boolean)
    .map(personLabel)
    .join("\n");
  renderSpeakerOptions();
}

function renderSpeakerOptions() {
  const chat = state.current;
  if (state.me) {
    el.speaker.replaceChildren(
      h("option", { value: state.me.id }, personLabel(state.people.get(state.me.id) || state.me)),
    );
    el.speaker.value = state.me.id;
    el.speaker.disabled = true;
    return;
  }
  const members = chat.members.map((id) => state.people.get(id)).filter(Boolean);
  const others = [...state.people.values()].filter((p) => !chat.members.includes(p.id));
  const option = (p) => h("option", { value: p.id }, personLabel(p));
  el.speaker.replaceChildren(
    h("optgroup", { label: chat.kind === "direct" ? "私聊对象" : "本群成员" }, members.map(option)),
    others.length
      ? h("optgroup", { label: "其他人员（不在本会话，发言会被拒绝）" }, others.map(option))
      : null,
  );
  const remembered = state.saved.speakers[chat.id];
  const choice =
    remembered && state.people.has(remembered) ? remembered : members[0] ? members[0].id : others[0]?.id;
  if (choice) el.speaker.value = choice;
}

function speakerId() {
  return el.speaker.value || null;
}

// ---------- messages ----------

function renderMessages({ keepScroll = false } = {}) {
  const chat = state.current;
  if (!chat) return;
  const b = bucket(chat.id);
  const me = speakerId();
  const nodes = [];
  let lastDay = "";
  for (const m of b.list) {
    const day = dayKey(m.time);
    if (day && day !== lastDay) {
      nodes.push(h("div", { class: "day-divider" }, h("span", null, dayLabel(day))));
      lastDay = day;
    }
    nodes.push(messageNode(m, me));
  }
  if (!b.list.length) {
    nodes.push(
      h(
        "div",
        { class: "empty" },
        h("div", { class: "empty-icon", "aria-hidden": "true" }, "💬"),
        h("p", null, b.loaded ? "这里还没有消息。" : "正在加载消息…"),
        b.loaded
          ? h(
              "p",
              { class: "empty-tip" },
              chat.kind === "direct"
                ? "试试发送「帮助」。"
                : `试试发送「@${state.bot.name} 帮助」（群里要先@机器人）。`,
            )
          : null,
      ),
    );
  }
  const top = el.messages.scrollTop;
  el.messages.replaceChildren(...nodes);
  if (keepScroll) el.messages.scrollTop = top;
  else scrollToBottom();
}

function isNearBottom() {
  const m = el.messages;
  return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
}

function scrollToBottom() {
  el.messages.scrollTop = el.messages.scrollHeight;
  el.newBelow.hidden = true;
}

function messageNode(m, me) {
  const isBot = m.sender === null;
  const mine = !isBot && m.sender === me;
  const person = isBot ? null : state.people.get(m.sender);
  const name = isBot ? m.senderName || state.bot.name : m.senderName || person?.name || m.sender;
  const side = mine ? "mine" : isBot ? "bot" : "other";
  const mentionsMe =
    !mine && me && Array.isArray(m.mentions) && m.mentions.includes(state.people.get(me)?.name);

  const avatar = h(
    "span",
    {
      class: `avatar${isBot ? " avatar-bot" : ""}`,
      style: isBot ? null : `background:${colourFor(m.sender)}`,
      title: person ? personLabel(person) : name,
      "aria-hidden": "true",
    },
    isBot ? "快" : initials(name),
  );

  const meta = h(
    "div",
    { class: "msg-meta" },
    mine ? null : h("span", { class: "msg-name" }, name),
    isBot ? h("span", { class: "tag-bot" }, "机器人") : null,
    !isBot && !mine && person?.title
      ? h("span", { class: "msg-role" }, `${person.unitName || ""} ${person.title}`.trim())
      : null,
    h(
      "time",
      {
        class: "msg-time",
        datetime: m.time,
        title: new Date(m.time).toLocaleString("zh-CN", { timeZone: TIME_ZONE }),
      },
      formatTime(m.time),
    ),
  );

  const content = [];
  if (m.urgent) {
    content.push(
      h(
        "div",
        { class: "urgent-line" },
        h("span", { class: "urgent-badge" }, "【加急】"),
        Array.isArray(m.urgentTo) && m.urgentTo.length
          ? h("span", { class: "urgent-to" }, `加急：${m.urgentTo.join("、")}`)
          : null,
      ),
    );
  }
  if (m.kind === "card" && m.card) {
    const inText = m.text ? m.text : "";
    const extraMentions = (m.mentions || []).filter((n) => !inText.includes(`@${n}`));
    if (extraMentions.length) {
      content.push(
        h(
          "div",
          { class: "card-mentions" },
          extraMentions.map((n) => h("span", { class: "mention" }, `@${n}`)),
        ),
      );
    }
    content.push(cardNode(m));
  } else if (m.text || !m.files?.length) {
    // Mentions the text does not spell out (a dialog's question to one person) lead the bubble.
    const text = m.text || "";
    const lead = isBot ? (m.mentions || []).filter((n) => !text.includes(`@${n}`)).map((n) => `@${n} `) : [];
    content.push(h("div", { class: "bubble" }, richText(`${lead.join("")}${text}`, m.mentions || [])));
  }
  const files = filesNode(m, h);
  if (files) content.push(files);

  return h(
    "article",
    {
      class: `msg msg-${side}${m.urgent ? " msg-urgent" : ""}${mentionsMe ? " msg-mentions-me" : ""}${m.kind === "card" ? " msg-card" : ""}`,
      dataset: { id: String(m.id), sender: m.sender === null ? "bot" : m.sender, kind: m.kind },
    },
    avatar,
    h("div", { class: "msg-body" }, meta, content),
  );
}

/** Text with @mentions of known names (and of the bot) highlighted; never parsed as HTML. */
function richText(text, mentions) {
  const names = [...new Set([...(mentions || []), state.bot.name])]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (!names.length) return [text];
  const pattern = new RegExp(`@(?:${names.map(escapeRegExp).join("|")})`, "g");
  const out = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    out.push(h("span", { class: "mention" }, match[0]));
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

const TONES = new Set(["red", "orange", "yellow", "blue", "grey"]);

function cardNode(m) {
  const card = m.card;
  const tone = TONES.has(card.tone) ? card.tone : "blue";
  const fields = Array.isArray(card.fields) ? card.fields : [];
  const buttons = Array.isArray(card.buttons) ? card.buttons : [];
  return h(
    "div",
    { class: `card tone-${tone}` },
    h("div", { class: "card-head" }, card.title || ""),
    fields.length || card.note
      ? h(
          "div",
          { class: "card-body" },
          fields.length
            ? h(
                "dl",
                { class: "card-fields" },
                fields.map((f) =>
                  h(
                    "div",
                    { class: "card-field" },
                    h("dt", null, `${f.label}：`),
                    h("dd", null, richText(String(f.value ?? ""), m.mentions)),
                  ),
                ),
              )
            : null,
          card.note ? h("p", { class: "card-note" }, card.note) : null,
        )
      : null,
    card.chart && typeof card.chart === "object"
      ? h("div", { class: "card-chart-box" }, chartNode(card.chart))
      : null,
    buttons.length
      ? h(
          "div",
          { class: "card-buttons" },
          buttons.map((b) =>
            h(
              "button",
              {
                type: "button",
                class: `card-button${b.primary === true ? " primary" : ""}`,
                dataset: { action: b.action },
                onclick: (event) => pressButton(m, b, event.currentTarget),
              },
              b.label,
            ),
          ),
        )
      : null,
  );
}

async function pressButton(m, button, node) {
  const sender = speakerId();
  if (!sender) return toast("请先在「我是：」里选择发言人。");
  node.disabled = true;
  node.classList.add("pending");
  try {
    const data = await api("/actions", {
      method: "POST",
      body: { chat: m.chat, sender, messageId: m.id, action: button.action },
    });
    if (data?.pending && data.notice) toast(data.notice, "info");
    node.classList.add("pressed");
    setTimeout(() => node.classList.remove("pressed"), 1200);
  } catch (err) {
    toast(`操作「${button.label}」失败：${err.message}`);
  } finally {
    node.disabled = false;
    node.classList.remove("pending");
  }
}

// ---------- choosing a chat ----------

async function selectChat(chatId, { fromUser = false } = {}) {
  const chat = state.chatById.get(chatId);
  if (!chat) return;
  state.current = chat;
  state.saved.chat = chat.id;
  save();
  state.unread.delete(chat.id);
  el.app.classList.add("show-chat");
  el.input.disabled = false;
  el.send.disabled = false;
  el.attach.disabled = false;
  renderHeader();
  renderChatList();
  renderMessages();
  if (fromUser && window.matchMedia("(min-width: 721px)").matches) el.input.focus();
  const b = bucket(chat.id);
  try {
    ingest(await fetchNew(chat.id));
    if (state.current === chat) renderMessages();
    renderChatList();
  } catch (err) {
    b.loaded = true;
    if (state.current === chat) renderMessages();
    toast(`加载「${chat.name}」的消息失败：${err.message}`);
  }
}

// ---------- sending ----------

/** Sends photos (📎 or paste) in the current chat, one upload each, as the chosen speaker. */
async function sendFiles(files) {
  const chat = state.current;
  const sender = speakerId();
  if (!chat || !files.length) return;
  if (!sender) return toast("请先在「我是：」里选择发言人。");
  el.attach.disabled = true;
  try {
    for (const file of files) {
      const data = await uploadFile(file, { chat: chat.id, sender });
      if (data?.message) onMessages([data.message], { own: true });
      if (data?.pending && data.notice) toast(data.notice, "info");
    }
  } catch (err) {
    toast(`发送图片失败：${err.message}`);
  } finally {
    el.attach.disabled = false;
    el.fileInput.value = "";
  }
}

async function send() {
  const chat = state.current;
  const sender = speakerId();
  const text = el.input.value;
  if (!chat || state.sending) return;
  if (!text.trim()) {
    el.input.focus();
    return;
  }
  if (!sender) return toast("请先在「我是：」里选择发言人。");
  state.sending = true;
  el.send.disabled = true;
  el.input.classList.remove("invalid");
  try {
    const data = await api("/messages", { method: "POST", body: { chat: chat.id, sender, text } });
    el.input.value = "";
    autosize();
    if (data?.message) onMessages([data.message], { own: true });
    if (data?.pending && data.notice) toast(data.notice, "info");
  } catch (err) {
    if (err.field === "text") el.input.classList.add("invalid");
    toast(`发送失败：${err.message}`);
  } finally {
    state.sending = false;
    el.send.disabled = false;
    el.input.focus();
  }
}

function insertAtCursor(snippet) {
  const input = el.input;
  if (input.disabled) return;
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? input.value.length;
  const before = input.value.slice(0, start);
  const pad = before && !/\s$/.test(before) ? " " : "";
  input.value = `${before}${pad}${snippet}${input.value.slice(end)}`;
  const caret = start + pad.length + snippet.length;
  input.focus();
  input.setSelectionRange(caret, caret);
  autosize();
}

function autosize() {
  el.input.style.height = "auto";
  el.input.style.height = `${Math.min(el.input.scrollHeight, 160)}px`;
}

function toggleMentionMenu(open) {
  const show = open ?? el.mentionMenu.hidden;
  if (show && state.current) {
    const me = speakerId();
    const items = [
      { name: state.bot.name, sub: "机器人" },
      ...state.current.members
        .filter((id) => id !== me)
        .map((id) => state.people.get(id))
        .filter(Boolean)
        .map((p) => ({ name: p.name, sub: [p.unitName, p.title].filter(Boolean).join(" ") })),
    ];
    el.mentionMenu.replaceChildren(
      ...items.map((it) =>
        h(
          "button",
          {
            type: "button",
            role: "menuitem",
            class: "mention-item",
            onclick: () => {
              toggleMentionMenu(false);
              insertAtCursor(`@${it.name} `);
            },
          },
          h("span", { class: "mention-item-name" }, `@${it.name}`),
          h("span", { class: "mention-item-sub" }, it.sub),
        ),
      ),
    );
  }
  el.mentionMenu.hidden = !show;
  el.mentionMember.setAttribute("aria-expanded", String(show));
}

// ---------- arriving messages ----------

/** Takes in messages from the stream, a send or a catch-up; `unread: false` for history. */
function onMessages(messages, { own = false, unread = true } = {}) {
  const fresh = ingest(messages);
  if (!fresh.length) return;
  const current = state.current;
  let here = false;
  for (const m of fresh) {
    if (current && m.chat === current.id) here = true;
    else if (!own && unread) state.unread.set(m.chat, (state.unread.get(m.chat) || 0) + 1);
  }
  if (here) {
    const stick = own || isNearBottom();
    renderMessages({ keepScroll: true });
    if (stick || fresh.some((m) => m.sender === speakerId())) scrollToBottom();
    else el.newBelow.hidden = false;
  }
  renderChatList();
}

// ---------- live stream ----------

let source = null;
let reconnectDelay = RECONNECT_MIN_MS;
let reconnectTimer = null;
let everConnected = false;

function setConn(stateName, text) {
  el.conn.dataset.state = stateName;
  el.conn.querySelector(".conn-text").textContent = text;
}

function connect() {
  clearTimeout(reconnectTimer);
  if (source) source.close();
  setConn("connecting", everConnected ? "重新连接中…" : "连接中…");
  source = new EventSource(`${API}/stream`);
  source.addEventListener("availability", (event) => {
    try {
      banner.service(JSON.parse(event.data).ready === true);
    } catch {
      // An event the page cannot read changes nothing.
    }
  });
  source.onopen = () => {
    everConnected = true;
    reconnectDelay = RECONNECT_MIN_MS;
    banner.stream(true);
    setConn("online", "已连接");
    catchUp();
  };
  source.onmessage = (event) => {
    let m;
    try {
      m = JSON.parse(event.data);
    } catch {
      return;
    }
    onMessages([m]);
  };
  source.onerror = () => {
    // EventSource retries by itself only sometimes; always take over so the catch-up runs.
    source.close();
    source = null;
    banner.stream(false);
    setConn("offline", "连接中断，正在重连…");
    reconnectTimer = setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
  };
}

/**
 * Fetches what may have been missed while the stream was not open: for every chat already loaded,
 * the messages after the newest one held. Chats not loaded yet get their whole history later anyway.
 */
async function catchUp() {
  const ids = [...state.store.entries()].filter(([, b]) => b.loaded).map(([id]) => id);
  const results = await Promise.allSettled(
    ids.map((id) => fetchNew(id).then((messages) => onMessages(messages))),
  );
  const failed = results.find((r) => r.status === "rejected");
  if (failed) toast(`同步消息失败：${failed.reason.message}`);
}

/**
 * Loads the history of every chat not opened yet, a few at a time, so the sidebar can show each
 * chat's last message; none of it counts as unread.
 */
async function preloadAll() {
  const queue = state.chats.filter((c) => !bucket(c.id).loaded).map((c) => c.id);
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      try {
        onMessages(await fetchNew(id), { unread: false });
      } catch {
        // The chat is loaded again when it is opened; that error is shown then.
        bucket(id).loaded = false;
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  renderChatList();
}

// ---------- start ----------

function wire() {
  el.filter.addEventListener("input", renderChatList);
  el.back.addEventListener("click", () => el.app.classList.remove("show-chat"));
  el.speaker.addEventListener("change", () => {
    if (!state.current) return;
    const previous = state.saved.speakers[state.current.id];
    state.saved.speakers[state.current.id] = speakerId();
    save();
    renderMessages({ keepScroll: true });
    if (previous && previous !== speakerId())
      toast(
        `现在以「${personLabel(state.people.get(speakerId()) || { name: speakerId() })}」的身份发言`,
        "info",
      );
  });
  el.send.addEventListener("click", send);
  el.attach.addEventListener("click", () => el.fileInput.click());
  el.fileInput.addEventListener("change", () => sendFiles([...el.fileInput.files]));
  el.input.addEventListener("paste", (event) => {
    const files = pastedFiles(event);
    if (!files.length) return;
    event.preventDefault();
    sendFiles(files);
  });
  el.input.addEventListener("keydown", (event) => {
    // Enter chooses a candidate while a Chinese input method is composing: never send then.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send();
    }
  });
  el.input.addEventListener("input", () => {
    el.input.classList.remove("invalid");
    autosize();
  });
  el.mentionBot.addEventListener("click", () => insertAtCursor(`@${state.bot.name} `));
  el.mentionMember.addEventListener("click", (event) => {
    event.stopPropagation();
    toggleMentionMenu();
  });
  document.addEventListener("click", (event) => {
    if (!el.mentionMenu.hidden && !el.mentionMenu.contains(event.target)) toggleMentionMenu(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !el.mentionMenu.hidden) toggleMentionMenu(false);
  });
  el.messages.addEventListener("scroll", () => {
    if (isNearBottom()) el.newBelow.hidden = true;
  });
  el.newBelow.addEventListener("click", scrollToBottom);
}

async function start() {
  const here = await whoIsHere();
  if (here.mode === "signin") state.me = here.me;
  wire();
  let directory;
  try {
    directory = await api("/directory");
  } catch (err) {
    el.chatName.textContent = "无法打开控制台";
    el.chatMembers.textContent = "";
    el.chatList.replaceChildren(h("p", { class: "chat-list-empty" }, "没有读到人员和群的名单。"));
    toast(`读取人员和群名单失败：${err.message}`);
    return;
  }
  if (directory.bot?.name) state.bot = directory.bot;
  el.brandName.textContent = state.bot.name;
  el.mentionBot.textContent = `@${state.bot.name}`;
  for (const p of directory.people || []) state.people.set(p.id, p);
  const chats = directory.chats || [];
  state.chats = [...chats.filter((c) => c.kind === "group"), ...chats.filter((c) => c.kind !== "group")];
  for (const c of state.chats) state.chatById.set(c.id, c);
  renderChatList();

  const wanted = new URLSearchParams(location.hash.slice(1)).get("chat");
  const fromHash = wanted && state.chats.find((c) => c.id === wanted || c.name === wanted);
  const initial = fromHash || state.chatById.get(state.saved.chat) || state.chats[0];
  const narrow = window.matchMedia("(max-width: 720px)").matches;
  if (initial) {
    await selectChat(initial.id);
    if (narrow && !fromHash) el.app.classList.remove("show-chat");
  }
  connect();
  preloadAll();
}

start();
