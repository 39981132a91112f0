// An unmodified Mini App page as an author writes it: Telegram's script and the SDK's CDN script by
// their real URLs, no stub of its own. Its app code calls ready(), expand(), sets up the main button,
// shows the launch's user id, and counts main-button clicks.
export function miniAppPageHtml(token: string, appName: string): string {
  const init = JSON.stringify({ token, appName }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Mini App</title>
<script src="https://telegram.org/js/telegram-web-app.js"></script>
<script async src="https://tganalytics.xyz/index.js" onload="initAnalytics()"></script>
<script>
  function initAnalytics() { window.telegramAnalytics.init(${init}); }
</script>
</head><body>
<p>User <span id="user"></span>, clicks <span id="clicks">0</span></p>
<script>
  const tg = window.Telegram.WebApp;
  tg.ready();
  tg.expand();
  document.getElementById('user').textContent = String(tg.initDataUnsafe.user.id);
  tg.MainButton.setText('Buy').show();
  tg.onEvent('mainButtonClicked', () => {
    const clicks = document.getElementById('clicks');
    clicks.textContent = String(Number(clicks.textContent) + 1);
  });
</script>
</body></html>`;
}
