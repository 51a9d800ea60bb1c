// The host-page snippet for the iframe fallback: sizes every
// <iframe data-keck-embed src=".../embed.html?..."> to its content. Messages are accepted
// only from the iframe's own window and origin.
function listen(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type !== 'keck-embed-height' || typeof event.data.height !== 'number') return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-keck-embed]')) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      const height = Math.max(0, Math.min(event.data.height, 20000));
      frame.style.height = `${height}px`;
    }
  });
}

listen();
