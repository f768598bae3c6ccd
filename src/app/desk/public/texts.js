// The page's words (desk-texts.ts) and the office's time zone, put into the page as JSON data.
const data = JSON.parse(document.getElementById("desk-texts")?.textContent ?? "{}");

export const texts = data.texts ?? {};
export const timezone = data.timezone ?? "Asia/Shanghai";
