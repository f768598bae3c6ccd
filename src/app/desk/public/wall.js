// The wall screen reads itself: long panels scroll a page every few seconds and start over.
const PAGE_MS = 6000;
let timer;

export function startWallScroll(main) {
  clearInterval(timer);
  timer = setInterval(() => {
    for (const body of main.querySelectorAll(".panel-body")) {
      if (body.scrollHeight <= body.clientHeight + 4) continue;
      const atEnd = body.scrollTop + body.clientHeight >= body.scrollHeight - 4;
      body.scrollTo({ top: atEnd ? 0 : body.scrollTop + body.clientHeight * 0.9, behavior: "smooth" });
    }
  }, PAGE_MS);
}
