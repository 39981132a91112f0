// Telegram stand-in, part buttons: MainButton, SecondaryButton, BackButton and SettingsButton.
// One of the parts scripts/standIn.ts joins, in one scope, into ../telegram-web-app.js.
/** A button that keeps its state, posts `event` when that changes and calls its clicks on `pressed`. */
function button(event, pressed, clicked, params) {
  /** @type {Function[]} */
  const clicks = [];
  let last = '';
  /** @type {any} */
  const b = {
    isVisible: false,
    onClick: (fn) => (clicks.push(fn), b),
    offClick: (fn) => (clicks.splice(clicks.indexOf(fn) >>> 0, 1), b),
    show: () => set({ isVisible: true }),
    hide: () => set({ isVisible: false }),
  };
  const set = (changes) => {
    Object.assign(b, changes);
    const now = JSON.stringify(params(b));
    if (now !== last) post(event, JSON.parse((last = now)));
    return b;
  };
  b.set = set;
  on(pressed, () => {
    clicks.slice().forEach((fn) => fn());
    emit(clicked, undefined);
  });
  return b;
}
function bottomButton(kind, defaultText) {
  const b = button(`web_app_setup_${kind}_button`, `${kind}_button_pressed`, `${kind}ButtonClicked`, (x) => ({
    is_visible: x.isVisible,
    is_active: x.isActive,
    is_progress_visible: x.isProgressVisible,
    text: x.text,
    color: x.color,
    text_color: x.textColor,
    has_shine_effect: x.hasShineEffect,
    ...(kind === 'secondary' ? { position: x.position } : {}),
    ...(x.iconCustomEmojiId ? { icon_custom_emoji_id: x.iconCustomEmojiId } : {}),
  }));
  Object.assign(b, {
    text: defaultText,
    color: themeParams.button_color || '#2481cc',
    textColor: themeParams.button_text_color || '#ffffff',
    isActive: true,
    isProgressVisible: false,
    hasShineEffect: false,
    iconCustomEmojiId: '',
    setText: (text) => b.set({ text }),
    enable: () => b.set({ isActive: true }),
    disable: () => b.set({ isActive: false }),
    showProgress: (leaveActive) => b.set({ isProgressVisible: true, isActive: Boolean(leaveActive) }),
    hideProgress: () => b.set({ isProgressVisible: false, isActive: true }),
    setParams: (p) =>
      b.set({
        ...(p.text !== undefined && { text: p.text }),
        ...(p.color !== undefined && { color: p.color }),
        ...(p.text_color !== undefined && { textColor: p.text_color }),
        ...(p.is_visible !== undefined && { isVisible: p.is_visible }),
        ...(p.is_active !== undefined && { isActive: p.is_active }),
        ...(p.has_shine_effect !== undefined && { hasShineEffect: p.has_shine_effect }),
        ...(p.position !== undefined && { position: p.position }),
        ...(p.icon_custom_emoji_id !== undefined && { iconCustomEmojiId: p.icon_custom_emoji_id }),
      }),
  });
  if (kind === 'secondary') b.position = 'left';
  return b;
}
const settingsOrBack = (kind) =>
  button(`web_app_setup_${kind}_button`, `${kind}_button_pressed`, `${kind}ButtonClicked`, (x) => ({
    is_visible: x.isVisible,
  }));
