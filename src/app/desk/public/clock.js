// Live times: countdowns to deadlines (`data-countdown`), counters since events (`data-since`),
// the header clock. One timer for the whole page, every second.
import { texts as T, timezone } from "./texts.js";

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: timezone,
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const clockFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: timezone,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** An ISO time in the office's zone, e.g. 12/06 14:05. */
export function localTime(iso) {
  return timeFormat.format(new Date(iso));
}

export function clockTime(date = new Date()) {
  return clockFormat.format(date);
}

/** A length of time in words: 2天3小时, 1小时05分, 12分30秒. */
export function span(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86400);
  const hr = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return `${d}${T.day}${hr}${T.hour}`;
  if (hr > 0) return `${hr}${T.hour}${String(m).padStart(2, "0")}${T.minute}`;
  return `${m}${T.minute}${String(s).padStart(2, "0")}${T.second}`;
}

function tick(root = document) {
  const now = Date.now();
  for (const el of root.querySelectorAll("[data-countdown]")) {
    const left = Date.parse(el.dataset.countdown) - now;
    el.textContent = left >= 0 ? `${T.due}${span(left)}` : `${T.overdue}${span(-left)}`;
    el.classList.toggle("overdue", left < 0);
    el.classList.toggle("soon", left >= 0 && left < 15 * 60 * 1000);
  }
  for (const el of root.querySelectorAll("[data-since]")) {
    const since = now - Date.parse(el.dataset.since);
    el.textContent = since < 60_000 ? T.justNow : T.sinceLive.replace("{0}", span(since));
  }
  const clock = document.getElementById("clock");
  if (clock) clock.textContent = clockTime();
}

export function startClock() {
  tick();
  setInterval(tick, 1000);
}

/** Fills the live times of freshly drawn elements at once (not a second later). */
export const refreshTimes = tick;
