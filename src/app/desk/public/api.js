// The desk's JSON API as the page uses it: errors come back as { status, error, field }.
export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: "application/json" }, cache: "no-store" });
  return answer(response);
}

export async function postJson(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  return answer(response);
}

async function answer(response) {
  let json = {};
  try {
    json = await response.json();
  } catch {
    json = {};
  }
  if (!response.ok)
    throw Object.assign(new Error(json.error ?? String(response.status)), {
      status: response.status,
      field: json.field,
    });
  return { status: response.status, json };
}

/** `{0}` in a text replaced. */
export function fill(text, value) {
  return text.replace("{0}", value);
}

/** An element with a class, attributes and children (strings become text). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat())
    if (child !== undefined && child !== null && child !== false)
      el.append(child instanceof Node ? child : String(child));
  return el;
}

export function itemHref(ref) {
  return `/desk/items/${encodeURIComponent(ref.kind)}/${encodeURIComponent(ref.id)}`;
}

/**
 * Draws `main` again keeping what the person is typing: boxes marked `data-keep` get their value,
 * focus and selection back (a live update must not wipe a 批示 half written).
 */
export function redrawKeepingInputs(main, draw) {
  const kept = new Map();
  for (const el of main.querySelectorAll("[data-keep]"))
    kept.set(el.dataset.keep, {
      value: el.value,
      focused: document.activeElement === el,
      start: el.selectionStart,
      end: el.selectionEnd,
    });
  draw();
  for (const el of main.querySelectorAll("[data-keep]")) {
    const was = kept.get(el.dataset.keep);
    if (!was) continue;
    el.value = was.value;
    el.dispatchEvent(new Event("input"));
    if (was.focused) {
      el.focus();
      el.setSelectionRange?.(was.start, was.end);
    }
  }
}
